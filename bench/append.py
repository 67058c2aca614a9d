"""Benchmark 1, event-store append: single-event commands at concurrency 1, 8 and 32.

Each command appends one new stream (`StreamWrite(stream, 0, [EmployeeRegistered])`)
through `PostgresEventStore.append`, from `concurrency` concurrent tasks sharing a pool of
as many connections. References, in the same run on the same PostgreSQL server:

- the `eventsourcing` library (PostgreSQL application recorder, configured through its
  environment settings): the same number of single-event saves of a new aggregate, from
  as many threads (the library is synchronous) with a pool of as many connections;
- `pgbench`: a single-row INSERT transaction into a table shaped like `events`, with
  `-c` clients = concurrency for `--pgbench-seconds` (the database's own limit here).

    .venv/bin/python -m bench.append [--smoke] [--appends N] [--concurrency 1,8,32]
"""

from __future__ import annotations

import asyncio
import glob
import json
import os
import re
import subprocess
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from eventsourcing.application import Application
from eventsourcing.domain import Aggregate, event

from bench.common import (
    BenchEnv,
    Report,
    Stopwatch,
    bench_env,
    employee,
    machine_info,
    maybe_profile,
    parser,
    percentile,
    quiet_logs,
)
from rangkui_contracts.events.personnel import EmployeeRegistered
from rangkui_eventkit.context import Cause
from rangkui_eventkit.db import connect, create_pool
from rangkui_eventkit.migrations import migrate
from rangkui_eventkit.store import PostgresEventStore, StreamWrite

WARMUP = 20
TARGET_VS_EVENTSOURCING = 1.5  # at concurrency 8
TARGET_VS_PGBENCH = 0.5


# ------------------------------------------------------------------------------ ours
async def run_ours(
    url: str,
    concurrency: int,
    events: list[EmployeeRegistered],
    store_class: type[PostgresEventStore] = PostgresEventStore,
) -> dict[str, Any]:
    """Append each event as its own command from `concurrency` tasks; rate and latencies."""
    pool = await create_pool(url, min_size=concurrency, max_size=concurrency)
    store = store_class(pool, "/rangkui/bench")
    cause = Cause.new("bench")
    try:
        run = uuid.uuid4().hex[:8]
        for i in range(WARMUP):
            await store.append([StreamWrite(f"warmup-{run}-{i}", 0, [events[i]])], cause)
        latencies: list[float] = []
        todo = iter(events)

        async def worker() -> None:
            for event in todo:
                started = time.perf_counter()
                await store.append([StreamWrite(f"employee-{event.nip}", 0, [event])], cause)
                latencies.append(time.perf_counter() - started)

        watch = Stopwatch()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = watch.elapsed
    finally:
        await pool.close()
    return _summary(len(events), elapsed, latencies)


class _WithoutNotify(PostgresEventStore):
    """The kit's append minus its pg_notify (`--compare-notify`): the proposed change.

    NOTIFY takes a cluster-wide lock at commit and holds it through the WAL flush, so
    appends that notify commit one at a time (no group commit)."""

    _APPEND = PostgresEventStore._APPEND.replace(
        "(SELECT pg_notify('rangkui_outbox', '') WHERE EXISTS (SELECT 1 FROM ins)) AS notified",
        "NULL AS notified",
    )


# -------------------------------------------------------------------- eventsourcing
class Employee(Aggregate):
    """The library's way to write the same fact: a new aggregate with one created event."""

    @event("Registered")
    def __init__(self, payload: dict[str, Any]) -> None:
        self.payload = payload


class Personnel(Application[Any]):
    """One application per concurrency level: its pool has that many connections."""


def run_eventsourcing(url: str, concurrency: int, payloads: list[dict[str, Any]]) -> dict[str, Any]:
    """The same single-event commands through the `eventsourcing` library, from threads."""
    parts = urlsplit(url)
    app = Personnel(
        env={
            "PERSISTENCE_MODULE": "eventsourcing.postgres",
            "POSTGRES_DBNAME": parts.path.lstrip("/"),
            "POSTGRES_HOST": parts.hostname or "127.0.0.1",
            "POSTGRES_PORT": str(parts.port or 5432),
            "POSTGRES_USER": parts.username or "postgres",
            "POSTGRES_PASSWORD": parts.password or "",
            "POSTGRES_POOL_SIZE": str(concurrency),
            "POSTGRES_MAX_OVERFLOW": "0",
            "CREATE_TABLE": "y",
        }
    )
    try:
        for i in range(WARMUP):
            app.save(Employee(payloads[i]))
        latencies: list[float] = []
        lock = threading.Lock()
        todo = iter(payloads)

        def worker() -> None:
            while True:
                with lock:
                    payload = next(todo, None)
                if payload is None:
                    return
                started = time.perf_counter()
                app.save(Employee(payload))
                latency = time.perf_counter() - started
                with lock:
                    latencies.append(latency)

        watch = Stopwatch()
        with ThreadPoolExecutor(concurrency) as threads:
            for f in [threads.submit(worker) for _ in range(concurrency)]:
                f.result()
        elapsed = watch.elapsed
    finally:
        app.close()
    return _summary(len(payloads), elapsed, latencies)


# --------------------------------------------------------------------------- pgbench
_EVENTS_LIKE = """
CREATE TABLE bench_events (
    global_position bigserial PRIMARY KEY,
    stream_id       text        NOT NULL,
    version         integer     NOT NULL CHECK (version > 0),
    event_id        uuid        NOT NULL UNIQUE,
    event_type      text        NOT NULL,
    data            jsonb       NOT NULL,
    metadata        jsonb       NOT NULL,
    recorded_at     timestamptz NOT NULL,
    UNIQUE (stream_id, version)
)"""


def pgbench_binary() -> str:
    """pgbench of the newest PostgreSQL installed (Debian keeps it off the PATH)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pgbench"), key=_version_key)
    if found:
        return found[-1]
    return "pgbench"


def _version_key(path: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"/(\d+)/", path))


def run_pgbench(url: str, concurrency: int, seconds: int, sample: EmployeeRegistered) -> dict:
    """pgbench's rate for one single-row INSERT transaction like an event append."""
    # No JSON nulls: pgbench would read `:null` as one of its variables.
    data = json.dumps(sample.model_dump(mode="json", exclude_none=True), separators=(",", ":"))
    meta = '{"source":"/rangkui/bench","correlationid":"c","actor":"bench"}'
    script = (
        "INSERT INTO bench_events (stream_id, version, event_id, event_type, data, metadata,"
        " recorded_at) VALUES (gen_random_uuid()::text, 1, gen_random_uuid(),"
        f" '{EmployeeRegistered.ce_type()}', '{data}'::jsonb, '{meta}'::jsonb, now());\n"
    )
    parts = urlsplit(url)
    with tempfile.TemporaryDirectory(prefix="rangkui-pgbench-") as tmp:
        script_path = Path(tmp) / "append.sql"
        script_path.write_text(script)
        cmd = [
            pgbench_binary(),
            "-n",
            "-f",
            str(script_path),
            "-c",
            str(concurrency),
            "-j",
            str(min(concurrency, os.cpu_count() or 1)),
            "-T",
            str(seconds),
            "-M",
            "prepared",
            "-l",
            "--log-prefix",
            str(Path(tmp) / "txn"),
            "-h",
            parts.hostname or "127.0.0.1",
            "-p",
            str(parts.port or 5432),
            "-U",
            parts.username or "postgres",
            parts.path.lstrip("/"),
        ]
        env = {**os.environ, "PGPASSWORD": parts.password or ""}
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False, cwd=tmp)
        if out.returncode != 0:
            raise RuntimeError(f"pgbench failed ({out.returncode}):\n{out.stdout}\n{out.stderr}")
        tps = re.search(r"tps = ([\d.]+) \(without initial connection time\)", out.stdout)
        if tps is None:
            raise RuntimeError(f"unexpected pgbench output:\n{out.stdout}\n{out.stderr}")
        latencies = [
            int(line.split()[2]) / 1e6
            for log in Path(tmp).glob("txn*")
            for line in log.read_text().splitlines()
            if line.strip()
        ]
    count = len(latencies)
    return {
        "count": count,
        "per_s": float(tps.group(1)),
        "p50_ms": percentile(latencies, 50) * 1000,
        "p99_ms": percentile(latencies, 99) * 1000,
    }


async def run_asyncpg_insert(
    url: str, concurrency: int, payloads: list[dict[str, Any]]
) -> dict[str, Any]:
    """pgbench's INSERT sent from Python through asyncpg: the Python client's own limit."""
    pool = await create_pool(url, min_size=concurrency, max_size=concurrency)
    sql = (
        "INSERT INTO bench_events (stream_id, version, event_id, event_type, data, metadata,"
        " recorded_at) VALUES ($1, 1, $2, $3, $4::text::jsonb, $5::text::jsonb, now())"
    )
    meta = '{"source":"/rangkui/bench","correlationid":"c","actor":"bench"}'
    texts = [json.dumps(p, separators=(",", ":")) for p in payloads]
    try:
        for i in range(WARMUP):
            await pool.execute(sql, f"warmup-{uuid.uuid4()}", uuid.uuid4(), "t", texts[i], meta)
        latencies: list[float] = []
        todo = iter(texts)

        async def worker() -> None:
            for text in todo:
                started = time.perf_counter()
                await pool.execute(
                    sql,
                    f"employee-{uuid.uuid4()}",
                    uuid.uuid4(),
                    EmployeeRegistered.ce_type(),
                    text,
                    meta,
                )
                latencies.append(time.perf_counter() - started)

        watch = Stopwatch()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = watch.elapsed
    finally:
        await pool.close()
    return _summary(len(texts), elapsed, latencies)


def _summary(count: int, elapsed: float, latencies: list[float]) -> dict[str, Any]:
    return {
        "count": count,
        "per_s": count / elapsed,
        "p50_ms": percentile(latencies, 50) * 1000,
        "p99_ms": percentile(latencies, 99) * 1000,
    }


# ------------------------------------------------------------------------------ main
async def main(argv: list[str] | None = None) -> int:
    p = parser(__doc__.splitlines()[0])
    p.add_argument("--appends", type=int, default=5000, help="appends per concurrency level")
    p.add_argument("--concurrency", default="1,8,32", help="comma-separated levels")
    p.add_argument("--pgbench-seconds", type=int, default=10)
    p.add_argument(
        "--compare-notify",
        action="store_true",
        help="also run the kit's append without its pg_notify (evidence for a proposed change)",
    )
    args = p.parse_args(argv)
    if args.smoke:
        args.appends, args.pgbench_seconds = 60, 1
    levels = [int(c) for c in args.concurrency.split(",")]
    quiet_logs()
    report = Report(
        "append",
        {"appends": args.appends, "concurrency": levels, "pgbench_seconds": args.pgbench_seconds},
    )
    async with bench_env(topics=False) as env:
        ours_url, es_url, pgb_url = await _databases(env)
        for c in levels:
            # A fresh slice of employees per level and per contender: every append is new.
            base = 1_000_000 * c
            ours_events = [employee(base + i) for i in range(args.appends + WARMUP)]
            with maybe_profile(args.profile and f"{args.profile}.c{c}.txt"):
                ours = await run_ours(ours_url, c, ours_events)
            contenders: list[tuple[str, dict[str, Any]]] = [("ours", ours)]
            if args.compare_notify and _WithoutNotify._APPEND != PostgresEventStore._APPEND:
                quiet = [employee(base + 250_000 + i) for i in range(args.appends + WARMUP)]
                contenders.append(
                    ("ours_without_notify", await run_ours(ours_url, c, quiet, _WithoutNotify))
                )
            payloads = [
                employee(base + 500_000 + i).model_dump(mode="json")
                for i in range(args.appends + WARMUP)
            ]
            es = await asyncio.to_thread(run_eventsourcing, es_url, c, payloads)
            pgb = await asyncio.to_thread(
                run_pgbench, pgb_url, c, args.pgbench_seconds, ours_events[0]
            )
            plain = await run_asyncpg_insert(pgb_url, c, payloads)
            contenders += [("eventsourcing", es), ("pgbench", pgb), ("asyncpg_insert", plain)]
            for who, res in contenders:
                report.figure(f"c{c}.{who}.appends_per_s", res["per_s"], "appends/s")
                report.figure(f"c{c}.{who}.p50_ms", res["p50_ms"], "ms")
                report.figure(f"c{c}.{who}.p99_ms", res["p99_ms"], "ms")
            report.ratio(
                f"c{c}.ours_vs_eventsourcing",
                ours["per_s"],
                es["per_s"],
                TARGET_VS_EVENTSOURCING if c == 8 else None,
            )
            report.ratio(f"c{c}.ours_vs_pgbench", ours["per_s"], pgb["per_s"], TARGET_VS_PGBENCH)
            report.ratio(f"c{c}.ours_vs_asyncpg_insert", ours["per_s"], plain["per_s"])
            for who, res in contenders[1:-3]:
                report.ratio(f"c{c}.{who}_vs_ours", res["per_s"], ours["per_s"])
        report.params["postgresql"] = env.pg_version
    report.write_json(args.json, machine_info())
    return 0


async def _databases(env: BenchEnv) -> tuple[str, str, str]:
    """Three fresh databases on the same server: ours (kit schema), eventsourcing, pgbench."""
    ours = await env.new_database("append_ours")
    conn = await connect(ours)
    try:
        await migrate(conn)
    finally:
        await conn.close()
    es = await env.new_database("append_es")
    pgb = await env.new_database("append_pgbench")
    conn = await connect(pgb)
    try:
        await conn.execute(_EVENTS_LIKE)
    finally:
        await conn.close()
    return ours, es, pgb


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
