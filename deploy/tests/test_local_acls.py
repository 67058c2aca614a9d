"""The local broker's ACLs (deploy/local/kafka/acls.txt, granted by deploy/local/infra.sh)
are production's (the Strimzi KafkaUsers) plus Create on the service's own topics, and the
checked-in file is what the generator writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rangkui_deploy import generate
from rangkui_deploy.acls import local_acls_file
from rangkui_deploy.catalogue import SERVICES, ServiceSpec

ACLS_FILE = Path(__file__).resolve().parents[1] / "local" / "kafka" / "acls.txt"
Grants = set[tuple[str, str, str, str]]  # (resource type, name, pattern, operation)


def local_grants(user: str) -> Grants:
    grants: Grants = set()
    for line in ACLS_FILE.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        who, kind, name, pattern, operations = line.split()
        if who == user:
            grants |= {(kind, name, pattern, op) for op in operations.split(",")}
    return grants


def production_grants(user: str) -> Grants:
    kafka_user = next(u for u in generate.kafka_users() if u["metadata"]["name"] == user)
    return {
        (a["resource"]["type"], a["resource"]["name"], a["resource"]["patternType"], op)
        for a in kafka_user["spec"]["authorization"]["acls"]
        for op in a["operations"]
    }


def test_the_checked_in_local_acls_are_generated() -> None:
    assert ACLS_FILE.read_text() == local_acls_file(), "run .venv/bin/python deploy/generate.py"


@pytest.mark.parametrize("svc", SERVICES, ids=lambda s: s.name)
def test_locally_a_service_has_its_production_acls_and_may_create_only_its_own_topics(
    svc: ServiceSpec,
) -> None:
    local = local_grants(svc.kafka_user)
    creates = {(kind, name, pattern) for kind, name, pattern, op in local if op == "Create"}
    assert creates == {("topic", t.name, "literal") for t in svc.owns}
    assert {g for g in local if g[3] != "Create"} == production_grants(svc.kafka_user)


RUNBOOK = Path(__file__).resolve().parents[2] / "docs" / "operations.md"


def _runbook_acl_rows() -> dict[str, tuple[set[str], set[str], str]]:
    """user -> (written topics, read topics, group pattern) from the runbook's ACL table."""
    text = RUNBOOK.read_text()
    table = text[text.index("### Kafka ACLs") :].split("\n\n")[1]
    rows = {}
    for line in table.splitlines()[2:]:
        user, writes, reads, groups = (c.strip() for c in line.strip("|").split("|"))
        rows[user.strip("`")] = (
            set(re.findall(r"`([^`]+)`", writes)),
            set(re.findall(r"`([^`]+)`", reads)),
            groups,
        )
    return rows


@pytest.mark.parametrize("svc", SERVICES, ids=lambda s: s.name)
def test_the_runbook_shows_each_services_acls_as_they_are(svc: ServiceSpec) -> None:
    writes, reads, groups = _runbook_acl_rows()[svc.kafka_user]
    grants = production_grants(svc.kafka_user)
    assert writes == {name for kind, name, _, op in grants if kind == "topic" and op == "Write"}
    assert reads == {name for kind, name, _, op in grants if kind == "topic" and op == "Read"}
    assert groups == f"`{svc.consumer_group_prefix}*`"
