"""Key maintenance of personnel's vault: how long a province's keys take to rotate or issue.

On a fresh personnel database with `--keys` data keys (created as registrations create
them, through `PersonalDataVault.seal_writes`), it times the commands an operator runs
(docs/operations.md "Rotating the keys"): re-wrapping every key under a new key-encryption
key, re-publishing every key under a new transport key (queueing only: the key publisher
sends them), and issuing keys to as many employees registered before sealing. No Kafka.

    .venv/bin/python -m bench.keys [--smoke] [--keys N] [--batch-size N]
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import asyncpg

from bench.common import Report, bench_env, employee, machine_info, parser, quiet_logs
from rangkui_eventkit.context import Cause
from rangkui_eventkit.db import create_pool
from rangkui_eventkit.migrations import migrate
from rangkui_eventkit.personal_data import WrappingKeys
from rangkui_eventkit.store import PostgresEventStore, StreamWrite
from rangkui_personnel.adapters.personal_data import PersonalDataVault
from rangkui_personnel.bootstrap import MIGRATIONS
from rangkui_personnel.service_layer.key_rotation import (
    issue_missing_keys,
    republish_keys,
    rewrap_at_rest,
)

OLD_KEK, NEW_KEK, TRANSPORT = b"o" * 32, b"n" * 32, b"t" * 32
CHUNK = 1000  # registrations sealed per transaction while preparing


async def _prepare(pool: asyncpg.Pool, keys: int) -> None:
    """`keys` employees whose keys were created under OLD_KEK, and as many registered
    before sealing (their v1 registrations in the event store, no key)."""
    vault = PersonalDataVault(OLD_KEK, TRANSPORT)
    for start in range(0, keys, CHUNK):
        writes = [
            StreamWrite(f"employee-{e.nip}", 0, [e])
            for e in (employee(i) for i in range(start, min(start + CHUNK, keys)))
        ]
        async with pool.acquire() as conn, conn.transaction():
            await vault.seal_writes(conn, writes)
    store = PostgresEventStore(pool, "/rangkui/personnel")
    for start in range(keys, 2 * keys, CHUNK):
        await store.append(
            [
                StreamWrite(f"employee-{e.nip}", 0, [e])
                for e in (employee(i) for i in range(start, min(start + CHUNK, 2 * keys)))
            ],
            Cause.new("bench"),
        )
    await pool.execute("DELETE FROM personal_data_key_outbox")


async def _timed(step: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    result = await step
    return result, time.perf_counter() - started


async def main(argv: list[str] | None = None) -> int:
    p = parser(__doc__.splitlines()[0])
    p.add_argument("--keys", type=int, default=50_000, help="data keys in the vault")
    p.add_argument("--batch-size", type=int, default=1000, help="keys per transaction")
    args = p.parse_args(argv)
    if args.smoke:
        args.keys = 300
    quiet_logs()
    report = Report("keys", {k: v for k, v in vars(args).items() if k not in ("json", "profile")})
    async with bench_env(topics=False) as env:
        pool = await create_pool(await env.new_database("keys"), min_size=2, max_size=2)
        try:
            async with pool.acquire() as conn:
                await migrate(conn, MIGRATIONS)
            await _prepare(pool, args.keys)
            rotating = WrappingKeys(NEW_KEK, (OLD_KEK,))
            rewrap, rewrap_s = await _timed(
                rewrap_at_rest(pool, rotating, batch_size=args.batch_size)
            )
            queued, queue_s = await _timed(republish_keys(pool))
            vault = PersonalDataVault(rotating, TRANSPORT)
            issued, issue_s = await _timed(
                issue_missing_keys(pool, vault, batch_size=args.batch_size)
            )
        finally:
            await pool.close()
        if (rewrap.rewrapped, queued, issued) != (args.keys, args.keys, args.keys):
            raise RuntimeError(f"wrong counts: {rewrap.rewrapped}, {queued}, {issued}")
        report.figure("rewrap.keys_per_s", args.keys / rewrap_s, "keys/s")
        report.figure("rewrap.seconds", rewrap_s, "s")
        report.figure("republish.keys_per_s", args.keys / queue_s, "keys/s")
        report.figure("issue.keys_per_s", args.keys / issue_s, "keys/s")
        report.params["postgresql"] = env.pg_version
    report.write_json(args.json, machine_info())
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
