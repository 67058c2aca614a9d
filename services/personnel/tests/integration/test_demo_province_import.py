"""The generated province imported through the API: the staffing read model equals an
independent recount from the file, unit by unit and post by post."""

from __future__ import annotations

from collections import Counter
from typing import Any

import httpx
import pytest

from rangkui_personnel.demo import generate

pytestmark = [pytest.mark.integration, pytest.mark.slow]


async def test_staffing_after_importing_the_demo_province_equals_a_recount_of_the_file(
    client: httpx.AsyncClient, poll: Any
) -> None:
    province = generate(employees=1200, seed=5)
    r = await client.post("/imports", json=province, params={"name": "demo.json"})
    assert r.status_code == 202, r.text
    job = await poll(f"/imports/{r.json()['job_id']}", lambda j: j["status"] == "DONE", timeout=120)
    expected_rows = sum(len(province[s]) for s in ("units", "positions", "employees"))
    assert (job["applied_rows"], job["rejected_rows"]) == (expected_rows, 0)

    held = Counter(e["jabatan_id"] for e in province["employees"])
    expected = {
        p["jabatan_id"]: (p["unor_id"], p["formasi"], held[p["jabatan_id"]])
        for p in province["positions"]
    }

    def recount_matches(rows: list[dict[str, Any]]) -> bool:
        got = {r["position_id"]: (r["unit_id"], r["formasi"], r["bezetting"]) for r in rows}
        return got == expected

    await poll("/staffing", recount_matches, timeout=120)
