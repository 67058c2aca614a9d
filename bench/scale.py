"""Benchmark 5, scale: importing the demo province through the API, rebuilding every read
model of every service from scratch, and the memory (RSS) of each service meanwhile.

With the four services running as processes (as the e2e tests run them):

1. The demo province (`rangkui-personnel demo --employees N`, not timed) is uploaded to
   `POST /imports`. Timed from the upload: the import job done (events written), the
   staffing read model complete (every post and every holder in it), and every read model
   of every service caught up with everything the import published.
2. Every projection listed by `GET /admin/consumers` of every service is rebuilt at once
   (`POST /admin/projections/{name}/rebuild`; reactions answer 404 and are not rebuilt).
   Timed until each has caught up again with the ends of its topics, as they were when the
   rebuild began (its stored positions, written with its effects, reach them).
3. The RSS of each service process is sampled (psutil, every 0.2 s); peak per phase.

    .venv/bin/python -m bench.scale [--smoke] [--employees 25000]
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from bench.common import Report, bench_env, machine_info, maybe_profile, parser, quiet_logs
from bench.system_tools import (
    EVERY_ROLE,
    MIB,
    RssSampler,
    at_most,
    consumers_of,
    end_offsets,
    import_document,
    lag,
    load_average,
    poll,
    py_spy,
    running_system,
    service_pools,
    wait_quiet,
)
from rangkui_eventkit.testing.system import System

TARGET_IMPORT_S = 30.0
TARGET_RSS_MIB = 200e6 / MIB  # 200 MB


async def demo_file(employees: int, seed: int, out: Path) -> float:
    """Write the demo province with the documented command; seconds it took."""
    start = time.perf_counter()
    exe = Path(sys.executable).parent / "rangkui-personnel"
    proc = await asyncio.create_subprocess_exec(
        str(exe),
        "demo",
        "--employees",
        str(employees),
        "--seed",
        str(seed),
        "--out",
        str(out),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(f"rangkui-personnel demo failed: {output.decode()[-2000:]}")
    return time.perf_counter() - start


async def staffing_complete(pool: asyncpg.Pool, posts: int, holders: int) -> bool:
    """Every post and every holder of the import is in personnel's staffing read model."""
    row = await pool.fetchrow(
        "SELECT (SELECT count(*) FROM staffing) AS posts, "
        "(SELECT count(*) FROM staffing_holders) AS holders"
    )
    return bool(row and row["posts"] >= posts and row["holders"] >= holders)


async def import_phase(
    report: Report,
    client: httpx.AsyncClient,
    system: System,
    pools: dict[str, asyncpg.Pool],
    body: bytes,
    sizes: dict[str, int],
    timeout: float,
) -> None:
    """Upload, then wait for the job, the staffing read model and every consumer."""
    bootstrap = system.infra.kafka_bootstrap
    consumers = await consumers_of(client, system)
    start = time.perf_counter()
    staffing_done: list[float] = []

    async def watch_staffing() -> None:
        await poll(
            lambda: staffing_complete(pools["personnel"], sizes["positions"], sizes["employees"]),
            timeout=timeout,
            interval=0.1,
            what="staffing read model",
        )
        staffing_done.append(time.perf_counter() - start)

    watcher = asyncio.create_task(watch_staffing())
    job = await import_document(client, system, body, timeout=timeout)
    job_s = time.perf_counter() - start
    await watcher
    await wait_quiet(bootstrap, pools, consumers, timeout=timeout)
    all_s = time.perf_counter() - start
    staffing_s = staffing_done[0]
    report.figure("import.employees", sizes["employees"], "employees")
    report.figure("import.events_written", job["events_written"], "events")
    report.figure("import.rejected_rows", job["rejected_rows"], "rows")
    report.figure("import.job.seconds", job_s, "s")
    report.figure("import.staffing_read_model.seconds", staffing_s, "s")
    report.figure("import.all_read_models.seconds", all_s, "s")
    report.figure("import.employees_per_s", sizes["employees"] / staffing_s, "employees/s")
    at_most(report, "import.staffing_vs_target", staffing_s, TARGET_IMPORT_S, "s")


async def rebuild_phase(
    report: Report,
    client: httpx.AsyncClient,
    system: System,
    pools: dict[str, asyncpg.Pool],
    timeout: float,
) -> None:
    """Rebuild every projection of every service at once; time until all caught up."""
    consumers = await consumers_of(client, system)
    topics = {t for listed in consumers.values() for c in listed for t in c["topics"]}
    ends = await end_offsets(system.infra.kafka_bootstrap, topics)
    start = time.perf_counter()
    rebuilt: set[str] = set()
    records = 0
    for service, listed in consumers.items():
        for c in listed:
            r = await client.post(f"{system.url(service)}/admin/projections/{c['name']}/rebuild")
            if r.status_code == 202:
                rebuilt.add(f"{service}.{c['name']}")
                records += sum(n for (t, _), n in ends.items() if t in c["topics"])
            elif r.status_code != 404:  # 404: a reaction, which is not rebuilt
                raise RuntimeError(f"rebuild {service}.{c['name']}: {r.status_code} {r.text}")
    done: dict[str, float] = {}

    async def all_caught_up() -> bool:
        behind = await lag(pools, consumers, ends, only=rebuilt - set(done))
        now = time.perf_counter() - start
        for name, n in behind.behind.items():
            if n == 0:
                done[name] = now
        return len(done) == len(rebuilt)

    await poll(all_caught_up, timeout=timeout, interval=0.1, what="rebuilt projections")
    total_s = time.perf_counter() - start
    report.figure("rebuild.projections", len(rebuilt), "projections")
    report.figure("rebuild.records", records, "records")
    report.figure("rebuild.all.seconds", total_s, "s")
    report.figure("rebuild.records_per_s", records / total_s, "records/s")
    for name in sorted(done):
        report.figure(f"rebuild.{name}.seconds", done[name], "s")


async def run(args: Any, report: Report) -> None:
    with tempfile.TemporaryDirectory(prefix="rangkui-bench-demo-") as tmp:
        path = Path(tmp) / "demo.json"
        report.note(
            f"demo file written in {await demo_file(args.employees, args.seed, path):.1f} s"
        )
        body = path.read_bytes()
    doc = json.loads(body)
    sizes = {k: len(doc[k]) for k in ("units", "positions", "employees")}
    del doc
    report.note(
        f"demo province: {sizes['units']} units, {sizes['positions']} posts, "
        f"{sizes['employees']} employees, {len(body) / MIB:.1f} MiB of JSON"
    )
    async with (
        bench_env() as env,
        running_system(env, keep_logs=args.keep_logs) as system,
        service_pools(system) as pools,
        httpx.AsyncClient(timeout=60, headers=EVERY_ROLE) as client,
    ):
        with RssSampler(system) as rss:
            with rss.phase("idle"):
                await asyncio.sleep(1.0)
            with (
                rss.phase("import"),
                maybe_profile(args.profile),
                py_spy(system, args.py_spy and f"{args.py_spy}/import", args.timeout),
            ):
                await import_phase(report, client, system, pools, body, sizes, args.timeout)
            del body
            with (
                rss.phase("rebuild"),
                py_spy(system, args.py_spy and f"{args.py_spy}/rebuild", args.timeout),
            ):
                await rebuild_phase(report, client, system, pools, args.timeout)
            complete = await staffing_complete(
                pools["personnel"], sizes["positions"], sizes["employees"]
            )
            if not complete:
                raise RuntimeError("staffing read model incomplete after the rebuild")
        rss.report(report, target_mib=TARGET_RSS_MIB)
        report.params["postgresql"] = await pools["personnel"].fetchval("SHOW server_version")


async def main(argv: list[str] | None = None) -> int:
    p = parser(__doc__.splitlines()[0])
    p.add_argument("--employees", type=int, default=25_000, help="size of the demo province")
    p.add_argument("--seed", type=int, default=1, help="demo province seed")
    p.add_argument("--timeout", type=float, default=3600.0, help="per phase, seconds")
    p.add_argument("--py-spy", metavar="DIR", help="py-spy each service during each phase")
    p.add_argument("--keep-logs", action="store_true", help="keep the services' logs")
    args = p.parse_args(argv)
    if args.smoke:
        args.employees, args.timeout = 500, 300.0
    quiet_logs()
    report = Report("scale", {k: v for k, v in vars(args).items() if k not in ("json", "profile")})
    report.note(f"load average before: {load_average()}")
    await run(args, report)
    report.note(f"load average after: {load_average()}")
    report.write_json(args.json, machine_info())
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
