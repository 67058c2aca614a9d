"""The worklist, the effectiveness report (checked against an independent computation over
the published outcome events), its CSV export and the early-warning list."""

import csv
import io
import json
from collections import defaultdict
from datetime import date
from typing import Any

import pytest

from rangkui_contracts.events.mutation import MutationProposed
from rangkui_contracts.topics import EVALUATION
from rangkui_evaluation.adapters.clock import SettableClock
from rangkui_evaluation.bootstrap import create_app
from rangkui_evaluation.settings import EvaluationSettings
from rangkui_eventkit.testing.infra import Infra
from rangkui_eventkit.testing.kafka_tools import header, read_topic
from rangkui_eventkit.testing.plugin import eventually, serve_in_process, unique

pytestmark = [pytest.mark.integration, pytest.mark.slow]

SCORE = {"SANGAT_BAIK": 5, "BAIK": 4, "BUTUH_PERBAIKAN": 3, "KURANG": 2, "SANGAT_KURANG": 1}
ADAPTED = {"understands_new_duties": True, "works_with_team": True, "needs_training": False}
ASSESSED = "rangkui.evaluation.MutationOutcomeAssessed.v1"


def independent_report(outcomes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The report computed straight from the outcome events: the latest per plan counts."""
    latest = {o["plan_id"]: o for o in outcomes}
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for o in latest.values():
        key = (int(o["tmt"][:4]), o["agency_unit_id"] or "", o["region"] or "", o["kind"] or "")
        groups[key].append(o)

    def avg(values: list[Any]) -> float | None:
        present = [v for v in values if v is not None]
        return round(sum(present) / len(present), 2) if present else None

    rows = []
    for key in sorted(groups):
        items = groups[key]
        verdicts = [o["verdict"] for o in items]
        rows.append(
            {
                "period": key[0],
                "agency_unit_id": key[1],
                "region": key[2],
                "kind": key[3],
                "assessed": len(items),
                "achieved": verdicts.count("ACHIEVED"),
                "partly_achieved": verdicts.count("PARTLY_ACHIEVED"),
                "not_achieved": verdicts.count("NOT_ACHIEVED"),
                "share_achieved": round(verdicts.count("ACHIEVED") / len(items), 4),
                "avg_score_before": avg([SCORE.get(o["baseline_predikat"]) for o in items]),
                "avg_score_after": avg([SCORE.get(o["latest_predikat"]) for o in items]),
                "avg_months_to_adapt": avg([o["months_to_adapt"] for o in items]),
            }
        )
    return rows


async def test_worklist_effectiveness_report_and_early_warnings_follow_the_events(
    settings: EvaluationSettings,
    publisher: Any,
    make: Any,
    plan_ready: Any,
    infra: Infra,
    topic_prefix: str,
) -> None:
    agency_a, agency_b = unique("opd-a-"), unique("opd-b-")
    school_a, school_b = unique("sma-a-"), unique("sma-b-")
    head_a, head_b = make.nip(birth="19700101", seq=1), make.nip(birth="19700101", seq=2)
    movers = [make.nip(seq=20 + i) for i in range(4)]
    mutations = [unique(f"m{i}-") for i in range(4)]
    cases = [  # unit, kind, tmt, baseline ratings
        (school_a, "NEED_BASED", date(2025, 2, 1), ("SESUAI", "SESUAI")),
        (school_a, "ROTATION", date(2025, 2, 1), ("DI_ATAS", "DI_ATAS")),
        (school_b, "NEED_BASED", date(2025, 3, 1), None),
        (school_b, "NEED_BASED", date(2026, 1, 1), None),
    ]
    clock = SettableClock(date(2025, 3, 2))
    app = create_app(settings, clock=clock)
    async with serve_in_process(app) as client:
        pool = app.state.service.pool
        for nip, (_, _, _, baseline) in zip(movers, cases, strict=True):
            if baseline:
                body = {
                    "nip": nip,
                    "kind": "ANNUAL",
                    "period_start": "2024-01-01",
                    "period_end": "2024-12-31",
                    "hasil_kerja": baseline[0],
                    "perilaku_kerja": baseline[1],
                }
                assert (await client.post("/evaluations", json=body)).status_code == 201
        await publisher.publish(
            make.unit(agency_a, region="Kota Rangkui"),
            make.unit(school_a, parent=agency_a, region="Kota Rangkui"),
            make.unit(agency_b, region="Kabupaten Hulu"),
            make.unit(school_b, parent=agency_b, region="Kabupaten Hulu"),
            make.position("kepala-" + school_a, school_a, head=True),
            make.position("kepala-" + school_b, school_b, head=True),
            make.employee(head_a, school_a, "kepala-" + school_a),
            make.employee(head_b, school_b, "kepala-" + school_b),
            *(make.employee(n, "unit-lama", "pos-lama") for n in movers[:2]),
        )

        async def ready() -> bool:
            employees = await pool.fetchval("SELECT count(*) FROM personnel_employees")
            appraisals = await pool.fetchval("SELECT count(*) FROM evaluations")
            return employees == 4 and appraisals == 2

        await eventually(ready, timeout=30)
        for nip, mutation_id, (unit, kind, tmt, _) in zip(movers, mutations, cases, strict=True):
            proposed = MutationProposed(
                mutation_id=mutation_id,
                nip=nip,
                from_unit_id="unit-lama",
                from_position_id="pos-lama",
                to_unit_id=unit,
                to_position_id="guru-" + unit,
                kind=kind,
                reason="kebutuhan",
                proposed_by="operator",
            )
            await publisher.publish(
                (f"mutation-{mutation_id}", proposed),
                make.effective(mutation_id, nip, unit, "guru-" + unit, tmt),
            )
        await publisher.publish(
            *(
                make.reassigned(
                    n, "unit-lama", "pos-lama", school_a, "guru-" + school_a, date(2025, 2, 1)
                )
                for n in movers[:2]
            )
        )
        plans = [await plan_ready(client, f"monitoring-{m}") for m in mutations]

        async def moved() -> bool:
            return (
                await pool.fetchval(
                    "SELECT count(*) FROM personnel_employees WHERE unit_id = $1", school_a
                )
                == 3
            )

        await eventually(moved, timeout=30)

        # An early, empty assessment of the third plan that a later one replaces.
        first = await client.post(f"/monitoring/plans/{plans[2]['plan_id']}/assess")
        assert first.status_code == 201
        assert first.json()["verdict"] == "NOT_ACHIEVED"
        # A checkpoint is evaluated once its period is over: the 3-month ones of the first
        # three plans are due by 1 June 2025.
        clock.set(date(2025, 6, 1))
        ratings = [("SESUAI", "SESUAI"), ("DI_BAWAH", "SESUAI"), ("SESUAI", "DI_ATAS")]
        for plan, (hasil, perilaku), head in zip(
            plans[:3], ratings, [head_a, head_a, head_b], strict=True
        ):
            body = {
                "nip": plan["nip"],
                "kind": "CHECKPOINT",
                "checkpoint_id": f"{plan['plan_id']}-m3",
                "hasil_kerja": hasil,
                "perilaku_kerja": perilaku,
                "evaluator_nip": head,
                "adaptation": ADAPTED,
            }
            assert (await client.post("/evaluations", json=body)).status_code == 201
        for plan in plans[:3]:
            response = await client.post(f"/monitoring/plans/{plan['plan_id']}/assess")
            assert response.status_code == 201, response.text

        clock.set(date(2025, 8, 5))  # the 6-month checkpoints of the first two have passed

        async def worklist_a() -> dict[str, Any] | None:
            shown = await client.get("/monitoring/worklist", params={"evaluator_nip": head_a})
            body = shown.json()
            return body if body["counts"] == {"DUE": 2, "OVERDUE": 2, "DONE": 2} else None

        work = await eventually(worklist_a, timeout=30)
        assert [i["status"] for i in work["items"]] == ["OVERDUE"] * 2 + ["DUE"] * 2 + ["DONE"] * 2
        assert {i["nip"] for i in work["items"]} == set(movers[:2])
        by_unit = (await client.get("/monitoring/worklist", params={"unit_id": school_b})).json()
        assert {i["plan_id"] for i in by_unit["items"]} == {
            plans[2]["plan_id"],
            plans[3]["plan_id"],
        }

        async def report() -> list[dict[str, Any]] | None:
            rows = (await client.get("/reports/effectiveness")).json()
            return (
                rows
                if sum(r["assessed"] for r in rows) == 3
                and any(
                    r["avg_score_after"] == 4.0
                    and r["kind"] == "NEED_BASED"
                    and r["region"] == "Kabupaten Hulu"
                    for r in rows
                )
                else None
            )

        rows = await eventually(report, timeout=30)
        # The read model is a pure function of the events: a rebuild gives the same report.
        rebuilt = await client.post("/admin/projections/monitoring_board/rebuild")
        assert rebuilt.status_code == 202

        async def same_again() -> bool:
            return (await client.get("/reports/effectiveness")).json() == rows

        await eventually(same_again, timeout=30)
        warnings = (await client.get("/reports/early-warning")).json()
        exported = await client.get("/reports/effectiveness", params={"format": "csv"})
        filtered = await client.get("/reports/effectiveness", params={"region": "Kota Rangkui"})
        warnings_csv = await client.get("/reports/early-warning", params={"format": "csv"})

    records = await read_topic(
        infra.kafka_bootstrap, EVALUATION.qualified(topic_prefix), expect=200, timeout=3
    )
    outcomes = [
        json.loads(r.value)
        for r in sorted(records, key=lambda r: (r.partition, r.offset))
        if header(r, "ce_type") == ASSESSED
    ]
    assert len(outcomes) == 4
    assert rows == independent_report(outcomes)
    assert {(r["agency_unit_id"], r["kind"], r["achieved"], r["assessed"]) for r in rows} == {
        (agency_a, "NEED_BASED", 1, 1),
        (agency_a, "ROTATION", 0, 1),
        (agency_b, "NEED_BASED", 0, 1),
    }
    assert [r["region"] for r in filtered.json()] == ["Kota Rangkui", "Kota Rangkui"]

    assert exported.headers["content-type"].startswith("text/csv")
    parsed = list(csv.DictReader(io.StringIO(exported.text)))
    assert [(int(r["period"]), r["kind"], float(r["share_achieved"])) for r in parsed] == [
        (r["period"], r["kind"], r["share_achieved"]) for r in rows
    ]

    assert [(w["nip"], w["baseline_predikat"], w["latest_predikat"]) for w in warnings] == [
        (movers[1], "SANGAT_BAIK", "BUTUH_PERBAIKAN")
    ]
    assert movers[1] in warnings_csv.text
