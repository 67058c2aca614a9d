"""Every benchmark runs end to end in its smoke mode and prints every figure it promises.

No timing is asserted (the figures of a tiny run mean nothing); this only keeps the
benchmarks from rotting. They run as subprocesses exactly as documented.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rangkui_eventkit.testing.infra import Infra

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]

EXPECTED: dict[str, list[str]] = {
    "append": [
        f"c{c}.{who}.{what}"
        for c in (1, 8, 32)
        for who in ("ours", "eventsourcing", "pgbench")
        for what in ("appends_per_s", "p50_ms", "p99_ms")
    ]
    + [f"c{c}.ours_vs_{ref}" for c in (1, 8, 32) for ref in ("eventsourcing", "pgbench")],
    "relay": [
        "backlog.relay.events_per_s",
        "backlog.bare_producer.events_per_s",
        "backlog.relay_vs_target",
        "backlog.relay_vs_bare_producer",
        "steady.offered.events_per_s",
        "steady.lag.p50_ms",
        "steady.lag.p99_ms",
        "steady.lag.max_ms",
    ],
    "rebuild": [
        "produce.raw_producer.events_per_s",
        "rebuild.runner.events_per_s",
        "rebuild.bare_consumer.events_per_s",
        "rebuild.runner.seconds",
        "rebuild.runner_vs_target",
        "rebuild.runner_vs_bare_consumer",
    ],
    "costs": [
        "append.envelopes_us",
        "relay.row_to_record_via_envelope_us",
        "relay.row_to_record_row_direct_us",
        "consume.envelope_from_kafka_us",
        "consume.parse_event_us",
        "consume.parse_event_proposed_us",
        "consume.handler_handle_us",
        "auth.verify_first_sight_us",
        "auth.verify_remembered_us",
        "personal_data.seal_us",
        "personal_data.open_us",
    ],
    "tmt_burst": [
        "burst.batched.transfers_per_s",
        "burst.batched.seconds",
        "burst.per_transfer.transfers_per_s",
        "burst.batched_vs_per_transfer",
        "burst.batched_vs_target",
    ],
    "keys": [
        "rewrap.keys_per_s",
        "rewrap.seconds",
        "republish.keys_per_s",
        "issue.keys_per_s",
    ],
}


# The comparison experiments run too, so that they cannot rot either; their figures are not
# required (the notify comparison is skipped once the kit no longer notifies in appends).
EXTRA_FLAGS: dict[str, list[str]] = {
    "append": ["--compare-notify"],
    "rebuild": ["--compare-proposed"],
}


@pytest.mark.parametrize("benchmark", sorted(EXPECTED))
def test_benchmark_runs_in_smoke_mode_and_prints_every_figure(
    benchmark: str, infra: Infra, tmp_path: Path
) -> None:
    out_json = tmp_path / f"{benchmark}.json"
    env = {
        **os.environ,
        "KAFKA_BOOTSTRAP_SERVERS": infra.kafka_bootstrap,
        "RANGKUI_PG_ADMIN_URL": infra.pg_admin_url,
    }
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            f"bench.{benchmark}",
            "--smoke",
            "--json",
            str(out_json),
            *EXTRA_FLAGS.get(benchmark, []),
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
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
