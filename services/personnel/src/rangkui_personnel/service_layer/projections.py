"""Projections of the personnel topic into the read models the HTTP API answers from.

Each is deterministic (a rebuild gives the same tables) and keyed so that events of
different streams may arrive in any order: only the events of one stream are ordered.

Personal data: version-2 events keep it sealed at rest (`employee_personal_data`, opened on
read); what version-1 events carried in plaintext is emptied by `EmployeePersonalDataErased`,
which follows them in the same stream, so a rebuild after an erasure ends with none of it.
"""

from __future__ import annotations

from datetime import date

from rangkui_contracts.events.mutation import (
    MutationCancelled,
    MutationObjectedV2,
    MutationObjectionResolved,
)
from rangkui_contracts.events.personnel import (
    Contact,
    EmployeeCompetenciesUpdated,
    EmployeeContactChangedV2,
    EmployeeEducationUpdated,
    EmployeeGradeChanged,
    EmployeePersonalDataErased,
    EmployeeReassigned,
    EmployeeRegisteredV2,
    EmployeeStatusChanged,
    FormationChanged,
    PersonalData,
    PositionEstablished,
    UnitClosed,
    UnitMoved,
    UnitRegistered,
    UnitRenamed,
)
from rangkui_contracts.topics import MUTATION, PERSONNEL
from rangkui_eventkit.handlers import BatchContext, Projection, Received, handles
from rangkui_personnel.domain.grade import RANK_NAMES


def _version(received: Received) -> int:
    return received.envelope.streamversion or 0


class OrganisationProjection(Projection):
    """Units (the organisation tree) and posts with their formasi and requirements."""

    name = "organisation"
    topics = (PERSONNEL,)
    tables = ("units", "positions")

    @handles(UnitRegistered)
    async def on_unit_registered(self, ctx: BatchContext, e: UnitRegistered, _: Received) -> None:
        ctx.sql.add(
            """INSERT INTO units (unit_id, name, kind, region, parent_unit_id)
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
    async def on_position_established(
        self, ctx: BatchContext, e: PositionEstablished, _: Received
    ) -> None:
        ctx.sql.add(
            """INSERT INTO positions (position_id, unit_id, title, jabatan_type, formasi,
                 is_head_of_unit, required_education_levels, required_education_fields,
                 grade_min, grade_max)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
               ON CONFLICT (position_id) DO NOTHING""",
            e.position_id,
            e.unit_id,
            e.title,
            e.jabatan_type,
            e.formasi,
            e.is_head_of_unit,
            list(e.required_education_levels),
            list(e.required_education_fields),
            e.grade_min,
            e.grade_max,
        )

    @handles(UnitRenamed)
    async def on_unit_renamed(self, ctx: BatchContext, e: UnitRenamed, _: Received) -> None:
        ctx.sql.add("UPDATE units SET name = $2 WHERE unit_id = $1", e.unit_id, e.name)

    @handles(UnitMoved)
    async def on_unit_moved(self, ctx: BatchContext, e: UnitMoved, _: Received) -> None:
        ctx.sql.add(
            "UPDATE units SET parent_unit_id = $2, region = $3 WHERE unit_id = $1",
            e.unit_id,
            e.parent_unit_id,
            e.region,
        )

    @handles(UnitClosed)
    async def on_unit_closed(self, ctx: BatchContext, e: UnitClosed, _: Received) -> None:
        ctx.sql.add("UPDATE units SET closed = true WHERE unit_id = $1", e.unit_id)

    @handles(FormationChanged)
    async def on_formation_changed(
        self, ctx: BatchContext, e: FormationChanged, _: Received
    ) -> None:
        ctx.sql.add(
            "UPDATE positions SET formasi = $2 WHERE position_id = $1", e.position_id, e.formasi
        )


class EmployeesProjection(Projection):
    """Employees as they are now, their contact details apart, and their history.

    Each event is ONE statement (data-modifying CTEs): the kit batches consecutive identical
    statements into one `executemany`, so a replay of 25,000 registrations costs a few
    round trips instead of four per event.
    """

    name = "employees"
    topics = (PERSONNEL,)
    tables = ("employees", "employee_contacts", "employee_history", "employee_personal_data")

    _REGISTER = """
        WITH e AS (
            INSERT INTO employees (nip, name, gender, birth_date, status, grade, rank_name,
                unit_id, position_id, tmt_position, education, competencies, version)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            ON CONFLICT (nip) DO NOTHING
        ), c AS (
            INSERT INTO employee_contacts (nip, email, phone) VALUES ($1, $14, $15)
            ON CONFLICT (nip) DO UPDATE SET email = EXCLUDED.email, phone = EXCLUDED.phone
        )
        INSERT INTO employee_history (nip, seq, kind, unit_id, position_id, grade, valid_from)
        VALUES ($1, $13, 'POSITION', $8, $9, NULL, $10), ($1, $13, 'GRADE', NULL, NULL, $6, $10)
        ON CONFLICT (nip, seq, kind) DO NOTHING"""

    _REGISTER_SEALED = """
        WITH e AS (
            INSERT INTO employees (nip, name, gender, birth_date, status, grade, rank_name,
                unit_id, position_id, tmt_position, education, competencies, version)
            VALUES ($1, $2, NULL, NULL, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT (nip) DO NOTHING
        ), pd AS (
            INSERT INTO employee_personal_data (nip, registration) VALUES ($1, $12::jsonb)
            ON CONFLICT (nip) DO UPDATE SET registration = EXCLUDED.registration
            WHERE employee_personal_data.erased_at IS NULL
        )
        INSERT INTO employee_history (nip, seq, kind, unit_id, position_id, grade, valid_from)
        VALUES ($1, $11, 'POSITION', $6, $7, NULL, $8), ($1, $11, 'GRADE', NULL, NULL, $4, $8)
        ON CONFLICT (nip, seq, kind) DO NOTHING"""

    _ERASED = """
        WITH e AS (
            UPDATE employees SET gender = NULL, birth_date = NULL WHERE nip = $1
        ), c AS (
            DELETE FROM employee_contacts WHERE nip = $1
        )
        INSERT INTO employee_personal_data (nip, registration, contact, erased_at)
        VALUES ($1, NULL, NULL, $2)
        ON CONFLICT (nip) DO UPDATE
        SET registration = NULL, contact = NULL, erased_at = EXCLUDED.erased_at"""

    # Close the open entry of a kind and open the next one (one snapshot: the UPDATE does
    # not see the row the INSERT adds).
    _NEXT_ENTRY = """
        WITH closed AS (
            UPDATE employee_history SET valid_to = $4
            WHERE nip = $1 AND kind = $3 AND valid_to IS NULL
        )
        INSERT INTO employee_history (nip, seq, kind, unit_id, position_id, grade, detail,
            valid_from, mutation_id)
        VALUES ($1, $2, $3, $5, $6, $7, $8, $4, $9)
        ON CONFLICT (nip, seq, kind) DO NOTHING"""

    _MOVED = """
        WITH moved AS (
            UPDATE employees SET unit_id = $5, position_id = $6, tmt_position = $4, version = $2
            WHERE nip = $1
        ), closed AS (
            UPDATE employee_history SET valid_to = $4
            WHERE nip = $1 AND kind = $3 AND valid_to IS NULL
        )
        INSERT INTO employee_history (nip, seq, kind, unit_id, position_id, grade, detail,
            valid_from, mutation_id)
        VALUES ($1, $2, $3, $5, $6, $7, $8, $4, $9)
        ON CONFLICT (nip, seq, kind) DO NOTHING"""

    @handles(EmployeeRegisteredV2)
    async def on_registered(self, ctx: BatchContext, e: EmployeeRegisteredV2, r: Received) -> None:
        public = (e.status, e.grade, RANK_NAMES.get(e.grade, ""), e.unit_id, e.position_id,
                  e.tmt_position, [ed.model_dump(mode="json") for ed in e.education],
                  list(e.competencies), _version(r))  # fmt: skip
        if e.plaintext is None:
            sealed = e.personal.model_dump_json() if e.personal else None
            ctx.sql.add(self._REGISTER_SEALED, e.nip, e.name, *public, sealed)
            return
        # Written before sealing: its plaintext is kept as it came, until erased.
        personal = PersonalData.model_validate(e.plaintext)
        contact = personal.contact or Contact()
        ctx.sql.add(
            self._REGISTER, e.nip, e.name, personal.gender, personal.birth_date, *public,
            contact.email, contact.phone,
        )  # fmt: skip

    @handles(EmployeeContactChangedV2)
    async def on_contact(self, ctx: BatchContext, e: EmployeeContactChangedV2, _: Received) -> None:
        if e.plaintext is not None:  # written before sealing: kept as it came, until erased
            contact = Contact.model_validate(e.plaintext["contact"])
            ctx.sql.add(
                """INSERT INTO employee_contacts (nip, email, phone) VALUES ($1, $2, $3)
                   ON CONFLICT (nip) DO UPDATE
                   SET email = EXCLUDED.email, phone = EXCLUDED.phone""",
                e.nip,
                contact.email,
                contact.phone,
            )
            return
        # The sealed contact supersedes a plaintext one from a version-1 event.
        ctx.sql.add("DELETE FROM employee_contacts WHERE nip = $1", e.nip)
        ctx.sql.add(
            """INSERT INTO employee_personal_data (nip, contact) VALUES ($1, $2::jsonb)
               ON CONFLICT (nip) DO UPDATE SET contact = EXCLUDED.contact
               WHERE employee_personal_data.erased_at IS NULL""",
            e.nip,
            e.personal.model_dump_json(),
        )

    @handles(EmployeePersonalDataErased)
    async def on_personal_data_erased(
        self, ctx: BatchContext, e: EmployeePersonalDataErased, _: Received
    ) -> None:
        ctx.sql.add(self._ERASED, e.nip, e.erased_at)

    @handles(EmployeeReassigned)
    async def on_reassigned(self, ctx: BatchContext, e: EmployeeReassigned, r: Received) -> None:
        ctx.sql.add(
            self._MOVED,
            *self._entry_args(
                e.nip,
                r,
                "POSITION",
                e.tmt,
                e.to_unit_id,
                e.to_position_id,
                None,
                None,
                e.mutation_id,
            ),
        )

    @handles(EmployeeGradeChanged)
    async def on_grade_changed(
        self, ctx: BatchContext, e: EmployeeGradeChanged, r: Received
    ) -> None:
        ctx.sql.add(
            "UPDATE employees SET grade = $2, rank_name = $3, version = $4 WHERE nip = $1",
            e.nip,
            e.grade,
            RANK_NAMES.get(e.grade, ""),
            _version(r),
        )
        ctx.sql.add(
            self._NEXT_ENTRY,
            *self._entry_args(e.nip, r, "GRADE", e.tmt, None, None, e.grade, e.sk_number, None),
        )

    @handles(EmployeeStatusChanged)
    async def on_status_changed(
        self, ctx: BatchContext, e: EmployeeStatusChanged, r: Received
    ) -> None:
        self._set(ctx, e.nip, r, "status", e.status)
        detail = f"{e.previous_status} -> {e.status}" + (f": {e.reason}" if e.reason else "")
        ctx.sql.add(
            self._NEXT_ENTRY,
            *self._entry_args(e.nip, r, "STATUS", e.since, None, None, None, detail, None),
        )

    @handles(EmployeeEducationUpdated)
    async def on_education(
        self, ctx: BatchContext, e: EmployeeEducationUpdated, r: Received
    ) -> None:
        self._set(ctx, e.nip, r, "education", [x.model_dump(mode="json") for x in e.education])

    @handles(EmployeeCompetenciesUpdated)
    async def on_competencies(
        self, ctx: BatchContext, e: EmployeeCompetenciesUpdated, r: Received
    ) -> None:
        self._set(ctx, e.nip, r, "competencies", list(e.competencies))

    @staticmethod
    def _entry_args(
        nip: str,
        r: Received,
        kind: str,
        valid_from: date,
        unit_id: str | None,
        position_id: str | None,
        grade: str | None,
        detail: str | None,
        mutation_id: str | None,
    ) -> tuple[object, ...]:
        return (
            nip,
            _version(r),
            kind,
            valid_from,
            unit_id,
            position_id,
            grade,
            detail,
            mutation_id,
        )

    @staticmethod
    def _set(ctx: BatchContext, nip: str, r: Received, column: str, value: object) -> None:
        ctx.sql.add(
            f"UPDATE employees SET {column} = $2, version = $3 WHERE nip = $1",
            nip,
            value,
            _version(r),
        )


class StaffingProjection(Projection):
    """Formasi per post and the post each employee holds: bezetting and gap follow."""

    name = "staffing"
    topics = (PERSONNEL,)
    tables = ("staffing", "staffing_holders")

    _FORMASI = """INSERT INTO staffing (position_id, unit_id, formasi) VALUES ($1, $2, $3)
                  ON CONFLICT (position_id) DO UPDATE
                  SET unit_id = EXCLUDED.unit_id, formasi = EXCLUDED.formasi"""

    @handles(PositionEstablished)
    async def on_established(self, ctx: BatchContext, e: PositionEstablished, _: Received) -> None:
        ctx.sql.add(self._FORMASI, e.position_id, e.unit_id, e.formasi)

    @handles(FormationChanged)
    async def on_formation_changed(
        self, ctx: BatchContext, e: FormationChanged, _: Received
    ) -> None:
        ctx.sql.add(self._FORMASI, e.position_id, e.unit_id, e.formasi)

    @handles(EmployeeRegisteredV2)
    async def on_registered(self, ctx: BatchContext, e: EmployeeRegisteredV2, _: Received) -> None:
        ctx.sql.add(
            """INSERT INTO staffing_holders (nip, position_id, unit_id, counted)
               VALUES ($1, $2, $3, $4) ON CONFLICT (nip) DO NOTHING""",
            e.nip,
            e.position_id,
            e.unit_id,
            counts_as_staff(e.status),
        )

    @handles(EmployeeReassigned)
    async def on_reassigned(self, ctx: BatchContext, e: EmployeeReassigned, _: Received) -> None:
        ctx.sql.add(
            "UPDATE staffing_holders SET position_id = $2, unit_id = $3 WHERE nip = $1",
            e.nip,
            e.to_position_id,
            e.to_unit_id,
        )

    @handles(EmployeeStatusChanged)
    async def on_status_changed(
        self, ctx: BatchContext, e: EmployeeStatusChanged, _: Received
    ) -> None:
        ctx.sql.add(
            "UPDATE staffing_holders SET counted = $2 WHERE nip = $1",
            e.nip,
            counts_as_staff(e.status),
        )


def counts_as_staff(status: str) -> bool:
    """Everyone but the retired and the deceased occupies their post (on leave, study
    assignment and proceedings included)."""
    return status not in {"RETIRED", "DECEASED"}


class ProceedingsProjection(Projection):
    """Proceedings about employees open in other contexts, from their published events (an
    erasure of personal data waits while one is open): an objection to a transfer is open
    from `MutationObjected` until `MutationObjectionResolved` or the transfer's
    cancellation. Keyed by the transfer's stream version, so a redelivered event never
    reopens a closed objection."""

    name = "proceedings"
    topics = (MUTATION,)
    tables = ("open_objections",)

    _UPSERT = """
        INSERT INTO open_objections (mutation_id, nip, open, version) VALUES ($1, $2, $3, $4)
        ON CONFLICT (mutation_id) DO UPDATE SET open = EXCLUDED.open, version = EXCLUDED.version
        WHERE open_objections.version < EXCLUDED.version"""

    @handles(MutationObjectedV2)  # version 1 is upcast to it as it is read
    async def on_objected(self, ctx: BatchContext, e: MutationObjectedV2, r: Received) -> None:
        ctx.sql.add(self._UPSERT, e.mutation_id, e.nip, True, _version(r))

    @handles(MutationObjectionResolved)
    async def on_resolved(
        self, ctx: BatchContext, e: MutationObjectionResolved, r: Received
    ) -> None:
        ctx.sql.add(self._UPSERT, e.mutation_id, e.nip, False, _version(r))

    @handles(MutationCancelled)
    async def on_cancelled(self, ctx: BatchContext, e: MutationCancelled, r: Received) -> None:
        ctx.sql.add(
            "UPDATE open_objections SET open = false, version = $2 "
            "WHERE mutation_id = $1 AND version < $2",
            e.mutation_id,
            _version(r),
        )
