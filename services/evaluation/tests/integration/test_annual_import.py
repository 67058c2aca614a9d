"""Bulk import of annual appraisals: recorded with computed predikat, idempotent, errors by
line, and shown in the employee's history."""

from datetime import date
from typing import Any

import pytest

from rangkui_evaluation.adapters.clock import SettableClock
from rangkui_evaluation.bootstrap import create_app
from rangkui_evaluation.settings import EvaluationSettings
from rangkui_eventkit.testing.auth import acting
from rangkui_eventkit.testing.plugin import eventually, serve_in_process

pytestmark = [pytest.mark.integration, pytest.mark.slow]


async def test_an_export_is_imported_once_and_its_bad_rows_are_reported(
    settings: EvaluationSettings, make: Any
) -> None:
    a, b, head = make.nip(seq=31), make.nip(seq=32), make.nip(birth="19700101", seq=1)
    export = (
        "nip;tahun;hasil_kerja;perilaku_kerja;nip_penilai\n"
        f"{a};2023;Sesuai Ekspektasi;Sesuai Ekspektasi;{head}\n"
        f"{a};2024;Di Atas Ekspektasi;Di Atas Ekspektasi;{head}\n"
        f"{b};2024;Di Bawah Ekspektasi;Sesuai Ekspektasi;{b}\n"
        f"{b};2024;SANGAT;Sesuai Ekspektasi;\n"
    )
    headers = {"Content-Type": "text/csv", **acting("bkd-operator", "bkd_operator")}
    app = create_app(settings, clock=SettableClock(date(2025, 3, 1)))  # after both years
    async with serve_in_process(app) as client:
        first = await client.post("/evaluations/annual/import", content=export, headers=headers)
        assert first.status_code == 200, first.text
        report = first.json()
        assert (report["imported"], report["skipped"]) == (2, 0)
        assert [(e["line"], e["nip"]) for e in report["errors"]] == [(4, b), (5, b)]
        assert "tidak dapat menilai kinerjanya sendiri" in report["errors"][0]["message"]

        again = await client.post("/evaluations/annual/import", content=export, headers=headers)
        assert (again.json()["imported"], again.json()["skipped"]) == (0, 2)

        async def history() -> list[dict[str, Any]] | None:
            rows = (await client.get(f"/employees/{a}/evaluations")).json()
            return rows if len(rows) == 2 else None

        rows = await eventually(history, timeout=30)
        assert [(r["evaluation_id"], r["predikat"], r["recorded_by"]) for r in rows] == [
            (f"annual-{a}-2023", "BAIK", "bkd-operator"),
            (f"annual-{a}-2024", "SANGAT_BAIK", "bkd-operator"),
        ]

        empty = await client.post("/evaluations/annual/import", content="", headers=headers)
        assert empty.status_code == 422
        assert empty.json()["rule"] == "readable_export"
