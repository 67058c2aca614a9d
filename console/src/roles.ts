/** Which screens each role sees. The services decide what a role may do; this only keeps
 * the console from offering what they would refuse. */
export type Screen = "beranda" | "kebutuhan" | "mutasi" | "tugas" | "pegawai" | "pemantauan" | "saya" | "impor";

export const SCREENS: Record<Screen, string[]> = {
  beranda: ["bkd_operator", "tpk_member", "ppk", "auditor"],
  kebutuhan: ["bkd_operator", "tpk_member", "ppk", "auditor"],
  mutasi: ["bkd_operator", "tpk_member", "ppk", "auditor"],
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
  bkd_operator: {
    PROPOSED: ["documents", "cancel"],
    DOCUMENTS_CHECKED: ["documents", "cancel"],
    REVIEWED: ["cancel"],
    APPROVED: ["socialize", "decree", "cancel"],
    SOCIALIZED: ["cancel"],
    ACKNOWLEDGED: ["decree", "cancel"],
    OBJECTED: ["resolve"],
    OBJECTION_DISMISSED: ["decree", "cancel"],
  },
  tpk_member: { PROPOSED: ["review"], DOCUMENTS_CHECKED: ["review"] },
  ppk: {
    REVIEWED: ["approve", "reject"],
    PROPOSED: ["approve", "reject"],
    DOCUMENTS_CHECKED: ["approve", "reject"],
    OBJECTED: ["resolve"],
    ACKNOWLEDGED: ["decree"],
    OBJECTION_DISMISSED: ["decree"],
  },
  employee: { SOCIALIZED: ["acknowledge", "object"] },
};

export function actionsFor(roles: string[], status: string): string[] {
  const out: string[] = [];
  for (const r of roles) for (const a of ACTIONS[r]?.[status] ?? []) if (!out.includes(a)) out.push(a);
  return out;
}
