"""Projection of the personnel topic into the directory the notices are addressed from.

Personal data stays sealed here: of a registration or contact change (version 2) the
directory keeps the `Sealed` value as it came, opened only in memory by the delivery worker
when it sends (with the key ring). Version 1 events, published before sealing, carried the
address in plaintext (their upcast `plaintext`); it is kept until the person's data is
erased, and never again after (`directory_erased`), whatever order a replay delivers.
"""

from __future__ import annotations

from typing import Any

from rangkui_contracts.events.common import Sealed
from rangkui_contracts.events.personnel import (
    EmployeeContactChangedV2,
    EmployeePersonalDataErased,
    EmployeeReassigned,
    EmployeeRegisteredV2,
    PositionEstablished,
    UnitRegistered,
    UnitRenamed,
)
from rangkui_contracts.topics import PERSONNEL
from rangkui_eventkit.handlers import BatchContext, Projection, Received, handles


class PersonnelDirectory(Projection):
    """Units, posts (with the head-of-unit flag) and employees with their sealed contact."""

    name = "directory"
    topics = (PERSONNEL,)
    tables = ("directory_units", "directory_positions", "directory_employees", "directory_erased")

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

    @handles(EmployeeRegisteredV2)
    async def on_employee(self, ctx: BatchContext, e: EmployeeRegisteredV2, _: Received) -> None:
        """The sealed personal data as it came (only its contact is ever read), or the
        plaintext address of a registration written before sealing; neither once erased."""
        ctx.sql.add(
            """INSERT INTO directory_employees (nip, name, unit_id, position_id, email, personal)
               VALUES ($1, $2, $3, $4,
                   CASE WHEN EXISTS (SELECT 1 FROM directory_erased WHERE nip = $1) THEN NULL
                        ELSE $5 END,
                   CASE WHEN EXISTS (SELECT 1 FROM directory_erased WHERE nip = $1) THEN NULL
                        ELSE $6::jsonb END)
               ON CONFLICT (nip) DO UPDATE SET name = EXCLUDED.name, unit_id = EXCLUDED.unit_id,
                   position_id = EXCLUDED.position_id, email = EXCLUDED.email,
                   personal = EXCLUDED.personal""",
            e.nip,
            e.name,
            e.unit_id,
            e.position_id,
            _plaintext_email(e),
            _sealed_json(e.personal),
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

    @handles(EmployeeContactChangedV2)
    async def on_contact(self, ctx: BatchContext, e: EmployeeContactChangedV2, _: Received) -> None:
        ctx.sql.add(
            """UPDATE directory_employees SET email = $2, personal = $3::jsonb
               WHERE nip = $1 AND NOT EXISTS (SELECT 1 FROM directory_erased WHERE nip = $1)""",
            e.nip,
            _plaintext_email(e),
            _sealed_json(e.personal),
        )

    @handles(EmployeePersonalDataErased)
    async def on_erased(
        self, ctx: BatchContext, e: EmployeePersonalDataErased, _: Received
    ) -> None:
        """Forget the person's contact (sealed or not) and, should the key ring not have
        heard of the erasure yet, their key too: it never opens anything here again."""
        ctx.sql.add(
            """INSERT INTO directory_erased (nip, erased_at) VALUES ($1, $2)
               ON CONFLICT (nip) DO NOTHING""",
            e.nip,
            e.erased_at,
        )
        ctx.sql.add(
            "UPDATE directory_employees SET email = NULL, personal = NULL WHERE nip = $1", e.nip
        )
        ctx.sql.add(
            """INSERT INTO personal_data_keyring (nip, key_id, wrapped_key, erased_at)
               VALUES ($1, $2, NULL, $3)
               ON CONFLICT (nip) DO UPDATE SET wrapped_key = NULL,
                   erased_at = coalesce(personal_data_keyring.erased_at, EXCLUDED.erased_at)""",
            e.nip,
            e.key_id,
            e.erased_at,
        )


def _sealed_json(sealed: Sealed | None) -> dict[str, Any] | None:
    """The sealed value as the JSON the column holds (the pool's jsonb codec encodes it)."""
    return sealed.model_dump(mode="json") if sealed is not None else None


def _plaintext_email(e: EmployeeRegisteredV2 | EmployeeContactChangedV2) -> str | None:
    """The address an event written before sealing carried in plaintext (upcast), if any."""
    contact = (e.plaintext or {}).get("contact") or {}
    return str(contact["email"]) if contact.get("email") else None
