import { describe, expect, it } from "vitest";
import { actionsFor, screensFor } from "./roles";

describe("roles", () => {
  it("offers each role only its own steps", () => {
    expect(actionsFor(["tpk_member"], "PROPOSED")).toEqual([]); // the file is checked first
    expect(actionsFor(["tpk_member"], "DOCUMENTS_CHECKED")).toEqual(["review"]);
    expect(actionsFor(["ppk"], "REVIEWED")).toEqual(["approve", "reject"]);
    expect(actionsFor(["employee"], "SOCIALIZED")).toEqual(["acknowledge", "object"]);
    expect(actionsFor(["employee"], "APPROVED")).toEqual([]);
    expect(actionsFor(["auditor"], "REVIEWED")).toEqual([]);
  });

  it("leaves objections and the cancelling decree to the PPK", () => {
    expect(actionsFor(["bkd_operator"], "OBJECTED")).toEqual(["cancel"]);
    expect(actionsFor(["ppk"], "OBJECTED")).toEqual(["resolve"]);
    expect(actionsFor(["bkd_operator"], "DECREED")).toEqual([]);
    expect(actionsFor(["ppk"], "DECREED")).toEqual(["cancel"]);
    expect(actionsFor(["bkd_operator"], "HELD")).toEqual(["release"]);
    expect(actionsFor(["ppk"], "HELD")).toEqual(["release", "cancel"]);
    expect(actionsFor(["bkd_operator"], "APPROVED")).toEqual(["socialize", "cancel"]);
  });

  it("shows an employee the self-service only", () => {
    expect(screensFor(["employee"])).toEqual(["saya"]);
    expect(screensFor(["evaluator"])).toEqual(["tugas", "pemantauan"]);
  });
});
