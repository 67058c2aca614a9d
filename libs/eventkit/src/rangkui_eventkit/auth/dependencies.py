"""The FastAPI side of authentication and authorisation: one dependency per request."""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import Request, Security
from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.routing import BaseRoute

from rangkui_eventkit.auth.access import Access, AccessTable
from rangkui_eventkit.auth.principal import Principal
from rangkui_eventkit.auth.verifier import TokenVerifier
from rangkui_eventkit.errors import Unauthenticated

# Declares the scheme in the OpenAPI description (for /docs and API clients); the checks
# themselves are ours, so that every refusal has the same JSON shape.
bearer_scheme = HTTPBearer(auto_error=False, bearerFormat="JWT", description="OIDC access token")


async def current_principal(request: Request) -> Principal:
    """The verified caller of this request (401 without a valid bearer token)."""
    cached = getattr(request.state, "principal", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthenticated("this request needs a bearer token (Authorization: Bearer ...)")
    verifier: TokenVerifier = request.app.state.token_verifier
    principal = await verifier.verify(token.strip())
    request.state.principal = principal
    return principal


async def authorize(
    request: Request,
    _: HTTPAuthorizationCredentials | None = Security(bearer_scheme),
) -> Access:
    """Check the request against the app's access table; the result is kept for handlers."""
    cached = getattr(request.state, "access", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    principal = await current_principal(request)
    route = request.scope.get("route")
    path = route.path if isinstance(route, APIRoute) else request.url.path
    table: AccessTable = request.app.state.access_table
    access = table.decide(request.method, path, principal, request.path_params)
    request.state.access = access
    return access


def secured_routes(routes: Sequence[BaseRoute]) -> list[tuple[str, str]]:
    """`(method, path)` of every route that goes through `authorize`, as `authorize` sees
    them (the path template of the route as its router declares it)."""
    found = []
    for context in iter_route_contexts(routes):
        route = context.original_route
        dependencies = getattr(context, "dependencies", None) or []
        if not isinstance(route, APIRoute) or not any(
            getattr(d, "dependency", None) is authorize for d in dependencies
        ):
            continue
        found.extend((m, route.path) for m in sorted(route.methods or ()) if m != "HEAD")
    return found


def undeclared_routes(routes: Sequence[BaseRoute], table: AccessTable) -> list[str]:
    """Secured routes that the table does not declare (each must be, or it is closed)."""
    return [f"{m} {p}" for m, p in secured_routes(routes) if f"{m} {p}" not in table]
