"""Settings from the environment, one class per service built on `ServiceSettings`.

No module reads `os.environ` itself: each service's settings class is instantiated once in
its bootstrap and passed down. Variables are prefixed by the service name, e.g.
`PERSONNEL_DATABASE_URL`; `KAFKA_BOOTSTRAP_SERVERS` and `RANGKUI_TOPIC_PREFIX` are shared.
"""

from __future__ import annotations

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", env_prefix="")

    service_name: str = "service"
    database_url: str = "postgresql://localhost/postgres"
    database_pool_min: int = 1
    database_pool_max: int = 10
    kafka_bootstrap_servers: str = Field(
        default="127.0.0.1:19092",
        validation_alias=AliasChoices("KAFKA_BOOTSTRAP_SERVERS", "kafka_bootstrap_servers"),
    )
    topic_prefix: str = Field(
        default="",
        validation_alias=AliasChoices("RANGKUI_TOPIC_PREFIX", "topic_prefix"),
        description="namespace prefix for every topic (tests use one per run)",
    )
    kafka_security_protocol: str = Field(
        default="PLAINTEXT",
        validation_alias=AliasChoices("KAFKA_SECURITY_PROTOCOL", "kafka_security_protocol"),
        description="PLAINTEXT, SASL_PLAINTEXT or SASL_SSL",
    )
    kafka_sasl_mechanism: str | None = Field(
        default=None,
        validation_alias=AliasChoices("KAFKA_SASL_MECHANISM", "kafka_sasl_mechanism"),
        description="e.g. SCRAM-SHA-512 (the Strimzi KafkaUser's mechanism)",
    )
    kafka_sasl_username: str | None = Field(
        default=None, validation_alias=AliasChoices("KAFKA_SASL_USERNAME", "kafka_sasl_username")
    )
    kafka_sasl_password: str | None = Field(
        default=None, validation_alias=AliasChoices("KAFKA_SASL_PASSWORD", "kafka_sasl_password")
    )
    create_topics: bool = Field(
        default=True,
        description="create missing contract topics at start (off where Strimzi owns them)",
    )
    http_host: str = "127.0.0.1"
    http_port: int = 8000
    log_level: str = "INFO"
    log_json: bool = True
    relay_batch_size: int = 2000
    relay_poll_interval_s: float = 0.1
    consumer_batch_size: int = 2000
    consumer_poll_timeout_ms: int = 100
    run_consumers: bool = True
    run_relay: bool = True
    development_mode: bool = False


def kafka_security_options(settings: ServiceSettings) -> dict[str, object]:
    """How every Kafka client of a service (producer, consumers, admin) authenticates."""
    options: dict[str, object] = {"security_protocol": settings.kafka_security_protocol}
    if settings.kafka_sasl_mechanism:
        options["sasl_mechanism"] = settings.kafka_sasl_mechanism
        options["sasl_plain_username"] = settings.kafka_sasl_username
        options["sasl_plain_password"] = settings.kafka_sasl_password
    if settings.kafka_security_protocol.endswith("SSL"):
        from aiokafka.helpers import create_ssl_context

        options["ssl_context"] = create_ssl_context()
    return options
