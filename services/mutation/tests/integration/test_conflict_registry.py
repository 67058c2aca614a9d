"""Conflicts of interest from personnel's registry, over HTTP against the real Kafka and
PostgreSQL: mutation learns the employee's relatives from `EmployeeRelativesDeclared` (its
personnel_view consumer), refuses a relative who decides, and refuses a placement under a
relative heading the target unit; each refusal names its rule, in Bahasa Indonesia, with
its basis."""

from __future__ import annotations

import asyncpg
import pytest

from rangkui_contracts.events.personnel import (
    EmployeeRelativesDeclared,
    PositionEstablished,
    Relative,
)
from rangkui_eventkit.testing.auth import acting
from rangkui_eventkit.testing.plugin import eventually, serve_in_process
from rangkui_mutation.bootstrap import create_app
from rangkui_mutation.settings import MutationSettings

from .conftest import Clock, Publish, employee, post, ready_for_decision, unit

pytestmark = pytest.mark.integration

NIP, OTHER = "199003152015032001", "198807122012031003"
HEAD, SPOUSE = "197501012000031002", "198905052014031003"
OPERATOR = acting("operator.bkd", "bkd_operator")


def head_post(position_id: str, unit_id: str) -> tuple[str, PositionEstablished]:
    return (
        f"position-{position_id}",
        PositionEstablished(
            position_id=position_id,
            unit_id=unit_id,
            title="Kepala Sekolah",
            jabatan_type="STRUKTURAL",
            formasi=1,
            is_head_of_unit=True,
        ),
    )


def relatives(nip: str, *pairs: tuple[str, str]) -> tuple[str, EmployeeRelativesDeclared]:
    return (
        f"employee-{nip}",
        EmployeeRelativesDeclared(
            nip=nip,
            relatives=[Relative(nip=n, relation=r) for n, r in pairs],  # type: ignore[arg-type]
            declared_by="operator.bkd",
        ),
    )


async def test_relatives_from_the_registry_neither_decide_nor_head_the_target_unit(
    settings: MutationSettings, publish_personnel: Publish, clock: Clock
) -> None:
    await publish_personnel(
        [
            unit("sma-1", "SMA Negeri 1 Rangkui"),
            unit("sma-2", "SMA Negeri 2 Tanjung Batu"),
            post("guru-mat-1", "sma-1", 3),
            post("guru-mat-2", "sma-2", 3),
            head_post("kepsek-2", "sma-2"),
            employee(NIP, "sma-1", "guru-mat-1"),
            employee(OTHER, "sma-1", "guru-mat-1"),
            employee(HEAD, "sma-2", "kepsek-2"),
        ]
    )
    await publish_personnel(
        [relatives(NIP, (SPOUSE, "SPOUSE")), relatives(HEAD, (OTHER, "SIBLING"))]
    )

    def proposal(nip: str) -> dict[str, str]:
        return {
            "nip": nip,
            "to_unit_id": "sma-2",
            "to_position_id": "guru-mat-2",
            "kind": "NEED_BASED",
            "reason": "SMA Negeri 2 kekurangan guru matematika",
        }

    async with serve_in_process(create_app(settings, clock=clock)) as client:

        async def registry_arrived() -> bool:
            conn = await asyncpg.connect(settings.database_url)
            try:
                rows = await conn.fetchval("SELECT count(*) FROM employee_relatives")
                heads = await conn.fetchval("SELECT count(*) FROM employees WHERE nip = $1", HEAD)
            finally:
                await conn.close()
            return rows == 2 and heads == 1

        await eventually(registry_arrived, timeout=20)

        # The head of SMA 2 declared OTHER as a sibling: OTHER is not placed under them.
        r = await client.post("/mutations", json=proposal(OTHER), headers=OPERATOR)
        assert r.status_code == 422, r.text
        body = r.json()
        assert body["rule"] == "target_head_related"
        assert "saudara kandung" in body["message"]
        assert body["message"] != body["message_en"]
        assert body["legal_basis"] == "UU 28/1999 Pasal 1 angka 5; UU 30/2014 Pasal 42"

        # The employee's spouse, a PPK, does not approve their transfer.
        created = await client.post("/mutations", json=proposal(NIP), headers=OPERATOR)
        assert created.status_code == 201, created.text
        mutation_id = created.json()["mutation_id"]
        await ready_for_decision(client, mutation_id)
        approve = f"/mutations/{mutation_id}/approve"
        r = await client.post(approve, json={"reasons": "sesuai"}, headers=acting(SPOUSE, "ppk"))
        assert r.status_code == 403, r.text
        assert r.json()["rule"] == "related_person_conflict"
        assert r.json()["legal_basis"] == "UU 30/2014 Pasal 42"
        assert "hubungan keluarga" in r.json()["message"]
        r = await client.post(
            approve, json={"reasons": "sesuai"}, headers=acting("ppk.gubernur", "ppk")
        )
        assert r.status_code == 200, r.text
