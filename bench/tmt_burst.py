"""TMT burst: how fast mutation's scheduler makes a province's decreed transfers effective
when thousands share one TMT (issue 18: 10,000 within 60 s).

On a fresh mutation database, `--transfers` transfers are decreed (proposed, approved and
decreed events appended through the kit pipeline, so the `pending_effects` index is kept as
in production) with TMT day 2, and `--reference-transfers` with TMT day 1. Then, in the same
run on the same server, one scheduler tick per day is timed (`make_due_transfers_effective`
until nothing is due):

- reference, day 1: one unit of work per transfer (`chunk_size=1`, the scheduler as it was
  before the chunks: one load, one facts read, one append per transfer);
- ours, day 2: chunks of `--chunk-size` (one many-stream load, one facts query and one
  append per chunk).

No Kafka: only the write side is measured (the read models follow from Kafka; benchmark 4
measures that path).

    .venv/bin/python -m bench.tmt_burst [--smoke] [--transfers N] [--reference-transfers N]
"""

from __future__ import annotations

import asyncio
import time
from datetime import date, timedelta
from typing import Any

from bench.common import Report, bench_env, machine_info, maybe_profile, nip, parser, quiet_logs
from rangkui_contracts.events.mutation import (
    MutationApproved,
    MutationDecreed,
    MutationProposed,
)
from rangkui_eventkit.clock import FixedClock
from rangkui_eventkit.context import Cause
from rangkui_eventkit.db import create_pool
from rangkui_eventkit.migrations import migrate
from rangkui_eventkit.pipeline import PoolPipeline, UnitOfWork
from rangkui_eventkit.store import PostgresEventStore
from rangkui_mutation.adapters.facts import PostgresFacts, WriteSideIndexes
from rangkui_mutation.bootstrap import MIGRATIONS
from rangkui_mutation.domain.mutation import stream_id
from rangkui_mutation.service_layer.commands import Deps
from rangkui_mutation.service_layer.scheduler import make_due_transfers_effective
from rangkui_mutation.settings import MutationSettings

DAY1 = date(2027, 1, 4)
DAY2 = date(2027, 1, 5)
SETUP_CHUNK = 500
TARGET_PER_S = 10_000 / 60


def _decreed(i: int, tmt: date) -> list[Any]:
    mutation_id = f"burst-{tmt.isoformat()}-{i}"
    move = {
        "from_unit_id": "sma-1",
        "from_position_id": "guru-mat-1",
        "to_unit_id": "sma-2",
        "to_position_id": f"guru-mat-{i}",
    }
    return [
        MutationProposed(
            mutation_id=mutation_id,
            nip=nip(i),
            kind="NEED_BASED",
            reason="kekurangan guru",
            proposed_by="operator.bkd",
            **move,
        ),
        MutationApproved(
            mutation_id=mutation_id,
            nip=nip(i),
            to_unit_id="sma-2",
            to_position_id=move["to_position_id"],
            approved_by="ppk",
        ),
        MutationDecreed(
            mutation_id=mutation_id,
            nip=nip(i),
            sk_number=f"800/{tmt.isoformat()}/{i}/BKD",
            sk_date=tmt - timedelta(days=14),
            tmt=tmt,
            decreed_by="ppk",
        ),
    ]


async def _prepare(pipeline: PoolPipeline, n: int, tmt: date) -> None:
    for start in range(0, n, SETUP_CHUNK):

        async def handler(uow: UnitOfWork, start: int = start) -> None:
            for i in range(start, min(start + SETUP_CHUNK, n)):
                events = _decreed(i, tmt)
                uow.create(stream_id(events[0].mutation_id), events)

        await pipeline.run(handler, Cause.new("bench"))


async def _tick(deps: Deps, chunk_size: int) -> tuple[int, float]:
    started = time.perf_counter()
    made = 0
    while True:  # one tick takes a bounded number of rounds: tick until nothing is due
        done = await make_due_transfers_effective(deps, chunk_size=chunk_size)
        if not done:
            break
        made += len(done)
    return made, time.perf_counter() - started


async def main(argv: list[str] | None = None) -> int:
    p = parser(__doc__.splitlines()[0])
    p.add_argument("--transfers", type=int, default=10_000, help="decreed for one TMT (ours)")
    p.add_argument(
        "--reference-transfers", type=int, default=1_000, help="for the one-by-one reference"
    )
    p.add_argument("--chunk-size", type=int, default=500, help="transfers per unit of work")
    args = p.parse_args(argv)
    if args.smoke:
        args.transfers, args.reference_transfers = 120, 40
    quiet_logs()
    report = Report(
        "tmt_burst", {k: v for k, v in vars(args).items() if k not in ("json", "profile")}
    )
    async with bench_env(topics=False) as env:
        url = await env.new_database("tmt")
        pool = await create_pool(url, min_size=2, max_size=2)  # the scheduler's own budget
        try:
            async with pool.acquire() as conn:
                await migrate(conn, MIGRATIONS)
            store = PostgresEventStore(pool, "/rangkui/mutation")
            pipeline = PoolPipeline(pool, store, inline=[WriteSideIndexes()])
            await _prepare(pipeline, args.reference_transfers, DAY1)
            await _prepare(pipeline, args.transfers, DAY2)
            settings = MutationSettings(development_mode=True, database_url=url)

            def deps(today: date) -> Deps:
                return Deps(
                    pipeline=pipeline,
                    settings=settings,
                    clock=FixedClock(today),
                    facts=lambda uow: PostgresFacts(uow.conn),
                    pool=pool,
                )

            ref_made, ref_s = await _tick(deps(DAY1), chunk_size=1)
            with maybe_profile(args.profile):
                made, ours_s = await _tick(deps(DAY2), chunk_size=args.chunk_size)
            effective = await pool.fetchval(
                "SELECT count(*) FROM pending_effects WHERE tmt <= $1", DAY2
            )
        finally:
            await pool.close()
        if (ref_made, made, effective) != (args.reference_transfers, args.transfers, 0):
            raise RuntimeError(f"wrong counts: {ref_made}, {made}, {effective} still pending")
        ours, reference = made / ours_s, ref_made / ref_s
        report.figure("burst.batched.transfers_per_s", ours, "transfers/s")
        report.figure("burst.batched.seconds", ours_s, "s")
        report.figure("burst.per_transfer.transfers_per_s", reference, "transfers/s")
        report.ratio("burst.batched_vs_per_transfer", ours, reference)
        report.absolute_target("burst.batched_vs_target", ours, TARGET_PER_S, "transfers/s")
        report.params["postgresql"] = env.pg_version
    report.write_json(args.json, machine_info())
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
