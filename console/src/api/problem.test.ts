import { describe, expect, it } from "vitest";
import { toApiError, unwrap, type Problem } from "./problem";

const problem = (over: Partial<Problem>): Partial<Problem> => ({
  type: "urn:rangkui:problem:rule_violated",
  title: "Ditolak",
  status: 422,
  instance: "/mutations/m-1/approve",
  correlation_id: null,
  details: null,
  message_en: null,
  problems: null,
  ...over,
});

describe("toApiError", () => {
  it("keeps the Indonesian message, the rule, its legal basis and every violation", () => {
    const e = toApiError(
      422,
      problem({
        error: "rule_violated",
        rule: "min_years_in_post",
        message: "Pegawai belum dua tahun dalam jabatan.",
        detail: "Pegawai belum dua tahun dalam jabatan.",
        message_en: "less than two years in post",
        legal_basis: "PP 11/2017 Pasal 190",
        violations: [
          { rule: "min_years_in_post", message: "Pegawai belum dua tahun dalam jabatan.", message_en: null, legal_basis: "PP 11/2017 Pasal 190", details: null },
          { rule: "tpk_quorum_not_met", message: "Sidang TPK dihadiri 1 anggota; kuorum 3 anggota.", message_en: null, legal_basis: null, details: null },
        ],
      }),
    );
    expect(e.message).toBe("Pegawai belum dua tahun dalam jabatan.");
    expect(e.rule).toBe("min_years_in_post");
    expect(e.legalBasis).toBe("PP 11/2017 Pasal 190");
    expect(e.violations.map((v) => v.rule)).toEqual(["min_years_in_post", "tpk_quorum_not_met"]);
    expect(e.status).toBe(422);
  });

  it("reads a validation problem's fields, and a proxy's plain text", () => {
    const v = toApiError(
      422,
      problem({ error: "invalid", detail: "Permintaan tidak valid.", problems: [{ field: "body.berita_acara_ref", message: "wajib diisi" }] }),
    );
    expect(v.message).toBe("Permintaan tidak valid.");
    expect(v.problems).toEqual([{ field: "body.berita_acara_ref", message: "wajib diisi" }]);
    expect(toApiError(502, "Bad Gateway").message).toBe("Bad Gateway");
  });
});

describe("unwrap", () => {
  it("turns a network failure into an outage a person understands", async () => {
    await expect(unwrap(Promise.reject(new TypeError("fetch failed")))).rejects.toMatchObject({
      status: 0,
      rule: "unavailable",
      message: expect.stringContaining("tidak dapat dihubungi"),
    });
  });
});
