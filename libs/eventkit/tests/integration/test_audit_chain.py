"""The hash chain written by the database, and `verify`/`seal` finding tampering.

Tampering is done as an attacker with database access would: as the superuser, with
`session_replication_role = replica`, which switches the append-only triggers off."""

import asyncio
import hashlib
import itertools
import json
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
import pytest

from rangkui_eventkit.audit import Seal, seal, verify, verify_stream
from rangkui_eventkit.audit.cli import main as audit_cli
from rangkui_eventkit.db import connect
from rangkui_eventkit.errors import ConcurrencyConflict
from rangkui_eventkit.migrations import _kit_migrations, migrate
from rangkui_eventkit.store import PostgresEventStore, StreamWrite
from rangkui_eventkit.testing.store_contract import CAUSE, unit_event

pytestmark = pytest.mark.integration


@pytest.fixture
def store(pool: asyncpg.Pool) -> PostgresEventStore:
    return PostgresEventStore(pool, "/rangkui/test")


@asynccontextmanager
async def tampering(database_url: str) -> AsyncIterator[asyncpg.Connection]:
    """A superuser session with triggers off: what an attacker with DB access can do."""
    conn = await connect(database_url)
    try:
        await conn.execute("SET session_replication_role = replica")
        yield conn
    finally:
        await conn.close()


def sid(prefix: str = "s") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


async def three_streams(store: PostgresEventStore) -> tuple[str, str, str]:
    """Streams of 4, 3 and 1 events, written by multi-stream, multi-event appends."""
    a, b, c = sid("a"), sid("b"), sid("c")
    await store.append(
        [
            StreamWrite(b, 0, [unit_event("b1"), unit_event("b2")]),
            StreamWrite(a, 0, [unit_event("a1"), unit_event("a2"), unit_event("a3")]),
        ],
        CAUSE,
    )
    await store.append(
        [
            StreamWrite(a, 3, [unit_event("a4")]),
            StreamWrite(c, 0, [unit_event("c1")]),
            StreamWrite(b, 2, [unit_event("b3")]),
        ],
        CAUSE,
    )
    return a, b, c


async def position(pool: asyncpg.Pool, stream: str, version: int) -> int:
    value = await pool.fetchval(
        "SELECT global_position FROM events WHERE stream_id = $1 AND version = $2",
        stream,
        version,
    )
    assert value is not None
    return int(value)


def kinds(problems: object) -> list[tuple[str, str, int | None]]:
    return [(p.kind, p.stream_id, p.version) for p in problems]  # type: ignore[attr-defined]


async def test_every_event_is_hashed_over_its_predecessors_hash_and_its_content(
    pool: asyncpg.Pool, store: PostgresEventStore
) -> None:
    a, b, c = await three_streams(store)
    rows = await pool.fetch(
        """SELECT stream_id, version, prev_hash, hash,
                  audit_event_content(global_position, stream_id, version, event_id, event_type,
                                      data, metadata, recorded_at) AS content
           FROM events ORDER BY stream_id, version"""
    )
    by_stream: dict[str, list[asyncpg.Record]] = {}
    for r in rows:
        by_stream.setdefault(r["stream_id"], []).append(r)
    assert {s: [r["version"] for r in rs] for s, rs in by_stream.items()} == {
        a: [1, 2, 3, 4],
        b: [1, 2, 3],
        c: [1],
    }
    for rs in by_stream.values():
        assert rs[0]["prev_hash"] is None
        for prev, row in itertools.pairwise(rs):
            assert row["prev_hash"] == prev["hash"]
        for row in rs:
            expected = hashlib.sha256((row["prev_hash"] or b"") + row["content"]).digest()
            assert row["hash"] == expected
    assert len({r["hash"] for r in rows}) == len(rows)


async def test_racing_appends_leave_every_chain_intact(
    pool: asyncpg.Pool, store: PostgresEventStore
) -> None:
    streams = [sid("race") for _ in range(3)]

    async def writer(n: int) -> None:
        for _ in range(5):
            while True:  # the usual reload-and-retry on a conflict
                loaded = await store.load_many(streams)
                writes = [
                    StreamWrite(s, len(loaded.get(s, [])), [unit_event(f"w{n}")] * 2)
                    for s in streams[n % 3 :] + streams[: n % 3]
                ][:2]
                try:
                    await store.append(writes, CAUSE)
                    break
                except ConcurrencyConflict:
                    continue

    await asyncio.gather(*(writer(n) for n in range(6)))
    async with pool.acquire() as conn:
        report = await verify(conn)
    assert report.ok, report.problems
    assert report.events == 6 * 5 * 2 * 2


async def test_verify_finds_nothing_wrong_in_an_untouched_store(
    pool: asyncpg.Pool, store: PostgresEventStore
) -> None:
    await three_streams(store)
    async with pool.acquire() as conn:
        report = await verify(conn)
    assert report.ok, report.problems
    assert (report.events, report.streams) == (8, 3)


async def test_one_altered_byte_names_the_stream_version_and_position(
    pool: asyncpg.Pool, store: PostgresEventStore, database_url: str
) -> None:
    a, _, _ = await three_streams(store)
    pos = await position(pool, a, 2)
    async with tampering(database_url) as evil:
        await evil.execute(
            "UPDATE events SET data = replace(data::text, '\"a2\"', '\"a3\"')::jsonb"
            " WHERE global_position = $1",
            pos,
        )
    async with pool.acquire() as conn:
        report = await verify(conn)
    assert [(p.kind, p.stream_id, p.version, p.position) for p in report.problems] == [
        ("altered", a, 2, pos)
    ]


async def test_an_altered_actor_in_the_metadata_is_found_too(
    pool: asyncpg.Pool, store: PostgresEventStore, database_url: str
) -> None:
    _, b, _ = await three_streams(store)
    pos = await position(pool, b, 3)
    async with tampering(database_url) as evil:
        await evil.execute(
            "UPDATE events SET metadata = jsonb_set(metadata, '{actor}', '\"someone-else\"')"
            " WHERE global_position = $1",
            pos,
        )
    async with pool.acquire() as conn:
        report = await verify(conn)
    assert kinds(report.problems) == [("altered", b, 3)]


async def test_a_removed_event_in_the_middle_is_a_gap_and_a_broken_link(
    pool: asyncpg.Pool, store: PostgresEventStore, database_url: str
) -> None:
    a, _, _ = await three_streams(store)
    async with tampering(database_url) as evil:
        await evil.execute("DELETE FROM outbox")
        await evil.execute("DELETE FROM events WHERE stream_id = $1 AND version = 2", a)
    async with pool.acquire() as conn:
        report = await verify(conn)
    assert kinds(report.problems) == [("gap", a, 2), ("broken_link", a, 3)]


async def test_two_swapped_events_are_found(
    pool: asyncpg.Pool, store: PostgresEventStore, database_url: str
) -> None:
    a, _, _ = await three_streams(store)
    async with tampering(database_url) as evil, evil.transaction():
        await evil.execute(
            "UPDATE events SET version = 1000 WHERE stream_id = $1 AND version = 2", a
        )
        await evil.execute("UPDATE events SET version = 2 WHERE stream_id = $1 AND version = 3", a)
        await evil.execute(
            "UPDATE events SET version = 3 WHERE stream_id = $1 AND version = 1000", a
        )
    async with pool.acquire() as conn:
        report = await verify(conn)
    found = kinds(report.problems)
    assert ("altered", a, 2) in found
    assert ("altered", a, 3) in found
    assert ("broken_link", a, 2) in found
    assert {s for _, s, _ in found} == {a}


async def test_a_stream_that_does_not_start_at_version_one_is_a_bad_start(
    pool: asyncpg.Pool, store: PostgresEventStore, database_url: str
) -> None:
    _, b, _ = await three_streams(store)
    async with tampering(database_url) as evil:
        await evil.execute("DELETE FROM outbox")
        await evil.execute("DELETE FROM events WHERE stream_id = $1 AND version = 1", b)
    async with pool.acquire() as conn:
        report = await verify(conn)
    assert kinds(report.problems) == [("bad_start", b, 2)]


async def test_a_removed_last_event_is_found_only_against_a_seal(
    pool: asyncpg.Pool, store: PostgresEventStore, database_url: str
) -> None:
    a, _, c = await three_streams(store)
    async with pool.acquire() as conn:
        sealed = await seal(conn)
    assert sealed.heads[a].version == 4
    assert sealed.intact
    async with tampering(database_url) as evil:
        await evil.execute("DELETE FROM outbox")
        await evil.execute("DELETE FROM events WHERE stream_id = $1 AND version = 4", a)
        await evil.execute("DELETE FROM events WHERE stream_id = $1", c)
    async with pool.acquire() as conn:
        assert (await verify(conn)).ok  # the shortened chain is consistent in itself
        report = await verify(conn, against=sealed)
    assert kinds(report.problems) == [("head_regressed", a, 4), ("stream_missing", c, 1)]


async def test_a_rewritten_head_with_recomputed_hashes_is_found_against_a_seal(
    pool: asyncpg.Pool, store: PostgresEventStore, database_url: str
) -> None:
    _, b, _ = await three_streams(store)
    async with pool.acquire() as conn:
        sealed = await seal(conn)
    await store.append([StreamWrite(b, 3, [unit_event("b4")])], CAUSE)  # growth is fine
    async with tampering(database_url) as evil:
        await evil.execute(
            """UPDATE events SET data = jsonb_set(data, '{name}', '"forged"') WHERE stream_id = $1
               AND version = 3""",
            b,
        )
        for version in (3, 4):  # the attacker recomputes the rest of the chain
            await evil.execute(
                """UPDATE events e SET
                       prev_hash = p.hash,
                       hash = audit_event_hash(p.hash, e.global_position, e.stream_id, e.version,
                                               e.event_id, e.event_type, e.data, e.metadata,
                                               e.recorded_at)
                   FROM events p
                   WHERE e.stream_id = $1 AND e.version = $2
                     AND p.stream_id = e.stream_id AND p.version = e.version - 1""",
                b,
                version,
            )
    async with pool.acquire() as conn:
        assert (await verify(conn)).ok
        report = await verify(conn, against=sealed)
    assert kinds(report.problems) == [("head_changed", b, 3)]


async def test_a_tampered_seal_is_reported(pool: asyncpg.Pool, store: PostgresEventStore) -> None:
    a, _, _ = await three_streams(store)
    async with pool.acquire() as conn:
        doc = (await seal(conn)).to_json()
        doc["heads"][a]["version"] = 3  # to hide a removed last event
        report = await verify(conn, against=Seal.from_json(doc))
    assert kinds(report.problems)[0] == ("seal_invalid", "", None)


async def test_verify_stream_checks_one_stream_only(
    pool: asyncpg.Pool, store: PostgresEventStore, database_url: str
) -> None:
    a, b, _ = await three_streams(store)
    async with tampering(database_url) as evil:
        await evil.execute(
            "UPDATE events SET event_type = 'x' WHERE stream_id = $1 AND version = 1", a
        )
    async with pool.acquire() as conn:
        clean = await verify_stream(conn, b)
        broken = await verify_stream(conn, a)
    assert clean.ok
    assert clean.events == 3
    assert kinds(broken.problems) == [("altered", a, 1)]
    assert broken.events == 4


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE events SET data = data",
        "DELETE FROM events WHERE version = 1",
        "TRUNCATE events CASCADE",
    ],
)
async def test_events_are_append_only(
    pool: asyncpg.Pool, store: PostgresEventStore, statement: str
) -> None:
    await three_streams(store)
    with pytest.raises(asyncpg.InsufficientPrivilegeError, match="append-only"):
        await pool.execute(statement)
    assert await pool.fetchval("SELECT count(*) FROM events") == 8


async def test_an_event_without_its_predecessor_is_refused(
    pool: asyncpg.Pool, store: PostgresEventStore
) -> None:
    a, _, _ = await three_streams(store)
    with pytest.raises(asyncpg.IntegrityConstraintViolationError, match="no version 5"):
        await pool.execute(
            """INSERT INTO events (stream_id, version, event_id, event_type, data, metadata,
                                   recorded_at)
               VALUES ($1, 6, gen_random_uuid(), 't', '{}', '{}', now())""",
            a,
        )


async def test_the_migration_chains_events_written_before_it(database_url: str) -> None:
    insert = """INSERT INTO events (stream_id, version, event_id, event_type, data, metadata,
                                    recorded_at)
                SELECT $1, v, gen_random_uuid(), 't', jsonb_build_object('v', v),
                       '{"actor": "old"}', now()
                FROM unnest($2::int[]) AS v"""
    conn = await connect(database_url)
    try:
        await conn.execute(dict(_kit_migrations())["kit/0001_event_store.sql"])
        await conn.execute(insert, "long", list(range(1, 301)))
        for n in range(3):
            await conn.execute(insert, f"s-{n}", [3, 2, 1])
        await conn.execute(insert, "gappy", [1, 2, 4])  # never written by the store
        await migrate(conn)
        assert await conn.fetchval("SELECT count(*) FROM events WHERE hash IS NULL") == 0
        report = await verify(conn)
        recomputed_by_trigger = await conn.fetchval(
            """SELECT bool_and(hash = audit_event_hash(prev_hash, global_position, stream_id,
                   version, event_id, event_type, data, metadata, recorded_at)) FROM events"""
        )
    finally:
        await conn.close()
    assert kinds(report.problems) == [("gap", "gappy", 3)]
    assert (report.events, report.streams) == (312, 5)
    assert recomputed_by_trigger


async def test_the_cli_verifies_seals_and_exits_1_on_a_problem(
    pool: asyncpg.Pool,
    store: PostgresEventStore,
    database_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a, _, _ = await three_streams(store)
    assert await asyncio.to_thread(audit_cli, ["seal", "--database-url", database_url]) == 0
    seal_file = tmp_path / "seal.json"
    seal_file.write_text(capsys.readouterr().out)
    assert await asyncio.to_thread(audit_cli, ["verify", "--database-url", database_url]) == 0
    assert "OK: 8 events in 3 streams" in capsys.readouterr().out
    async with tampering(database_url) as evil:
        await evil.execute("DELETE FROM outbox")
        await evil.execute("DELETE FROM events WHERE stream_id = $1 AND version = 4", a)
    args = ["verify", "--database-url", database_url, "--against", str(seal_file), "--json"]
    assert await asyncio.to_thread(audit_cli, args) == 1
    out = json.loads(capsys.readouterr().out)
    assert [(p["kind"], p["stream_id"]) for p in out["problems"]] == [("head_regressed", a)]
