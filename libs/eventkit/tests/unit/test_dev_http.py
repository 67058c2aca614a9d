"""The development sign-in endpoint: present only in development mode, and its tokens are
the ones the services' verifier trusts there."""

from __future__ import annotations

import httpx
import jwt
import pytest
from fastapi import FastAPI

from rangkui_eventkit.auth.dev import DEV_AUDIENCE, DEV_ISSUER, dev_private_key
from rangkui_eventkit.auth.dev_http import mount_dev_token
from rangkui_eventkit.auth.principal import Role
from rangkui_eventkit.auth.verifier import verifier_from_settings
from rangkui_eventkit.settings import ServiceSettings

pytestmark = pytest.mark.unit


def client(app: FastAPI) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t")


async def test_outside_development_mode_there_is_no_token_endpoint() -> None:
    app = FastAPI()
    assert mount_dev_token(app, development_mode=False) is False
    async with client(app) as c:
        r = await c.post("/dev/token", json={"roles": ["ppk"]})
    assert r.status_code == 404


async def test_in_development_mode_it_mints_a_signed_token_of_the_chosen_user() -> None:
    app = FastAPI()
    assert mount_dev_token(app, development_mode=True, prefix="/api/dev")
    body = {"roles": ["evaluator"], "subject": "kepsek", "nip": "197001012000031002",
            "units": ["SMAN-1"]}  # fmt: skip
    async with client(app) as c:
        r = await c.post("/api/dev/token", json=body)
    assert r.status_code == 200, r.text
    token = r.json()["access_token"]
    public = dev_private_key().public_key()
    claims = jwt.decode(token, public, algorithms=["ES256"], audience=DEV_AUDIENCE)
    assert claims["iss"] == DEV_ISSUER
    assert (claims["sub"], claims["roles"], claims["nip"], claims["units"]) == (
        "kepsek",
        ["evaluator"],
        "197001012000031002",
        ["SMAN-1"],
    )
    assert r.json()["claims"]["roles"] == ["evaluator"]
    # ...and the verifier of a service in development mode takes it (an access token, typ
    # Bearer, roles where the development issuer keeps them).
    verifier = verifier_from_settings(ServiceSettings(service_name="t", development_mode=True))
    principal = await verifier.verify(token)
    assert (principal.roles, principal.nip, principal.units) == (
        frozenset({Role.EVALUATOR}),
        "197001012000031002",
        frozenset({"SMAN-1"}),
    )


async def test_an_unknown_role_or_a_malformed_nip_is_refused_with_a_4xx() -> None:
    app = FastAPI()
    mount_dev_token(app, development_mode=True)
    async with client(app) as c:
        role = await c.post("/dev/token", json={"roles": ["raja"]})
        nip = await c.post("/dev/token", json={"roles": ["employee"], "nip": "123"})
    assert role.status_code == 422, role.text
    assert "roles" in role.text
    assert nip.status_code == 422, nip.text
    assert "nip" in nip.text
