import { describe, expect, it } from "vitest";
import { toApiError, unwrap } from "./problem";

describe("toApiError", () => {
  it("keeps the Indonesian message, the rule, its legal basis and every violation", () => {
    const e = toApiError(422, {
      error: "rule_violated",
      rule: "min_years_in_post",
      message: "Pegawai belum dua tahun dalam jabatan.",
      message_en: "less than two years in post",
      legal_basis: "PP 11/2017 Pasal 190",
      violations: [{ rule: "min_years_in_post", message: "Pegawai belum dua tahun dalam jabatan." }],
    });
    expect(e.message).toBe("Pegawai belum dua tahun dalam jabatan.");
    expect(e.rule).toBe("min_years_in_post");
    expect(e.legalBasis).toBe("PP 11/2017 Pasal 190");
    expect(e.violations).toHaveLength(1);
    expect(e.status).toBe(422);
  });

  it("reads problem details and FastAPI's validation lists too", () => {
    expect(toApiError(404, { title: "Not Found", detail: "tidak ada" }).message).toBe("tidak ada");
    const v = toApiError(422, { detail: [{ loc: ["body", "reason"], msg: "Field required" }] });
    expect(v.message).toBe("reason: Field required");
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
