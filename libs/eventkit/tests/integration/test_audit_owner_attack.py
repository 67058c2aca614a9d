"""The audit-rewrite attack of the security review, reproduced with the roles production uses.

The service runs as a runtime role that owns nothing; migrations run as the database's owner.
As the runtime role every step of the attack is refused. As the owner (no superuser) the
attack succeeds inside the database - the trigger disabled, who acted rewritten, the hash
function replaced so that the database's own recomputation agrees - and `audit-verify`,
recomputing the hashes in Python against the latest signed seal anchored on Kafka, finds it.
"""

import asyncio
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import pytest

from rangkui_contracts.events.personnel import UnitRegistered
from rangkui_eventkit.audit import anchor, seal, verify
from rangkui_eventkit.audit.chain import canonical_content, event_hash
from rangkui_eventkit.audit.cli import main as audit_cli
from rangkui_eventkit.db import connect, create_pool
from rangkui_eventkit.migrations import migrate_as_owner
from rangkui_eventkit.store import Cause, PostgresEventStore, StreamWrite
from rangkui_eventkit.testing.infra import Infra
from rangkui_eventkit.testing.plugin import scratch_database
from rangkui_eventkit.testing.store_contract import unit_event

pytestmark = pytest.mark.integration

SERVICE = "personnel"


@dataclass(frozen=True)
class Roles:
    runtime: str  # the URL the service runs with
    owner: str  # the URL migrations run with


def _on(url: str, database: str) -> str:
    base, _, _ = url.rpartition("/")
    return f"{base}/{database}"


@pytest.fixture
async def roles(
    infra: Infra, service_database_urls: dict[str, str], service_owner_urls: dict[str, str]
) -> AsyncIterator[Roles]:
    """A fresh database shaped like a service's own: owned by the owner role, the runtime
    role may connect, migrated as the owner, the runtime role granted its rights."""
    async with scratch_database(infra, owner=f"{SERVICE}_owner") as name:
        admin = await asyncpg.connect(infra.pg_admin_url)
        try:
            await admin.execute(f'GRANT CONNECT ON DATABASE "{name}" TO {SERVICE}')
        finally:
            await admin.close()
        roles = Roles(
            _on(service_database_urls[SERVICE], name), _on(service_owner_urls[SERVICE], name)
        )
        await migrate_as_owner(roles.runtime, roles.owner)
        yield roles


async def write_history(runtime_url: str) -> str:
    """Three events of one stream, appended as the service appends them."""
    pool = await create_pool(runtime_url, max_size=2)
    try:
        store = PostgresEventStore(pool, "/rangkui/personnel")
        stream = f"unit-{uuid.uuid4().hex[:8]}"
        cause = Cause(actor="198001012005011001", correlation_id=str(uuid.uuid4()))
        await store.append([StreamWrite(stream, 0, [unit_event("a"), unit_event("b")])], cause)
        await store.append([StreamWrite(stream, 2, [unit_event("c")])], cause)
        await store.append([StreamWrite(f"other-{stream}", 0, [unit_event("d")])], cause)
        return stream
    finally:
        await pool.close()


async def test_as_the_runtime_role_every_step_of_the_attack_is_refused(roles: Roles) -> None:
    stream = await write_history(roles.runtime)
    conn = await connect(roles.runtime)
    try:
        attack = [
            "SET session_replication_role = replica",
            "ALTER TABLE events DISABLE TRIGGER events_append_only",
            "UPDATE events SET metadata = jsonb_set(metadata, '{actor}', '\"someone-else\"')",
            "DELETE FROM events",
            "TRUNCATE events",
            "DROP TRIGGER events_audit_chain ON events",
            """CREATE OR REPLACE FUNCTION audit_event_hash(
                   p_prev_hash bytea, p_global_position bigint, p_stream_id text,
                   p_version integer, p_event_id uuid, p_event_type text, p_data jsonb,
                   p_metadata jsonb, p_recorded_at timestamptz)
               RETURNS bytea LANGUAGE sql AS $$ SELECT '\\x00'::bytea $$""",
            "CREATE FUNCTION public.sha256(bytea) RETURNS bytea LANGUAGE sql AS $$ SELECT $1 $$",
            "ALTER TABLE events RENAME TO events_old",
        ]
        refused = []
        for statement in attack:
            try:
                await conn.execute(statement)
            except asyncpg.InsufficientPrivilegeError:
                refused.append(statement)
        actors = await conn.fetch(
            "SELECT DISTINCT metadata ->> 'actor' AS actor FROM events WHERE stream_id = $1",
            stream,
        )
        report = await verify(conn)
    finally:
        await conn.close()
    assert refused == attack
    assert [r["actor"] for r in actors] == ["198001012005011001"]
    assert report.ok, report.problems


async def owner_rewrites_the_actor(owner_url: str, stream: str, *, recompute: bool) -> None:
    """The attack as the owner: trigger off, actor rewritten, hash function replaced so that
    the database's own recomputation agrees; with `recompute`, the stream's hashes are also
    recomputed correctly (the chain is then consistent, and only the seal can tell)."""
    evil = await connect(owner_url)
    try:
        await evil.execute("ALTER TABLE events DISABLE TRIGGER events_append_only")
        await evil.execute(
            """UPDATE events SET metadata = jsonb_set(metadata, '{actor}', '"someone-else"')
               WHERE stream_id = $1 AND version = 2""",
            stream,
        )
        await evil.execute(
            """CREATE OR REPLACE FUNCTION audit_event_hash(
                   p_prev_hash bytea, p_global_position bigint, p_stream_id text,
                   p_version integer, p_event_id uuid, p_event_type text, p_data jsonb,
                   p_metadata jsonb, p_recorded_at timestamptz)
               RETURNS bytea LANGUAGE sql STABLE
               AS $$ SELECT hash FROM events WHERE global_position = p_global_position $$"""
        )
        if recompute:
            rows = await evil.fetch(
                """SELECT global_position, stream_id, version, event_id, event_type,
                          data::text AS data, metadata::text AS metadata, recorded_at
                   FROM events WHERE stream_id = $1 ORDER BY version""",
                stream,
            )
            prev: bytes | None = None
            for r in rows:
                content = canonical_content(
                    r["global_position"],
                    r["stream_id"],
                    r["version"],
                    r["event_id"],
                    r["event_type"],
                    r["data"],
                    r["metadata"],
                    r["recorded_at"],
                )
                digest = event_hash(prev, content)
                await evil.execute(
                    "UPDATE events SET prev_hash = $2, hash = $3 WHERE global_position = $1",
                    r["global_position"],
                    prev,
                    digest,
                )
                prev = digest
        await evil.execute("ALTER TABLE events ENABLE TRIGGER events_append_only")
        fooled = await evil.fetchval(
            """SELECT bool_and(hash = audit_event_hash(prev_hash, global_position, stream_id,
                   version, event_id, event_type, data, metadata, recorded_at)) FROM events"""
        )
    finally:
        await evil.close()
    assert fooled, "the database's own functions no longer see the rewrite"


@pytest.fixture
def keys(tmp_path: Path) -> tuple[Path, Path]:
    private, public = tmp_path / "seal.key", tmp_path / "seal.pub"
    assert audit_cli(["keygen", "--private", str(private), "--public", str(public)]) == 0
    return private, public


@pytest.mark.parametrize("recompute", [False, True], ids=["hash-replaced", "chain-recomputed"])
async def test_as_the_owner_the_attack_is_found_against_the_anchored_seal(
    roles: Roles,
    topic_prefix: str,
    keys: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    recompute: bool,
) -> None:
    monkeypatch.setenv("RANGKUI_TOPIC_PREFIX", topic_prefix)
    private, public = keys
    stream = await write_history(roles.runtime)
    seal_it = ["seal", "--database-url", roles.runtime, "--service", SERVICE]
    seal_it += ["--signing-key", str(private), "--anchor"]
    assert await asyncio.to_thread(audit_cli, seal_it) == 0
    check = ["verify", "--database-url", roles.runtime, "--service", SERVICE, "--anchored"]
    check += ["--public-key", str(public), "--json"]
    assert await asyncio.to_thread(audit_cli, check) == 0
    capsys.readouterr()

    await owner_rewrites_the_actor(roles.owner, stream, recompute=recompute)

    assert await asyncio.to_thread(audit_cli, check) == 1
    import json

    found = {(p["kind"], p["stream_id"]) for p in json.loads(capsys.readouterr().out)["problems"]}
    expected = {("head_changed", stream)} if recompute else {("altered", stream)}
    assert expected <= found
    # ... and the sealing job will not bless the rewritten store with a new seal.
    assert await asyncio.to_thread(audit_cli, seal_it) == 1


async def test_a_disabled_guard_is_reported_before_any_row_is_read(roles: Roles) -> None:
    await write_history(roles.runtime)
    evil = await connect(roles.owner)
    try:
        await evil.execute("ALTER TABLE events DISABLE TRIGGER events_append_only")
        report = await verify(evil)
    finally:
        await evil.close()
    assert [(p.kind, p.detail) for p in report.problems] == [
        ("guard_off", "the trigger events_append_only is disabled or gone")
    ]


async def test_a_forged_or_foreign_seal_on_the_topic_is_not_taken_as_the_anchor(
    infra: Infra, roles: Roles, topic_prefix: str
) -> None:
    """Anyone who can write to the topic can publish a seal; only the sealing key's count."""
    await write_history(roles.runtime)
    conn = await connect(roles.runtime)
    try:
        genuine = await seal(conn)
    finally:
        await conn.close()
    sealing_key = anchor.load_private_key_pem(anchor.generate_key_pair()[0])
    attacker_key = anchor.load_private_key_pem(anchor.generate_key_pair()[0])
    forged = anchor.sign_parts(genuine, SERVICE, attacker_key)
    other_service = anchor.sign_parts(genuine, "mutation", sealing_key)
    await anchor.publish(infra.kafka_bootstrap, forged + other_service, prefix=topic_prefix)
    public = sealing_key.public_key()
    assert await anchor.latest(infra.kafka_bootstrap, SERVICE, public, prefix=topic_prefix) is None
    await anchor.publish(
        infra.kafka_bootstrap, anchor.sign_parts(genuine, SERVICE, sealing_key), prefix=topic_prefix
    )
    found = await anchor.latest(infra.kafka_bootstrap, SERVICE, public, prefix=topic_prefix)
    assert found is not None
    assert found.digest == genuine.digest


async def test_python_recomputes_the_databases_canonical_bytes_for_awkward_content(
    roles: Roles,
) -> None:
    """Escapes, non-ASCII, numbers jsonb rewrites, nesting: the Python recomputation must
    agree with the trigger byte for byte, or every verification would cry wolf."""
    pool = await create_pool(roles.runtime, max_size=2)
    try:
        store = PostgresEventStore(pool, "/rangkui/personnel")
        awkward = 'Dinas "Pendidikan" \\ é\u00e9 \n\t\u0001 \u2028 😀 <&>'
        event = UnitRegistered(unit_id=str(uuid.uuid4()), name=awkward, kind="OPD", region="ü")
        stream = 'unit-é-"quoted"-\\'
        await store.append(
            [StreamWrite(stream, 0, [event])], Cause(actor='ä"b', correlation_id="c")
        )
        async with pool.acquire() as conn:
            report = await verify(conn)
            content = await conn.fetchval(
                """SELECT audit_event_content(global_position, stream_id, version, event_id,
                          event_type, data, metadata, recorded_at) FROM events"""
            )
            row = await conn.fetchrow(
                """SELECT global_position, stream_id, version, event_id, event_type,
                          data::text AS data, metadata::text AS metadata, recorded_at
                   FROM events"""
            )
    finally:
        await pool.close()
    assert row is not None
    assert canonical_content(*row.values()) == content
    assert report.ok, report.problems
