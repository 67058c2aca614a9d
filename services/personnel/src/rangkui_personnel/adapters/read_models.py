"""Queries on the personnel read models (the tables of `migrations/`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import asyncpg

from rangkui_contracts.events.common import Sealed
from rangkui_personnel.adapters.personal_data import PersonalDataVault

# Every unit with the agency (the top-most OPD above it, or itself) it rolls up to.
_AGENCY_OF = """
WITH RECURSIVE chain AS (
    SELECT unit_id, unit_id AS ancestor, parent_unit_id, kind, 0 AS depth FROM units
    UNION ALL
    SELECT c.unit_id, p.unit_id, p.parent_unit_id, p.kind, c.depth + 1
    FROM chain c JOIN units p ON p.unit_id = c.parent_unit_id
    WHERE c.depth < 20
), agency_of AS (
    SELECT DISTINCT ON (unit_id) unit_id, ancestor AS agency_id
    FROM chain
    ORDER BY unit_id, (kind = 'OPD') DESC, depth DESC
)"""

_BEZETTING = """bez AS (
    SELECT position_id, count(*)::int AS bezetting FROM staffing_holders
    WHERE counted GROUP BY position_id
)"""


async def employee(pool: asyncpg.Pool, nip: str, vault: PersonalDataVault) -> dict[str, Any] | None:
    """One employee as they are now, with their contact details and history. Sealed personal
    data is opened here, on read, while the employee's key exists; after an erasure birth
    date, gender and contact are null and `personal_data_erased_at` says since when."""
    row = await pool.fetchrow(
        """SELECT e.*, u.name AS unit_name, p.title AS position_title, c.email, c.phone,
                  pd.registration AS sealed_registration, pd.contact AS sealed_contact,
                  pd.erased_at AS personal_data_erased_at
           FROM employees e
           LEFT JOIN units u ON u.unit_id = e.unit_id
           LEFT JOIN positions p ON p.position_id = e.position_id
           LEFT JOIN employee_contacts c ON c.nip = e.nip
           LEFT JOIN employee_personal_data pd ON pd.nip = e.nip
           WHERE e.nip = $1""",
        nip,
    )
    if row is None:
        return None
    history = await pool.fetch(
        """SELECT h.kind, h.unit_id, u.name AS unit_name, h.position_id,
                  p.title AS position_title, h.grade, h.detail, h.valid_from, h.valid_to,
                  h.mutation_id
           FROM employee_history h
           LEFT JOIN units u ON u.unit_id = h.unit_id
           LEFT JOIN positions p ON p.position_id = h.position_id
           WHERE h.nip = $1 ORDER BY h.seq, h.kind""",
        nip,
    )
    out = dict(row)
    out["contact"] = {"email": out.pop("email"), "phone": out.pop("phone")}
    blobs = [_sealed(out.pop("sealed_registration")), _sealed(out.pop("sealed_contact"))]
    personal = (await vault.reveal(pool, {nip: blobs})).get(nip)
    if personal is not None:
        out["gender"] = personal.gender or out["gender"]
        out["birth_date"] = personal.birth_date or out["birth_date"]
        if personal.contact is not None:
            out["contact"] = personal.contact.model_dump()
    out["history"] = [dict(h) for h in history]
    return out


def _sealed(value: Any) -> Sealed | None:
    if value is None:
        return None
    return Sealed.model_validate_json(value) if isinstance(value, str) else Sealed(**value)


@dataclass(frozen=True)
class EmployeeSearch:
    """Filters of the employee search; None means any. Years in post count to `as_of`
    (the caller's today, from the service's clock)."""

    as_of: date
    unit_id: str | None = None
    agency_id: str | None = None
    education_field: str | None = None
    education_level: str | None = None
    grade: str | None = None
    status: str | None = None
    min_years_in_post: float | None = None
    max_years_in_post: float | None = None
    page: int = 1
    page_size: int = 50


_SEARCH_FROM = f"""{_AGENCY_OF}
    SELECT {{columns}}
    FROM employees e
    LEFT JOIN units u ON u.unit_id = e.unit_id
    LEFT JOIN agency_of a ON a.unit_id = e.unit_id
    LEFT JOIN positions p ON p.position_id = e.position_id
    WHERE ($1::text IS NULL OR e.unit_id = $1)
      AND ($2::text IS NULL OR a.agency_id = $2)
      AND ($3::text IS NULL OR EXISTS (
             SELECT 1 FROM jsonb_array_elements(e.education) ed
             WHERE lower(ed->>'field') = lower($3)))
      AND ($4::text IS NULL OR EXISTS (
             SELECT 1 FROM jsonb_array_elements(e.education) ed WHERE ed->>'level' = $4))
      AND ($5::text IS NULL OR e.grade = $5)
      AND ($6::text IS NULL OR e.status = $6)
      AND ($7::float IS NULL OR ($9::date - e.tmt_position) / 365.25 >= $7)
      AND ($8::float IS NULL OR ($9::date - e.tmt_position) / 365.25 < $8)"""
_SEARCH_COLUMNS = """e.nip, e.name, e.gender,
    (SELECT pd.registration FROM employee_personal_data pd WHERE pd.nip = e.nip)
        AS sealed_registration,
    e.status, e.grade, e.rank_name, e.unit_id,
    u.name AS unit_name, a.agency_id, e.position_id, p.title AS position_title,
    e.tmt_position, e.education,
    round((($9::date - e.tmt_position) / 365.25)::numeric, 1)::float AS years_in_post"""


async def search_employees(
    pool: asyncpg.Pool, q: EmployeeSearch, vault: PersonalDataVault
) -> dict[str, Any]:
    """A page of employees matching every filter given, ordered by NIP, with the total.
    `gender` is opened from the sealed registration while the key exists (null after an
    erasure)."""
    args = (
        q.unit_id,
        q.agency_id,
        q.education_field,
        q.education_level,
        q.grade,
        q.status,
        q.min_years_in_post,
        q.max_years_in_post,
        q.as_of,
    )
    total = await pool.fetchval(_SEARCH_FROM.format(columns="count(*)"), *args)
    rows = await pool.fetch(
        _SEARCH_FROM.format(columns=_SEARCH_COLUMNS) + " ORDER BY e.nip LIMIT $10 OFFSET $11",
        *args,
        q.page_size,
        (q.page - 1) * q.page_size,
    )
    items = [dict(r) for r in rows]
    sealed = {i["nip"]: [_sealed(i.pop("sealed_registration"))] for i in items}
    opened = await vault.reveal(pool, {n: b for n, b in sealed.items() if b[0] is not None})
    for item in items:
        personal = opened.get(item["nip"])
        if personal is not None and personal.gender:
            item["gender"] = personal.gender
    return {
        "page": q.page,
        "page_size": q.page_size,
        "total": total,
        "items": items,
    }


async def units(
    pool: asyncpg.Pool,
    *,
    kind: str | None = None,
    region: str | None = None,
    parent_unit_id: str | None = None,
) -> list[dict[str, Any]]:
    rows = await pool.fetch(
        f"""{_AGENCY_OF}
           SELECT u.*, a.agency_id FROM units u LEFT JOIN agency_of a USING (unit_id)
           WHERE ($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR region = $2)
             AND ($3::text IS NULL OR parent_unit_id = $3)
           ORDER BY unit_id""",
        kind,
        region,
        parent_unit_id,
    )
    return [dict(r) for r in rows]


async def unit(pool: asyncpg.Pool, unit_id: str) -> dict[str, Any] | None:
    """One unit with its posts (formasi, bezetting, gap) and the units directly under it."""
    row = await pool.fetchrow("SELECT * FROM units WHERE unit_id = $1", unit_id)
    if row is None:
        return None
    out = dict(row)
    out["positions"] = await positions(pool, unit_id=unit_id)
    out["children"] = [
        dict(r)
        for r in await pool.fetch(
            "SELECT unit_id, name, kind FROM units WHERE parent_unit_id = $1 ORDER BY unit_id",
            unit_id,
        )
    ]
    return out


async def positions(pool: asyncpg.Pool, *, unit_id: str | None = None) -> list[dict[str, Any]]:
    rows = await pool.fetch(
        f"""WITH {_BEZETTING}
           SELECT p.*, coalesce(b.bezetting, 0) AS bezetting,
                  p.formasi - coalesce(b.bezetting, 0) AS gap
           FROM positions p LEFT JOIN bez b USING (position_id)
           WHERE ($1::text IS NULL OR p.unit_id = $1)
           ORDER BY p.unit_id, p.position_id""",
        unit_id,
    )
    return [dict(r) for r in rows]


async def staffing(
    pool: asyncpg.Pool,
    *,
    unit_id: str | None = None,
    agency_id: str | None = None,
    region: str | None = None,
    kind: str | None = None,
    title: str | None = None,
    only_gaps: bool = False,
) -> list[dict[str, Any]]:
    """Per unit and post: formasi, bezetting and gap (positive: shortage, negative: surplus)."""
    rows = await pool.fetch(
        f"""{_AGENCY_OF}, {_BEZETTING}
           SELECT s.unit_id, u.name AS unit_name, u.kind AS unit_kind, u.region, a.agency_id,
                  s.position_id, p.title AS position_title, p.jabatan_type,
                  s.formasi, coalesce(b.bezetting, 0) AS bezetting,
                  s.formasi - coalesce(b.bezetting, 0) AS gap
           FROM staffing s
           LEFT JOIN bez b USING (position_id)
           LEFT JOIN units u ON u.unit_id = s.unit_id
           LEFT JOIN agency_of a ON a.unit_id = s.unit_id
           LEFT JOIN positions p ON p.position_id = s.position_id
           WHERE ($1::text IS NULL OR s.unit_id = $1) AND ($2::text IS NULL OR a.agency_id = $2)
             AND ($3::text IS NULL OR u.region = $3) AND ($4::text IS NULL OR u.kind = $4)
             AND ($5::text IS NULL OR p.title ILIKE '%' || $5 || '%')
             AND (NOT $6 OR s.formasi <> coalesce(b.bezetting, 0))
           ORDER BY s.unit_id, s.position_id""",
        unit_id,
        agency_id,
        region,
        kind,
        title,
        only_gaps,
    )
    return [dict(r) for r in rows]


async def staffing_rollup(pool: asyncpg.Pool, *, by: str) -> list[dict[str, Any]]:
    """Formasi, bezetting, shortage and surplus summed per agency or per region.

    Shortage and surplus are summed post by post, so a surplus of nurses does not hide a
    shortage of doctors in the same agency.
    """
    key = {"agency": "a.agency_id", "region": "u.region"}[by]
    rows = await pool.fetch(
        f"""{_AGENCY_OF}, {_BEZETTING}, per_post AS (
               SELECT {key} AS key, s.formasi, coalesce(b.bezetting, 0) AS bezetting
               FROM staffing s
               LEFT JOIN bez b USING (position_id)
               LEFT JOIN units u ON u.unit_id = s.unit_id
               LEFT JOIN agency_of a ON a.unit_id = s.unit_id
           )
           SELECT key AS {by}, sum(formasi)::int AS formasi, sum(bezetting)::int AS bezetting,
                  sum(greatest(formasi - bezetting, 0))::int AS shortage,
                  sum(greatest(bezetting - formasi, 0))::int AS surplus,
                  count(*)::int AS posts
           FROM per_post GROUP BY key ORDER BY key"""
    )
    out = [dict(r) for r in rows]
    if by == "agency":
        names = {
            r["unit_id"]: r["name"]
            for r in await pool.fetch("SELECT unit_id, name FROM units WHERE kind = 'OPD'")
        }
        for r in out:
            r["agency_name"] = names.get(r["agency"])
    return out


class PostgresProceedings:
    """`OpenProceedings` over the `proceedings` projection's table (on the command's
    connection, or the pool outside one)."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def open_objections(self, db: Any, nip: str) -> tuple[str, ...]:
        rows = await (db or self.pool).fetch(
            "SELECT mutation_id FROM open_objections WHERE nip = $1 AND open ORDER BY mutation_id",
            nip,
        )
        return tuple(r["mutation_id"] for r in rows)
