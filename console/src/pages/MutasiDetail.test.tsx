import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiError } from "../api/problem";
import { Refusal } from "../components/Refusal";
import type { components } from "../api/generated/mutation";
import { Held, holdOf, objectionDeadline, recommendation, stepFacts } from "./MutasiDetail";

type Transfer = components["schemas"]["MutationView"];

const step = (kind: string, version: number, details: Record<string, unknown>) => ({
  step: kind, version, details, actor: "x", at: "2026-03-02T02:00:00Z", event_type: kind, reason: null,
});

const transfer = (status: string, timeline: ReturnType<typeof step>[]): Transfer => ({
  mutation_id: "m-1", nip: "198403152009011002", status, kind: "NEED_BASED", reason: "kebutuhan",
  from_unit_id: "sma-1", from_position_id: "guru-1", to_unit_id: "sma-2", to_position_id: "guru-2",
  need_id: null, proposed_by: "operator.bkd", proposed_at: "2026-03-01T02:00:00Z", status_since: "2026-03-02T02:00:00Z",
  sk_number: null, sk_date: null, tmt: null, version: timeline.length, timeline,
});

describe("a transfer's published facts", () => {
  it("takes the objection deadline and the sidang's recommendation from the timeline", () => {
    const m = transfer("SOCIALIZED", [
      step("REVIEWED", 3, { recommended: false, members_present: ["a", "b", "c"] }),
      step("SOCIALIZED", 5, { objection_deadline: "2026-03-16" }),
    ]);
    expect(objectionDeadline(m)).toBe("2026-03-16");
    expect(recommendation(m)).toBe(false);
    expect(objectionDeadline(transfer("APPROVED", []))).toBeNull();
    expect(recommendation(transfer("PROPOSED", []))).toBeNull();
  });

  it("names the sidang's members and berita acara, and the decree, in the timeline", () => {
    expect(stepFacts(step("REVIEWED", 3, { recommended: true, members_present: ["tpk.a", "tpk.b", "tpk.c"], berita_acara_ref: "BA/1" }))).toEqual([
      "Sidang TPK: hadir tpk.a, tpk.b, tpk.c; berita acara BA/1",
      "Direkomendasikan",
    ]);
    expect(stepFacts(step("DECREED", 7, { sk_number: "800/1/BKD/2026", sk_date: "2026-03-02", tmt: "2026-04-01" }))).toEqual([
      "SK 800/1/BKD/2026 tanggal 2 Maret 2026, TMT 1 April 2026",
    ]);
  });

  it("shows why a held transfer is held, each guard with its legal basis", () => {
    const m = transfer("HELD", [
      step("HELD", 8, {
        held_on: "2026-04-01",
        reasons: [{ rule: "employee_not_transferable", message: "Pegawai sedang cuti di luar tanggungan negara.", legal_basis: "PP 11/2017 Pasal 190" }],
      }),
    ]);
    expect(holdOf(m)?.reasons).toHaveLength(1);
    render(<Held m={m} />);
    expect(screen.getByText(/sedang cuti/)).toBeInTheDocument();
    expect(screen.getByText("employee_not_transferable")).toBeInTheDocument();
    expect(screen.getByText(/PP 11\/2017 Pasal 190/)).toBeInTheDocument();
    expect(holdOf(transfer("DECREED", []))).toBeNull();
  });
});

describe("Refusal", () => {
  it("lists every failing rule with its rule id and legal basis", () => {
    const v = (rule: string, message: string, legal_basis: string | null) => ({ rule, message, legal_basis, message_en: null, details: null });
    render(
      <Refusal
        error={new ApiError("Sidang TPK dihadiri 1 anggota; kuorum 3 anggota.", 422, "tpk_quorum_not_met", null, [
          v("tpk_quorum_not_met", "Sidang TPK dihadiri 1 anggota; kuorum 3 anggota.", null),
          v("berita_acara_required", "Nomor berita acara sidang TPK wajib dicantumkan.", "Peraturan BKN 5/2019"),
        ])}
      />,
    );
    expect(screen.getByText("2 aturan tidak terpenuhi:")).toBeInTheDocument();
    expect(screen.getByText("berita_acara_required")).toBeInTheDocument();
    expect(screen.getByText(/Nomor berita acara sidang TPK wajib/)).toBeInTheDocument();
    expect(screen.getByText("Dasar hukum: Peraturan BKN 5/2019")).toBeInTheDocument();
  });
});
