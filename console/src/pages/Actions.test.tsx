import { fireEvent, render as renderIn, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ReactElement } from "react";
import { MemoryRouter } from "react-router-dom";
import type { components } from "../api/generated/mutation";

const roles = vi.hoisted(() => ({ current: ["ppk"] as string[] }));
vi.mock("../auth/session", () => ({ useSession: () => ({ claims: { roles: roles.current } }) }));

import { Actions } from "./MutasiDetail";

// The steps live on routed pages (the decree opens the Keputusan form).
const render = (ui: ReactElement) => renderIn(<MemoryRouter>{ui}</MemoryRouter>);

type Transfer = components["schemas"]["MutationView"];

const transfer = (status: string, timeline: Transfer["timeline"] = []): Transfer => ({
  mutation_id: "m-1", nip: "198403152009011002", status, kind: "NEED_BASED", reason: "kebutuhan",
  from_unit_id: "sma-1", from_position_id: "guru-1", to_unit_id: "sma-2", to_position_id: "guru-2",
  need_id: null, proposed_by: "operator.bkd", proposed_at: "2026-03-01T02:00:00Z", status_since: "2026-03-02T02:00:00Z",
  sk_number: null, sk_date: null, tmt: null, version: 3, timeline,
});

const answered = () => {
  const fetch = vi.fn(async (_request: Request) =>
    new Response(JSON.stringify({ mutation_id: "m-1", status: "X", version: 4, events: [] }), { status: 200, headers: { "Content-Type": "application/json" } }),
  );
  vi.stubGlobal("fetch", fetch);
  return fetch;
};

afterEach(() => vi.unstubAllGlobals());

describe("the steps of a transfer", () => {
  it("asks the PPK for reasons when approving against the sidang's recommendation", async () => {
    roles.current = ["ppk"];
    const fetch = answered();
    const against = transfer("REVIEWED", [
      { step: "REVIEWED", version: 3, details: { recommended: false }, actor: "tpk.a", at: "2026-03-02T02:00:00Z", event_type: "x", reason: null },
    ]);
    const done = vi.fn();
    render(<Actions m={against} onDone={done} />);
    fireEvent.click(screen.getByRole("button", { name: "Setujui" }));
    expect(await screen.findByText(/TPK tidak merekomendasikan/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Konfirmasi" }));
    expect(await screen.findByText("Wajib diisi.")).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText("Pertimbangan"), { target: { value: "Kebutuhan mendesak di SMA 2." } });
    fireEvent.click(screen.getByRole("button", { name: "Konfirmasi" }));
    await waitFor(() => expect(done).toHaveBeenCalledWith(expect.objectContaining({ version: 4 })));
    const request = fetch.mock.calls[0][0];
    expect(new URL(request.url).pathname).toBe("/api/mutation/mutations/m-1/approve");
    expect(await request.json()).toEqual({ reasons: "Kebutuhan mendesak di SMA 2.", fit_override: null });
  });

  it("records the sidang with every member present and the berita acara", async () => {
    roles.current = ["tpk_member"];
    const fetch = answered();
    render(<Actions m={transfer("DOCUMENTS_CHECKED")} onDone={() => {}} />);
    fireEvent.click(screen.getByRole("button", { name: "Tinjau (TPK)" }));
    fireEvent.change(await screen.findByLabelText(/Anggota TPK lain yang hadir/), { target: { value: "tpk.sekda\n tpk.inspektur \n" } });
    fireEvent.change(screen.getByLabelText("Nomor berita acara sidang"), { target: { value: "BA/TPK/7/2026" } });
    fireEvent.click(screen.getByRole("button", { name: "Konfirmasi" }));
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(await fetch.mock.calls[0][0].json()).toEqual({
      members_present: ["tpk.sekda", "tpk.inspektur"],
      berita_acara_ref: "BA/TPK/7/2026",
      recommended: true,
      notes: "",
    });
  });

  it("asks the PPK for the cancelling decree of a decreed transfer; BKD is not offered it", async () => {
    roles.current = ["bkd_operator"];
    const { unmount } = render(<Actions m={transfer("DECREED")} onDone={() => {}} />);
    expect(screen.queryByRole("button", { name: "Batalkan mutasi" })).toBeNull();
    unmount();
    roles.current = ["ppk"];
    const fetch = answered();
    render(<Actions m={transfer("DECREED")} onDone={() => {}} />);
    fireEvent.click(screen.getByRole("button", { name: "Batalkan mutasi" }));
    expect(await screen.findByLabelText("Nomor SK pembatalan")).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText("Pertimbangan"), { target: { value: "Pegawai meninggal dunia." } });
    fireEvent.click(screen.getByRole("button", { name: "Konfirmasi" }));
    await waitFor(() => expect(screen.getAllByText("Wajib diisi.")).toHaveLength(2)); // number and date
    expect(fetch).not.toHaveBeenCalled();
  });
});
