"""The key publisher against the real PostgreSQL and Kafka: with the broker unreachable the
key changes wait in the key outbox; an ISSUED row whose key was erased meanwhile publishes
no key; order per NIP is kept."""

from __future__ import annotations

from datetime import UTC, datetime

import asyncpg
import pytest
from aiokafka.errors import KafkaConnectionError

from rangkui_contracts import Envelope
from rangkui_contracts.events.personnel import EmployeePersonalDataErased, EmployeeRegistered
from rangkui_contracts.topics import PERSONNEL_KEYS
from rangkui_eventkit.kafka import make_producer
from rangkui_eventkit.store import StreamWrite
from rangkui_eventkit.testing.infra import Infra
from rangkui_eventkit.testing.kafka_tools import read_topic
from rangkui_personnel.adapters.personal_data import PersonalDataVault
from rangkui_personnel.service_layer.key_publisher import KeyPublisher

pytestmark = pytest.mark.integration

VAULT = PersonalDataVault(b"k" * 32, b"t" * 32)
KEPT, ERASED = "199103142016032002", "198609262015051001"


def registration(nip: str, birth: str, gender: str) -> EmployeeRegistered:
    return EmployeeRegistered.model_validate(
        {
            "nip": nip,
            "name": "Pegawai",
            "gender": gender,
            "birth_date": birth,
            "grade": "III/a",
            "unit_id": "sma-1",
            "position_id": "sma-1-guru",
            "tmt_position": "2016-03-01",
        }
    )


async def test_key_changes_wait_for_the_broker_and_an_erased_key_is_never_published(
    pool: asyncpg.Pool, infra: Infra, topic_prefix: str
) -> None:
    async with pool.acquire() as conn, conn.transaction():
        sealed = await VAULT.seal_writes(
            conn,
            [
                StreamWrite(f"employee-{KEPT}", 0, [registration(KEPT, "1991-03-14", "F")]),
                StreamWrite(f"employee-{ERASED}", 0, [registration(ERASED, "1986-09-26", "M")]),
            ],
        )
    assert [type(w.events[0]).__name__ for w in sealed] == ["EmployeeRegisteredV2"] * 2
    async with pool.acquire() as conn, conn.transaction():
        erasure = EmployeePersonalDataErased(
            nip=ERASED,
            key_id=sealed[1].events[0].personal.key_id,  # type: ignore[attr-defined]
            erased_at=datetime.now(UTC),
            reason="UU 27/2022",
        )
        await VAULT.seal_writes(conn, [StreamWrite(f"employee-{ERASED}", 1, [erasure])])
    assert await pool.fetchval("SELECT count(*) FROM personal_data_key_outbox") == 3

    unreachable = KeyPublisher(
        pool,
        VAULT,
        lambda: make_producer("127.0.0.1:1"),
        source="/rangkui/personnel",
        topic_prefix=topic_prefix,
    )
    with pytest.raises(KafkaConnectionError):
        await unreachable.drain_once()
    assert await pool.fetchval("SELECT count(*) FROM personal_data_key_outbox") == 3

    publisher = KeyPublisher(
        pool,
        VAULT,
        lambda: make_producer(infra.kafka_bootstrap),
        source="/rangkui/personnel",
        topic_prefix=topic_prefix,
    )
    try:
        assert await publisher.drain_once() == 3  # outbox rows done
    finally:
        await publisher.close()
    assert await pool.fetchval("SELECT count(*) FROM personal_data_key_outbox") == 0
    assert publisher.published == 2  # messages: the erased key's ISSUED row sent nothing

    raw = await read_topic(
        infra.kafka_bootstrap, PERSONNEL_KEYS.qualified(topic_prefix), expect=3, timeout=5
    )
    sent = [Envelope.from_kafka(r.key, r.value, r.headers) for r in raw]
    assert sorted((e.subject, e.type.split(".")[2]) for e in sent) == [
        (ERASED, "PersonalDataKeyErased"),
        (KEPT, "PersonalDataKeyIssued"),
    ]
