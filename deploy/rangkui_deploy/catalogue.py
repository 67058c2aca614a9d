"""What the deployment is made of, declared once: services, what each reads and writes on
Kafka, the settings the manifests set, and the names that tie the pieces together.

Topics come from `rangkui_contracts.topics` (never copied here). What each service consumes
is declared in `SERVICES` and checked against the services' own handlers by
deploy/tests/test_manifests.py, so a new subscription that is missing from the ACLs fails CI.
"""

from __future__ import annotations

from dataclasses import dataclass

from rangkui_contracts.services import SERVICES
from rangkui_contracts.topics import DEAD_LETTER, PERSONNEL_KEYS, TOPICS, TopicSpec, topic_for

PART_OF = "rangkui-mutasi"
KAFKA_CLUSTER = "rangkui"
KAFKA_BOOTSTRAP = f"{KAFKA_CLUSTER}-kafka-bootstrap:9092"
CONTAINER_PORT = 8080
IMAGE_REPOSITORY = "ghcr.io/rangkui/{service}"
IMAGE_TAG = "0.1.0"

# How every Kafka client of a service authenticates (docs/operations.md, "Kafka
# credentials"): SCRAM, with the credentials from the KafkaUser's Secret, so that the
# listener can require authentication and the ACLs apply.
KAFKA_CA_SECRET = f"{KAFKA_CLUSTER}-cluster-ca-cert"
"""Strimzi's cluster CA (key `ca.crt`), which signed the brokers' certificates."""
KAFKA_CA_DIR = "/etc/rangkui/kafka-ca"
KAFKA_CLIENT_SECURITY = {
    # SCRAM over TLS: the passwords' exchange and every event (NIPs, decisions) encrypted on
    # the wire, the brokers verified against Strimzi's cluster CA.
    "KAFKA_SECURITY_PROTOCOL": "SASL_SSL",
    "KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
    "KAFKA_SSL_CAFILE": f"{KAFKA_CA_DIR}/ca.crt",
}
KAFKA_CREDENTIAL_VARIABLES = ("KAFKA_SASL_USERNAME", "KAFKA_SASL_PASSWORD")

AUTH_CONFIGMAP = "rangkui-auth"
ISSUER_PLACEHOLDER = "https://sso.rangkui.go.id/realms/asn"
"""Not the province's issuer: the production overlay patches the real one in (a service
trusting an issuer nobody runs refuses every request, so a forgotten patch fails closed)."""
AUTH_ENVIRONMENT = {
    "RANGKUI_AUTH_ISSUER": ISSUER_PLACEHOLDER,
    "RANGKUI_AUTH_AUDIENCE": "rangkui",
    "RANGKUI_AUTH_JWKS_URL": "",  # empty: found by OIDC discovery on the issuer
    # The roles of the API's own Keycloak client (never the realm-wide ones): the settings
    # refuse any other path under realm_access or resource_access.
    "RANGKUI_AUTH_ROLES_CLAIM": "resource_access.rangkui.roles",
    # The clients (`azp`) whose tokens are accepted: the console and each registered
    # integration; empty accepts any client of the realm (the overlay names them).
    "RANGKUI_AUTH_ALLOWED_CLIENTS": "",
}
"""The identity provider every service trusts (shared, no service prefix): docs/security.md."""

TRANSPORT_KEY_VARIABLE = "RANGKUI_PERSONAL_DATA_TRANSPORT_KEY"
TRANSPORT_KEY_SECRET = ("rangkui-personal-data", "transport-key")
"""Secret (name, key) of the transport key shared by personnel and the KeyRing holders."""
PREVIOUS_TRANSPORT_KEYS_VARIABLE = "RANGKUI_PERSONAL_DATA_PREVIOUS_TRANSPORT_KEYS"
PREVIOUS_TRANSPORT_KEYS_SECRET = ("rangkui-personal-data", "previous-transport-keys")
"""Secret (name, key) of the transport keys a rotation retires (docs/operations.md)."""


@dataclass(frozen=True)
class ServiceSpec:
    """One deployable service as the platform runs it."""

    name: str
    consumes: tuple[TopicSpec, ...]
    # Non-secret settings beyond the ones every service gets (name without the prefix).
    settings: tuple[tuple[str, str], ...] = ()
    # Secret settings: (setting, secret name, key); the Secret is created by the operator.
    secrets: tuple[tuple[str, str, str], ...] = ()
    # Secret settings read only while a key rotation is under way: (setting, secret, key),
    # referenced as optional, so the Secret needs the key only during the rotation.
    rotation_secrets: tuple[tuple[str, str, str], ...] = ()
    # Topics of its own besides its events (personnel's internal key topic).
    also_produces: tuple[TopicSpec, ...] = ()
    # Wraps or unwraps employees' data keys with the shared transport key (personnel, and
    # the services whose KeyRing reads `rangkui.personnel.keys`).
    holds_transport_key: bool = False
    # The pod's /tmp (an emptyDir): personnel spools import uploads there while their rows
    # are stored (import_concurrent_uploads of up to http_max_upload_bytes each).
    tmp_size: str = "64Mi"

    @property
    def prefix(self) -> str:
        return f"{self.name.upper()}_"

    @property
    def produces(self) -> TopicSpec:
        return topic_for(self.name)

    @property
    def owns(self) -> tuple[TopicSpec, ...]:
        """The topics only this service writes: its events and any internal topic of its own."""
        return (self.produces, *self.also_produces)

    @property
    def writes(self) -> tuple[TopicSpec, ...]:
        """Every topic it writes to: the ones it owns and the dead letters."""
        return (*self.owns, DEAD_LETTER)

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
        """The runtime role's Secret (key `uri`): what the running service connects as. The
        role owns nothing and may only read and append to `events`; CloudNativePG manages
        the role (`managed.roles`) with this Secret's password, which ops create."""
        return f"{self.database_cluster}-runtime"

    @property
    def database_owner_secret(self) -> str:
        """CloudNativePG's application Secret of the cluster (key `uri`): the owner role
        (`<service>_owner`), which only the `migrate` init container sees."""
        return f"{self.database_cluster}-app"

    @property
    def database_owner(self) -> str:
        return f"{self.name}_owner"

    @property
    def kafka_user(self) -> str:
        """The Strimzi KafkaUser; its Secret has the same name (key `password`)."""
        return self.name

    @property
    def image(self) -> str:
        return IMAGE_REPOSITORY.format(service=self.name)

    def secret_environment(self) -> tuple[tuple[str, str, str], ...]:
        """(variable, Secret name, key) of every secret setting the container reads."""
        own = tuple((f"{self.prefix}{s.upper()}", name, key) for s, name, key in self.secrets)
        if self.holds_transport_key:
            own += ((TRANSPORT_KEY_VARIABLE, *TRANSPORT_KEY_SECRET),)
        return own

    def rotation_environment(self) -> tuple[tuple[str, str, str], ...]:
        """(variable, Secret name, key) of the keys a rotation retires: optional references."""
        own = tuple(
            (f"{self.prefix}{s.upper()}", name, key) for s, name, key in self.rotation_secrets
        )
        if self.holds_transport_key:
            own += ((PREVIOUS_TRANSPORT_KEYS_VARIABLE, *PREVIOUS_TRANSPORT_KEYS_SECRET),)
        return own

    def environment(self) -> dict[str, str]:
        """The non-secret environment of the container: the service's ConfigMap."""
        p = self.prefix
        env = {
            f"{p}HTTP_HOST": "0.0.0.0",
            f"{p}HTTP_PORT": str(CONTAINER_PORT),
            f"{p}LOG_LEVEL": "INFO",
            f"{p}LOG_JSON": "true",
            f"{p}DATABASE_POOL_MAX": "10",
            # The API description only to signed-in callers, no interactive /docs.
            f"{p}HTTP_DOCS_REQUIRE_SIGN_IN": "true",
            # Strimzi owns the topics (KafkaTopic); the KafkaUsers have no Create right.
            f"{p}CREATE_TOPICS": "false",
            # Said explicitly: only the province's issuer is trusted and the personal-data
            # keys are required (no development defaults). Compose and overlays/dev turn it on.
            f"{p}DEVELOPMENT_MODE": "false",
        }
        env.update({f"{p}{key.upper()}": value for key, value in self.settings})
        return env


_PERSONNEL, _MUTATION, _EVALUATION, _NOTIFICATION = (topic_for(c) for c in SERVICES)

SERVICES: tuple[ServiceSpec, ...] = (
    ServiceSpec(
        "personnel",
        consumes=(_PERSONNEL, _MUTATION),
        also_produces=(PERSONNEL_KEYS,),
        tmp_size="192Mi",  # two spooled 64 MiB uploads and room for the rest
        # Wraps the employees' data keys at rest; only personnel may read this Secret.
        secrets=(("key_encryption_key", "personnel-secrets", "key-encryption-key"),),
        rotation_secrets=(
            ("previous_key_encryption_keys", "personnel-secrets", "previous-key-encryption-keys"),
        ),
        holds_transport_key=True,
    ),
    ServiceSpec(
        "mutation",
        # The key topic: its KeyRing opens the sealed objection texts.
        consumes=(_PERSONNEL, _MUTATION, _EVALUATION, PERSONNEL_KEYS),
        settings=(("timezone", "Asia/Jakarta"),),
        holds_transport_key=True,
    ),
    ServiceSpec(
        "evaluation",
        # The key topic: its KeyRing seals and opens the evaluators' adaptation notes.
        consumes=(_PERSONNEL, _MUTATION, _EVALUATION, PERSONNEL_KEYS),
        settings=(("timezone", "Asia/Jakarta"),),
        holds_transport_key=True,
    ),
    ServiceSpec(
        "notification",
        # The key topic: its KeyRing opens the sealed contact details it sends to.
        consumes=(_PERSONNEL, _MUTATION, _EVALUATION, _NOTIFICATION, PERSONNEL_KEYS),
        settings=(("email_enabled", "false"),),
        secrets=(("webhook_signing_key", "notification-secrets", "webhook-signing-key"),),
        holds_transport_key=True,
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
