import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EvaluationForm } from "./Pemantauan";

const item = {
  plan_id: "plan-1",
  checkpoint_id: "plan-1-m3",
  nip: "198403152009011002",
  unit_id: "sma-2",
  months_after: 3,
  due_date: "2027-03-03",
  status: "DUE",
  predikat: null,
};

afterEach(() => vi.unstubAllGlobals());

describe("EvaluationForm", () => {
  it("shows the predikat the two ratings give and records the checkpoint", async () => {
    const fetch = vi.fn(async (_request: Request) =>
      new Response(JSON.stringify({ predikat: "BAIK", evaluation_id: "e1" }), { status: 201, headers: { "Content-Type": "application/json" } }),
    );
    vi.stubGlobal("fetch", fetch);
    const done = vi.fn();
    render(<EvaluationForm item={item} evaluatorNip="197505102000031001" onDone={done} />);
    expect(screen.getByTestId("predikat")).toHaveTextContent("—");
    fireEvent.click(screen.getAllByLabelText("Di atas ekspektasi")[0]);
    fireEvent.click(screen.getAllByLabelText("Sesuai ekspektasi")[1]);
    expect(screen.getByTestId("predikat")).toHaveTextContent("Baik");
    fireEvent.click(screen.getByLabelText("Memahami tugas barunya"));
    fireEvent.click(screen.getByRole("button", { name: /Simpan penilaian/ }));
    await waitFor(() => expect(done).toHaveBeenCalled());
    const request = fetch.mock.calls[0][0];
    expect(new URL(request.url).pathname).toBe("/api/evaluation/evaluations");
    expect(await request.json()).toMatchObject({
      nip: item.nip,
      kind: "CHECKPOINT",
      checkpoint_id: "plan-1-m3",
      hasil_kerja: "DI_ATAS",
      perilaku_kerja: "SESUAI",
      adaptation: { understands_new_duties: true, works_with_team: false, needs_training: false },
    });
    expect(await screen.findByText("Penilaian tersimpan, predikat Baik.")).toBeInTheDocument();
  });
});
