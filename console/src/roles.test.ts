import { describe, expect, it } from "vitest";
import { actionsFor, screensFor } from "./roles";

describe("roles", () => {
  it("offers each role only its own steps", () => {
    expect(actionsFor(["tpk_member"], "PROPOSED")).toEqual(["review"]);
    expect(actionsFor(["ppk"], "REVIEWED")).toEqual(["approve", "reject"]);
    expect(actionsFor(["employee"], "SOCIALIZED")).toEqual(["acknowledge", "object"]);
    expect(actionsFor(["employee"], "APPROVED")).toEqual([]);
    expect(actionsFor(["auditor"], "REVIEWED")).toEqual([]);
  });

  it("shows an employee the self-service only", () => {
    expect(screensFor(["employee"])).toEqual(["saya"]);
    expect(screensFor(["evaluator"])).toEqual(["tugas", "pemantauan"]);
  });
});
