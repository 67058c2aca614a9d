"""The key publisher: sends data-key changes to the internal, compacted topic
`rangkui.personnel.keys`, from personnel's own small outbox (never through the event store,
which cannot forget).

Guarantees: every key change committed is published, at least once and in order per NIP
(message key = NIP, one partition); with Kafka down the rows wait in PostgreSQL. A message
is built when it is sent, from `personal_data_keys`: an ISSUED row whose key was erased in
the meantime publishes nothing (its ERASED row follows), so an erased key never leaves the
service again.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from typing import Any

import asyncpg
from aiokafka import AIOKafkaProducer

from rangkui_contracts import Envelope
from rangkui_contracts.events.keys import PersonalDataKeyErased, PersonalDataKeyIssued
from rangkui_contracts.topics import PERSONNEL_KEYS
from rangkui_eventkit.kafka import LazyProducer
from rangkui_eventkit.logging import get_logger
from rangkui_eventkit.personal_data import b64u_encode
from rangkui_personnel.adapters.personal_data import PersonalDataVault

log = get_logger(__name__)
_LOCK = 7_245_101  # arbitrary, constant: "the key publisher of this database"

_FETCH = """
    SELECT o.id, o.nip, o.kind, k.key_id, k.wrapped_key
    FROM personal_data_key_outbox o JOIN personal_data_keys k ON k.nip = o.nip
    ORDER BY o.id
    LIMIT $1
    FOR UPDATE OF o SKIP LOCKED
"""


class KeyPublisher:
    """A worker of the personnel service (`Service(workers=...)`)."""

    def __init__(
        self,
        pool: asyncpg.Pool,
        vault: PersonalDataVault,
        producer_factory: Callable[[], AIOKafkaProducer],
        *,
        source: str,
        topic_prefix: str = "",
        batch_size: int = 500,
        poll_interval_s: float = 0.1,
    ) -> None:
        self.pool = pool
        self.vault = vault
        self.source = source
        self.topic = PERSONNEL_KEYS.qualified(topic_prefix)
        self.batch_size = batch_size
        self.poll_interval_s = poll_interval_s
        self.published = 0
        self._wake = asyncio.Event()
        self._producer = LazyProducer(producer_factory)
        vault.on_key_change(self.wake)

    def wake(self) -> None:
        self._wake.set()

    async def run(self, stop: asyncio.Event) -> None:
        backoff = 0.5
        try:
            while not stop.is_set():
                self._wake.clear()
                try:
                    sent = await self.drain_once()
                    backoff = 0.5
                except Exception as exc:  # broker or database away: the rows wait
                    log.warning("keys.publish_failed", error=repr(exc), retry_in_s=backoff)
                    await self._producer.close()
                    await _wait(stop, None, backoff)
                    backoff = min(backoff * 2, 5.0)
                    continue
                if sent < self.batch_size:
                    await _wait(stop, self._wake, self.poll_interval_s)
        finally:
            await self._producer.close()

    async def close(self) -> None:
        """Stop the producer (`run` does on its way out; tests that drain by hand call it)."""
        await self._producer.close()

    async def drain_once(self) -> int:
        """Publish one batch of key changes; return how many outbox rows were done."""
        async with self.pool.acquire() as conn, conn.transaction():
            # One publisher at a time (replicas): keeps the order per NIP on the topic.
            if not await conn.fetchval("SELECT pg_try_advisory_xact_lock($1)", _LOCK):
                return 0
            rows = await conn.fetch(_FETCH, self.batch_size)
            if not rows:
                return 0
            envelopes = [env for env in map(self._message, rows) if env is not None]
            if envelopes:
                producer = await self._producer.get()
                futures = [
                    await producer.send(
                        self.topic,
                        key=env.kafka_key(),
                        value=env.kafka_value(),
                        headers=list(env.kafka_headers()),
                    )
                    for env in envelopes
                ]
                await asyncio.gather(*futures)
            await conn.execute(
                "DELETE FROM personal_data_key_outbox WHERE id = ANY($1::bigint[])",
                [r["id"] for r in rows],
            )
        self.published += len(envelopes)
        log.info("keys.published", messages=len(envelopes), rows=len(rows))
        return len(rows)

    def _message(self, row: Any) -> Envelope | None:
        nip, key_id = row["nip"], row["key_id"]
        event: PersonalDataKeyIssued | PersonalDataKeyErased
        if row["kind"] == "ERASED":
            event = PersonalDataKeyErased(nip=nip, key_id=key_id)
        elif row["wrapped_key"] is None:
            return None  # erased since: the ERASED row says so
        else:
            wrapped = self.vault.wrap_for_transport(nip, key_id, bytes(row["wrapped_key"]))
            event = PersonalDataKeyIssued(nip=nip, key_id=key_id, wrapped_key=b64u_encode(wrapped))
        return Envelope.wrap(
            event,
            source=self.source,
            subject=nip,
            correlationid=str(uuid.uuid4()),
            actor="personnel",
        )


async def _wait(stop: asyncio.Event, wake: asyncio.Event | None, seconds: float) -> None:
    waiters = [asyncio.ensure_future(stop.wait())]
    if wake is not None:
        waiters.append(asyncio.ensure_future(wake.wait()))
    try:
        await asyncio.wait(waiters, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for w in waiters:
            w.cancel()
