"""The conflict-of-interest registry over HTTP against the real PostgreSQL and Kafka: the
BKD records an employee's relatives (EmployeeRelativesDeclared, published for mutation);
bad lists are refused with their rule in Bahasa Indonesia, other roles with 403."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from rangkui_contracts.topics import PERSONNEL
from rangkui_eventkit.testing.auth import acting
from rangkui_eventkit.testing.infra import Infra

from .test_personal_data import records
from .test_walking_skeleton import NIP, employee, seed

pytestmark = pytest.mark.integration

SPOUSE, CHILD = "198801012010011002", "199505052020122001"
PATH = f"/employees/{NIP}/relatives"


async def test_the_bkd_records_relatives_and_mutation_can_follow_them(
    client: httpx.AsyncClient, poll: Any, infra: Infra, topic_prefix: str
) -> None:
    await seed(client)
    assert (await client.post("/employees", json=employee())).status_code == 201
    body = {
        "relatives": [{"nip": SPOUSE, "relation": "SPOUSE"}, {"nip": CHILD, "relation": "CHILD"}]
    }
    r = await client.put(PATH, json=body, headers=acting("operator.bkd", "bkd_operator"))
    assert r.status_code == 200, r.text
    assert r.json()["events"] == ["rangkui.personnel.EmployeeRelativesDeclared.v1"]
    again = await client.put(PATH, json=body, headers=acting("operator.bkd", "bkd_operator"))
    assert (again.status_code, again.json()["events"]) == (200, [])

    r = await client.put(
        PATH,
        json={"relatives": [{"nip": NIP, "relation": "SIBLING"}]},
        headers=acting("operator.bkd", "bkd_operator"),
    )
    assert r.status_code == 422, r.text
    assert r.json()["rule"] == "relative_is_self"
    assert "kerabatnya sendiri" in r.json()["message"]
    r = await client.put(
        PATH,
        json={"relatives": [{"nip": SPOUSE, "relation": "COUSIN"}]},
        headers=acting("operator.bkd", "bkd_operator"),
    )
    assert r.status_code == 422, r.text
    r = await client.put(PATH, json=body, headers=acting(NIP, "employee"))
    assert r.status_code == 403, r.text

    published = await records(infra, topic_prefix, PERSONNEL, NIP, least=2)
    declared = [e for e in published if e.type.endswith("EmployeeRelativesDeclared.v1")]
    assert [d.data["relatives"] for d in declared] == [body["relatives"]]
