"""The catalogue's ACLs as the real local broker enforces them: over SASL/SCRAM, each
service's user sees (may Describe) exactly the topics it writes or consumes, no more."""

from __future__ import annotations

import pytest
from aiokafka import AIOKafkaConsumer
from rangkui_deploy.catalogue import SERVICES, ServiceSpec

from rangkui_eventkit.kafka import ensure_topics
from rangkui_eventkit.testing.infra import Infra

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("svc", SERVICES, ids=lambda s: s.name)
async def test_on_the_local_broker_a_service_sees_exactly_the_topics_of_its_acls(
    infra: Infra, kafka_sasl_bootstrap: str, svc: ServiceSpec
) -> None:
    await ensure_topics(infra.kafka_bootstrap)  # the real topics, by the PLAINTEXT super user
    consumer = AIOKafkaConsumer(
        bootstrap_servers=kafka_sasl_bootstrap,
        security_protocol="SASL_PLAINTEXT",
        sasl_mechanism="SCRAM-SHA-512",
        sasl_plain_username=svc.kafka_user,
        sasl_plain_password=infra.kafka_passwords[svc.kafka_user],
    )
    await consumer.start()
    try:
        visible = set(await consumer.topics())
    finally:
        await consumer.stop()
    assert visible == {t.name for t in (*svc.writes, *svc.consumes)}
