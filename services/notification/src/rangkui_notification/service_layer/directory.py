"""Projection of the personnel topic into the directory the notices are addressed from."""

from __future__ import annotations

from rangkui_contracts.events.personnel import (
    EmployeeContactChanged,
    EmployeeReassigned,
    EmployeeRegistered,
    PositionEstablished,
    UnitRegistered,
    UnitRenamed,
)
from rangkui_contracts.topics import PERSONNEL
from rangkui_eventkit.handlers import BatchContext, Projection, Received, handles


class PersonnelDirectory(Projection):
    """Units, posts (with the head-of-unit flag) and employees with their e-mail."""

    name = "directory"
    topics = (PERSONNEL,)
    tables = ("directory_units", "directory_positions", "directory_employees")

    @handles(UnitRegistered)
    async def on_unit(self, ctx: BatchContext, e: UnitRegistered, _: Received) -> None:
        ctx.sql.add(
            """INSERT INTO directory_units (unit_id, name) VALUES ($1, $2)
               ON CONFLICT (unit_id) DO UPDATE SET name = EXCLUDED.name""",
            e.unit_id,
            e.name,
        )

    @handles(PositionEstablished)
    async def on_position(self, ctx: BatchContext, e: PositionEstablished, _: Received) -> None:
        ctx.sql.add(
            """INSERT INTO directory_positions (position_id, unit_id, title, is_head_of_unit)
               VALUES ($1, $2, $3, $4)
               ON CONFLICT (position_id) DO UPDATE SET unit_id = EXCLUDED.unit_id,
                   title = EXCLUDED.title, is_head_of_unit = EXCLUDED.is_head_of_unit""",
            e.position_id,
            e.unit_id,
            e.title,
            e.is_head_of_unit,
        )

    @handles(EmployeeRegistered)
    async def on_employee(self, ctx: BatchContext, e: EmployeeRegistered, _: Received) -> None:
        ctx.sql.add(
            """INSERT INTO directory_employees (nip, name, unit_id, position_id, email)
               VALUES ($1, $2, $3, $4, $5)
               ON CONFLICT (nip) DO UPDATE SET name = EXCLUDED.name, unit_id = EXCLUDED.unit_id,
                   position_id = EXCLUDED.position_id, email = EXCLUDED.email""",
            e.nip,
            e.name,
            e.unit_id,
            e.position_id,
            str(e.contact.email) if e.contact.email else None,
        )

    @handles(EmployeeReassigned)
    async def on_reassigned(self, ctx: BatchContext, e: EmployeeReassigned, _: Received) -> None:
        ctx.sql.add(
            "UPDATE directory_employees SET unit_id = $2, position_id = $3 WHERE nip = $1",
            e.nip,
            e.to_unit_id,
            e.to_position_id,
        )

    @handles(UnitRenamed)
    async def on_renamed(self, ctx: BatchContext, e: UnitRenamed, _: Received) -> None:
        ctx.sql.add(
            """INSERT INTO directory_units (unit_id, name) VALUES ($1, $2)
               ON CONFLICT (unit_id) DO UPDATE SET name = EXCLUDED.name""",
            e.unit_id,
            e.name,
        )

    @handles(EmployeeContactChanged)
    async def on_contact(self, ctx: BatchContext, e: EmployeeContactChanged, _: Received) -> None:
        ctx.sql.add(
            "UPDATE directory_employees SET email = $2 WHERE nip = $1",
            e.nip,
            str(e.contact.email) if e.contact.email else None,
        )
