/** How this deployment signs people in, read from `/config.json` at start (served by the
 * console's web server: the local one says "development", production's names the IdP). */
export type AuthConfig =
  | { auth: "development" }
  | { auth: "oidc"; authority: string; client_id: string; scope?: string };

export async function loadConfig(): Promise<AuthConfig> {
  const r = await fetch("/config.json", { cache: "no-store" });
  if (!r.ok) throw new Error(`config.json: ${r.status}`);
  return (await r.json()) as AuthConfig;
}
