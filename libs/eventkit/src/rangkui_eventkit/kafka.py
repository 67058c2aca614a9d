"""Kafka clients configured the one way the kit relies on, and explicit topic creation."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Iterable
from typing import Any

from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaConnectionError, TopicAlreadyExistsError, for_code

from rangkui_contracts import TOPICS, TopicSpec
from rangkui_eventkit.logging import get_logger

log = get_logger(__name__)


def make_producer(
    bootstrap_servers: str, *, client_id: str = "rangkui", **connection: Any
) -> AIOKafkaProducer:
    """An idempotent producer with `acks=all`: no duplicates from its own retries, and a
    record is acknowledged only once every in-sync replica has it. `connection` carries
    the security options (`settings.kafka_security_options`)."""
    connection.pop("bootstrap_servers", None)
    return AIOKafkaProducer(
        bootstrap_servers=bootstrap_servers,
        client_id=client_id,
        **connection,
        enable_idempotence=True,
        acks="all",
        linger_ms=5,
        max_batch_size=1024 * 1024,
        request_timeout_ms=15000,
        compression_type=None,
    )


class LazyProducer:
    """A producer started on first use and dropped after a failure, for workers that publish
    rows from a database table (the outbox relay, personnel's key publisher): with the
    broker away they keep their rows and try again with a fresh client, not a broken one."""

    def __init__(self, factory: Callable[[], AIOKafkaProducer]) -> None:
        self._factory = factory
        self._producer: AIOKafkaProducer | None = None

    async def get(self) -> AIOKafkaProducer:
        if self._producer is None:
            producer = self._factory()
            try:
                await producer.start()
            except Exception:
                with contextlib.suppress(Exception):
                    await producer.stop()
                raise
            self._producer = producer
        return self._producer

    async def close(self) -> None:
        """Stop the producer, if any (bounded: a broker that is away must not hang a stop)."""
        if self._producer is not None:
            producer, self._producer = self._producer, None
            with contextlib.suppress(Exception):
                await asyncio.wait_for(producer.stop(), timeout=5)


async def ensure_topics(
    bootstrap_servers: str,
    prefix: str = "",
    specs: Iterable[TopicSpec] = TOPICS,
    *,
    timeout_s: float = 60.0,
    partitions: int | None = None,
    **connection: Any,
) -> list[str]:
    """Create the topics that do not exist yet (the broker never auto-creates them).

    Retries while the broker is still starting; returns the names it created. `partitions`
    overrides the contracts' counts: tests use few, since every test has topics of its own.
    With ACLs on, a service sees and may create only its own topics: the broker refuses the
    others one by one, which is logged (`kafka.topics_not_created`) and is no error here -
    their owners create them, and a consumer waits until they exist.
    """
    specs = list(specs)
    deadline = asyncio.get_running_loop().time() + timeout_s
    while True:
        admin = AIOKafkaAdminClient(
            bootstrap_servers=bootstrap_servers, client_id="rangkui-admin", **connection
        )
        try:
            await admin.start()
            existing = set(await admin.list_topics())
            missing = [s for s in specs if s.qualified(prefix) not in existing]
            refused: dict[str, str] = {}
            if missing:
                with contextlib.suppress(TopicAlreadyExistsError):
                    response = await admin.create_topics(
                        [
                            NewTopic(
                                s.qualified(prefix),
                                num_partitions=partitions or s.partitions,
                                replication_factor=1,
                                topic_configs=dict(s.config),
                            )
                            for s in missing
                        ]
                    )
                    refused = _refused_topics(response)
                if refused:
                    log.warning("kafka.topics_not_created", errors=refused)
            created = [s.qualified(prefix) for s in missing if s.qualified(prefix) not in refused]
            if created:
                log.info("kafka.topics_created", topics=created)
            return created
        except (KafkaConnectionError, OSError) as exc:
            if asyncio.get_running_loop().time() > deadline:
                raise
            log.info("kafka.waiting_for_broker", error=str(exc))
            await asyncio.sleep(0.5)
        finally:
            await admin.close()


def _refused_topics(response: Any) -> dict[str, str]:
    """Topic -> error name of the topics a CreateTopics response did not create; aiokafka
    returns the per-topic errors instead of raising them. One that already exists (created
    concurrently) counts as created."""
    refused = {}
    for topic, code, *_ in getattr(response, "topic_errors", ()):
        if code and code != TopicAlreadyExistsError.errno:
            refused[topic] = for_code(code).__name__
    return refused
