"""How the test fixtures read `deploy/local/infra.sh env`: the SASL listener, the SCRAM
passwords and the services' own database URLs, or their absence, which the security tests
must report rather than pass over."""

import pytest

from rangkui_eventkit.testing.infra import _from_variables

pytestmark = pytest.mark.unit

BASE = {
    "KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:19092",
    "RANGKUI_PG_ADMIN_URL": "postgresql://postgres:pw@127.0.0.1:15432/postgres",
}


def test_the_sasl_listener_passwords_and_service_databases_are_read() -> None:
    infra = _from_variables(
        {
            **BASE,
            "KAFKA_SASL_BOOTSTRAP_SERVERS": "127.0.0.1:19094",
            "RANGKUI_KAFKA_ADMIN_PASSWORD": "a",
            "RANGKUI_KAFKA_PERSONNEL_PASSWORD": "p",
            "MUTATION_DATABASE_URL": "postgresql://mutation:m@127.0.0.1:15432/mutation",
            "RANGKUI_PG_PORT": "15432",
        },
        "local",
    )
    assert infra.kafka_sasl_bootstrap == "127.0.0.1:19094"
    assert dict(infra.kafka_passwords) == {"admin": "a", "personnel": "p"}
    assert dict(infra.service_database_urls) == {
        "mutation": "postgresql://mutation:m@127.0.0.1:15432/mutation"
    }
    assert infra.origin == "local"


def test_without_them_the_infrastructure_says_it_has_none() -> None:
    infra = _from_variables({**BASE, "KAFKA_SASL_BOOTSTRAP_SERVERS": ""}, "environment")
    assert infra.kafka_sasl_bootstrap is None
    assert dict(infra.kafka_passwords) == {}
    assert dict(infra.service_database_urls) == {}
