import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/problem";
import { ActionButton } from "./ActionButton";
import { AsyncView } from "./AsyncView";
import { Refusal } from "./Refusal";

describe("Refusal", () => {
  it("shows the API's message with its rule and legal basis", () => {
    render(<Refusal error={new ApiError("Diusulkan sendiri, tidak boleh diputuskan sendiri.", 403, "segregation_of_duties", "PP 11/2017")} />);
    expect(screen.getByRole("alert")).toHaveTextContent("Diusulkan sendiri");
    expect(screen.getByText("segregation_of_duties")).toBeInTheDocument();
    expect(screen.getByText(/PP 11\/2017/)).toBeInTheDocument();
  });
});

describe("AsyncView", () => {
  const base = { reload: () => {} };
  it("says it is loading, then that there is nothing, then the data", () => {
    const { rerender } = render(<AsyncView state={{ ...base, data: undefined, error: null, loading: true }}>{() => "isi"}</AsyncView>);
    expect(screen.getByRole("status")).toHaveTextContent("Memuat");
    rerender(<AsyncView state={{ ...base, data: [], error: null, loading: false }}>{() => "isi"}</AsyncView>);
    expect(screen.getByText("Belum ada data.")).toBeInTheDocument();
    rerender(<AsyncView state={{ ...base, data: [1], error: null, loading: false }}>{() => "isi"}</AsyncView>);
    expect(screen.getByText("isi")).toBeInTheDocument();
  });

  it("shows an error with a way to try again", () => {
    const reload = vi.fn();
    render(<AsyncView state={{ reload, data: undefined, error: new ApiError("Layanan tidak dapat dihubungi.", 503), loading: false }}>{() => "isi"}</AsyncView>);
    fireEvent.click(screen.getByRole("button", { name: "Coba lagi" }));
    expect(reload).toHaveBeenCalled();
  });
});

describe("ActionButton", () => {
  it("asks for confirmation and shows the refusal in the dialog", async () => {
    const run = vi.fn().mockRejectedValue(new ApiError("Berkas belum lengkap.", 422, "documents_complete"));
    render(<ActionButton label="Setujui" run={run} />);
    fireEvent.click(screen.getByRole("button", { name: "Setujui" }));
    expect(await screen.findByRole("dialog")).toHaveTextContent("Setujui?");
    expect(run).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Konfirmasi" }));
    expect(await screen.findByText("Berkas belum lengkap.")).toBeInTheDocument();
    expect(screen.getByText("documents_complete")).toBeInTheDocument();
  });

  it("runs the step once confirmed", async () => {
    const done = vi.fn();
    const run = vi.fn().mockResolvedValue({ version: 3 });
    render(<ActionButton label="Sosialisasikan" run={run} onDone={done} />);
    fireEvent.click(screen.getByRole("button", { name: "Sosialisasikan" }));
    fireEvent.click(await screen.findByRole("button", { name: "Konfirmasi" }));
    await waitFor(() => expect(done).toHaveBeenCalledWith({ version: 3 }));
  });
});
