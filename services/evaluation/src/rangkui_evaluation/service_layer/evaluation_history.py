"""Every evaluation recorded, per employee, with corrections linked both ways: the history
of one employee's appraisals and the baseline for outcomes come from here. The adaptation
notes are kept sealed (`adaptation_notes`), opened only on read; those of version-1 events,
which carried them in clear (`plaintext` once upcast), stay inside `adaptation` as then."""

from __future__ import annotations

from rangkui_contracts.events.evaluation import (
    EvaluationRecordedV2,
)
from rangkui_contracts.topics import EVALUATION
from rangkui_eventkit.handlers import BatchContext, Projection, Received, handles


class EvaluationHistory(Projection):
    name = "evaluation_history"
    topics = (EVALUATION,)
    tables = ("evaluations",)

    @handles(EvaluationRecordedV2)
    async def on_recorded(self, ctx: BatchContext, e: EvaluationRecordedV2, r: Received) -> None:
        notes = e.adaptation_notes
        adaptation = e.adaptation.model_dump(mode="json") if e.adaptation else None
        if adaptation is not None and e.plaintext:
            adaptation["notes"] = e.plaintext["notes"]
        ctx.sql.add(
            """INSERT INTO evaluations (evaluation_id, nip, kind, period_start, period_end,
                   hasil_kerja, perilaku_kerja, predikat, evaluator_nip, plan_id, checkpoint_id,
                   adaptation, supersedes_evaluation_id, recorded_by, recorded_at,
                   adaptation_notes)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14, $15,
                   $16::jsonb)
               ON CONFLICT (evaluation_id) DO NOTHING""",
            e.evaluation_id,
            e.nip,
            e.kind,
            e.period_start,
            e.period_end,
            e.hasil_kerja,
            e.perilaku_kerja,
            e.predikat,
            e.evaluator_nip,
            e.plan_id,
            e.checkpoint_id,
            adaptation,
            e.supersedes_evaluation_id,
            r.envelope.actor,
            r.envelope.time,
            notes.model_dump(mode="json") if notes is not None else None,
        )
        if e.supersedes_evaluation_id is not None:
            ctx.sql.add(
                "UPDATE evaluations SET superseded_by = $2 WHERE evaluation_id = $1",
                e.supersedes_evaluation_id,
                e.evaluation_id,
            )
