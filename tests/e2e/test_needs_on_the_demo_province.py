"""The heart of the mission on the demo province, across the four services as processes:
the needs analysis finds the high schools short of mathematics teachers, matching proposes
people from schools with a surplus who hold a mathematics-education degree (and says why,
and why others are excluded), and one candidate driven through the lifecycle over HTTP ends
with the transfer effective, the employee moved in personnel and the need fulfilled."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from rangkui_eventkit.testing.auth import acting, bearer
from rangkui_eventkit.testing.plugin import eventually
from rangkui_eventkit.testing.system import System, province_today

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

OPERATOR = acting("operator.bkd", "bkd_operator")
PPK = acting("ppk.gubernur", "ppk")
READER = bearer(roles=["bkd_operator", "tpk_member", "auditor"], sub="e2e.reader")
EMPLOYEES = 3000


@pytest.fixture
def demo_file(tmp_path: Path) -> bytes:
    """The deterministic demo province, as the import file a BKD would upload."""
    demo = tmp_path / "demo.json"
    subprocess.run(
        [
            str(Path(sys.executable).parent / "rangkui-personnel"),
            "demo",
            "--employees",
            str(EMPLOYEES),
            "--seed",
            "2026",
            "--out",
            str(demo),
        ],
        check=True,
        capture_output=True,
    )
    return demo.read_bytes()


async def import_demo_province(client: httpx.AsyncClient, personnel: str, demo: bytes) -> int:
    r = await client.post(
        f"{personnel}/imports",
        content=demo,
        headers={"Content-Type": "application/json", **OPERATOR},
    )
    assert r.status_code == 202, r.text
    job_id = r.json()["job_id"]

    async def done() -> dict[str, Any] | None:
        job = (await client.get(f"{personnel}/imports/{job_id}")).json()
        assert job["status"] != "FAILED", job
        return job if job["status"] == "DONE" else None

    job = await eventually(done, timeout=240)
    assert job["rejected_rows"] == 0
    return int(job["events_written"])


async def test_a_need_for_mathematics_teachers_is_found_matched_and_fulfilled(
    system: System, demo_file: bytes, process: Any
) -> None:
    personnel, mutation = system.url("personnel"), system.url("mutation")
    async with httpx.AsyncClient(timeout=30, headers=READER) as client:
        events = await import_demo_province(client, personnel, demo_file)

        async def mutation_caught_up() -> bool:
            consumers = (await client.get(f"{mutation}/admin/consumers")).json()
            view = next(c for c in consumers if c["name"] == "personnel_view")
            return view["applied"] >= events

        await eventually(mutation_caught_up, timeout=240)

        # Needs analysis: high schools short of mathematics teachers.
        r = await client.get(f"{mutation}/needs/suggestions", params={"title": "Matematika"})
        shortages = [s for s in r.json() if s["unit_kind"] == "SMA"]
        assert shortages, r.json()
        short = shortages[0]
        assert short["suggested_count"] > 0
        assert short["formasi"] > short["bezetting"]

        r = await client.post(
            f"{mutation}/needs",
            json={
                "unit_id": short["unit_id"],
                "position_id": short["position_id"],
                "count": 1,
                "reason": f"{short['unit_name']} kekurangan guru matematika",
                "priority": "HIGH",
            },
            headers=OPERATOR,
        )
        assert r.status_code == 201, r.text
        need_id = r.json()["need_id"]

        async def ranked() -> dict[str, Any] | None:
            r = await client.get(f"{mutation}/needs/{need_id}/candidates", params={"limit": 10})
            return r.json() if r.status_code == 200 and r.json()["ranked"] else None

        found = await eventually(ranked, timeout=30)

        # The first candidates come from schools with a surplus and hold a mathematics-
        # education degree; each factor says what it counted, in words.
        first = found["ranked"][0]
        factors = {f["name"]: f for f in first["factors"]}
        assert factors["origin_surplus"]["points"] == factors["origin_surplus"]["max_points"]
        assert "di atas formasinya" in factors["origin_surplus"]["explanation"]
        assert all(f["explanation"] for f in first["factors"])
        employee = (await client.get(f"{personnel}/employees/{first['nip']}")).json()
        assert any(e["field"] == "Pendidikan Matematika" for e in employee["education"])
        staffing = (
            await client.get(f"{personnel}/staffing", params={"unit_id": first["unit_id"]})
        ).json()
        origin_post = next(row for row in staffing if row["position_id"] == first["position_id"])
        assert origin_post["bezetting"] > origin_post["formasi"]
        # The excluded are listed with the rule that excluded them.
        assert found["excluded"]
        assert all(e["rule"] and e["explanation"] for e in found["excluded"])

        # One candidate through the lifecycle, over HTTP.
        r = await client.post(
            f"{mutation}/mutations",
            json={
                "nip": first["nip"],
                "to_unit_id": short["unit_id"],
                "to_position_id": short["position_id"],
                "kind": "NEED_BASED",
                "reason": "Memenuhi kebutuhan guru matematika",
                "need_id": need_id,
            },
            headers=OPERATOR,
        )
        assert r.status_code == 201, r.text
        mutation_id = r.json()["mutation_id"]
        transfer_url = f"{mutation}/mutations/{mutation_id}"
        await process.ready_for_decision(client, transfer_url)
        r = await client.post(
            f"{transfer_url}/approve", json={"reasons": "kebutuhan sekolah"}, headers=PPK
        )
        assert r.status_code == 200, r.text
        await process.socialised_and_acknowledged(client, transfer_url, first["nip"])
        today = province_today().isoformat()
        r = await client.post(
            f"{mutation}/mutations/{mutation_id}/decree",
            json={"sk_number": "800/1/BKD/2026", "sk_date": today, "tmt": today},
            headers=PPK,
        )
        assert r.status_code == 200, r.text

        async def moved() -> bool:
            e = (await client.get(f"{personnel}/employees/{first['nip']}")).json()
            return e["unit_id"] == short["unit_id"]

        await eventually(moved, timeout=60)

        async def fulfilled() -> dict[str, Any] | None:
            need = (await client.get(f"{mutation}/needs/{need_id}")).json()
            return need if need["status"] == "FULFILLED" else None

        need = await eventually(fulfilled, timeout=60)
        assert need["filled"] == 1
