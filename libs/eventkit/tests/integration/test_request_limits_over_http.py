"""Request limits behind a real HTTP server (uvicorn, raw sockets): a chunked upload with no
Content-Length is answered 413 once it passes the limit, without the server reading the
rest, and the same server still answers the next client."""

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator

import pytest
import uvicorn
from fastapi import FastAPI, Request

from rangkui_eventkit.limits import RequestLimits
from rangkui_eventkit.testing.plugin import eventually

pytestmark = pytest.mark.integration

LIMIT = 64 * 1024


def app_with_limits() -> FastAPI:
    app = FastAPI()
    app.add_middleware(RequestLimits, max_bytes=LIMIT)

    @app.post("/upload")
    async def upload(request: Request) -> dict[str, int]:
        return {"bytes": len(await request.body())}

    return app


@pytest.fixture
async def port() -> AsyncIterator[int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        free = int(s.getsockname()[1])
    server = uvicorn.Server(
        uvicorn.Config(app_with_limits(), host="127.0.0.1", port=free, log_level="warning")
    )
    task = asyncio.create_task(server.serve())
    await eventually(lambda: server.started, timeout=20)
    yield free
    server.should_exit = True
    await task


async def send_chunked(port: int, total: int, chunk: int = 8192) -> tuple[bytes, int]:
    """POST `total` bytes in chunks; the response head and how many bytes got sent before
    the server answered (or the whole body, if it read everything)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(
        b"POST /upload HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n"
        b"Content-Type: application/octet-stream\r\n\r\n"
    )
    sent = 0
    answer = asyncio.create_task(reader.readuntil(b"\r\n\r\n"))
    try:
        while sent < total and not answer.done():
            writer.write(f"{chunk:x}\r\n".encode() + b"x" * chunk + b"\r\n")
            with contextlib.suppress(ConnectionError):
                await writer.drain()
            sent += chunk
            await asyncio.sleep(0)  # let the answer in, if there is one
        if not answer.done():
            writer.write(b"0\r\n\r\n")
            with contextlib.suppress(ConnectionError):
                await writer.drain()
        head = await asyncio.wait_for(answer, timeout=10)
    finally:
        writer.close()
        with contextlib.suppress(ConnectionError):
            await writer.wait_closed()
    return head, sent


async def test_a_chunked_upload_over_the_limit_is_refused_before_it_ends(port: int) -> None:
    head, sent = await send_chunked(port, total=16 * 1024 * 1024)
    assert head.startswith(b"HTTP/1.1 413"), head
    assert sent < 16 * 1024 * 1024  # answered while the client was still sending


async def test_a_chunked_upload_within_the_limit_is_read_and_the_server_serves_on(
    port: int,
) -> None:
    await send_chunked(port, total=10 * 1024 * 1024)  # refused first
    head, _ = await send_chunked(port, total=32 * 1024)
    assert head.startswith(b"HTTP/1.1 200"), head
