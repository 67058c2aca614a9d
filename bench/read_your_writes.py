"""How far a read model trails its event store, and what reading your own write costs:
personnel's `POST /units`, then at once (docs/api.md, "Consistency").

Per creation, three numbers: the time until the unit is in the read model's table (polled in
SQL, the raw lag), the latency of `GET /units/{id}?min_version=1` (the server waits for it)
and of `GET /units/{id}` without it (the brief implicit wait). The service runs in this
process on the local infrastructure (`deploy/local/infra.sh`, addresses from the
environment as `infra.sh env` prints them), on a scratch database and topic namespace.

    .venv/bin/python -m bench.read_your_writes [--count 50]
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import time
import uuid

import httpx
import uvicorn

from rangkui_eventkit.kafka import ensure_topics
from rangkui_eventkit.testing.auth import EVERY_ROLE, bearer, dev_token
from rangkui_eventkit.testing.infra import from_environment
from rangkui_eventkit.testing.plugin import eventually, scratch_database, unique
from rangkui_personnel.bootstrap import create_app
from rangkui_personnel.settings import PersonnelSettings


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _summary(seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[max(0, int(len(ms) * 0.95) - 1)]
    return f"median {statistics.median(ms):.0f} ms, p95 {p95:.0f} ms, max {ms[-1]:.0f} ms"


async def main(count: int) -> None:
    infra = from_environment()
    if infra is None:
        raise SystemExit("export what `deploy/local/infra.sh env` prints first")
    prefix = unique("ryw") + "."
    await ensure_topics(infra.kafka_bootstrap, prefix)
    async with scratch_database(infra) as name:
        settings = PersonnelSettings(
            database_url=infra.database_url(name),
            kafka_bootstrap_servers=infra.kafka_bootstrap,
            topic_prefix=prefix,
            development_mode=True,
            log_level="WARNING",
        )
        app = create_app(settings)
        port = _port()
        server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
        )
        task = asyncio.create_task(server.serve())
        await eventually(lambda: server.started, timeout=60)
        headers = bearer(dev_token(EVERY_ROLE, sub="bench"))
        lag: list[float] = []
        explicit: list[float] = []
        implicit: list[float] = []
        try:
            async with httpx.AsyncClient(
                base_url=f"http://127.0.0.1:{port}", headers=headers, timeout=30
            ) as client:
                pool = app.state.service.pool

                async def create() -> str:
                    unit_id = f"u-{uuid.uuid4().hex[:10]}"
                    body = {"unit_id": unit_id, "name": "Dinas", "kind": "OPD", "region": "X"}
                    r = await client.post("/units", json=body)
                    r.raise_for_status()
                    return unit_id

                for _ in range(count):
                    unit_id = await create()
                    start = time.perf_counter()
                    query = "SELECT 1 FROM units WHERE unit_id = $1"
                    while not await pool.fetchval(query, unit_id):  # noqa: ASYNC110
                        await asyncio.sleep(0.002)  # a tight poll: this is the measurement
                    lag.append(time.perf_counter() - start)
                    for params, into in (({"min_version": 1}, explicit), ({}, implicit)):
                        unit_id = await create()
                        start = time.perf_counter()
                        r = await client.get(f"/units/{unit_id}", params=params)
                        into.append(time.perf_counter() - start)
                        assert r.status_code == 200, r.text
        finally:
            server.should_exit = True
            await task
    print(f"{count} creations each")
    print(f"read model has the new unit:       {_summary(lag)}")
    print(f"GET /units/{{id}}?min_version=1:    {_summary(explicit)}")
    print(f"GET /units/{{id}} (implicit wait):  {_summary(implicit)}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=50)
    asyncio.run(main(parser.parse_args().count))
