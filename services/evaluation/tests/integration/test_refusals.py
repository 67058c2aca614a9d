"""Every refusal of the evaluation service over HTTP, against the real Kafka and PostgreSQL:
the body names its rule, its message is in Bahasa Indonesia (the English one beside it),
it cites the legal basis where the catalogue has one, and lists every failing rule."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import httpx
import pytest

from rangkui_evaluation.adapters.clock import SettableClock
from rangkui_evaluation.bootstrap import create_app
from rangkui_evaluation.domain.rules import RULES
from rangkui_evaluation.settings import EvaluationSettings
from rangkui_eventkit.testing.auth import acting
from rangkui_eventkit.testing.plugin import eventually, serve_in_process, unique

pytestmark = pytest.mark.integration

BKD = acting("bkd-operator", "bkd_operator")
INDONESIAN = re.compile(
    r"\b(tidak|dan|yang|atau|dengan|hanya|belum|sudah|harus|dapat|penilaian|pegawai)\b"
)


def refused(response: httpx.Response, status: int, *rules: str) -> dict[str, Any]:
    """A refusal a person can act on: its rules (all of them), Indonesian, with the basis."""
    assert response.status_code == status, response.text
    body = response.json()
    assert body["rule"] == rules[0], body
    assert [v["rule"] for v in body["violations"]] == list(rules), body
    assert body["message"] != body["message_en"], body
    for v in body["violations"]:
        assert INDONESIAN.search(v["message"].lower()), v
        assert v["message_en"] != v["message"], v
        assert v.get("legal_basis") == RULES[v["rule"]].legal_basis, v
    assert body.get("legal_basis") == RULES[rules[0]].legal_basis
    return body


def annual(nip: str, year: int, **extra: Any) -> dict[str, Any]:
    return {
        "nip": nip,
        "kind": "ANNUAL",
        "period_start": f"{year}-01-01",
        "period_end": f"{year}-12-31",
        "hasil_kerja": "SESUAI",
        "perilaku_kerja": "SESUAI",
        **extra,
    }


async def test_every_refusal_names_its_rule_in_indonesian_with_its_basis(
    settings: EvaluationSettings, make: Any
) -> None:
    nip, head = make.nip(seq=41), make.nip(birth="19700101", seq=42)
    app = create_app(settings, clock=SettableClock(date(2026, 3, 1)))
    async with serve_in_process(app) as client:
        post = client.post
        # Several rules of one evaluation fail together, and are reported together.
        r = await post(
            "/evaluations",
            json=annual(
                nip, 2025, period_start="2025-12-31", period_end="2025-01-01", evaluator_nip=nip
            ),
            headers=BKD,
        )
        body = refused(r, 422, "period_in_order", "no_self_evaluation")
        assert "31 Desember 2025" in body["message"]
        r = await post("/evaluations", json=annual(nip, 2025, period_end="2026-01-31"), headers=BKD)
        refused(r, 422, "annual_within_year")
        periodic = {**annual(nip, 2025), "kind": "PERIODIC"}
        refused(await post("/evaluations", json=periodic, headers=BKD), 422, "evaluator_required")
        no_period = {k: v for k, v in periodic.items() if not k.startswith("period_")}
        r = await post("/evaluations", json={**no_period, "evaluator_nip": head}, headers=BKD)
        assert "berkala" in refused(r, 422, "period_required")["message"]
        r = await post(
            "/evaluations", json=annual(nip, 2025, checkpoint_id="monitoring-x-m3"), headers=BKD
        )
        refused(r, 422, "checkpoint_kind")
        checkpoint = {**annual(nip, 2025), "kind": "CHECKPOINT", "evaluator_nip": head}
        r = await post("/evaluations", json=checkpoint, headers=BKD)
        refused(r, 422, "checkpoint_required")

        # One annual appraisal per year: a second needs to name the one it corrects.
        evaluation_id = unique("annual-")
        first = await post(
            "/evaluations", json=annual(nip, 2025, evaluation_id=evaluation_id), headers=BKD
        )
        assert first.status_code == 201, first.text
        r = await post("/evaluations", json=annual(nip, 2025), headers=BKD)
        body = refused(r, 409, "one_evaluation_per_period")
        assert f"supersedes_evaluation_id={evaluation_id}" in body["message"]
        assert "Penilaian kinerja tahunan 2025" in body["message"]
        r = await post(
            "/evaluations", json=annual(nip, 2024, supersedes_evaluation_id="x"), headers=BKD
        )
        refused(r, 409, "supersedes_current")
        r = await post(
            "/evaluations", json=annual(nip, 2023, evaluation_id=evaluation_id), headers=BKD
        )
        refused(r, 409, "evaluation_exists")

        # An evaluator records in their own name, and sees only what they made.
        evaluator = acting(head, "evaluator", units=[unique("sma-")])
        r = await post(
            "/evaluations",
            json={**periodic, "evaluator_nip": make.nip(seq=43)},
            headers=evaluator,
        )
        refused(r, 403, "evaluator_own_name")

        async def readable() -> httpx.Response | None:
            found = await client.get(f"/evaluations/{evaluation_id}", headers=evaluator)
            return None if found.status_code == 404 else found

        refused(await eventually(readable, timeout=30), 403, "evaluation_of_others")

        # An unreadable export.
        csv = {"Content-Type": "text/csv", **BKD}
        r = await post("/evaluations/annual/import", content="", headers=csv)
        refused(r, 422, "readable_export")
