/**
 * Production sign-in: OpenID Connect authorisation code with PKCE against the province's
 * identity provider, through oidc-client-ts. The user (and so the tokens) is kept in an
 * in-memory store, not in local or session storage; only the short-lived PKCE state of a
 * sign-in in progress passes through session storage, as the redirect requires.
 */
import { InMemoryWebStorage, UserManager, WebStorageStateStore } from "oidc-client-ts";

export const CALLBACK_PATH = "/masuk/callback";

export function userManager(authority: string, clientId: string, scope = "openid profile"): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    authority,
    client_id: clientId,
    redirect_uri: `${origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: "code",
    scope,
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    automaticSilentRenew: false,
  });
}
