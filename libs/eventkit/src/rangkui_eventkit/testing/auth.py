"""Tokens for tests: signed with the development key, which services in development mode
trust (their settings in tests set `development_mode=True`)."""

from __future__ import annotations

from collections.abc import Iterable

from rangkui_eventkit.auth.dev import mint_token
from rangkui_eventkit.auth.principal import Role

EVERY_ROLE: tuple[str, ...] = tuple(r.value for r in Role)


def dev_token(
    roles: Iterable[str | Role] = EVERY_ROLE,
    *,
    sub: str = "test-user",
    nip: str | None = None,
    units: Iterable[str] = (),
    expires_in_s: int = 3600,
    **kwargs: object,
) -> str:
    return mint_token(
        roles=[str(r) for r in roles],
        subject=sub,
        nip=nip,
        units=units,
        expires_in_s=expires_in_s,
        **kwargs,  # type: ignore[arg-type]
    )


def bearer(token: str | None = None, **claims: object) -> dict[str, str]:
    """`Authorization` header with `token`, or with a fresh dev token built from `claims`."""
    return {"Authorization": f"Bearer {token or dev_token(**claims)}"}  # type: ignore[arg-type]


def acting(actor: str, *roles: str | Role, units: Iterable[str] = ()) -> dict[str, str]:
    """Headers of a caller named `actor` (a NIP when it is 18 digits, else a user name)
    holding `roles`; the events the request writes record `actor`."""
    if actor.isdigit() and len(actor) == 18:
        return bearer(roles=roles, nip=actor, units=units, sub=actor)
    return bearer(roles=roles, username=actor, units=units, sub=actor)
