"""Development sign-in over HTTP: the console's sign-in page asks here for a token of the
role and demo user a person picked.

It mints with the public development key (`auth/dev.py`), which only services in
development mode trust, and it exists only where `mount_dev_token` is called with
`development_mode` on: the local console server does so, production's static web server has
no such route at all. A token from here is exactly what `rangkui-token` prints.
"""

from __future__ import annotations

from typing import Annotated, Any

import jwt
from fastapi import APIRouter, FastAPI
from pydantic import BaseModel, Field, StringConstraints

from rangkui_eventkit.auth.dev import mint_token
from rangkui_eventkit.auth.principal import Role

Nip = Annotated[str, StringConstraints(pattern=r"^\d{18}$")]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class DevTokenRequest(BaseModel):
    """Who the person signing in wants to be."""

    roles: list[Role] = Field(min_length=1, max_length=len(Role), description="one or more roles")
    subject: Name = Field(default="dev-user", description="the user id (`sub`)")
    username: Name | None = Field(default=None, description="`preferred_username`")
    nip: Nip | None = Field(default=None, description="the person's NIP (employees, officials)")
    units: list[Name] = Field(default_factory=list, max_length=100, description="units headed")
    expires_in_s: int = Field(default=3600, ge=60, le=12 * 3600)


class DevToken(BaseModel):
    """A bearer token as an OIDC token endpoint answers, with its claims for the page."""

    access_token: str
    token_type: str = "Bearer"
    expires_in: int
    claims: dict[str, Any]


def dev_token_router() -> APIRouter:
    """`POST /token`: a development token for the requested roles and user."""
    router = APIRouter(tags=["development"])

    @router.post("/token", response_model=DevToken)
    async def issue(body: DevTokenRequest) -> DevToken:
        token = mint_token(
            roles=[r.value for r in body.roles],
            subject=body.subject,
            nip=body.nip,
            units=body.units,
            username=body.username,
            expires_in_s=body.expires_in_s,
        )
        claims = jwt.decode(token, options={"verify_signature": False})
        return DevToken(access_token=token, expires_in=body.expires_in_s, claims=claims)

    return router


def mount_dev_token(app: FastAPI, *, development_mode: bool, prefix: str = "/dev") -> bool:
    """Mount `POST {prefix}/token` on `app` only in development mode; says whether it did."""
    if not development_mode:
        return False
    app.include_router(dev_token_router(), prefix=prefix)
    return True
