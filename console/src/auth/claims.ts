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
  return { ...raw, roles: Array.isArray(raw.roles) ? raw.roles : [] };
}

export function hasRole(claims: Claims | null, ...roles: string[]): boolean {
  return !!claims && roles.some((r) => claims.roles.includes(r));
}
