"""What the deployment is made of, declared once: services, what each reads and writes on
Kafka, the settings the manifests set, and the names that tie the pieces together.

Topics come from `rangkui_contracts.topics` (never copied here). What each service consumes
is declared in `SERVICES` and checked against the services' own handlers by
deploy/tests/test_manifests.py, so a new subscription that is missing from the ACLs fails CI.
"""

from __future__ import annotations

from dataclasses import dataclass

from rangkui_contracts.topics import DEAD_LETTER, TOPICS, TopicSpec, topic_for

PART_OF = "rangkui-mutasi"
KAFKA_CLUSTER = "rangkui"
KAFKA_BOOTSTRAP = f"{KAFKA_CLUSTER}-kafka-bootstrap:9092"
CONTAINER_PORT = 8080
IMAGE_REPOSITORY = "ghcr.io/rangkui/{service}"
IMAGE_TAG = "0.1.0"

# Kafka client settings the kit does not read yet (see docs/operations.md, "Kafka
# credentials"): the manifests already pass them, with SCRAM credentials from the KafkaUser's
# Secret, so that the listener can require authentication and the ACLs apply.
KAFKA_CLIENT_SECURITY = {
    "KAFKA_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
    "KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
}
KAFKA_CREDENTIAL_VARIABLES = ("KAFKA_SASL_USERNAME", "KAFKA_SASL_PASSWORD")


@dataclass(frozen=True)
class ServiceSpec:
    """One deployable service as the platform runs it."""

    name: str
    consumes: tuple[TopicSpec, ...]
    # Non-secret settings beyond the ones every service gets (name without the prefix).
    settings: tuple[tuple[str, str], ...] = ()
    # Secret settings: (setting, secret name, key); the Secret is created by the operator.
    secrets: tuple[tuple[str, str, str], ...] = ()

    @property
    def prefix(self) -> str:
        return f"{self.name.upper()}_"

    @property
    def produces(self) -> TopicSpec:
        return topic_for(self.name)

    @property
    def writes(self) -> tuple[TopicSpec, ...]:
        """Every topic it writes to: its own events and the dead letters."""
        return (self.produces, DEAD_LETTER)

    @property
    def consumer_group_prefix(self) -> str:
        """Consumer groups are `<service>.<projection>` (rangkui_eventkit.consumer)."""
        return f"{self.name}."

    @property
    def database_cluster(self) -> str:
        """The CloudNativePG cluster that holds this service's database."""
        return f"pg-{self.name}"

    @property
    def database_secret(self) -> str:
        """CloudNativePG's application Secret of the cluster (key `uri`)."""
        return f"{self.database_cluster}-app"

    @property
    def kafka_user(self) -> str:
        """The Strimzi KafkaUser; its Secret has the same name (key `password`)."""
        return self.name

    @property
    def image(self) -> str:
        return IMAGE_REPOSITORY.format(service=self.name)

    def environment(self) -> dict[str, str]:
        """The non-secret environment of the container: the service's ConfigMap."""
        p = self.prefix
        env = {
            f"{p}HTTP_HOST": "0.0.0.0",
            f"{p}HTTP_PORT": str(CONTAINER_PORT),
            f"{p}LOG_LEVEL": "INFO",
            f"{p}LOG_JSON": "true",
            f"{p}DATABASE_POOL_MAX": "10",
            # Strimzi owns the topics (KafkaTopic); the KafkaUsers have no Create right.
            f"{p}CREATE_TOPICS": "false",
        }
        env.update({f"{p}{key.upper()}": value for key, value in self.settings})
        return env


_PERSONNEL, _MUTATION, _EVALUATION, _NOTIFICATION = (
    topic_for(c) for c in ("personnel", "mutation", "evaluation", "notification")
)

SERVICES: tuple[ServiceSpec, ...] = (
    ServiceSpec("personnel", consumes=(_PERSONNEL, _MUTATION)),
    ServiceSpec(
        "mutation",
        consumes=(_PERSONNEL, _MUTATION, _EVALUATION),
        settings=(("timezone", "Asia/Jakarta"),),
    ),
    ServiceSpec(
        "evaluation",
        consumes=(_PERSONNEL, _MUTATION, _EVALUATION),
        settings=(("timezone", "Asia/Jakarta"),),
    ),
    ServiceSpec(
        "notification",
        consumes=(_PERSONNEL, _MUTATION, _EVALUATION, _NOTIFICATION),
        settings=(("email_enabled", "false"),),
        secrets=(("webhook_signing_key", "notification-secrets", "webhook-signing-key"),),
    ),
)

SHARED_ENVIRONMENT = {
    "KAFKA_BOOTSTRAP_SERVERS": KAFKA_BOOTSTRAP,
    "RANGKUI_TOPIC_PREFIX": "",
}


def service(name: str) -> ServiceSpec:
    return next(s for s in SERVICES if s.name == name)


def topics() -> tuple[TopicSpec, ...]:
    return TOPICS
