"""The notices reaction's memory: facts of earlier events that later ones do not repeat.

Written by the reaction in the transaction of its own position, so the memory is never
behind the events of the topics the reaction reads (unlike a separate projection would be).
The transfer's units, reasons and decree serve later notices of the same transfer; the
checkpoints of a monitoring plan serve the "due soon" reminders.
"""

from __future__ import annotations

from rangkui_contracts import DomainEvent, Envelope
from rangkui_contracts.events.evaluation import (
    EvaluationRecordedV2,
    MonitoringCancelled,
    MonitoringEvaluatorAssigned,
    MonitoringScheduled,
)
from rangkui_contracts.events.mutation import MutationApproved, MutationDecreed, MutationProposed
from rangkui_eventkit.handlers import BatchContext


def remember_monitoring(ctx: BatchContext, e: DomainEvent, source: Envelope) -> None:
    """Keep the checkpoints of a plan for "due soon" reminders, until done or cancelled."""
    if isinstance(e, MonitoringScheduled):
        for c in e.checkpoints:
            ctx.sql.add(
                """INSERT INTO checkpoint_reminders (plan_id, checkpoint_id, source_event_id,
                       source_event_type, correlation_id, mutation_id, nip, unit_id,
                       position_id, evaluator_nip, months_after, due_date)
                   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                   ON CONFLICT (plan_id, checkpoint_id) DO NOTHING""",
                e.plan_id, c.checkpoint_id, source.id, source.type, source.correlationid,
                e.mutation_id, e.nip, e.unit_id, e.position_id, e.evaluator_nip,
                c.months_after, c.due_date,
            )  # fmt: skip
    elif isinstance(e, MonitoringEvaluatorAssigned):
        ctx.sql.add(
            "UPDATE checkpoint_reminders SET evaluator_nip = $2 WHERE plan_id = $1",
            e.plan_id,
            e.evaluator_nip,
        )
    elif isinstance(e, MonitoringCancelled):
        ctx.sql.add(
            "UPDATE checkpoint_reminders SET cancelled = true WHERE plan_id = $1", e.plan_id
        )
    elif isinstance(e, EvaluationRecordedV2) and e.plan_id and e.checkpoint_id:
        ctx.sql.add(
            "UPDATE checkpoint_reminders SET evaluated = true "
            "WHERE plan_id = $1 AND checkpoint_id = $2",
            e.plan_id,
            e.checkpoint_id,
        )


def remember_transfer(ctx: BatchContext, e: DomainEvent) -> None:
    """Keep what later events of a transfer do not repeat: units, reasons, who asked for
    it, the decree."""
    if isinstance(e, MutationApproved):
        ctx.sql.add(
            "UPDATE notice_transfers SET approval_reasons = $2 WHERE mutation_id = $1",
            e.mutation_id,
            e.reasons,
        )
    elif isinstance(e, MutationDecreed):
        ctx.sql.add(
            "UPDATE notice_transfers SET sk_number = $2, sk_date = $3, tmt = $4 "
            "WHERE mutation_id = $1",
            e.mutation_id,
            e.sk_number,
            e.sk_date,
            e.tmt,
        )
    if not isinstance(e, MutationProposed):
        return
    ctx.sql.add(
        """INSERT INTO notice_transfers (mutation_id, nip, from_unit_id, from_position_id,
                                         to_unit_id, to_position_id, reason, kind, proposed_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (mutation_id) DO NOTHING""",
        e.mutation_id,
        e.nip,
        e.from_unit_id,
        e.from_position_id,
        e.to_unit_id,
        e.to_position_id,
        e.reason,
        e.kind,
        e.proposed_by,
    )
