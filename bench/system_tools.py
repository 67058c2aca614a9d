"""What benchmarks 4 and 5 share: the four services running as processes, and ways to
watch them from outside.

The services are started exactly as the end-to-end tests start them
(`rangkui_eventkit.testing.system.System`: a fresh database per service, the run's topic
namespace, `rangkui-<service> serve`, ready on `/readyz`). What is watched:

- whether every consumer of every service has caught up: its stored positions
  (`consumer_offsets`, written in the same transaction as its effects, so exact) against
  the end offsets of its topics, and every outbox empty;
- the resident memory (RSS) of each service process, sampled in a thread, peak per phase;
- latency targets, where lower is better (`Report.absolute_target` is for higher-is-better).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import psutil
from aiokafka import AIOKafkaConsumer, TopicPartition

from bench.common import BenchEnv, Report
from rangkui_eventkit.testing.auth import acting, bearer
from rangkui_eventkit.testing.system import SERVICES, System

MIB = 1024 * 1024
OPERATOR = acting("operator.bkd", "bkd_operator")
PPK = acting("ppk.gubernur", "ppk")
# Reads and operations (rebuilds, consumer positions) in benchmarks: every role.
EVERY_ROLE = bearer(sub="bench")


# ------------------------------------------------------------------------ the system
# The benchmarks measure how fast a decision takes effect and is followed, not the steps
# before it: they run the province's policy that skips the documents check, the TPK review and
# the socialisation (a policy must name its basis; this one names the benchmark).
DECIDE_AT_ONCE = {
    "MUTATION_SKIP_STEPS": '["DOCUMENTS", "TPK_REVIEW", "SOCIALIZATION"]',
    "MUTATION_SKIP_STEPS_BASIS": "benchmark: the steps before the decision are not measured",
}


@contextlib.asynccontextmanager
async def running_system(env: BenchEnv, keep_logs: bool = False) -> AsyncIterator[System]:
    """The four services on the run's topics, each with a fresh database (dropped at the
    end). Their logs go to a temporary directory, kept (and named) if the run fails."""
    log_dir = Path(tempfile.mkdtemp(prefix="rangkui-bench-logs-"))
    system = System(env.infra, env.prefix, log_dir, settings=dict(DECIDE_AT_ONCE))
    failed = True
    try:
        await system.start()
        yield system
        failed = False
    finally:
        await system.close()
        if failed or keep_logs:
            print(f"note service logs kept in {log_dir}", flush=True)
        else:
            shutil.rmtree(log_dir, ignore_errors=True)


@contextlib.asynccontextmanager
async def service_pools(system: System) -> AsyncIterator[dict[str, asyncpg.Pool]]:
    """A small read-only-by-convention pool per service database, for observation only."""
    pools: dict[str, asyncpg.Pool] = {}
    try:
        for name, db in zip(SERVICES, system.databases, strict=True):
            pools[name] = await asyncpg.create_pool(
                system.infra.database_url(db), min_size=1, max_size=2
            )
        yield pools
    finally:
        for pool in pools.values():
            await pool.close()


async def consumers_of(
    client: httpx.AsyncClient, system: System
) -> dict[str, list[dict[str, Any]]]:
    """`GET /admin/consumers` of every service: name, topics, applied, group."""
    out: dict[str, list[dict[str, Any]]] = {}
    for name in SERVICES:
        r = await client.get(f"{system.url(name)}/admin/consumers")
        r.raise_for_status()
        out[name] = r.json()
    return out


async def end_offsets(bootstrap: str, topics: set[str]) -> dict[tuple[str, int], int]:
    """The current end offset of every partition of `topics`."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        partitions = [
            TopicPartition(t, p) for t in sorted(topics) for p in await partitions_of(consumer, t)
        ]
        ends = await consumer.end_offsets(partitions) if partitions else {}
        return {(tp.topic, tp.partition): offset for tp, offset in ends.items()}
    finally:
        await consumer.stop()


async def partitions_of(consumer: AIOKafkaConsumer, topic: str) -> list[int]:
    """The partitions of `topic`, refreshing the client's metadata until it knows them
    (aiokafka has no public call that refreshes the metadata the consumer itself uses)."""
    for _ in range(50):
        parts = consumer.partitions_for_topic(topic)
        if parts:
            return sorted(parts)
        await consumer._client.force_metadata_update()
        await asyncio.sleep(0.1)
    raise RuntimeError(f"topic {topic} not found in the cluster metadata")


@dataclass
class Lag:
    """Records each consumer still has to process, and the outbox backlog per service."""

    behind: dict[str, int] = field(default_factory=dict)  # "service.consumer" -> records
    outbox: dict[str, int] = field(default_factory=dict)  # service -> rows

    @property
    def total(self) -> int:
        return sum(self.behind.values()) + sum(self.outbox.values())


async def lag(
    pools: dict[str, asyncpg.Pool],
    consumers: dict[str, list[dict[str, Any]]],
    ends: dict[tuple[str, int], int],
    only: set[str] | None = None,
) -> Lag:
    """How far each consumer's stored positions are from `ends` (only the consumers named
    `service.consumer` in `only`, if given)."""
    out = Lag()
    for service, listed in consumers.items():
        pool = pools[service]
        rows = await pool.fetch(
            "SELECT consumer, topic, partition, next_offset FROM consumer_offsets"
        )
        stored = {(r["consumer"], r["topic"], r["partition"]): r["next_offset"] for r in rows}
        for c in listed:
            key = f"{service}.{c['name']}"
            if only is not None and key not in only:
                continue
            out.behind[key] = sum(
                max(end - stored.get((c["name"], topic, part), 0), 0)
                for (topic, part), end in ends.items()
                if topic in c["topics"]
            )
        out.outbox[service] = await pool.fetchval("SELECT count(*) FROM outbox")
    return out


async def wait_quiet(
    bootstrap: str,
    pools: dict[str, asyncpg.Pool],
    consumers: dict[str, list[dict[str, Any]]],
    *,
    timeout: float,
    interval: float = 0.2,
) -> float:
    """Wait until no service has anything left to publish or consume (checked against the
    topics' ends read again each time, since reactions keep appending); seconds waited."""
    topics = {t for listed in consumers.values() for c in listed for t in c["topics"]}
    start = time.perf_counter()
    quiet_checks = 0
    while True:
        behind = await lag(pools, consumers, await end_offsets(bootstrap, topics))
        quiet_checks = quiet_checks + 1 if behind.total == 0 else 0
        if quiet_checks >= 2:  # twice in a row: nothing in flight between the two reads
            return time.perf_counter() - start
        if time.perf_counter() - start > timeout:
            raise TimeoutError(f"system not quiet after {timeout:.0f} s: {behind}")
        await asyncio.sleep(interval)


# ------------------------------------------------------------------------- memory
class RssSampler:
    """Samples the RSS of each service process (and its children) every `interval` s in a
    thread; `phase(name)` records the peak of each service while the block runs."""

    def __init__(self, system: System, interval: float = 0.2) -> None:
        self.procs = {
            name: psutil.Process(svc.process.pid)
            for name, svc in system.services.items()
            if svc.process is not None
        }
        self.interval = interval
        self.peaks: dict[str, dict[str, float]] = {}  # phase -> service -> MiB
        self._current: dict[str, float] | None = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _rss(self, proc: psutil.Process) -> float:
        total = 0
        with contextlib.suppress(psutil.Error):
            total += proc.memory_info().rss
            for child in proc.children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    total += child.memory_info().rss
        return total / MIB

    def sample(self) -> None:
        values = {name: self._rss(p) for name, p in self.procs.items()}
        with self._lock:
            if self._current is not None:
                for name, mib in values.items():
                    self._current[name] = max(self._current.get(name, 0.0), mib)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    @contextlib.contextmanager
    def phase(self, name: str) -> Iterator[None]:
        with self._lock:
            self._current = self.peaks.setdefault(name, {})
        self.sample()
        try:
            yield
        finally:
            self.sample()
            with self._lock:
                self._current = None

    def report(self, report: Report, target_mib: float) -> None:
        """`rss.<phase>.<service>.peak_mib` figures, and each service's peak over all
        phases against the target."""
        for phase, peaks in self.peaks.items():
            for service in SERVICES:
                if service in peaks:
                    report.figure(f"rss.{phase}.{service}.peak_mib", peaks[service], "MiB")
        for service in SERVICES:
            peak = max((p.get(service, 0.0) for p in self.peaks.values()), default=0.0)
            at_most(report, f"rss.{service}.peak_vs_target", peak, target_mib, "MiB")


# ------------------------------------------------------------------------- targets
def at_most(report: Report, name: str, value: float, target: float, unit: str) -> None:
    """A lower-is-better target (latency, memory), printed as the ratio value / target."""
    met = value <= target
    report.ratios[name] = {
        "value": round(value / target, 4),
        "target": 1.0,
        "met": met,
        "absolute_target": target,
        "unit": unit,
        "lower_is_better": True,
    }
    print(
        f"ratio {name} {value / target:.3f} target <= 1.0 "
        f"({value:.1f} vs {target:.0f} {unit}) {'met' if met else 'NOT MET'}",
        flush=True,
    )


def load_average() -> str:
    """The 1, 5 and 15 minute load averages: how busy the shared machine was."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


async def poll(
    check: Callable[[], Awaitable[Any]], *, timeout: float, interval: float = 0.2, what: str = ""
) -> Any:
    """Call the coroutine function `check` until it returns something truthy."""
    deadline = time.perf_counter() + timeout
    while True:
        value = await check()
        if value:
            return value
        if time.perf_counter() > deadline:
            raise TimeoutError(f"not reached within {timeout:.0f} s: {what}")
        await asyncio.sleep(interval)


# ------------------------------------------------------------------------- imports
async def import_document(
    client: httpx.AsyncClient, system: System, body: bytes, *, timeout: float
) -> dict[str, Any]:
    """`POST /imports` a SIMPEG-shaped JSON export and wait for its job to finish; the job
    (status, applied/refused rows, events written)."""
    r = await client.post(
        f"{system.url('personnel')}/imports",
        content=body,
        headers={**OPERATOR, "Content-Type": "application/json"},
        params={"name": "bench.json"},
        timeout=max(60.0, timeout),
    )
    if r.status_code != 202:
        raise RuntimeError(f"import refused: {r.status_code} {r.text[:500]}")
    job_id = r.json()["job_id"]

    async def finished() -> dict[str, Any] | None:
        got = await client.get(f"{system.url('personnel')}/imports/{job_id}", params={"limit": 20})
        job: dict[str, Any] = got.json()
        if job["status"] == "FAILED":
            raise RuntimeError(f"import {job_id} failed: {job.get('error')}")
        return job if job["status"] == "DONE" else None

    job: dict[str, Any] = await poll(finished, timeout=timeout, interval=0.1, what="import")
    return job


# ------------------------------------------------------------------------- profiles
@contextlib.contextmanager
def py_spy(system: System, out_dir: str | None, seconds: float) -> Iterator[None]:
    """With `out_dir`, sample every service with py-spy (`bench/requirements.txt`) while
    the block runs (at most `seconds`): collapsed stacks in `<out_dir>/<service>.txt`,
    summarised by `python -m bench.system_tools <file>`."""
    if not out_dir:
        yield
        return
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    exe = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    procs = [
        subprocess.Popen(
            [
                exe,
                "record",
                "--pid",
                str(svc.process.pid),
                "--duration",
                str(int(seconds)),
                "--rate",
                "50",
                "--format",
                "raw",
                "--nonblocking",
                "--output",
                str(Path(out_dir) / f"{name}.txt"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for name, svc in system.services.items()
        if svc.process is not None
    ]
    try:
        yield
    finally:
        for proc in procs:
            proc.send_signal(signal.SIGINT)  # py-spy writes what it has on SIGINT
        for proc in procs:
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=30)
        print(f"note py-spy profiles written to {out_dir}", flush=True)


def summarise_profile(path: str, top: int = 25) -> str:
    """The functions with the most samples (self and total) in py-spy's collapsed stacks,
    ours (rangkui_*) shown apart: what to look at first."""
    total: dict[str, int] = {}
    own: dict[str, int] = {}
    samples = 0
    for line in Path(path).read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        n = int(count)
        samples += n
        frames = stack.split(";")
        for frame in set(frames):
            total[frame] = total.get(frame, 0) + n
        own[frames[-1]] = own.get(frames[-1], 0) + n
    lines = [f"{samples} samples in {path}", "self:"]
    for frame, n in sorted(own.items(), key=lambda kv: -kv[1])[:top]:
        lines.append(f"  {100 * n / samples:5.1f}%  {frame}")
    lines.append("total (rangkui code):")
    ours = [(f, n) for f, n in total.items() if "rangkui_" in f]
    for frame, n in sorted(ours, key=lambda kv: -kv[1])[:top]:
        lines.append(f"  {100 * n / samples:5.1f}%  {frame}")
    return "\n".join(lines)


if __name__ == "__main__":
    for profile in sys.argv[1:]:
        print(summarise_profile(profile))
