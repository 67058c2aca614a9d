/** Which screens each role sees. The services decide what a role may do; this only keeps
 * the console from offering what they would refuse. */
export type Screen = "beranda" | "kebutuhan" | "mutasi" | "keputusan" | "tugas" | "pegawai" | "pemantauan" | "saya" | "impor";

export const SCREENS: Record<Screen, string[]> = {
  beranda: ["bkd_operator", "tpk_member", "ppk", "auditor"],
  kebutuhan: ["bkd_operator", "tpk_member", "ppk", "auditor"],
  mutasi: ["bkd_operator", "tpk_member", "ppk", "auditor"],
  // The decree register, its documents and the issuing of decrees (BKD and the PPK issue).
  keputusan: ["bkd_operator", "tpk_member", "ppk", "auditor"],
  tugas: ["bkd_operator", "tpk_member", "ppk", "evaluator"],
  pegawai: ["bkd_operator", "auditor"],
  pemantauan: ["bkd_operator", "evaluator", "auditor"],
  saya: ["employee"],
  impor: ["bkd_operator"],
};

export function screensFor(roles: string[]): Screen[] {
  return (Object.keys(SCREENS) as Screen[]).filter((s) => SCREENS[s].some((r) => roles.includes(r)));
}

/** The steps each role takes on a transfer, by its status (mirrors the services' access
 * tables and the lifecycle; the API still has the last word). */
export const ACTIONS: Record<string, Record<string, string[]>> = {
  // BKD checks the file, socialises, records the SK once the employee acknowledged (or the
  // window closed, or the objection was dismissed), releases a held transfer; it cancels
  // only what is not decreed yet.
  bkd_operator: {
    PROPOSED: ["documents", "cancel"],
    DOCUMENTS_CHECKED: ["documents", "cancel"],
    REVIEWED: ["cancel"],
    APPROVED: ["socialize", "cancel"],
    SOCIALIZED: ["cancel"],
    ACKNOWLEDGED: ["decree", "cancel"],
    OBJECTED: ["cancel"],
    OBJECTION_DISMISSED: ["decree", "cancel"],
    HELD: ["release"],
  },
  // The TPK's sidang, once the file is checked.
  tpk_member: { DOCUMENTS_CHECKED: ["review"] },
  // The PPK decides after the sidang, alone resolves objections, and alone cancels a
  // decreed transfer (with the cancelling decree).
  ppk: {
    REVIEWED: ["approve", "reject"],
    OBJECTED: ["resolve"],
    ACKNOWLEDGED: ["decree"],
    OBJECTION_DISMISSED: ["decree"],
    DECREED: ["cancel"],
    HELD: ["release", "cancel"],
  },
  employee: { SOCIALIZED: ["acknowledge", "object"] },
};

export function actionsFor(roles: string[], status: string): string[] {
  const out: string[] = [];
  for (const r of roles) for (const a of ACTIONS[r]?.[status] ?? []) if (!out.includes(a)) out.push(a);
  return out;
}
