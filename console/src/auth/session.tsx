/** Who is signed in, for the whole console; the token itself stays in `auth/token`. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { UserManager } from "oidc-client-ts";
import { decodeClaims, type Claims } from "./claims";
import { loadConfig, type AuthConfig } from "./config";
import { userManager } from "./oidc";
import { setToken } from "./token";
import { toApiError } from "../api/problem";

export interface DevSignIn {
  roles: string[];
  subject: string;
  username?: string;
  nip?: string;
  units?: string[];
}

interface Session {
  config: AuthConfig | null;
  /** True once the OIDC client exists (production) and a callback can be completed. */
  oidcReady: boolean;
  configError: string | null;
  claims: Claims | null;
  signInDev(request: DevSignIn): Promise<void>;
  signInOidc(): Promise<void>;
  completeOidc(): Promise<void>;
  signOut(): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children, config: given }: { children: ReactNode; config?: AuthConfig }) {
  const [config, setConfig] = useState<AuthConfig | null>(given ?? null);
  const [configError, setConfigError] = useState<string | null>(null);
  const [claims, setClaims] = useState<Claims | null>(null);
  const manager = useMemo<UserManager | null>(
    () => (config?.auth === "oidc" ? userManager(config.authority, config.client_id, config.scope) : null),
    [config],
  );

  useEffect(() => {
    if (given) return;
    loadConfig().then(setConfig, (e: Error) => setConfigError(e.message));
  }, [given]);

  const accept = useCallback((token: string) => {
    setToken(token);
    setClaims(decodeClaims(token));
  }, []);

  const signInDev = useCallback(
    async (request: DevSignIn) => {
      const r = await fetch("/api/dev/token", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(request),
      });
      const body = await r.json().catch(() => null);
      if (!r.ok) throw toApiError(r.status, body);
      accept(body.access_token as string);
    },
    [accept],
  );

  const signInOidc = useCallback(async () => {
    await manager?.signinRedirect();
  }, [manager]);

  const completeOidc = useCallback(async () => {
    if (!manager) throw new Error("the sign-in configuration has not loaded");
    const user = await manager.signinRedirectCallback();
    accept(user.access_token);
  }, [manager, accept]);

  const signOut = useCallback(() => {
    setToken(null);
    setClaims(null);
    void manager?.removeUser();
  }, [manager]);

  const value = useMemo(
    () => ({ config, oidcReady: manager !== null, configError, claims, signInDev, signInOidc, completeOidc, signOut }),
    [config, manager, configError, claims, signInDev, signInOidc, completeOidc, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside SessionProvider");
  return s;
}
