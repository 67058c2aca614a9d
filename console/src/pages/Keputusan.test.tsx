import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import dayjs from "dayjs";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setToken } from "../auth/token";
import type { components } from "../api/generated/mutation";

const roles = vi.hoisted(() => ({ current: ["bkd_operator"] as string[] }));
vi.mock("../auth/session", () => ({ useSession: () => ({ claims: { roles: roles.current } }) }));

import { DecreeDetail, Keputusan, KeputusanBaru, decreeBody, mayIssue } from "./Keputusan";
import { loadTransfers } from "./Mutasi";

// Ant Design tables and forms render slowly in jsdom on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

type Decree = components["schemas"]["DecreeView"];
type Transfer = components["schemas"]["MutationView"];

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" },
  });

/** Stands in for the network: each request is answered by the first route whose test matches. */
function network(routes: [(r: Request) => boolean, (r: Request) => Response | Promise<Response>][]) {
  const fetch = vi.fn(async (request: Request) => {
    for (const [test, answer] of routes) if (test(request)) return answer(request);
    return json({ message: `unexpected ${request.method} ${request.url}` }, 500);
  });
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

const path = (r: Request) => new URL(r.url).pathname;
const query = (r: Request) => new URL(r.url).searchParams;

const transfer = (id: string, status: string): Transfer => ({
  mutation_id: id, nip: "198403152009011002", status, kind: "NEED_BASED", reason: "kebutuhan",
  from_unit_id: "sma-1", from_position_id: "guru-1", to_unit_id: "sma-2", to_position_id: "guru-2",
  need_id: null, proposed_by: "operator.bkd", proposed_at: "2026-03-01T02:00:00Z", status_since: "2026-03-02T02:00:00Z",
  sk_number: null, sk_date: null, tmt: null, version: 6, timeline: [], decree_id: null,
});

const decree: Decree = {
  decree_id: "dec-1", sk_number: "800/12/BKD/2026", sk_date: "2026-03-02", tmt: "2026-04-01",
  title: "Pemindahan Pegawai Negeri Sipil di Lingkungan Pemerintah Provinsi Rangkui",
  considerations: ["bahwa untuk pemerataan guru"], legal_bases: ["UU 20/2023"], place: "Tanjung Batu",
  signer: { name: "Ir. H. Gubernur", post: "GUBERNUR RANGKUI", nip: null, on_behalf: null },
  copies_to: ["Kepala BKN"], document_sha256: "a".repeat(64), template_version: "1", issued_by: "kabid.mutasi.bkd",
  document_url: "/decrees/dec-1/document", verify_url: "/decrees/dec-1/verify", status: "BERLAKU", corrections: [],
  rows: [
    { number: 1, mutation_id: "m-1", nip: "198403152009011002", name: "Budi Santoso", grade: "III/c", rank_name: "Penata",
      from_position: "Guru Matematika", from_unit: "SMA Negeri 1", to_position: "Guru Matematika", to_unit: "SMA Negeri 2", remarks: "" },
    { number: 2, mutation_id: "m-2", nip: "198607202010012003", name: "Siti Rahmawati", grade: "III/b", rank_name: "",
      from_position: "Guru Fisika", from_unit: "SMA Negeri 1", to_position: "Guru Fisika", to_unit: "SMA Negeri 3", remarks: "Atas permintaan sendiri" },
  ],
};

beforeEach(() => {
  roles.current = ["bkd_operator"];
  setToken("token-1");
});
afterEach(() => {
  vi.unstubAllGlobals();
  setToken(null);
});

describe("the decree register", () => {
  it("shows a page of decrees and asks the API for the next page", async () => {
    const items = Array.from({ length: 20 }, (_, i) => ({
      decree_id: `dec-${i}`, sk_number: `800/${i}/BKD/2026`, sk_date: "2026-03-02", tmt: "2026-04-01", title: "Pemindahan PNS",
      rows: i + 1, signer_post: "GUBERNUR RANGKUI", document_sha256: "a".repeat(64), issued_by: "kabid", issued_at: "2026-03-02T02:00:00Z",
    }));
    const fetch = network([[(r) => path(r) === "/api/mutation/decrees", () => json({ items, total: 45, limit: 20, offset: 0 })]]);
    render(<MemoryRouter><Keputusan /></MemoryRouter>);
    expect(await screen.findByRole("link", { name: "800/3/BKD/2026" })).toHaveAttribute("href", "/keputusan/dec-3");
    expect(screen.getByText("45 keputusan")).toBeInTheDocument();
    expect(screen.getAllByText("2 Maret 2026").length).toBeGreaterThan(0);
    expect(screen.getByRole("button", { name: "Terbitkan keputusan" })).toBeInTheDocument();
    expect(query(fetch.mock.calls[0][0]).get("offset")).toBe("0");
    fireEvent.click(screen.getByTitle("2"));
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    expect(query(fetch.mock.calls[1][0]).get("offset")).toBe("20");
    expect(query(fetch.mock.calls[1][0]).get("limit")).toBe("20");
  });

  it("offers the issuing of decrees to BKD and the PPK only", async () => {
    expect(mayIssue(["ppk"])).toBe(true);
    expect(mayIssue(["tpk_member", "auditor"])).toBe(false);
    roles.current = ["auditor"];
    network([[() => true, () => json({ items: [], total: 0, limit: 20, offset: 0 })]]);
    render(<MemoryRouter><Keputusan /></MemoryRouter>);
    expect(await screen.findByText("Belum ada data.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Terbitkan keputusan" })).toBeNull();
  });
});

describe("one decree", () => {
  it("shows its lampiran, signer and verification, and downloads its PDF and each petikan with the token", async () => {
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    const fetch = network([
      [(r) => path(r).endsWith("/verify"), () => json({ genuine: true, matched: "DOCUMENT", status: "BERLAKU", sk_number: decree.sk_number,
        sk_date: decree.sk_date, tmt: decree.tmt, title: decree.title, signer_post: "GUBERNUR RANGKUI", rows: 2, pesan: "Dokumen asli dan berlaku." })],
      [(r) => path(r).includes("/document") || path(r).includes("/petikan/"), () => new Response(pdf, { status: 200, headers: { "Content-Type": "application/pdf" } })],
    ]);
    const created = vi.fn(() => "blob:x");
    vi.stubGlobal("URL", Object.assign(URL, { createObjectURL: created, revokeObjectURL: () => {} }));
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    render(<MemoryRouter><DecreeDetail d={decree} /></MemoryRouter>);
    expect(screen.getByRole("heading", { name: "Keputusan Nomor 800/12/BKD/2026" })).toBeInTheDocument();
    expect(screen.getByText("Budi Santoso")).toBeInTheDocument();
    expect(screen.getByText("Penata, III/c")).toBeInTheDocument();
    expect(screen.getByText("Atas permintaan sendiri")).toBeInTheDocument();
    expect(screen.getByText(/GUBERNUR RANGKUI · Ir\. H\. Gubernur/)).toBeInTheDocument();
    expect(await screen.findByText("Dokumen asli dan berlaku.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Halaman verifikasi keaslian" })).toHaveAttribute(
      "href", `/api/mutation/verifikasi/dec-1?kode=${"a".repeat(64)}`,
    );
    expect(screen.getByRole("link", { name: "m-1" })).toHaveAttribute("href", "/mutasi/m-1");

    fireEvent.click(screen.getByRole("button", { name: "Unduh SK (PDF)" }));
    await waitFor(() => expect(clicked).toHaveBeenCalledTimes(1));
    fireEvent.click(screen.getByRole("button", { name: "Unduh petikan Siti Rahmawati" }));
    await waitFor(() => expect(clicked).toHaveBeenCalledTimes(2));
    const files = fetch.mock.calls.map(([r]) => r).filter((r) => !path(r).endsWith("/verify"));
    expect(files.map(path)).toEqual(["/api/mutation/decrees/dec-1/document", "/api/mutation/decrees/dec-1/petikan/198607202010012003"]);
    expect(files.every((r) => r.headers.get("Authorization") === "Bearer token-1")).toBe(true);
    expect(created).toHaveBeenCalledTimes(2);
    clicked.mockRestore();
  });

  it("shows the API's refusal when a file cannot be fetched", async () => {
    network([
      [(r) => path(r).endsWith("/verify"), () => json({ message: "x" }, 503)],
      [() => true, () => json({ message: "Keputusan dec-1 tidak ditemukan. Periksa tautan atau kode verifikasinya.", rule: "unknown_decree" }, 404)],
    ]);
    render(<MemoryRouter><DecreeDetail d={decree} /></MemoryRouter>);
    fireEvent.click(screen.getByRole("button", { name: "Unduh SK (PDF)" }));
    expect(await screen.findByText("unknown_decree")).toBeInTheDocument();
  });
});

describe("issuing a decree", () => {
  const ready = () =>
    network([
      [(r) => r.method === "GET" && query(r).get("status") === "ACKNOWLEDGED", () => json({ items: [transfer("m-1aaaaaaa", "ACKNOWLEDGED")], total: 1, limit: 200, offset: 0 })],
      [(r) => r.method === "GET" && query(r).get("status") === "OBJECTION_DISMISSED", () => json({ items: [transfer("m-2bbbbbbb", "OBJECTION_DISMISSED")], total: 1, limit: 200, offset: 0 })],
      [(r) => r.method === "POST" && path(r) === "/api/mutation/decrees", () => json({
        status: 409, message: "2 aturan tidak terpenuhi.", rule: "sk_number_in_use", violations: [
          { rule: "sk_number_in_use", message: "Nomor SK 800/1 sudah dipakai untuk mutasi m-9. Nomor SK harus unik; gunakan nomor lain.", legal_basis: null, details: {} },
          { rule: "objection_pending", message: "Baris 2 (NIP 198403152009011002): Keberatan pegawai belum diputus.", legal_basis: "PP 79/2021", details: { row: 2, nip: "198403152009011002" } },
        ] }, 409)],
    ]);

  const page = (url = "/keputusan/baru") =>
    render(
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path="/keputusan/baru" element={<KeputusanBaru />} />
          <Route path="/keputusan/:id" element={<p>terbit</p>} />
        </Routes>
      </MemoryRouter>,
    );

  it("lists the ready transfers, asks for one at least, and shows every failing rule of every row", async () => {
    const fetch = ready();
    page();
    const first = await screen.findByRole("checkbox", { name: "Pilih berkas m-1aaaaa" });
    expect(screen.getByRole("checkbox", { name: "Pilih berkas m-2bbbbb" })).not.toBeChecked();
    fireEvent.change(screen.getByLabelText("Nomor SK"), { target: { value: "800/1" } });
    fireEvent.click(screen.getByRole("button", { name: "Terbitkan keputusan" }));
    expect(await screen.findByText("Pilih sedikitnya satu mutasi.")).toBeInTheDocument();
    fireEvent.click(first);
    fireEvent.click(screen.getByRole("checkbox", { name: "Pilih berkas m-2bbbbb" }));
    fireEvent.change(screen.getByLabelText("Keterangan untuk berkas m-2bbbbb"), { target: { value: "Rotasi" } });
    fireEvent.click(screen.getByRole("button", { name: "Terbitkan keputusan" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText(/untuk 2 mutasi/)).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole("button", { name: "Konfirmasi" }));
    expect(await screen.findByText(/Baris 2 \(NIP 198403152009011002\)/)).toBeInTheDocument();
    expect(screen.getByText(/Nomor SK 800\/1 sudah dipakai/)).toBeInTheDocument();
    expect(screen.getByText("objection_pending")).toBeInTheDocument();
    expect(screen.getByText("Dasar hukum: PP 79/2021")).toBeInTheDocument();
    const post = fetch.mock.calls.map(([r]) => r).find((r) => r.method === "POST")!;
    const today = dayjs().format("YYYY-MM-DD");
    expect(await post.json()).toEqual({
      mutation_ids: ["m-1aaaaaaa", "m-2bbbbbbb"], sk_number: "800/1", sk_date: today, tmt: today,
      title: "Pemindahan Pegawai Negeri Sipil di Lingkungan Pemerintah Provinsi Rangkui",
      remarks: { "m-2bbbbbbb": "Rotasi" }, retroactive_reason: null,
    });
  });

  it("opens the issued decree; a transfer's page may choose it beforehand", async () => {
    network([
      [(r) => r.method === "GET", (r) => json({ items: query(r).get("status") === "ACKNOWLEDGED" ? [transfer("m-1aaaaaaa", "ACKNOWLEDGED")] : [], total: 1, limit: 200, offset: 0 })],
      [(r) => r.method === "POST", () => json(decree, 201)],
    ]);
    page("/keputusan/baru?mutasi=m-1aaaaaaa");
    expect(await screen.findByRole("checkbox", { name: "Pilih berkas m-1aaaaa" })).toBeChecked();
    fireEvent.change(screen.getByLabelText("Nomor SK"), { target: { value: "800/12/BKD/2026" } });
    fireEvent.click(screen.getByRole("button", { name: "Terbitkan keputusan" }));
    fireEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Konfirmasi" }));
    expect(await screen.findByText("terbit")).toBeInTheDocument();
  });

  it("sends only the remarks of chosen rows, trimmed, and the default title when it is left blank", () => {
    const day = dayjs("2026-03-02");
    expect(decreeBody({ sk_number: " 800/1 ", sk_date: day, tmt: day.add(30, "day"), title: " " }, ["a"], { a: "  ", b: "x" })).toEqual({
      mutation_ids: ["a"], sk_number: "800/1", sk_date: "2026-03-02", tmt: "2026-04-01",
      title: "Pemindahan Pegawai Negeri Sipil di Lingkungan Pemerintah Provinsi Rangkui", remarks: {}, retroactive_reason: null,
    });
  });
});

describe("the transfer list", () => {
  it("asks the API for one page, filtered by status and unit", async () => {
    const fetch = network([[() => true, () => json({ items: [], total: 0, limit: 20, offset: 40 })]]);
    await loadTransfers("DECREED", "sma-2", 3);
    const q = query(fetch.mock.calls[0][0]);
    expect(path(fetch.mock.calls[0][0])).toBe("/api/mutation/mutations");
    expect([q.get("status"), q.get("unit_id"), q.get("limit"), q.get("offset")]).toEqual(["DECREED", "sma-2", "20", "40"]);
  });
});
