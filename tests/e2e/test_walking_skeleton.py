"""The walking skeleton across the four services, as separate processes, over HTTP and the
real Kafka broker: a transfer proposed, approved, decreed and made effective moves the
employee in personnel, schedules monitoring in evaluation and puts a notice in the inbox."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from rangkui_contracts.topics import MUTATION, PERSONNEL
from rangkui_eventkit.testing.kafka_tools import header, read_topic
from rangkui_eventkit.testing.plugin import eventually
from rangkui_eventkit.testing.system import System

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

SCHEMAS = Path(__file__).resolve().parents[2] / "contracts" / "schemas"
HEAD_NIP = "197501012000031002"
TEACHER_NIP = "199003152015032001"


# Over SASL each service is its own SCRAM user with exactly production's ACLs (moved into
# this test's topic namespace) and creates no topic: the flow needs no other right.
@pytest.mark.parametrize("system", ["plaintext", "sasl"], indirect=True)
async def test_an_effective_transfer_moves_the_employee_schedules_monitoring_and_notifies(
    system: System, province: Any
) -> None:
    p = province
    await p.register(HEAD_NIP, "Drs. Bambang Sutrisno", "sma-2", "kepsek-2")
    await p.register(TEACHER_NIP, "Siti Rahmawati, S.Pd.", "sma-1", "guru-mat-1")

    mutation_id = await p.transfer(TEACHER_NIP, "sma-2", "guru-mat-2")

    async def moved() -> dict[str, Any] | None:
        employee = await p.employee(TEACHER_NIP)
        return employee if employee.get("unit_id") == p.id("sma-2") else None

    employee = await eventually(moved, timeout=30)
    assert employee["position_id"] == p.id("guru-mat-2")

    plans = await eventually(lambda: p.plans(TEACHER_NIP), timeout=30)
    assert len(plans) == 1
    assert plans[0]["mutation_id"] == mutation_id
    assert plans[0]["evaluator_nip"] == HEAD_NIP
    assert len(plans[0]["checkpoints"]) == 3

    inbox = await eventually(lambda: p.inbox(TEACHER_NIP), timeout=30)
    assert any("SMA Negeri 2 Tanjung Batu" in n["body"] for n in inbox)

    # What an outside consumer sees on the topics: CloudEvents headers and JSON bodies that
    # validate against the checked-in schemas.
    bootstrap, prefix = system.infra.kafka_bootstrap, system.topic_prefix
    records = await read_topic(bootstrap, MUTATION.qualified(prefix), expect=8)
    records += await read_topic(bootstrap, PERSONNEL.qualified(prefix), expect=10)
    types = [header(r, "ce_type") for r in records]
    assert "rangkui.mutation.MutationEffective.v1" in types
    assert "rangkui.personnel.EmployeeReassigned.v1" in types
    for r in records:
        ce_type = header(r, "ce_type")
        assert header(r, "ce_specversion") == "1.0"
        assert header(r, "ce_subject") == r.key.decode()
        schema = json.loads((SCHEMAS / f"{ce_type}.json").read_text())
        jsonschema.validate(json.loads(r.value), schema)
