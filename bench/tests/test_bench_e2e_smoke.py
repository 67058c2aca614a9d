"""Benchmarks 4 and 5 run end to end in their smoke mode and print every figure they promise.

They start the four services as processes, hence the `e2e` marker. No timing is asserted
(the figures of a tiny run mean nothing); this only keeps the benchmarks from rotting.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rangkui_contracts.services import SERVICES
from rangkui_eventkit.testing.infra import Infra

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]


def _latency(name: str) -> list[str]:
    return [f"{name}.p{p}_ms" for p in (50, 95, 99)]


def _rss(phases: tuple[str, ...]) -> list[str]:
    return [f"rss.{phase}.{s}.peak_mib" for phase in phases for s in SERVICES] + [
        f"rss.{s}.peak_vs_target" for s in SERVICES
    ]


EXPECTED: dict[str, list[str]] = {
    "e2e_latency": [
        "e2e.transfers.counted",
        "e2e.transfers.missing",
        "e2e.offered.transfers_per_s",
        "e2e.effective.transfers_per_s",
        "e2e.completed.transfers_per_s",
        *_latency("e2e.decree_to_effective"),
        *_latency("e2e.read_model"),
        *_latency("e2e.inbox"),
        *_latency("e2e.topic.mutation_effective_read"),
        *_latency("e2e.topic.employee_reassigned"),
        *_latency("e2e.topic.notification_dispatched"),
        *_latency("e2e.http_sample.read_model"),
        *_latency("e2e.http_sample.inbox"),
        "e2e.http_sample.count",
        "e2e.read_model.p99_vs_target",
        "e2e.inbox.p99_vs_target",
        "e2e.effective_rate_vs_target",
        *_rss(("setup", "load")),
    ],
    "scale": [
        "import.employees",
        "import.events_written",
        "import.rejected_rows",
        "import.job.seconds",
        "import.staffing_read_model.seconds",
        "import.all_read_models.seconds",
        "import.employees_per_s",
        "import.staffing_vs_target",
        "rebuild.projections",
        "rebuild.records",
        "rebuild.all.seconds",
        "rebuild.records_per_s",
        "rebuild.personnel.staffing.seconds",
        *_rss(("idle", "import", "rebuild")),
    ],
}


@pytest.mark.parametrize("benchmark", sorted(EXPECTED))
def test_system_benchmark_runs_in_smoke_mode_and_prints_every_figure(
    benchmark: str, infra: Infra, tmp_path: Path
) -> None:
    out_json = tmp_path / f"{benchmark}.json"
    env = {
        **os.environ,
        "KAFKA_BOOTSTRAP_SERVERS": infra.kafka_bootstrap,
        "RANGKUI_PG_ADMIN_URL": infra.pg_admin_url,
    }
    done = subprocess.run(
        [sys.executable, "-m", f"bench.{benchmark}", "--smoke", "--json", str(out_json)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    printed = {
        line.split()[1]
        for line in done.stdout.splitlines()
        if line.startswith(("figure ", "ratio "))
    }
    missing = [name for name in EXPECTED[benchmark] if name not in printed]
    assert not missing, f"not printed: {missing}\n{done.stdout}"
    written = json.loads(out_json.read_text())
    assert set(EXPECTED[benchmark]) <= set(written["figures"]) | set(written["ratios"])
