"""Rotating the vault's wrapping keys against the real PostgreSQL and Kafka: every live data
key ends under the new key-encryption key, an erased key stays erased (also when erased in
the middle of a rotation), and the holders receive the keys again under the new transport
key, which alone then opens them."""

from __future__ import annotations

import asyncio
import base64
from datetime import UTC, datetime
from typing import Any

import asyncpg
import pytest

from rangkui_contracts import Envelope
from rangkui_contracts.events.keys import PersonalDataKeyIssued
from rangkui_contracts.events.personnel import EmployeePersonalDataErased, EmployeeRegistered
from rangkui_contracts.topics import PERSONNEL_KEYS
from rangkui_eventkit.context import Cause
from rangkui_eventkit.kafka import make_producer
from rangkui_eventkit.personal_data import CannotOpen, WrappingKeys, b64u_decode
from rangkui_eventkit.store import PostgresEventStore, StreamWrite
from rangkui_eventkit.testing.infra import Infra
from rangkui_eventkit.testing.kafka_tools import read_topic
from rangkui_personnel.adapters.personal_data import PersonalDataVault
from rangkui_personnel.entrypoints.cli import main as cli
from rangkui_personnel.service_layer.key_publisher import KeyPublisher
from rangkui_personnel.service_layer.key_rotation import (
    issue_missing_keys,
    republish_keys,
    rewrap_at_rest,
)

pytestmark = pytest.mark.integration

OLD_KEK, NEW_KEK = b"o" * 32, b"n" * 32
OLD_TRANSPORT, NEW_TRANSPORT = b"p" * 32, b"q" * 32
NIPS = ("199103142016032002", "198609262015051001", "197708172005012003")
ERASED = NIPS[1]


def registration(nip: str) -> EmployeeRegistered:
    return EmployeeRegistered.model_validate(
        {
            "nip": nip,
            "name": "Pegawai",
            "gender": "F",
            "birth_date": "1991-03-14",
            "contact": {"email": f"{nip}@example.id"},
            "grade": "III/a",
            "unit_id": "sma-1",
            "position_id": "sma-1-guru",
            "tmt_position": "2016-03-01",
        }
    )


async def register_all(pool: asyncpg.Pool, vault: PersonalDataVault) -> dict[str, str]:
    """Registers NIPS and erases ERASED; returns nip -> key id."""
    async with pool.acquire() as conn, conn.transaction():
        sealed = await vault.seal_writes(
            conn, [StreamWrite(f"employee-{n}", 0, [registration(n)]) for n in NIPS]
        )
    key_ids = {w.events[0].nip: w.events[0].personal.key_id for w in sealed}  # type: ignore[attr-defined]
    await erase(pool, vault, ERASED, key_ids[ERASED])
    await pool.execute("DELETE FROM personal_data_key_outbox")  # published before the rotation
    return key_ids


async def erase(pool: asyncpg.Pool, vault: PersonalDataVault, nip: str, key_id: str) -> None:
    erasure = EmployeePersonalDataErased(
        nip=nip, key_id=key_id, erased_at=datetime.now(UTC), reason="UU 27/2022"
    )
    async with pool.acquire() as conn, conn.transaction():
        await vault.seal_writes(conn, [StreamWrite(f"employee-{nip}", 1, [erasure])])


async def wrapped(pool: asyncpg.Pool) -> dict[str, bytes | None]:
    rows = await pool.fetch("SELECT nip, wrapped_key FROM personal_data_keys")
    return {r["nip"]: None if r["wrapped_key"] is None else bytes(r["wrapped_key"]) for r in rows}


async def test_the_key_encryption_key_rotates_without_losing_or_reviving_a_key(
    pool: asyncpg.Pool,
) -> None:
    old_vault = PersonalDataVault(OLD_KEK, OLD_TRANSPORT)
    await register_all(pool, old_vault)
    before = await old_vault.keys(pool, NIPS)
    rotating = PersonalDataVault(WrappingKeys(NEW_KEK, (OLD_KEK,)), OLD_TRANSPORT)
    assert await rotating.keys(pool, NIPS) == before  # the service reads on during the rotation

    dry = await rewrap_at_rest(pool, rotating.key_encryption_keys, dry_run=True)
    assert (dry.checked, dry.rewrapped, dry.unreadable) == (2, 2, [])
    assert await old_vault.keys(pool, NIPS) == before  # a dry run changed nothing

    report = await rewrap_at_rest(pool, rotating.key_encryption_keys, batch_size=1)
    assert (report.checked, report.rewrapped, report.already_current) == (2, 2, 0)
    assert await PersonalDataVault(NEW_KEK, OLD_TRANSPORT).keys(pool, NIPS) == before
    with pytest.raises(CannotOpen):
        await old_vault.keys(pool, NIPS)  # the retired key opens nothing any more
    assert (await wrapped(pool))[ERASED] is None

    again = await rewrap_at_rest(pool, rotating.key_encryption_keys)
    assert (again.rewrapped, again.already_current) == (0, 2)


class ErasesAfterReading:
    """A pool through which an erasure lands between the rotation's read and its write."""

    def __init__(self, pool: asyncpg.Pool, vault: PersonalDataVault, nip: str, key_id: str):
        self.pool, self.vault, self.nip, self.key_id = pool, vault, nip, key_id
        self.erased = False

    async def fetch(self, query: str, *args: Any) -> list[Any]:
        rows = await self.pool.fetch(query, *args)
        if not self.erased and any(r["nip"] == self.nip for r in rows):
            await erase(self.pool, self.vault, self.nip, self.key_id)
            self.erased = True
        return rows

    async def execute(self, query: str, *args: Any) -> str:
        return await self.pool.execute(query, *args)


async def test_a_key_erased_during_the_rotation_stays_erased(pool: asyncpg.Pool) -> None:
    old_vault = PersonalDataVault(OLD_KEK, OLD_TRANSPORT)
    key_ids = await register_all(pool, old_vault)
    racing = ErasesAfterReading(pool, old_vault, NIPS[0], key_ids[NIPS[0]])

    report = await rewrap_at_rest(racing, WrappingKeys(NEW_KEK, (OLD_KEK,)))  # type: ignore[arg-type]

    assert racing.erased
    assert (report.checked, report.rewrapped, report.changed_meanwhile) == (2, 1, 1)
    assert (await wrapped(pool))[NIPS[0]] is None


async def test_keys_no_configured_key_opens_are_reported_and_the_command_fails(
    pool: asyncpg.Pool, database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    await register_all(pool, PersonalDataVault(OLD_KEK, OLD_TRANSPORT))
    report = await rewrap_at_rest(pool, WrappingKeys(NEW_KEK), dry_run=True)
    assert sorted(report.unreadable) == sorted({*NIPS} - {ERASED})

    monkeypatch.setenv("PERSONNEL_DATABASE_URL", database_url)
    monkeypatch.setenv("PERSONNEL_KEY_ENCRYPTION_KEY", base64.b64encode(NEW_KEK).decode())
    # The command runs its own event loop, as from a shell: a thread of its own here.
    dry = await asyncio.to_thread(cli, ["rotate-keys", "--dry-run"])
    assert dry == 1  # the old key is not configured as a previous one
    assert "PERSONNEL_PREVIOUS_KEY_ENCRYPTION_KEYS" in capsys.readouterr().err
    monkeypatch.setenv("PERSONNEL_PREVIOUS_KEY_ENCRYPTION_KEYS", base64.b64encode(OLD_KEK).decode())
    assert await asyncio.to_thread(cli, ["rotate-keys"]) == 0
    out = capsys.readouterr().out
    assert "re-wrapped under the current key-encryption key: 2" in out
    assert "queued to be published under the current transport key: 2" in out


async def test_republished_keys_reach_the_holders_under_the_new_transport_key(
    pool: asyncpg.Pool, infra: Infra, topic_prefix: str
) -> None:
    await register_all(pool, PersonalDataVault(OLD_KEK, OLD_TRANSPORT))
    assert await republish_keys(pool) == 2  # the live keys only

    rotated = PersonalDataVault(OLD_KEK, WrappingKeys(NEW_TRANSPORT, (OLD_TRANSPORT,)))
    publisher = KeyPublisher(
        pool,
        rotated,
        lambda: make_producer(infra.kafka_bootstrap),
        source="/rangkui/personnel",
        topic_prefix=topic_prefix,
    )
    try:
        assert await publisher.drain_once() == 2
    finally:
        await publisher.close()

    raw = await read_topic(
        infra.kafka_bootstrap, PERSONNEL_KEYS.qualified(topic_prefix), expect=2, timeout=10
    )
    envelopes = [Envelope.from_kafka(r.key, r.value, r.headers) for r in raw]
    assert all(".PersonalDataKeyIssued." in e.type for e in envelopes)
    issued = [PersonalDataKeyIssued.model_validate(e.data) for e in envelopes]
    assert sorted(e.nip for e in issued) == sorted({*NIPS} - {ERASED})
    keys = await rotated.keys(pool, NIPS)
    for event in issued:
        blob = b64u_decode(event.wrapped_key)
        holder_after_rotation = WrappingKeys(NEW_TRANSPORT)  # the old key already retired
        assert (
            holder_after_rotation.unwrap(blob, nip=event.nip, key_id=event.key_id)
            == (keys[event.nip][1])
        )
        with pytest.raises(CannotOpen):
            WrappingKeys(OLD_TRANSPORT).unwrap(blob, nip=event.nip, key_id=event.key_id)


async def test_employees_registered_before_sealing_are_given_a_key_once(
    pool: asyncpg.Pool,
) -> None:
    vault = PersonalDataVault(OLD_KEK, OLD_TRANSPORT)
    key_ids = await register_all(pool, vault)  # sealed registrations: two keys, one erased
    legacy = ("198001012005011001", "198502022010012002")
    store = PostgresEventStore(pool, "/rangkui/personnel")
    # Streams as personnel recorded them before sealing (version 1, no key), and streams of
    # an employee who has a key and of one whose data was erased: those two get none.
    await store.append(
        [StreamWrite(f"employee-{n}", 0, [registration(n)]) for n in (*legacy, NIPS[0], ERASED)],
        Cause.new("operator"),
    )

    assert await issue_missing_keys(pool, vault, dry_run=True) == 2
    assert await issue_missing_keys(pool, vault, batch_size=1) == 2

    keys = await vault.keys(pool, [*legacy, *NIPS])
    assert all(keys[n][1] is not None for n in legacy)  # live, and opening
    assert keys[ERASED] == (key_ids[ERASED], None)  # erased stays erased
    outbox = await pool.fetch("SELECT nip, kind FROM personal_data_key_outbox ORDER BY nip")
    assert [(r["nip"], r["kind"]) for r in outbox] == [(n, "ISSUED") for n in sorted(legacy)]
    assert await issue_missing_keys(pool, vault) == 0  # nothing left to do
