"""HTTP API of the evaluation service: monitoring plans (and, as they come, evaluations and
reports). Reads come from read models; writes go through deciders."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, Literal

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from rangkui_contracts.events.common import Nip, Predikat, Rating
from rangkui_contracts.events.evaluation import (
    AdaptationAssessment,
    AdaptationChecklist,
    CriterionResult,
    EvaluationRecordedV2,
    MutationOutcomeAssessed,
)
from rangkui_evaluation.adapters.appraisal_csv import UnreadableExport, read_annual_appraisals
from rangkui_evaluation.adapters.evaluation_queries import get_evaluation, history_of
from rangkui_evaluation.adapters.monitoring_queries import find_plans, get_plan
from rangkui_evaluation.domain.reach import EvaluatorReach
from rangkui_evaluation.domain.rules import rule_error
from rangkui_evaluation.entrypoints.scope import reach_of, require_reach
from rangkui_evaluation.service_layer.adaptation_notes import open_notes
from rangkui_evaluation.service_layer.commands import (
    Deps,
    RecordEvaluation,
    assess_on_demand,
    cancel_plan,
    import_annual_appraisals,
    record_evaluation,
)
from rangkui_eventkit.api_types import IdPath, IdQuery, NipPath, NipQuery
from rangkui_eventkit.auth import Access, authorize
from rangkui_eventkit.consistency import (
    answer_written,
    consistent_read,
    recent_stream_with,
)
from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import NotFound
from rangkui_eventkit.http import request_cause
from rangkui_eventkit.limits import StrictBody
from rangkui_eventkit.personal_data import KeyRing
from rangkui_eventkit.problems import errors
from rangkui_eventkit.runtime import Service

locate_evaluation = recent_stream_with("evaluation_id", "rangkui.evaluation.EvaluationRecorded.")
"""An evaluation lives in its plan's or the employee's appraisal stream: found by its id."""


class CheckpointView(BaseModel):
    checkpoint_id: str
    months_after: int
    due_date: date
    status: str = Field(description="DUE, OVERDUE, DONE or CANCELLED")
    evaluation_id: str | None = None
    predikat: Predikat | None = None
    overdue_since: date | None = None


class PlanView(BaseModel):
    plan_id: str
    mutation_id: str
    nip: str
    unit_id: str
    position_id: str
    evaluator_nip: str | None
    tmt: date
    kind: str | None
    need_id: str | None
    from_unit_id: str | None
    from_position_id: str | None
    agency_unit_id: str | None
    region: str | None
    status: str = Field(
        description="ACTIVE, COMPLETED (assessed at the last checkpoint) or CANCELLED"
    )
    scheduled_at: datetime
    cancelled_reason: str | None = None
    verdict: str | None = None
    criteria: list[CriterionResult] | None = None
    baseline_predikat: Predikat | None = None
    latest_predikat: Predikat | None = None
    months_to_adapt: int | None = None
    assessed_on: date | None = None
    assessment_trigger: str | None = None
    checkpoints: list[CheckpointView]


class EvaluationIn(StrictBody):
    """An evaluation as the evaluator submits it. There is no predikat: it is computed."""

    model_config = ConfigDict(extra="forbid")

    evaluation_id: str | None = Field(default=None, description="generated when absent")
    nip: Nip
    kind: Literal["ANNUAL", "CHECKPOINT", "PERIODIC"]
    hasil_kerja: Rating
    perilaku_kerja: Rating
    period_start: date | None = Field(
        default=None, description="required, except for a checkpoint (the plan knows it)"
    )
    period_end: date | None = None
    evaluator_nip: Nip | None = None
    checkpoint_id: str | None = Field(default=None, description="for a checkpoint evaluation")
    adaptation: AdaptationAssessment | None = Field(
        default=None, description="required for a checkpoint evaluation"
    )
    supersedes_evaluation_id: str | None = Field(
        default=None, description="the evaluation this one corrects"
    )


class AdaptationView(AdaptationChecklist):
    notes: str | None = Field(
        default="",
        description="the evaluator's notes (stored sealed with the employee's data key); null "
        "when they can no longer be read: the employee's personal data was erased",
    )


class EvaluationView(BaseModel):
    evaluation_id: str
    nip: str
    kind: str
    period_start: date
    period_end: date
    hasil_kerja: Rating
    perilaku_kerja: Rating
    predikat: Predikat
    evaluator_nip: str | None
    plan_id: str | None
    checkpoint_id: str | None
    adaptation: AdaptationView | None
    supersedes_evaluation_id: str | None
    superseded_by: str | None = None
    recorded_by: str | None = None
    recorded_at: datetime | None = None
    version: int | None = Field(
        default=None,
        description="in the answer to a recording: the version of the stream it was recorded "
        "in, also the ETag (pass it as min_version to read it back)",
    )


class RowProblem(BaseModel):
    line: int
    nip: str | None
    message: str


class ImportReport(BaseModel):
    imported: int
    skipped: int = Field(description="rows already imported before")
    errors: list[RowProblem]


class CancelIn(StrictBody):
    reason: str = Field(min_length=1)


def made_by_caller(access: Access, evaluator_nip: str | None) -> bool:
    """Whether the caller is the evaluator named: by NIP only. A token without a `nip` is
    nobody's evaluator, so it matches no evaluation (an annual appraisal imported without
    an evaluator has none either: `None == None` must not make it the caller's)."""
    nip = access.principal.nip
    return nip is not None and evaluator_nip == nip


def _service(request: Request) -> Service:
    return request.app.state.service  # type: ignore[no-any-return]


def _deps(request: Request) -> Deps:
    return _service(request).deps  # type: ignore[attr-defined,no-any-return]


def _keyring(request: Request) -> KeyRing | None:
    return _deps(request).keyring


async def _evaluation_views(request: Request, rows: list[dict[str, Any]]) -> list[EvaluationView]:
    """Stored evaluations of one employee with their adaptation notes opened (one key
    look-up for them all; version 1 kept the notes in clear)."""
    sealed = [r.get("adaptation_notes") if r.get("adaptation") else None for r in rows]
    notes: list[str | None] = [None] * len(rows)
    if rows and any(sealed):
        pool = _deps(request).pool
        notes = await open_notes(pool, _keyring(request), rows[0]["nip"], sealed)
    views = []
    for row, blob, opened in zip(rows, sealed, notes, strict=True):
        adaptation = row.get("adaptation")
        if blob is not None:
            adaptation = {**adaptation, "notes": opened}
        views.append(EvaluationView.model_validate({**row, "adaptation": adaptation}))
    return views


def _recorded_view(
    event: EvaluationRecordedV2, submitted: AdaptationAssessment | None, actor: str
) -> EvaluationView:
    """What was just recorded, with the notes as the caller sent them (stored sealed)."""
    fields = event.model_dump(exclude={"adaptation", "adaptation_notes"})
    adaptation = (
        None
        if event.adaptation is None
        else AdaptationView(
            **event.adaptation.model_dump(), notes=submitted.notes if submitted else ""
        )
    )
    return EvaluationView(**fields, adaptation=adaptation, recorded_by=actor)


def _plan_view(plan: dict[str, Any]) -> PlanView:
    return PlanView.model_validate(plan)


def monitoring_router() -> APIRouter:
    router = APIRouter(prefix="/monitoring", tags=["monitoring"])

    @router.get("/plans", response_model=list[PlanView])
    async def list_plans(
        request: Request,
        nip: NipQuery = None,
        evaluator_nip: NipQuery = None,
        unit_id: IdQuery = None,
        access: Access = Depends(authorize),
    ) -> list[PlanView]:
        """Monitoring plans, filtered by employee, evaluator or new unit; an evaluator
        sees the plans of their units."""
        pool = _deps(request).pool
        plans = await find_plans(
            pool, nip=nip, evaluator_nip=evaluator_nip, unit_id=unit_id, reach=reach_of(access)
        )
        return [_plan_view(p) for p in plans]

    @router.get(
        "/plans/{plan_id}",
        response_model=PlanView,
        dependencies=[Depends(consistent_read("monitoring_board", str, param="plan_id"))],
    )
    async def show_plan(
        request: Request, plan_id: IdPath, access: Access = Depends(authorize)
    ) -> PlanView:
        """One monitoring plan with its checkpoints (read your writes: `min_version`)."""
        plan = await get_plan(_deps(request).pool, plan_id)
        if plan is None:
            raise NotFound(f"no monitoring plan {plan_id!r}")
        require_reach(access, plan)
        return _plan_view(plan)

    @router.post("/plans/{plan_id}/assess", status_code=201, response_model=MutationOutcomeAssessed)
    async def assess(
        request: Request,
        plan_id: IdPath,
        cause: Cause = Depends(request_cause),
        access: Access = Depends(authorize),
    ) -> MutationOutcomeAssessed:
        """Judge the transfer now, criterion by criterion (also done at the last checkpoint)."""
        if access.units is not None:
            plan = await get_plan(_deps(request).pool, plan_id)
            if plan is None:
                raise NotFound(f"no monitoring plan {plan_id!r}")
            require_reach(access, plan)
        return await assess_on_demand(_deps(request), plan_id, cause=cause)

    @router.post("/plans/{plan_id}/cancel", status_code=202)
    async def cancel(
        request: Request, plan_id: IdPath, body: CancelIn, cause: Cause = Depends(request_cause)
    ) -> dict[str, str]:
        """Cancel a plan whose transfer was reversed; its open checkpoints are no longer due."""
        await cancel_plan(_deps(request), plan_id, body.reason, cause)
        return {"plan_id": plan_id, "status": "CANCELLED"}

    return router


def evaluations_router() -> APIRouter:
    router = APIRouter(tags=["evaluations"])

    @router.post(
        "/evaluations",
        status_code=201,
        response_model=EvaluationView,
        openapi_extra=errors(404),
    )
    async def record(
        request: Request,
        response: Response,
        body: EvaluationIn,
        cause: Cause = Depends(request_cause),
        access: Access = Depends(authorize),
    ) -> EvaluationView:
        """Record a checkpoint, periodic or annual evaluation; the predikat is computed from
        the two ratings. A second evaluation of the same checkpoint or period must name the
        one it corrects in `supersedes_evaluation_id` (409 otherwise). Adaptation notes are
        personal data, stored sealed with the employee's data key: 409 while the service
        does not hold that key (record without notes, or later)."""
        if access.units is not None and not made_by_caller(access, body.evaluator_nip):
            raise rule_error("evaluator_own_name")
        command = RecordEvaluation(
            evaluation_id=body.evaluation_id or str(uuid.uuid4()),
            nip=body.nip,
            kind=body.kind,
            hasil_kerja=body.hasil_kerja,
            perilaku_kerja=body.perilaku_kerja,
            period_start=body.period_start,
            period_end=body.period_end,
            evaluator_nip=body.evaluator_nip,
            checkpoint_id=body.checkpoint_id,
            adaptation=body.adaptation,
            supersedes_evaluation_id=body.supersedes_evaluation_id,
        )
        reach = (
            None
            if access.units is None
            else EvaluatorReach(frozenset(access.units), access.principal.nip or "")
        )
        written = await record_evaluation(
            _deps(request),
            command,
            cause=cause,
            reach=reach,
            checkpoint_early_days=_service(request).settings.checkpoint_early_days,
        )
        answer_written(response, written.version, f"/evaluations/{written.event.evaluation_id}")
        return _recorded_view(written.event, body.adaptation, cause.actor).model_copy(
            update={"version": written.version}
        )

    @router.post(
        "/evaluations/annual/import",
        response_model=ImportReport,
        openapi_extra={
            "requestBody": {
                "content": {"text/csv": {"schema": {"type": "string"}}},
                "required": True,
            }
        },
    )
    async def import_annual(
        request: Request, cause: Cause = Depends(request_cause)
    ) -> ImportReport:
        """Bulk import of annual appraisals from the provincial export (CSV with columns
        nip, tahun, hasil_kerja, perilaku_kerja and optionally nip_penilai). Idempotent: a
        row already imported is skipped; unreadable or refused rows are listed by line."""
        try:
            rows, unreadable = read_annual_appraisals((await request.body()).decode("utf-8"))
        except (UnreadableExport, UnicodeDecodeError) as exc:
            raise rule_error("readable_export", problem=str(exc)) from exc
        result = await import_annual_appraisals(_deps(request), rows, cause)
        errors = sorted([*unreadable, *result.errors], key=lambda e: e.line)
        return ImportReport(
            imported=result.imported,
            skipped=result.skipped,
            errors=[RowProblem(line=e.line, nip=e.nip, message=e.message) for e in errors],
        )

    @router.get(
        "/evaluations/{evaluation_id}",
        response_model=EvaluationView,
        dependencies=[
            Depends(
                consistent_read(
                    "evaluation_history", locate=locate_evaluation, param="evaluation_id"
                )
            )
        ],
    )
    async def show(
        request: Request, evaluation_id: IdPath, access: Access = Depends(authorize)
    ) -> EvaluationView:
        """One evaluation (read your writes: `min_version`, the `version` its recording
        answered)."""
        found = await get_evaluation(_deps(request).pool, evaluation_id)
        if found is None:
            raise NotFound(f"no evaluation {evaluation_id!r}")
        access.require_person(found["nip"])
        if access.units is not None and not made_by_caller(access, found.get("evaluator_nip")):
            raise rule_error("evaluation_of_others")
        [view] = await _evaluation_views(request, [found])
        return view

    @router.get("/employees/{nip}/evaluations", response_model=list[EvaluationView])
    async def history(
        request: Request, nip: NipPath, access: Access = Depends(authorize)
    ) -> list[EvaluationView]:
        """Every evaluation of the employee, oldest first; corrected ones are kept and show
        `superseded_by`. An evaluator sees the ones they made."""
        rows = await history_of(_deps(request).pool, nip)
        if access.units is not None:
            rows = [r for r in rows if made_by_caller(access, r.get("evaluator_nip"))]
        return await _evaluation_views(request, rows)

    return router
