"""The console and the four APIs under one origin, for local runs and the end-to-end tests.

    .venv/bin/python scripts/console_server.py --port 8100 \
        --upstream personnel=http://127.0.0.1:8101 --upstream mutation=http://127.0.0.1:8102 \
        --upstream evaluation=http://127.0.0.1:8103 --upstream notification=http://127.0.0.1:8104 \
        --development-mode

It serves `console/dist` (the production build) and forwards `/api/<service>/...` to that
service, as the production Ingress does (see `deploy/kubernetes/base/console.yaml`), so the
browser talks to one origin: no CORS, and the bearer token never leaves it. With
`--development-mode` it also answers `POST /api/dev/token` (`rangkui_eventkit.auth.dev_http`)
for the console's development sign-in page; without it that route does not exist.
The security headers are the ones the production nginx sends (`console/nginx.conf`).
"""

from __future__ import annotations

import argparse
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import uvicorn
from fastapi import FastAPI, Request, Response
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse
from starlette.background import BackgroundTask

from rangkui_eventkit.auth.dev_http import mount_dev_token

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "console" / "dist"
SERVICES = ("personnel", "mutation", "evaluation", "notification")
HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "host",
    "content-length",
    "content-encoding",
}
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self' {idp}; "
    "frame-src {idp}; frame-ancestors 'none'; base-uri 'self'; form-action 'self' {idp}; "
    "object-src 'none'"
)


def security_headers(idp: str) -> dict[str, str]:
    """What every response of the console carries; `idp` is the identity provider's origin."""
    return {
        "Content-Security-Policy": " ".join(CSP.format(idp=idp).split()),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
        "Cross-Origin-Opener-Policy": "same-origin",
    }


def create_app(
    upstreams: dict[str, str], *, development_mode: bool, dist: Path = DIST, idp: str = ""
) -> FastAPI:
    """The one-origin app: API proxies, the development token route, the built console."""
    client = httpx.AsyncClient(timeout=httpx.Timeout(60.0, connect=5.0))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        await client.aclose()

    app = FastAPI(lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    headers = security_headers(idp)

    @app.middleware("http")
    async def add_security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response: Response = await call_next(request)
        for name, value in headers.items():
            response.headers.setdefault(name, value)
        return response

    mount_dev_token(app, development_mode=development_mode, prefix="/api/dev")

    @app.get("/config.json")
    async def config() -> dict[str, str]:
        """How the console signs people in here (production's nginx serves its own)."""
        if development_mode:
            return {"auth": "development"}
        return {"auth": "oidc", "authority": idp, "client_id": "rangkui-console"}

    @app.api_route("/api/{service}/{path:path}", methods=["GET", "POST", "PUT", "DELETE", "PATCH"])
    async def proxy(service: str, path: str, request: Request) -> Response:
        base = upstreams.get(service)
        if base is None:
            return JSONResponse(
                {"error": "not_found", "message": f"Layanan tidak dikenal: {service}"},
                status_code=404,
            )
        forwarded = {k: v for k, v in request.headers.items() if k.lower() not in HOP_BY_HOP}
        upstream = client.build_request(
            request.method,
            f"{base}/{path}",
            params=request.query_params,
            headers=forwarded,
            content=await request.body(),
        )
        try:
            answer = await client.send(upstream, stream=True)
        except httpx.HTTPError:
            return JSONResponse(
                {
                    "error": "unavailable",
                    "message": f"Layanan {service} sedang tidak dapat dihubungi.",
                    "message_en": f"the {service} service cannot be reached",
                },
                status_code=503,
            )
        back = {k: v for k, v in answer.headers.items() if k.lower() not in HOP_BY_HOP}
        return StreamingResponse(
            answer.aiter_raw(),
            status_code=answer.status_code,
            headers=back,
            background=BackgroundTask(answer.aclose),
        )

    # The build's files, listed once: no path from a request ever reaches the file system.
    files = {p.relative_to(dist).as_posix(): p for p in dist.rglob("*") if p.is_file()}
    index = files.get("index.html")

    @app.get("/{path:path}")
    async def console(path: str) -> Response:
        if path in files:
            immutable = path.startswith("assets/")
            cache = "public, max-age=31536000, immutable" if immutable else "no-cache"
            return FileResponse(files[path], headers={"Cache-Control": cache})
        if index is None:
            return JSONResponse(
                {"error": "not_found", "message": "Konsol belum dibangun (npm run build)."},
                status_code=404,
            )
        return FileResponse(index, headers={"Cache-Control": "no-cache"})  # the SPA's routes

    return app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--upstream", action="append", default=[], help="service=url")
    parser.add_argument("--development-mode", action="store_true")
    parser.add_argument("--dist", type=Path, default=DIST)
    args = parser.parse_args(argv)
    upstreams = dict(u.split("=", 1) for u in args.upstream)
    unknown = set(upstreams) - set(SERVICES)
    if unknown:
        parser.error(f"unknown services: {sorted(unknown)}")
    app = create_app(upstreams, development_mode=args.development_mode, dist=args.dist)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
