"""Bearer tokens against a real identity provider stand-in: an HTTP server on loopback that
publishes its keys (JWKS) and OIDC discovery document, as the province's would."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import APIRouter, Depends
from jwt.algorithms import RSAAlgorithm

from rangkui_eventkit.auth import AccessTable, Role, rule
from rangkui_eventkit.auth.dev import mint_token
from rangkui_eventkit.context import Cause
from rangkui_eventkit.http import request_cause
from rangkui_eventkit.runtime import Service
from rangkui_eventkit.settings import ServiceSettings

pytestmark = pytest.mark.integration
AUDIENCE = "rangkui"


class IdentityProvider:
    """Keys by id; `publish` decides which public keys the JWKS endpoint shows."""

    def __init__(self) -> None:
        self.keys: dict[str, rsa.RSAPrivateKey] = {}
        self.published: list[str] = []
        self.jwks_requests = 0
        self.issuer = ""

    def new_key(self, kid: str) -> None:
        self.keys[kid] = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    def jwks(self) -> dict[str, Any]:
        self.jwks_requests += 1
        out = []
        for kid in self.published:
            jwk = RSAAlgorithm.to_jwk(self.keys[kid].public_key(), as_dict=True)
            out.append({**jwk, "kid": kid, "use": "sig", "alg": "RS256"})
        return {"keys": out}


def _rs256(idp: IdentityProvider, kid: str, **claims: Any) -> str:
    """A token signed RS256 by `kid`, with the usual claims overridable."""
    base = jwt.decode(mint_token(roles=["ppk"]), options={"verify_signature": False})
    base.update(iss=idp.issuer, aud=AUDIENCE, azp="rangkui-console")
    base.update(claims)
    base = {k: v for k, v in base.items() if v is not None}  # None: the claim is left out
    return jwt.encode(base, idp.keys[kid], algorithm="RS256", headers={"kid": kid})


@pytest.fixture
def idp() -> Iterator[IdentityProvider]:
    provider = IdentityProvider()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/.well-known/openid-configuration":
                body = {"issuer": provider.issuer, "jwks_uri": f"{provider.issuer}/certs"}
            elif self.path == "/certs":
                body = provider.jwks()
            else:
                self.send_error(404)
                return
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *_: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    provider.issuer = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield provider
    finally:
        server.shutdown()
        server.server_close()


def _client(
    idp: IdentityProvider,
    *,
    development_mode: bool = False,
    roles_claim: str = "roles",
    allowed_clients: str = "",
) -> httpx.AsyncClient:
    """An app with one PPK-only route; no lifespan is needed to check tokens. In development
    mode no real issuer is configured: the settings refuse the two together."""
    router = APIRouter()

    @router.post("/decide")
    async def decide(cause: Cause = Depends(request_cause)) -> dict[str, str]:
        return {"actor": cause.actor}

    settings = ServiceSettings(
        service_name="auth-test",
        auth_issuer=None if development_mode else idp.issuer,
        development_mode=development_mode,
        auth_roles_claim=roles_claim,
        auth_allowed_clients=allowed_clients,
    )
    app = Service(settings, migrations=None).create_app(
        [router], title="auth", access=AccessTable({"POST /decide": rule(Role.PPK)})
    )
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://svc")


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def test_a_valid_token_with_the_role_is_let_through_and_names_the_actor(
    idp: IdentityProvider,
) -> None:
    idp.new_key("k1")
    idp.published = ["k1"]
    async with _client(idp) as client:
        r = await client.post("/decide", headers=_auth(_rs256(idp, "k1", nip="196801011990031001")))
    assert r.status_code == 200, r.text
    assert r.json() == {"actor": "196801011990031001"}


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("no token", "needs a bearer token"),
        ("not a jwt", "not a well-formed JWT"),
        ("expired", "expired"),
        ("other issuer", "issuer is not trusted"),
        ("wrong audience", "another audience"),
        ("forged signature", "signature does not verify"),
        ("unpublished key", "key the issuer does not publish"),
        ("development token", "issuer is not trusted"),
        ("id token", "type 'ID', not an access token"),
        ("no type", "does not say it is an access token"),
        ("no client", "names no authorised party"),
    ],
)
async def test_a_request_without_a_valid_token_is_refused_with_401(
    idp: IdentityProvider, case: str, expected: str
) -> None:
    idp.new_key("k1")
    idp.new_key("attacker")
    idp.published = ["k1"]
    forged = jwt.encode(
        jwt.decode(_rs256(idp, "k1"), options={"verify_signature": False}),
        idp.keys["attacker"],
        algorithm="RS256",
        headers={"kid": "k1"},
    )
    headers = {
        "no token": {},
        "not a jwt": _auth("not.a.jwt"),
        "expired": _auth(_rs256(idp, "k1", exp=1_000_000_000, iat=999_999_000)),
        "other issuer": _auth(_rs256(idp, "k1", iss="https://sso.elsewhere.example")),
        "wrong audience": _auth(_rs256(idp, "k1", aud="another-app")),
        "forged signature": _auth(forged),
        "unpublished key": _auth(_rs256(idp, "attacker")),
        "development token": _auth(mint_token(roles=["ppk"])),
        "id token": _auth(_rs256(idp, "k1", typ="ID")),
        "no type": _auth(_rs256(idp, "k1", typ=None)),
        "no client": _auth(_rs256(idp, "k1", azp=None)),
    }[case]
    async with _client(idp) as client:
        r = await client.post("/decide", headers=headers)
    assert r.status_code == 401, r.text
    assert expected in r.json()["message"]
    assert r.headers["WWW-Authenticate"].startswith("Bearer")


async def test_a_valid_token_without_the_role_is_refused_with_403(idp: IdentityProvider) -> None:
    idp.new_key("k1")
    idp.published = ["k1"]
    async with _client(idp) as client:
        r = await client.post("/decide", headers=_auth(_rs256(idp, "k1", roles=["tpk_member"])))
    assert r.status_code == 403
    assert r.json()["error"] == "forbidden"
    assert "ppk" in r.json()["message"]


async def test_rotated_keys_are_fetched_once_and_unknown_key_ids_do_not_flood_the_provider(
    idp: IdentityProvider,
) -> None:
    idp.new_key("k1")
    idp.new_key("k2")
    idp.published = ["k1"]
    async with _client(idp) as client:
        assert (await client.post("/decide", headers=_auth(_rs256(idp, "k1")))).status_code == 200
        fetched = idp.jwks_requests
        idp.published = ["k1", "k2"]  # the provider rotates: k2 signs from now on
        # Within the refetch interval a new key id is not looked up again at once...
        for _ in range(5):
            r = await client.post("/decide", headers=_auth(_rs256(idp, "k2")))
            assert r.status_code == 401
        assert idp.jwks_requests == fetched
        # ...and once the interval has passed it is.
        verifier = client._transport.app.state.token_verifier  # type: ignore[attr-defined]
        for trusted in verifier._issuers.values():
            trusted.keys._fetched_at -= 60
        r = await client.post("/decide", headers=_auth(_rs256(idp, "k2")))
    assert r.status_code == 200, r.text
    assert idp.jwks_requests == fetched + 1


async def test_development_tokens_are_trusted_only_in_development_mode(
    idp: IdentityProvider,
) -> None:
    token = mint_token(roles=["ppk"], username="ppk.dev")
    async with _client(idp, development_mode=True) as client:
        r = await client.post("/decide", headers=_auth(token))
    assert r.status_code == 200
    assert r.json() == {"actor": "ppk.dev"}


async def test_a_token_verified_once_is_refused_once_it_expires(idp: IdentityProvider) -> None:
    """Verified tokens are remembered (one signature check per token), but not past `exp`."""
    idp.new_key("k1")
    idp.published = ["k1"]
    token = _rs256(idp, "k1", exp=int(time.time()) - 20)  # expired, but within the leeway
    async with _client(idp) as client:
        first = await client.post("/decide", headers=_auth(token))
        verifier = client._transport.app.state.token_verifier  # type: ignore[attr-defined]
        verifier._leeway_s = 0  # the leeway runs out while the token sits in the cache
        second = await client.post("/decide", headers=_auth(token))
    assert first.status_code == 200, first.text
    assert second.status_code == 401
    assert "expired" in second.json()["message"]


async def test_the_roles_claim_path_applies_to_the_provinces_issuer_not_to_development_tokens(
    idp: IdentityProvider,
) -> None:
    """Keycloak keeps this client's roles under `resource_access.rangkui.roles`; development
    tokens in `roles`. Roles granted elsewhere (the realm, another client) do not count."""
    idp.new_key("k1")
    idp.published = ["k1"]
    claim = f"resource_access.{AUDIENCE}.roles"
    keycloak = _rs256(idp, "k1", roles=None, resource_access={AUDIENCE: {"roles": ["ppk"]}})
    flat = _rs256(idp, "k1", roles=["ppk"])
    realm = _rs256(idp, "k1", roles=None, realm_access={"roles": ["ppk", "offline_access"]})
    other = _rs256(idp, "k1", roles=None, resource_access={"simpeg": {"roles": ["ppk"]}})
    async with _client(idp, roles_claim=claim) as client:
        from_keycloak = await client.post("/decide", headers=_auth(keycloak))
        refused = {
            name: await client.post("/decide", headers=_auth(token))
            for name, token in (("roles", flat), ("realm_access", realm), ("simpeg", other))
        }
    async with _client(idp, development_mode=True, roles_claim=claim) as client:
        development = await client.post("/decide", headers=_auth(mint_token(roles=["ppk"])))
    assert from_keycloak.status_code == 200, from_keycloak.text
    for name, r in refused.items():
        assert r.status_code == 403, r.text
        assert f"no role of this service in `{claim}`" in r.json()["message"]
        assert name in r.json()["message"]
    assert development.status_code == 200, development.text


async def test_only_the_accepted_clients_tokens_open_the_service(idp: IdentityProvider) -> None:
    idp.new_key("k1")
    idp.published = ["k1"]
    async with _client(idp, allowed_clients="rangkui-console,simpeg-sync") as client:
        console = await client.post("/decide", headers=_auth(_rs256(idp, "k1")))
        other = await client.post("/decide", headers=_auth(_rs256(idp, "k1", azp="other-app")))
    assert console.status_code == 200, console.text
    assert other.status_code == 403
    assert "issued to client 'other-app'" in other.json()["message"]
