/** What the console needs from an access token's claims to choose screens and scopes. The
 * services verify the token; the console only reads it to show the right things. */
export interface Claims {
  sub: string;
  roles: string[];
  nip?: string;
  units?: string[];
  preferred_username?: string;
  exp?: number;
}

export function decodeClaims(token: string): Claims {
  const part = token.split(".")[1] ?? "";
  const json = atob(part.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(part.length / 4) * 4, "="));
  const raw = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
  return { ...raw, roles: rolesOf(raw) };
}

/** The roles as the services read them: the development issuer's `roles`, or Keycloak's
 * roles of the API's own client, `resource_access.<aud>.roles` (never the realm-wide ones,
 * which the services refuse to count). */
function rolesOf(raw: Record<string, unknown>): string[] {
  if (Array.isArray(raw.roles)) return raw.roles.filter((r): r is string => typeof r === "string");
  const audiences = Array.isArray(raw.aud) ? raw.aud : [raw.aud];
  const access = (raw.resource_access ?? {}) as Record<string, { roles?: unknown } | undefined>;
  const roles = audiences.flatMap((aud) => {
    const granted = typeof aud === "string" ? access[aud]?.roles : undefined;
    return Array.isArray(granted) ? granted.filter((r): r is string => typeof r === "string") : [];
  });
  return [...new Set(roles)];
}

export function hasRole(claims: Claims | null, ...roles: string[]): boolean {
  return !!claims && roles.some((r) => claims.roles.includes(r));
}
