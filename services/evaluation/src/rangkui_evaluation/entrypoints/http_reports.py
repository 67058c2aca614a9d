"""HTTP API of the worklist and the reports, as JSON or, for provincial systems, CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from rangkui_contracts.events.mutation import MutationKind
from rangkui_evaluation.adapters.report_queries import early_warnings, effectiveness, worklist
from rangkui_evaluation.entrypoints.scope import reach_of
from rangkui_eventkit.api_types import DateQuery, IdQuery, NipQuery, SearchQuery
from rangkui_eventkit.auth import Access, authorize
from rangkui_eventkit.runtime import Service

Format = Literal["json", "csv"]


class WorklistItem(BaseModel):
    checkpoint_id: str
    plan_id: str
    mutation_id: str
    nip: str
    unit_id: str
    evaluator_nip: str | None
    months_after: int
    due_date: date
    status: str
    overdue_since: date | None
    evaluation_id: str | None
    predikat: str | None


class Worklist(BaseModel):
    counts: dict[str, int]
    items: list[WorklistItem]


class EffectivenessRow(BaseModel):
    period: int
    agency_unit_id: str
    region: str
    kind: str
    assessed: int
    achieved: int
    partly_achieved: int
    not_achieved: int
    share_achieved: float
    avg_score_before: float | None
    avg_score_after: float | None
    avg_months_to_adapt: float | None


class EarlyWarning(BaseModel):
    plan_id: str
    mutation_id: str
    nip: str
    unit_id: str
    evaluator_nip: str | None
    tmt: date
    baseline_predikat: str
    latest_predikat: str
    months_after: int
    evaluation_id: str | None


def _pool(request: Request) -> Any:
    service: Service = request.app.state.service
    return service.pool


# A cell a spreadsheet would read as a formula (`=HYPERLINK(...)`, `+cmd|...`, `@SUM(...)`),
# or whose leading tab or carriage return hides one: what a person typed into a note can
# reach an export, and an export is opened in a spreadsheet.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """The value as a CSV cell a spreadsheet shows as text: a string that starts like a
    formula gets a leading apostrophe (OWASP's advice); numbers and the rest are unchanged."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def as_csv(rows: Sequence[BaseModel], model: type[BaseModel], filename: str) -> Response:
    """Rows as CSV with a header line (the field names), for provincial systems; no cell is
    read as a formula."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(model.model_fields), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: csv_cell(v) for k, v in row.model_dump(mode="json").items()})
    return Response(
        buffer.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def reports_router() -> APIRouter:
    router = APIRouter(tags=["reports"])

    @router.get("/monitoring/worklist", response_model=Worklist)
    async def show_worklist(
        request: Request,
        evaluator_nip: NipQuery = None,
        unit_id: IdQuery = None,
        status: Literal["DUE", "OVERDUE", "DONE"] | None = None,
        access: Access = Depends(authorize),
    ) -> Worklist:
        """Checkpoints to evaluate per evaluator and/or unit: overdue first, then due, then
        done, with counts of each. An evaluator sees those of their units."""
        rows = await worklist(
            _pool(request),
            evaluator_nip=evaluator_nip,
            unit_id=unit_id,
            status=status,
            reach=reach_of(access),
        )
        counts = {"DUE": 0, "OVERDUE": 0, "DONE": 0}
        for r in rows:
            counts[r["status"]] = counts.get(r["status"], 0) + 1
        return Worklist(counts=counts, items=[WorklistItem.model_validate(r) for r in rows])

    @router.get(
        "/reports/effectiveness",
        response_model=list[EffectivenessRow],
        responses={200: {"content": {"text/csv": {}}}},
    )
    async def show_effectiveness(
        request: Request,
        tmt_from: DateQuery = None,
        tmt_to: DateQuery = None,
        agency_unit_id: IdQuery = None,
        region: SearchQuery = None,
        kind: MutationKind | None = None,
        format: Format = Query(default="json"),
    ) -> Any:
        """Share of transfers that achieved their goal, performance before and after (score
        1 = SANGAT_KURANG … 5 = SANGAT_BAIK) and months to adapt, by period (year of the
        TMT), agency, region and kind."""
        rows = [
            EffectivenessRow.model_validate(r)
            for r in await effectiveness(
                _pool(request),
                tmt_from=tmt_from,
                tmt_to=tmt_to,
                agency_unit_id=agency_unit_id,
                region=region,
                kind=kind,
            )
        ]
        if format == "csv":
            return as_csv(rows, EffectivenessRow, "effectiveness.csv")
        return rows

    @router.get(
        "/reports/early-warning",
        response_model=list[EarlyWarning],
        responses={200: {"content": {"text/csv": {}}}},
    )
    async def show_early_warnings(
        request: Request, unit_id: IdQuery = None, format: Format = Query(default="json")
    ) -> Any:
        """People whose performance fell after their transfer: latest checkpoint predikat
        below the baseline annual appraisal before the TMT."""
        rows = [
            EarlyWarning.model_validate(r)
            for r in await early_warnings(_pool(request), unit_id=unit_id)
        ]
        if format == "csv":
            return as_csv(rows, EarlyWarning, "early-warning.csv")
        return rows

    return router
