"""Queries behind the worklist and the reports, all on read models built from events."""

from __future__ import annotations

from datetime import date
from typing import Any

from rangkui_evaluation.adapters.monitoring_queries import Reach
from rangkui_evaluation.adapters.personnel_queries import Queryable

# The predikat as a score, worst 1 to best 5, for averages and before/after comparisons
# (the same order as `domain.predikat.rank_of`).
_SCORES = """(VALUES ('SANGAT_BAIK', 5), ('BAIK', 4), ('BUTUH_PERBAIKAN', 3), ('KURANG', 2),
                     ('SANGAT_KURANG', 1))"""


async def worklist(
    db: Queryable,
    *,
    evaluator_nip: str | None = None,
    unit_id: str | None = None,
    status: str | None = None,
    reach: Reach | None = None,
) -> list[dict[str, Any]]:
    """Checkpoints of plans that are not cancelled, for one evaluator and/or unit (and
    within `reach`, an evaluator's), most urgent first: overdue, then due by date, then
    done."""
    units, assigned_to = reach if reach is not None else (None, None)
    rows = await db.fetch(
        """SELECT c.checkpoint_id, c.plan_id, p.mutation_id, p.nip, p.unit_id, p.evaluator_nip,
                  c.months_after, c.due_date, c.status, c.overdue_since, c.evaluation_id,
                  c.predikat
           FROM monitoring_checkpoints c JOIN monitoring_plans p ON p.plan_id = c.plan_id
           WHERE p.status <> 'CANCELLED'
             AND ($1::text IS NULL OR p.evaluator_nip = $1)
             AND ($2::text IS NULL OR p.unit_id = $2)
             AND ($3::text IS NULL OR c.status = $3)
             AND ($4::text[] IS NULL OR p.unit_id = ANY($4) OR p.evaluator_nip = $5)
           ORDER BY CASE c.status WHEN 'OVERDUE' THEN 0 WHEN 'DUE' THEN 1 ELSE 2 END,
                    c.due_date, c.checkpoint_id""",
        evaluator_nip,
        unit_id,
        status,
        units,
        assigned_to,
    )
    return [dict(r) for r in rows]


async def effectiveness(
    db: Queryable,
    *,
    tmt_from: date | None = None,
    tmt_to: date | None = None,
    agency_unit_id: str | None = None,
    region: str | None = None,
    kind: str | None = None,
) -> list[dict[str, Any]]:
    """Assessed transfers grouped by period (year of the TMT), agency, region and kind: how
    many achieved their goal, performance before and after, months to adapt. The latest
    assessment of each plan counts; cancelled plans do not."""
    rows = await db.fetch(
        f"""SELECT extract(year FROM p.tmt)::int AS period,
                   coalesce(p.agency_unit_id, '') AS agency_unit_id,
                   coalesce(p.region, '') AS region,
                   coalesce(p.kind, '') AS kind,
                   count(*)::int AS assessed,
                   count(*) FILTER (WHERE p.verdict = 'ACHIEVED')::int AS achieved,
                   count(*) FILTER (WHERE p.verdict = 'PARTLY_ACHIEVED')::int AS partly_achieved,
                   count(*) FILTER (WHERE p.verdict = 'NOT_ACHIEVED')::int AS not_achieved,
                   round(avg(b.score), 2)::float AS avg_score_before,
                   round(avg(l.score), 2)::float AS avg_score_after,
                   round(avg(p.months_to_adapt), 2)::float AS avg_months_to_adapt
            FROM monitoring_plans p
            LEFT JOIN {_SCORES} AS b(predikat, score) ON b.predikat = p.baseline_predikat
            LEFT JOIN {_SCORES} AS l(predikat, score) ON l.predikat = p.latest_predikat
            WHERE p.verdict IS NOT NULL AND p.status <> 'CANCELLED'
              AND ($1::date IS NULL OR p.tmt >= $1)
              AND ($2::date IS NULL OR p.tmt <= $2)
              AND ($3::text IS NULL OR p.agency_unit_id = $3)
              AND ($4::text IS NULL OR p.region = $4)
              AND ($5::text IS NULL OR p.kind = $5)
            GROUP BY 1, 2, 3, 4
            ORDER BY 1, 2, 3, 4""",
        tmt_from,
        tmt_to,
        agency_unit_id,
        region,
        kind,
    )
    out = []
    for r in rows:
        row = dict(r)
        row["share_achieved"] = round(row["achieved"] / row["assessed"], 4)
        out.append(row)
    return out


async def early_warnings(db: Queryable, *, unit_id: str | None = None) -> list[dict[str, Any]]:
    """People whose latest checkpoint predikat is below their baseline before the transfer
    (the latest annual appraisal that ended before the TMT, corrections applied)."""
    rows = await db.fetch(
        f"""WITH latest AS (
                SELECT DISTINCT ON (c.plan_id) c.plan_id, c.months_after, c.predikat,
                       c.evaluation_id
                FROM monitoring_checkpoints c
                WHERE c.status = 'DONE'
                ORDER BY c.plan_id, c.months_after DESC
            )
            SELECT p.plan_id, p.mutation_id, p.nip, p.unit_id, p.evaluator_nip, p.tmt,
                   base.predikat AS baseline_predikat, latest.predikat AS latest_predikat,
                   latest.months_after, latest.evaluation_id
            FROM monitoring_plans p
            JOIN latest ON latest.plan_id = p.plan_id
            JOIN LATERAL (
                SELECT e.predikat FROM evaluations e
                WHERE e.nip = p.nip AND e.kind = 'ANNUAL' AND e.superseded_by IS NULL
                  AND e.period_end < p.tmt
                ORDER BY e.period_end DESC LIMIT 1
            ) base ON true
            JOIN {_SCORES} AS bs(predikat, score) ON bs.predikat = base.predikat
            JOIN {_SCORES} AS ls(predikat, score) ON ls.predikat = latest.predikat
            WHERE p.status <> 'CANCELLED' AND ls.score < bs.score
              AND ($1::text IS NULL OR p.unit_id = $1)
            ORDER BY bs.score - ls.score DESC, p.nip""",
        unit_id,
    )
    return [dict(r) for r in rows]
