"""Loads what candidate matching needs about every employee, in five set queries (not one
query per employee), from the read models."""

from __future__ import annotations

from typing import Any

import asyncpg

from rangkui_mutation.domain.matching import CandidateFacts, PostProfile


async def post_profile(
    conn: asyncpg.Connection | asyncpg.Pool,
    position_id: str,
    required_competencies: tuple[str, ...] = (),
) -> PostProfile | None:
    row = await conn.fetchrow("SELECT * FROM positions WHERE position_id = $1", position_id)
    if row is None:
        return None
    return PostProfile(
        position_id=row["position_id"],
        title=row["title"],
        required_levels=tuple(row["required_education_levels"]),
        required_fields=tuple(row["required_education_fields"]),
        grade_min=row["grade_min"],
        grade_max=row["grade_max"],
        required_competencies=required_competencies,
    )


CandidateRows = tuple[
    list[Any], dict[str, list[str]], dict[str, list[str]], set[str], dict[str, int]
]
"""What `build_facts` reads: the read models' rows, fetched (on the loop) apart from building
the 25,000-odd facts of a province from them (pure Python, done off the loop)."""


async def candidate_rows(conn: asyncpg.Connection | asyncpg.Pool) -> CandidateRows:
    employees = await conn.fetch(
        """SELECT nip, name, status, grade, unit_id, position_id, tmt_position, education,
                  competencies FROM employees"""
    )
    titles: dict[str, list[str]] = {
        r["nip"]: r["titles"]
        for r in await conn.fetch(
            """SELECT ep.nip, array_agg(DISTINCT p.title) AS titles
               FROM employee_posts ep JOIN positions p USING (position_id) GROUP BY ep.nip"""
        )
    }
    ratings: dict[str, list[str]] = {
        r["nip"]: r["predikat"]
        for r in await conn.fetch(
            """SELECT nip, array_agg(predikat ORDER BY period_end DESC) AS predikat
               FROM performance WHERE kind = 'ANNUAL' AND superseded_by IS NULL
               GROUP BY nip"""
        )
    }
    in_transfer = {
        r["nip"]
        for r in await conn.fetch(
            """SELECT DISTINCT nip FROM mutations
               WHERE status NOT IN ('REJECTED', 'EFFECTIVE', 'CANCELLED')"""
        )
    }
    surplus: dict[str, int] = {
        r["position_id"]: r["surplus"]
        for r in await conn.fetch(
            """SELECT p.position_id, count(e.nip)::int - p.formasi AS surplus
               FROM positions p
               LEFT JOIN employees e ON e.position_id = p.position_id AND e.status <> 'RETIRED'
               GROUP BY p.position_id, p.formasi"""
        )
    }
    return employees, titles, ratings, in_transfer, surplus


def build_facts(rows: CandidateRows) -> list[CandidateFacts]:
    employees, titles, ratings, in_transfer, surplus = rows
    return [_facts(e, titles, ratings, in_transfer, surplus) for e in employees]


def _facts(
    e: Any,
    titles: dict[str, list[str]],
    ratings: dict[str, list[str]],
    in_transfer: set[str],
    surplus: dict[str, int],
) -> CandidateFacts:
    nip = e["nip"]
    return CandidateFacts(
        nip=nip,
        name=e["name"],
        status=e["status"],
        grade=e["grade"],
        unit_id=e["unit_id"],
        position_id=e["position_id"],
        tmt_position=e["tmt_position"],
        education=tuple((ed["level"], ed["field"]) for ed in e["education"]),
        competencies=tuple(e["competencies"]),
        titles_held=tuple(titles.get(nip, ())),
        annual_predikat=tuple(ratings.get(nip, ())),
        in_open_transfer=nip in in_transfer,
        origin_surplus=surplus.get(e["position_id"], 0),
    )


async def shortages(
    conn: asyncpg.Connection | asyncpg.Pool, title: str | None = None
) -> list[dict[str, Any]]:
    """Posts short of holders: formasi − bezetting − transfers approved in − open needs'
    remaining places, largest first."""
    rows = await conn.fetch(
        """WITH held AS (
               SELECT position_id, count(*) AS n FROM employees
               WHERE status <> 'RETIRED' GROUP BY position_id),
           coming AS (
               SELECT to_position_id AS position_id, count(*) AS n FROM mutations
               WHERE status IN ('APPROVED', 'SOCIALIZED', 'ACKNOWLEDGED', 'OBJECTED',
                                'OBJECTION_DISMISSED', 'DECREED')
               GROUP BY to_position_id),
           needed AS (
               SELECT position_id, sum(count - filled) AS n FROM staffing_needs
               WHERE status = 'OPEN' GROUP BY position_id)
           SELECT p.position_id, p.unit_id, u.name AS unit_name, u.kind AS unit_kind,
                  p.title, p.formasi, coalesce(h.n, 0)::int AS bezetting,
                  coalesce(c.n, 0)::int AS incoming,
                  coalesce(nd.n, 0)::int AS open_need_places,
                  (p.formasi - coalesce(h.n, 0) - coalesce(c.n, 0))::int AS shortage,
                  (p.formasi - coalesce(h.n, 0) - coalesce(c.n, 0) - coalesce(nd.n, 0))::int
                      AS suggested_count
           FROM positions p
           LEFT JOIN units u ON u.unit_id = p.unit_id
           LEFT JOIN held h ON h.position_id = p.position_id
           LEFT JOIN coming c ON c.position_id = p.position_id
           LEFT JOIN needed nd ON nd.position_id = p.position_id
           WHERE p.formasi - coalesce(h.n, 0) - coalesce(c.n, 0) - coalesce(nd.n, 0) > 0
             AND u.closed_on IS NULL
             AND ($1::text IS NULL OR p.title ILIKE '%' || $1 || '%')
           ORDER BY suggested_count DESC, p.unit_id, p.position_id""",
        title,
    )
    return [dict(r) for r in rows]


async def needs(
    conn: asyncpg.Connection | asyncpg.Pool,
    status: str | None = None,
    need_id: str | None = None,
) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        """SELECT n.*, p.title, u.name AS unit_name FROM staffing_needs n
           LEFT JOIN positions p ON p.position_id = n.position_id
           LEFT JOIN units u ON u.unit_id = n.unit_id
           WHERE ($1::text IS NULL OR n.status = $1) AND ($2::text IS NULL OR n.need_id = $2)
           ORDER BY CASE n.priority WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1
                                    WHEN 'MEDIUM' THEN 2 ELSE 3 END, n.identified_at""",
        status,
        need_id,
    )
    return [dict(r) for r in rows]
