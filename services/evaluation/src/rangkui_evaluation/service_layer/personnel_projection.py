"""Personnel as this service sees it (units, posts, who holds which post), from the personnel
topic: enough to find the head of a unit, and a unit's agency and region."""

from __future__ import annotations

from rangkui_contracts.events.personnel import (
    EmployeeReassigned,
    EmployeeRegisteredV2,
    EmployeeStatusChanged,
    PositionEstablished,
    UnitMoved,
    UnitRegistered,
    UnitRenamed,
)
from rangkui_contracts.topics import PERSONNEL
from rangkui_eventkit.handlers import BatchContext, Projection, Received, handles


class PersonnelDirectory(Projection):
    name = "personnel_directory"
    topics = (PERSONNEL,)
    tables = ("personnel_units", "personnel_positions", "personnel_employees")

    @handles(UnitRegistered)
    async def on_unit(self, ctx: BatchContext, e: UnitRegistered, _: Received) -> None:
        ctx.sql.add(
            """INSERT INTO personnel_units (unit_id, name, kind, region, parent_unit_id)
               VALUES ($1, $2, $3, $4, $5)
               ON CONFLICT (unit_id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
                   region = EXCLUDED.region, parent_unit_id = EXCLUDED.parent_unit_id""",
            e.unit_id,
            e.name,
            e.kind,
            e.region,
            e.parent_unit_id,
        )

    @handles(PositionEstablished)
    async def on_position(self, ctx: BatchContext, e: PositionEstablished, _: Received) -> None:
        ctx.sql.add(
            """INSERT INTO personnel_positions (position_id, unit_id, title, is_head_of_unit)
               VALUES ($1, $2, $3, $4)
               ON CONFLICT (position_id) DO UPDATE SET unit_id = EXCLUDED.unit_id,
                   title = EXCLUDED.title, is_head_of_unit = EXCLUDED.is_head_of_unit""",
            e.position_id,
            e.unit_id,
            e.title,
            e.is_head_of_unit,
        )

    @handles(EmployeeRegisteredV2)
    async def on_employee(self, ctx: BatchContext, e: EmployeeRegisteredV2, _: Received) -> None:
        """Only public fields: the plaintext of an upcast version 1 is not kept (nothing here
        needs it)."""
        ctx.sql.add(
            """INSERT INTO personnel_employees
                   (nip, name, status, unit_id, position_id, tmt_position)
               VALUES ($1, $2, $3, $4, $5, $6)
               ON CONFLICT (nip) DO UPDATE SET name = EXCLUDED.name, status = EXCLUDED.status,
                   unit_id = EXCLUDED.unit_id, position_id = EXCLUDED.position_id,
                   tmt_position = EXCLUDED.tmt_position""",
            e.nip,
            e.name,
            e.status,
            e.unit_id,
            e.position_id,
            e.tmt_position,
        )

    @handles(EmployeeReassigned)
    async def on_reassigned(self, ctx: BatchContext, e: EmployeeReassigned, _: Received) -> None:
        ctx.sql.add(
            """UPDATE personnel_employees SET unit_id = $2, position_id = $3, tmt_position = $4
               WHERE nip = $1""",
            e.nip,
            e.to_unit_id,
            e.to_position_id,
            e.tmt,
        )

    @handles(EmployeeStatusChanged)
    async def on_status(self, ctx: BatchContext, e: EmployeeStatusChanged, _: Received) -> None:
        ctx.sql.add("UPDATE personnel_employees SET status = $2 WHERE nip = $1", e.nip, e.status)

    @handles(UnitRenamed)
    async def on_renamed(self, ctx: BatchContext, e: UnitRenamed, _: Received) -> None:
        ctx.sql.add("UPDATE personnel_units SET name = $2 WHERE unit_id = $1", e.unit_id, e.name)

    @handles(UnitMoved)
    async def on_moved(self, ctx: BatchContext, e: UnitMoved, _: Received) -> None:
        ctx.sql.add(
            "UPDATE personnel_units SET parent_unit_id = $2, region = $3 WHERE unit_id = $1",
            e.unit_id,
            e.parent_unit_id,
            e.region,
        )
