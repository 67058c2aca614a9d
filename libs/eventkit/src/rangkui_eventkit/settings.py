"""Settings from the environment, one class per service built on `ServiceSettings`.

No module reads `os.environ` itself: each service's settings class is instantiated once in
its bootstrap and passed down. Variables are prefixed by the service name, e.g.
`PERSONNEL_DATABASE_URL`; `KAFKA_BOOTSTRAP_SERVERS` and `RANGKUI_TOPIC_PREFIX` are shared.
"""

from __future__ import annotations

import ipaddress
import sys
from typing import NoReturn, TypeVar

from pydantic import AliasChoices, Field, ValidationError, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from rangkui_eventkit.clock import PROVINCE_TIMEZONE


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", env_prefix="")

    service_name: str = "service"
    database_url: str = "postgresql://localhost/postgres"
    database_owner_url: str | None = Field(
        default=None,
        description="the database owner's URL, for migrations only: the running service in "
        "production never has it (it connects as a runtime role that owns nothing)",
    )
    migrate_on_start: bool = Field(
        default=True,
        description="migrate at start (with the owner URL when set); off where an init step "
        "migrates as the owner: the service then only checks that the schema is up to date",
    )
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
    kafka_ssl_cafile: str | None = Field(
        default=None,
        validation_alias=AliasChoices("KAFKA_SSL_CAFILE", "kafka_ssl_cafile"),
        description="CA bundle that signed the brokers' certificates (e.g. Strimzi's cluster CA)",
    )
    create_topics: bool = Field(
        default=True,
        description="create missing contract topics at start (off where Strimzi owns them)",
    )
    timezone: str = Field(
        default=PROVINCE_TIMEZONE,
        description="the province's time zone: a TMT, a due date and a decree date are its "
        "calendar days (the clock's `today`)",
    )
    http_host: str = "127.0.0.1"
    http_port: int = 8000
    http_docs_require_sign_in: bool = Field(
        default=False,
        description="serve /openapi.json only to a caller with a valid token, and no /docs "
        "or /redoc (the manifests turn it on)",
    )
    http_local_only: bool = Field(
        default=False,
        description="the service listens on all interfaces of its container or pod, but only "
        "this machine reaches them (compose publishes the port on the host's loopback; the "
        "dev overlay runs in a local cluster): what development mode needs off loopback",
    )
    log_level: str = "INFO"
    log_json: bool = True
    relay_batch_size: int = 2000
    relay_poll_interval_s: float = 0.1
    consumer_batch_size: int = 2000
    consumer_poll_timeout_ms: int = 100
    run_consumers: bool = True
    worker_grace_s: float = Field(
        default=30.0,
        description="a background loop down longer than this makes /readyz answer 503",
    )
    worker_restart_initial_s: float = Field(
        default=0.5, description="first pause before a dead background loop is restarted"
    )
    worker_restart_max_s: float = Field(
        default=30.0, description="longest pause between restarts of a loop that keeps dying"
    )
    worker_stable_s: float = Field(
        default=10.0, description="a restarted loop up this long counts as recovered"
    )
    run_relay: bool = True
    development_mode: bool = Field(
        default=False,
        description="trust tokens of the development issuer (local runs and tests only)",
    )
    auth_issuer: str | None = Field(
        default=None,
        validation_alias=AliasChoices("RANGKUI_AUTH_ISSUER", "auth_issuer"),
        description="the province's OIDC issuer (its `iss`), e.g. https://sso.rangkui.go.id/realms/asn",
    )
    auth_audience: str = Field(
        default="rangkui",
        validation_alias=AliasChoices("RANGKUI_AUTH_AUDIENCE", "auth_audience"),
        description="the audience (`aud`) tokens must be issued for",
    )
    auth_jwks_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("RANGKUI_AUTH_JWKS_URL", "auth_jwks_url"),
        description="where the issuer publishes its keys (default: OIDC discovery)",
    )
    auth_roles_claim: str = Field(
        default="roles",
        validation_alias=AliasChoices("RANGKUI_AUTH_ROLES_CLAIM", "auth_roles_claim"),
        description="dotted path of the roles list in the token: for Keycloak the roles of "
        "this API's own client, resource_access.<audience>.roles (never realm_access.roles, "
        "the realm-wide roles, nor another client's)",
    )
    auth_allowed_clients: str = Field(
        default="",
        validation_alias=AliasChoices("RANGKUI_AUTH_ALLOWED_CLIENTS", "auth_allowed_clients"),
        description="comma-separated client ids (`azp`) whose tokens are accepted, e.g. "
        "rangkui-console,simpeg-sync; empty: any client of the issuer (each token must still "
        "name its client)",
    )
    auth_leeway_s: float = 30
    auth_jwks_max_age_s: float = 3600
    max_event_bytes: int = Field(
        default=524_288,
        description="largest event (its JSON) the store appends; larger is refused with 413. "
        "Well under the broker's and topics' max.message.bytes (1048588)",
    )
    http_max_body_bytes: int = Field(
        default=1_048_576, description="largest request body accepted (413 above)"
    )
    http_max_upload_bytes: int = Field(
        default=67_108_864, description="largest file an upload endpoint accepts (413 above)"
    )

    def allowed_clients(self) -> list[str]:
        return [c.strip() for c in self.auth_allowed_clients.split(",") if c.strip()]

    @model_validator(mode="after")
    def _roles_of_this_client(self) -> ServiceSettings:
        """Roles are read from this API's own client: the realm's roles (generic names that
        any system of the realm may grant) and another client's roles would let a grant for
        something else open this service."""
        parts = self.auth_roles_claim.split(".")
        if parts[0] == "realm_access" and self.auth_issuer:
            raise ValueError(
                f"RANGKUI_AUTH_ROLES_CLAIM={self.auth_roles_claim} reads the realm-wide roles: "
                f"read this client's roles, resource_access.{self.auth_audience}.roles"
            )
        if parts[0] == "resource_access" and (len(parts) != 3 or parts[1] != self.auth_audience):
            raise ValueError(
                f"RANGKUI_AUTH_ROLES_CLAIM={self.auth_roles_claim} does not read this "
                f"service's client roles: use resource_access.{self.auth_audience}.roles "
                f"(the audience, RANGKUI_AUTH_AUDIENCE={self.auth_audience})"
            )
        return self

    @model_validator(mode="after")
    def _development_stays_local(self) -> ServiceSettings:
        """Development mode trusts a signing key that is public (it is in the repository):
        a service in that mode must be unreachable from anywhere but this machine, and must
        not sit beside the real issuer, where a forged token would pass for a real one."""
        if not self.development_mode:
            return self
        if self.auth_issuer:
            raise ValueError(
                "development mode trusts the public development signing key and may not run "
                f"with a real issuer configured (RANGKUI_AUTH_ISSUER={self.auth_issuer}): "
                "unset one of them"
            )
        if not (_is_loopback(self.http_host) or self.http_local_only):
            raise ValueError(
                f"development mode may listen on loopback only, not on {self.http_host}: "
                "set the HTTP host to 127.0.0.1 (or, in a container only this machine "
                "reaches, HTTP_LOCAL_ONLY=true)"
            )
        return self


S = TypeVar("S", bound=ServiceSettings)


def load_settings(cls: type[S]) -> S:
    """The settings from the environment, or exit 2 saying what is wrong (no traceback):
    what a service's CLI calls first, so that a refused configuration stops it at once."""
    try:
        return cls()
    except ValidationError as exc:
        _refuse(cls, exc)


def _refuse(cls: type[ServiceSettings], exc: ValidationError) -> NoReturn:
    for error in exc.errors():
        where = ".".join(str(part) for part in error["loc"]) or "settings"
        message = str(error["msg"]).removeprefix("Value error, ")
        print(f"{cls.__name__}: {where}: {message}", file=sys.stderr)
    sys.exit(2)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def kafka_security_options(settings: ServiceSettings) -> dict[str, object]:
    """How every Kafka client of a service (producer, consumers, admin) authenticates."""
    options: dict[str, object] = {"security_protocol": settings.kafka_security_protocol}
    if settings.kafka_sasl_mechanism:
        options["sasl_mechanism"] = settings.kafka_sasl_mechanism
        options["sasl_plain_username"] = settings.kafka_sasl_username
        options["sasl_plain_password"] = settings.kafka_sasl_password
    if settings.kafka_security_protocol.endswith("SSL"):
        from aiokafka.helpers import create_ssl_context

        options["ssl_context"] = create_ssl_context(cafile=settings.kafka_ssl_cafile)
    return options
