import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { components } from "../api/generated/mutation";

const NIP = "198403152009011002";
vi.mock("../auth/session", () => ({ useSession: () => ({ claims: { roles: ["employee"], nip: NIP } }) }));

import { Saya } from "./Saya";
import { Mutasi } from "./Mutasi";

// Ant Design renders slowly in jsdom on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

type Transfer = components["schemas"]["MutationView"];

const transfer = (decreeId: string | null): Transfer => ({
  mutation_id: "m-1aaaaaaa", nip: NIP, status: decreeId ? "DECREED" : "ACKNOWLEDGED", kind: "NEED_BASED", reason: "kebutuhan",
  from_unit_id: "sma-1", from_position_id: "guru-1", to_unit_id: "sma-2", to_position_id: "guru-2",
  need_id: null, proposed_by: "operator.bkd", proposed_at: "2026-03-01T02:00:00Z", status_since: "2026-03-02T02:00:00Z",
  sk_number: decreeId ? "800/12/BKD/2026" : null, sk_date: decreeId ? "2026-03-02" : null, tmt: decreeId ? "2026-04-01" : null,
  version: 7, timeline: [], decree_id: decreeId,
});

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } });

function network(m: Transfer) {
  const fetch = vi.fn(async (r: Request) => {
    const path = new URL(r.url).pathname;
    if (path.startsWith("/api/notification/")) return json([]);
    if (path === `/api/mutation/employees/${NIP}/mutations`) return json([m]);
    if (path === `/api/mutation/mutations/${m.mutation_id}`) return json(m);
    if (path === "/api/mutation/pipeline") return json([]);
    if (path === "/api/mutation/mutations") return json({ items: [m], total: 41, limit: 20, offset: 0 });
    if (path.includes("/petikan/")) return new Response(new Uint8Array([0x25, 0x50]), { status: 200, headers: { "Content-Type": "application/pdf" } });
    return new Response("{}", { status: 500 });
  });
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

describe("the employee's own decree", () => {
  it("offers the petikan once the transfer has a decree, and fetches the employee's own", async () => {
    const fetch = network(transfer("dec-1"));
    vi.stubGlobal("URL", Object.assign(URL, { createObjectURL: () => "blob:x", revokeObjectURL: () => {} }));
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    render(<MemoryRouter><Saya /></MemoryRouter>);
    fireEvent.click(await screen.findByRole("button", { name: "Unduh petikan SK saya" }));
    await waitFor(() => expect(clicked).toHaveBeenCalled());
    expect(fetch.mock.calls.map(([r]) => new URL(r.url).pathname)).toContain(`/api/mutation/decrees/dec-1/petikan/${NIP}`);
    expect(screen.getByText("Nomor SK: 800/12/BKD/2026 (2 Maret 2026)")).toBeInTheDocument();
    clicked.mockRestore();
  });

  it("offers no petikan before the decree", async () => {
    network(transfer(null));
    render(<MemoryRouter><Saya /></MemoryRouter>);
    expect(await screen.findByText("Diterima pegawai")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Unduh petikan SK saya" })).toBeNull();
  });
});

describe("the transfer list", () => {
  it("shows the API's page with its total and links a decreed transfer to its decree", async () => {
    network(transfer("dec-1"));
    render(<MemoryRouter><Mutasi /></MemoryRouter>);
    expect(await screen.findByRole("link", { name: "800/12/BKD/2026" })).toHaveAttribute("href", "/keputusan/dec-1");
    expect(screen.getByText("41 berkas")).toBeInTheDocument();
  });
});
