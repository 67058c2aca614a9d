import { describe, expect, it } from "vitest";
import { predikatOf } from "./predikat";

describe("predikatOf", () => {
  it("gives the matrix of PermenPANRB 6/2022", () => {
    expect(predikatOf("DI_ATAS", "DI_ATAS")).toBe("SANGAT_BAIK");
    expect(predikatOf("DI_ATAS", "SESUAI")).toBe("BAIK");
    expect(predikatOf("SESUAI", "DI_BAWAH")).toBe("KURANG");
    expect(predikatOf("DI_BAWAH", "DI_ATAS")).toBe("BUTUH_PERBAIKAN");
    expect(predikatOf("DI_BAWAH", "DI_BAWAH")).toBe("SANGAT_KURANG");
  });
});
