"""Queries on the evaluations read model."""

from __future__ import annotations

from typing import Any

from rangkui_evaluation.adapters.personnel_queries import Queryable

_COLUMNS = """evaluation_id, nip, kind, period_start, period_end, hasil_kerja, perilaku_kerja,
    predikat, evaluator_nip, plan_id, checkpoint_id, adaptation, supersedes_evaluation_id,
    superseded_by, recorded_by, recorded_at, adaptation_notes"""


async def get_evaluation(db: Queryable, evaluation_id: str) -> dict[str, Any] | None:
    row = await db.fetchrow(
        f"SELECT {_COLUMNS} FROM evaluations WHERE evaluation_id = $1", evaluation_id
    )
    return dict(row) if row else None


async def history_of(db: Queryable, nip: str) -> list[dict[str, Any]]:
    """All evaluations of one employee, oldest period first; corrected ones stay, marked."""
    rows = await db.fetch(
        f"""SELECT {_COLUMNS} FROM evaluations WHERE nip = $1
            ORDER BY period_end, period_start, recorded_at""",
        nip,
    )
    return [dict(r) for r in rows]
