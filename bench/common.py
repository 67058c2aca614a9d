"""What every benchmark shares: infrastructure, fresh databases and topics, figures, output.

Infrastructure is found exactly as the tests find it (`rangkui_eventkit.testing.infra`):
environment variables, then testcontainers, then the project's local processes. Every run
creates its own databases and its own topic namespace (a random prefix) and removes them
at the end, so a benchmark never sees, and never disturbs, anyone else's data.

Output is stable so that scripts and the smoke tests can read it: one line per figure,

    figure <name> <value> <unit>
    ratio <name> <value> [target >= <t> met|NOT MET]

and, with `--json PATH`, the same figures as one JSON document with the machine and the
parameters that produced them.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import asyncpg
from aiokafka.admin import AIOKafkaAdminClient

from rangkui_contracts import TOPICS
from rangkui_contracts.events.common import Education
from rangkui_contracts.events.personnel import Contact, EmployeeRegistered
from rangkui_eventkit.db import create_pool
from rangkui_eventkit.kafka import ensure_topics
from rangkui_eventkit.logging import configure_logging
from rangkui_eventkit.migrations import migrate
from rangkui_eventkit.testing.infra import Infra, resolve


# --------------------------------------------------------------------------- figures
@dataclass
class Report:
    """The figures of one benchmark run, printed as stable text and written as JSON."""

    benchmark: str
    params: dict[str, Any]
    figures: dict[str, dict[str, Any]] = field(default_factory=dict)
    ratios: dict[str, dict[str, Any]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    started_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())
    kit_at_start: dict[str, Any] = field(default_factory=lambda: kit_state())

    def figure(self, name: str, value: float, unit: str) -> None:
        self.figures[name] = {"value": round(value, 3), "unit": unit}
        print(f"figure {name} {value:.3f} {unit}", flush=True)

    def ratio(self, name: str, ours: float, reference: float, target: float | None = None) -> None:
        """ours / reference; with a target, whether the ratio reaches it."""
        value = ours / reference if reference else float("nan")
        entry: dict[str, Any] = {"value": round(value, 4), "target": target}
        line = f"ratio {name} {value:.3f}"
        if target is not None:
            entry["met"] = bool(value >= target)
            line += f" target >= {target} {'met' if entry['met'] else 'NOT MET'}"
        self.ratios[name] = entry
        print(line, flush=True)

    def absolute_target(self, name: str, value: float, target: float, unit: str) -> None:
        """An absolute target (e.g. events/s on this machine), printed as a ratio to it."""
        met = value >= target
        self.ratios[name] = {
            "value": round(value / target, 4),
            "target": 1.0,
            "met": met,
            "absolute_target": target,
            "unit": unit,
        }
        print(
            f"ratio {name} {value / target:.3f} target >= 1.0 "
            f"({value:.0f} vs {target:.0f} {unit}) {'met' if met else 'NOT MET'}",
            flush=True,
        )

    def note(self, text: str) -> None:
        self.notes.append(text)
        print(f"note {text}", flush=True)

    def write_json(self, path: str | None, machine: dict[str, Any]) -> None:
        if not path:
            return
        doc = {
            "benchmark": self.benchmark,
            "started_at": self.started_at,
            "finished_at": datetime.now(UTC).isoformat(),
            "machine": machine,
            "params": self.params,
            "figures": self.figures,
            "ratios": self.ratios,
            "notes": self.notes,
            "command": " ".join(
                [".venv/bin/python", "-m", f"bench.{self.benchmark}", *sys.argv[1:]]
            ),
            "kit_at_start": self.kit_at_start,
        }
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(json.dumps(doc, indent=2) + "\n")


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (0..100), nearest-rank on the sorted values; 0 when empty."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def mean(values: Sequence[float]) -> float:
    return statistics.fmean(values) if values else 0.0


class Stopwatch:
    """Wall-clock seconds since creation (monotonic)."""

    def __init__(self) -> None:
        self.start = time.perf_counter()

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.start


# --------------------------------------------------------------------------- machine
def machine_info() -> dict[str, Any]:
    """What the figures were measured on (the figures mean nothing without it)."""
    info: dict[str, Any] = {
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu_model"] = line.split(":", 1)[1].strip()
                break
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["memory_mib"] = int(line.split()[1]) // 1024
    with contextlib.suppress(OSError):
        info["loadavg"] = Path("/proc/loadavg").read_text().split()[:3]
    info["kit"] = kit_state()
    return info


def kit_state() -> dict[str, Any]:
    """Which kit was measured: the commit, and the kit/contract files changed since it
    (read-only git queries; the kit is being changed while benchmarks run)."""
    repo = Path(__file__).resolve().parents[1]
    state: dict[str, Any] = {}
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        state["commit"] = subprocess.run(
            ["git", "-C", str(repo), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "-C", str(repo), "status", "--porcelain", "--", "libs", "contracts/src"],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.split("\n")
        state["uncommitted"] = sorted(line[3:] for line in changed if line.strip())
    return state


# ------------------------------------------------------------------- infrastructure
@dataclass
class BenchEnv:
    """Infrastructure of one run: the servers, the run's own topic prefix and databases."""

    infra: Infra
    prefix: str
    databases: list[str] = field(default_factory=list)
    pg_version: str = ""

    async def new_database(self, label: str = "db") -> str:
        """Create an empty database for this run (dropped at the end); return its URL."""
        name = f"bench_{label}_{uuid.uuid4().hex[:10]}"
        admin = await asyncpg.connect(self.infra.pg_admin_url)
        try:
            await admin.execute(f'CREATE DATABASE "{name}"')
            self.pg_version = self.pg_version or await admin.fetchval("SHOW server_version")
        finally:
            await admin.close()
        self.databases.append(name)
        return self.infra.database_url(name)

    async def kit_pool(self, label: str, *, size: int) -> asyncpg.Pool:
        """A fresh database with the kit's tables, and a pool of `size` connections to it."""
        url = await self.new_database(label)
        pool = await create_pool(url, min_size=size, max_size=size)
        async with pool.acquire() as conn:
            await migrate(conn)
        return pool

    def topic(self, spec_name: str) -> str:
        return f"{self.prefix}{spec_name}"


@contextlib.asynccontextmanager
async def bench_env(topics: bool = True) -> AsyncIterator[BenchEnv]:
    """Resolve the infrastructure as the tests do; clean up the run's databases and topics."""
    stack: list[Any] = []
    infra = await asyncio.to_thread(resolve, stack)
    env = BenchEnv(infra=infra, prefix=f"bench{uuid.uuid4().hex[:8]}.")
    try:
        if topics:
            await ensure_topics(infra.kafka_bootstrap, env.prefix)
        yield env
    finally:
        with contextlib.suppress(Exception):
            await _drop_databases(infra, env.databases)
        if topics:
            with contextlib.suppress(Exception):
                await _delete_topics(
                    infra.kafka_bootstrap, [t.qualified(env.prefix) for t in TOPICS]
                )
        for container in reversed(stack):
            container.stop()


async def _drop_databases(infra: Infra, names: list[str]) -> None:
    admin = await asyncpg.connect(infra.pg_admin_url)
    try:
        for name in names:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


async def _delete_topics(bootstrap: str, names: list[str]) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, client_id="rangkui-bench")
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        doomed = [n for n in names if n in existing]
        if doomed:
            await admin.delete_topics(doomed)
    finally:
        await admin.close()


# --------------------------------------------------------------------------- command line
def parser(description: str) -> argparse.ArgumentParser:
    """The flags every benchmark has; each adds its size flags."""
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--smoke", action="store_true", help="tiny sizes: checks it runs (seconds)")
    p.add_argument("--json", metavar="PATH", help="also write the figures as JSON to PATH")
    p.add_argument(
        "--profile",
        metavar="PATH",
        help="profile our side with pyinstrument and write its text report to PATH",
    )
    return p


def quiet_logs() -> None:
    """Kit logs to stderr, warnings only: the figures are the output."""
    configure_logging("bench", level="WARNING")


@contextlib.contextmanager
def maybe_profile(path: str | None) -> Iterator[None]:
    """Profile the enclosed block with pyinstrument when `path` is given."""
    if not path:
        yield
        return
    from pyinstrument import Profiler  # only needed when profiling

    profiler = Profiler(interval=0.001, async_mode="enabled")
    profiler.start()
    try:
        yield
    finally:
        profiler.stop()
        Path(path).write_text(profiler.output_text(unicode=True, show_all=False))
        print(f"note profile written to {path}", flush=True)


# ------------------------------------------------------------------------ sample data
def nip(i: int) -> str:
    """An 18-digit NIP that is unique per `i` (birth date, TMT CPNS, gender, sequence)."""
    return f"1986092620{i % 10_000_000:07d}{i // 10_000_000 % 10}"


def employee(i: int) -> EmployeeRegistered:
    """A realistic registration: what a province's import writes per civil servant."""
    return EmployeeRegistered(
        nip=nip(i),
        name=f"Pegawai Nomor {i}",
        gender="F" if i % 2 else "M",
        birth_date=date(1970 + i % 30, 1 + i % 12, 1 + i % 28),
        grade=("II/c", "III/a", "III/b", "III/c", "III/d", "IV/a")[i % 6],
        unit_id=f"sma-{i % 400}-kota",
        position_id=f"guru-{i % 2000}",
        tmt_position=date(2015 + i % 10, 1, 2),
        education=[Education(level="S1", field="Pendidikan Matematika", year=2005 + i % 15)],
        competencies=["kurikulum merdeka"],
        contact=Contact(email=f"pegawai{i}@example.org", phone="0812000000"),
    )
