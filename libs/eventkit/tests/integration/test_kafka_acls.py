"""The services' Kafka credentials against the real broker's SASL/SCRAM listener, where the
ACLs of deploy/rangkui_deploy/acls.py are enforced: a service may write its own topic and
read what it consumes, and nothing else; a wrong password gets nowhere.

ACLs name topics and consumer-group prefixes, so these tests use the real topic names (no
per-test prefix). They never assume a topic is empty: every record they look for carries a
key or stream of this run, and every consumer group is new.
"""

import asyncio
from collections.abc import AsyncIterator

import asyncpg
import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.errors import KafkaConnectionError, KafkaError, TopicAuthorizationFailedError

from rangkui_contracts import Envelope
from rangkui_contracts.events.personnel import UnitRegistered
from rangkui_contracts.topics import MUTATION, PERSONNEL, PERSONNEL_KEYS
from rangkui_eventkit.context import Cause
from rangkui_eventkit.handlers import BatchContext, Projection, Received, handles
from rangkui_eventkit.kafka import ensure_topics, make_producer
from rangkui_eventkit.runtime import Service
from rangkui_eventkit.settings import ServiceSettings, kafka_security_options
from rangkui_eventkit.store import StreamWrite
from rangkui_eventkit.testing.infra import Infra
from rangkui_eventkit.testing.plugin import eventually, scratch_database, unique

pytestmark = pytest.mark.integration


def settings_of(infra: Infra, sasl: str, user: str, password: str | None = None) -> ServiceSettings:
    """A service's settings as its deployment gives them: SCRAM-SHA-512 over SASL_PLAINTEXT."""
    return ServiceSettings(
        service_name=user,
        kafka_bootstrap_servers=sasl,
        kafka_security_protocol="SASL_PLAINTEXT",
        kafka_sasl_mechanism="SCRAM-SHA-512",
        kafka_sasl_username=user,
        kafka_sasl_password=password if password is not None else infra.kafka_passwords[user],
    )


def unit_event(unit_id: str) -> Envelope:
    """A well-formed event, so that a service reading the real topic can project it."""
    return Envelope.wrap(
        UnitRegistered(unit_id=unit_id, name="ACL probe", kind="OPD", region="Kota Rangkui"),
        source="/rangkui/personnel",
        subject=unit_id,
        correlationid=unit_id,
        actor="acl-test",
        streamversion=1,
    )


@pytest.fixture
async def contract_topics(infra: Infra, kafka_sasl_bootstrap: str) -> None:
    """The real topics, created (if missing) by the PLAINTEXT listener's super user."""
    await ensure_topics(infra.kafka_bootstrap)


async def send(settings: ServiceSettings, topic: str, envelope: Envelope) -> tuple[int, int]:
    """Publish one event with these credentials; its partition and offset."""
    producer = make_producer(
        settings.kafka_bootstrap_servers,
        client_id=settings.service_name,
        **kafka_security_options(settings),
    )
    await producer.start()
    try:
        # As the outbox relay sends it (binary CloudEvents): a service that reads the real
        # topic handles it like any other event.
        meta = await producer.send_and_wait(
            topic,
            envelope.kafka_value(),
            key=envelope.kafka_key(),
            headers=envelope.kafka_headers(),
        )
        return meta.partition, meta.offset
    finally:
        await producer.stop()


async def read_at(
    settings: ServiceSettings, group: str, topic: str, partition: int, offset: int
) -> tuple[bytes | None, int | None]:
    """Read one record in `group` and commit past it: the key read and the committed offset."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=settings.kafka_bootstrap_servers,
        group_id=group,
        enable_auto_commit=False,
        **kafka_security_options(settings),
    )
    await consumer.start()
    try:
        tp = TopicPartition(topic, partition)
        consumer.assign([tp])
        consumer.seek(tp, offset)
        record = await asyncio.wait_for(consumer.getone(), timeout=30)
        await consumer.commit({tp: offset + 1})  # needs Read on the group
        return record.key, await consumer.committed(tp)
    finally:
        await consumer.stop()


async def visible_topics(settings: ServiceSettings) -> set[str]:
    """The topics the broker's metadata shows these credentials (those they may Describe)."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=settings.kafka_bootstrap_servers, **kafka_security_options(settings)
    )
    await consumer.start()
    try:
        return set(await consumer.topics())
    finally:
        await consumer.stop()


@pytest.mark.usefixtures("contract_topics")
async def test_a_service_writes_its_own_topic_and_a_consumer_of_it_reads_it_in_its_group(
    infra: Infra, kafka_sasl_bootstrap: str
) -> None:
    unit = unique("acl-unit-")
    partition, offset = await send(
        settings_of(infra, kafka_sasl_bootstrap, "personnel"), PERSONNEL.name, unit_event(unit)
    )
    mutation = settings_of(infra, kafka_sasl_bootstrap, "mutation")
    key, committed = await read_at(
        mutation, f"mutation.{unique('acl-probe-')}", PERSONNEL.name, partition, offset
    )
    assert key == unit.encode()
    assert committed == offset + 1


@pytest.mark.usefixtures("contract_topics")
async def test_the_key_topic_is_written_by_personnel_only_and_read_by_the_key_holders(
    infra: Infra, kafka_sasl_bootstrap: str
) -> None:
    """Wrapped data keys reach the services that seal or open personal data (notification:
    contact details; mutation: objection texts; evaluation: adaptation notes), and only
    personnel may write them: a forged key message could swap an employee's key."""
    nip = unique("acl-nip-")
    partition, offset = await send(
        settings_of(infra, kafka_sasl_bootstrap, "personnel"), PERSONNEL_KEYS.name, unit_event(nip)
    )
    for reader in ("notification", "mutation", "evaluation"):
        key, _ = await read_at(
            settings_of(infra, kafka_sasl_bootstrap, reader),
            f"{reader}.{unique('acl-probe-')}",
            PERSONNEL_KEYS.name,
            partition,
            offset,
        )
        assert key == nip.encode(), reader
        with pytest.raises(TopicAuthorizationFailedError):
            await asyncio.wait_for(
                send(
                    settings_of(infra, kafka_sasl_bootstrap, reader),
                    PERSONNEL_KEYS.name,
                    unit_event(unique("acl-forged-")),
                ),
                timeout=60,
            )


@pytest.mark.usefixtures("contract_topics")
async def test_a_service_may_not_write_another_services_topic(
    infra: Infra, kafka_sasl_bootstrap: str
) -> None:
    personnel = settings_of(infra, kafka_sasl_bootstrap, "personnel")
    with pytest.raises(TopicAuthorizationFailedError):
        await asyncio.wait_for(
            send(personnel, MUTATION.name, unit_event(unique("acl-forged-"))), timeout=60
        )


async def test_a_service_may_not_create_a_topic_it_does_not_own(
    infra: Infra, kafka_sasl_bootstrap: str
) -> None:
    personnel = settings_of(infra, kafka_sasl_bootstrap, "personnel")
    prefix = f"{unique('acl')}."
    created = await ensure_topics(
        kafka_sasl_bootstrap, prefix, [MUTATION], partitions=1, **kafka_security_options(personnel)
    )
    assert created == []
    assert MUTATION.qualified(prefix) not in await visible_topics(
        settings_of(infra, kafka_sasl_bootstrap, "admin")
    )


@pytest.mark.usefixtures("contract_topics")
async def test_a_service_may_not_read_in_another_services_consumer_group(
    infra: Infra, kafka_sasl_bootstrap: str
) -> None:
    """Group ACLs: personnel reads the mutation topic, but only in `personnel.*` groups."""
    personnel = settings_of(infra, kafka_sasl_bootstrap, "personnel")
    consumer = AIOKafkaConsumer(
        bootstrap_servers=kafka_sasl_bootstrap,
        group_id=f"mutation.{unique('acl-stolen-')}",
        enable_auto_commit=False,
        **kafka_security_options(personnel),
    )
    await consumer.start()
    try:
        tp = TopicPartition(MUTATION.name, 0)
        consumer.assign([tp])
        with pytest.raises(KafkaError) as refused:
            await asyncio.wait_for(consumer.commit({tp: 0}), timeout=30)
    finally:
        await consumer.stop()
    assert "GroupAuthorizationFailed" in type(refused.value).__name__, repr(refused.value)


async def test_a_wrong_password_is_refused(
    infra: Infra, kafka_sasl_bootstrap: str, caplog: pytest.LogCaptureFixture
) -> None:
    wrong = settings_of(infra, kafka_sasl_bootstrap, "personnel", password="not-the-password")
    producer = make_producer(kafka_sasl_bootstrap, **kafka_security_options(wrong))
    with pytest.raises(KafkaConnectionError):
        await asyncio.wait_for(producer.start(), timeout=60)
    await producer.stop()
    # aiokafka raises "unable to bootstrap" and logs why: the broker refused the credentials
    # (not, say, an unreachable port).
    assert any("SaslAuthenticationFailed" in r.getMessage() for r in caplog.records), [
        r.getMessage() for r in caplog.records
    ]


# ----------------------------------------------------------- a service, end to end
class UnitProbe(Projection):
    """Records the units it sees; the name (and so the consumer group) is set per run."""

    topics = (PERSONNEL,)
    tables = ("acl_probe_units",)

    @handles(UnitRegistered)
    async def on_registered(self, ctx: BatchContext, e: UnitRegistered, r: Received) -> None:
        ctx.sql.add(
            "INSERT INTO acl_probe_units (unit_id) VALUES ($1) ON CONFLICT DO NOTHING", e.unit_id
        )


@pytest.fixture
async def personnel_database(
    infra: Infra, service_database_urls: dict[str, str]
) -> AsyncIterator[str]:
    """A fresh database owned by the `personnel` role, as infra.sh sets up the service's own
    (no CONNECT for anyone else), and its URL with personnel's credentials."""
    async with scratch_database(infra, owner="personnel") as name:
        base, _, _ = service_database_urls["personnel"].rpartition("/")
        yield f"{base}/{name}"


@pytest.fixture
async def personnel_over_sasl(
    infra: Infra, kafka_sasl_bootstrap: str, personnel_database: str
) -> AsyncIterator[Service]:
    """The kit's service chassis as personnel runs it: its own Kafka user, its own
    unprivileged PostgreSQL role (which also applies the kit's migrations)."""
    conn = await asyncpg.connect(personnel_database)
    try:
        assert await conn.fetchval("SELECT NOT rolsuper FROM pg_roles WHERE rolname = current_user")
        await conn.execute("CREATE TABLE acl_probe_units (unit_id text PRIMARY KEY)")
    finally:
        await conn.close()
    probe = type("UnitProbeOfRun", (UnitProbe,), {"name": unique("acl_probe_")})
    settings = settings_of(infra, kafka_sasl_bootstrap, "personnel").model_copy(
        update={"database_url": personnel_database, "database_pool_max": 4}
    )
    service = Service(settings, migrations=None, handlers=lambda _: [probe()])
    await service.start()
    try:
        yield service
    finally:
        await service.stop()


@pytest.mark.usefixtures("contract_topics")
async def test_a_service_runs_its_relay_and_consumers_with_its_own_credentials(
    personnel_over_sasl: Service,
) -> None:
    """The kit's outbox relay publishes as `personnel`, and its projection reads the events
    back in a `personnel.*` group: nothing in the kit needs more than the service's ACLs
    (nor, in PostgreSQL, more than owning its database)."""
    service = personnel_over_sasl
    assert service.store is not None
    assert service.pool is not None
    unit = unique("acl-unit-")
    await service.store.append(
        [
            StreamWrite(
                unit,
                0,
                [UnitRegistered(unit_id=unit, name="Probe", kind="OPD", region="Kota Rangkui")],
            )
        ],
        Cause.new("acl-test"),
    )
    pool = service.pool

    async def projected() -> bool:
        return bool(
            await pool.fetchval("SELECT count(*) FROM acl_probe_units WHERE unit_id = $1", unit)
        )

    await eventually(projected, timeout=60)
