import { User } from "oidc-client-ts";
import { describe, expect, it } from "vitest";
import { decodeClaims, hasRole } from "./claims";
import { CALLBACK_PATH, userManager } from "./oidc";

describe("OIDC sign-in", () => {
  it("uses the code flow and keeps the tokens out of local and session storage", async () => {
    const manager = userManager("https://sso.rangkui.go.id/realms/asn", "rangkui-console");
    expect(manager.settings.response_type).toBe("code");
    expect(manager.settings.redirect_uri).toBe(`${window.location.origin}${CALLBACK_PATH}`);
    const profile = { sub: "asn", iss: "https://sso.rangkui.go.id/realms/asn", aud: "rangkui", exp: 0, iat: 0 };
    await manager.storeUser(new User({ access_token: "rahasia-token", token_type: "Bearer", profile }));
    expect((await manager.getUser())?.access_token).toBe("rahasia-token");
    expect(JSON.stringify({ ...localStorage })).not.toContain("rahasia-token");
    expect(JSON.stringify({ ...sessionStorage })).not.toContain("rahasia-token");
  });
});

describe("claims", () => {
  it("reads the roles, NIP and units the screens depend on", () => {
    const payload = { sub: "kepsek", roles: ["evaluator"], nip: "197505102000031001", units: ["sma-2"] };
    const encoded = btoa(JSON.stringify(payload)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
    const claims = decodeClaims(`e30.${encoded}.sig`);
    expect(claims).toMatchObject(payload);
    expect(hasRole(claims, "ppk", "evaluator")).toBe(true);
    expect(hasRole(claims, "ppk")).toBe(false);
  });

  it("reads Keycloak's roles of the API's own client, not the realm's nor another client's", () => {
    const payload = {
      sub: "ppk",
      aud: ["rangkui", "account"],
      azp: "rangkui-console",
      realm_access: { roles: ["bkd_operator"] },
      resource_access: { rangkui: { roles: ["ppk"] }, simpeg: { roles: ["auditor"] } },
    };
    const encoded = btoa(JSON.stringify(payload)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
    expect(decodeClaims(`e30.${encoded}.sig`).roles).toEqual(["ppk"]);
  });
});
