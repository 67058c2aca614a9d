"""Monitoring plans and their checkpoints, from the service's own events."""

from __future__ import annotations

from rangkui_contracts.events.evaluation import (
    EvaluationRecordedV2,
    MonitoringCancelled,
    MonitoringEvaluatorAssigned,
    MonitoringOverdue,
    MonitoringScheduled,
    MutationOutcomeAssessed,
)
from rangkui_contracts.topics import EVALUATION
from rangkui_eventkit.handlers import BatchContext, Projection, Received, handles


class MonitoringBoard(Projection):
    name = "monitoring_board"
    topics = (EVALUATION,)
    tables = ("monitoring_plans", "monitoring_checkpoints")

    @handles(MonitoringScheduled)
    async def on_scheduled(self, ctx: BatchContext, e: MonitoringScheduled, r: Received) -> None:
        ctx.sql.add(
            """INSERT INTO monitoring_plans (plan_id, mutation_id, nip, unit_id, position_id,
                   evaluator_nip, tmt, kind, need_id, from_unit_id, from_position_id,
                   agency_unit_id, region, status, scheduled_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'ACTIVE', $14)
               ON CONFLICT (plan_id) DO NOTHING""",
            e.plan_id,
            e.mutation_id,
            e.nip,
            e.unit_id,
            e.position_id,
            e.evaluator_nip,
            e.tmt,
            e.kind,
            e.need_id,
            e.from_unit_id,
            e.from_position_id,
            e.agency_unit_id,
            e.region,
            r.envelope.time,
        )
        for c in e.checkpoints:
            ctx.sql.add(
                """INSERT INTO monitoring_checkpoints
                       (checkpoint_id, plan_id, months_after, due_date, status)
                   VALUES ($1, $2, $3, $4, 'DUE') ON CONFLICT (checkpoint_id) DO NOTHING""",
                c.checkpoint_id,
                e.plan_id,
                c.months_after,
                c.due_date,
            )

    @handles(EvaluationRecordedV2)
    async def on_evaluated(self, ctx: BatchContext, e: EvaluationRecordedV2, _: Received) -> None:
        if e.checkpoint_id is None:
            return
        ctx.sql.add(
            """UPDATE monitoring_checkpoints SET status = 'DONE', evaluation_id = $2,
                   predikat = $3
               WHERE checkpoint_id = $1""",
            e.checkpoint_id,
            e.evaluation_id,
            e.predikat,
        )

    @handles(MonitoringOverdue)
    async def on_overdue(self, ctx: BatchContext, e: MonitoringOverdue, _: Received) -> None:
        ctx.sql.add(
            """UPDATE monitoring_checkpoints SET overdue_since = $2,
                   status = CASE WHEN status = 'DUE' THEN 'OVERDUE' ELSE status END
               WHERE checkpoint_id = $1""",
            e.checkpoint_id,
            e.detected_on,
        )

    @handles(MonitoringCancelled)
    async def on_cancelled(self, ctx: BatchContext, e: MonitoringCancelled, _: Received) -> None:
        ctx.sql.add(
            """UPDATE monitoring_plans SET status = 'CANCELLED', cancelled_reason = $2
               WHERE plan_id = $1""",
            e.plan_id,
            e.reason,
        )
        ctx.sql.add(
            """UPDATE monitoring_checkpoints SET status = 'CANCELLED'
               WHERE plan_id = $1 AND status <> 'DONE'""",
            e.plan_id,
        )

    @handles(MutationOutcomeAssessed)
    async def on_assessed(self, ctx: BatchContext, e: MutationOutcomeAssessed, _: Received) -> None:
        ctx.sql.add(
            """UPDATE monitoring_plans SET verdict = $2, criteria = $3::jsonb,
                   baseline_predikat = $4, latest_predikat = $5, months_to_adapt = $6,
                   assessed_on = $7, assessment_trigger = $8,
                   status = CASE WHEN $8 = 'LAST_CHECKPOINT' THEN 'COMPLETED' ELSE status END
               WHERE plan_id = $1""",
            e.plan_id,
            e.verdict,
            [c.model_dump(mode="json") for c in e.criteria],
            e.baseline_predikat,
            e.latest_predikat,
            e.months_to_adapt,
            e.assessed_on,
            e.trigger,
        )

    @handles(MonitoringEvaluatorAssigned)
    async def on_evaluator(
        self, ctx: BatchContext, e: MonitoringEvaluatorAssigned, _: Received
    ) -> None:
        ctx.sql.add(
            "UPDATE monitoring_plans SET evaluator_nip = $2 WHERE plan_id = $1",
            e.plan_id,
            e.evaluator_nip,
        )
