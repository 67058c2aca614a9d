"""Projections: the read models of the mutation service, built only from consumed events.

`PersonnelView` mirrors what the rules and the matching need from personnel (units, posts
with formasi, employees with their post and education); `PerformanceView` keeps annual
ratings from evaluation; `MutationBoard` and `NeedBoard` follow this service's own topic.
"""

from __future__ import annotations

from typing import Any

from rangkui_contracts.events.common import Sealed
from rangkui_contracts.events.evaluation import (
    EvaluationRecordedV2,
)
from rangkui_contracts.events.mutation import (
    MutationAcknowledged,
    MutationApproved,
    MutationCancelled,
    MutationDecreed,
    MutationDeemedAcknowledged,
    MutationDocumentsChecked,
    MutationEffective,
    MutationHeld,
    MutationObjectedV2,
    MutationObjectionResolved,
    MutationProposed,
    MutationRejected,
    MutationReleased,
    MutationReviewed,
    MutationRevoked,
    MutationSocialized,
    StaffingNeedClosed,
    StaffingNeedFulfilled,
    StaffingNeedIdentified,
    StaffingNeedProgressed,
)
from rangkui_contracts.events.personnel import (
    EmployeeCompetenciesUpdated,
    EmployeeEducationUpdated,
    EmployeeGradeChanged,
    EmployeeReassigned,
    EmployeeRegisteredV2,
    EmployeeRelativesDeclared,
    EmployeeStatusChanged,
    FormationChanged,
    PositionEstablished,
    UnitClosed,
    UnitMoved,
    UnitRegistered,
    UnitRenamed,
)
from rangkui_contracts.topics import EVALUATION, MUTATION, PERSONNEL
from rangkui_eventkit.handlers import BatchContext, Projection, Received, handles
from rangkui_mutation.domain.mutation import STATUS_AFTER


class PersonnelView(Projection):
    """Units, posts (formasi) and employees (post, grade, status, education) from personnel.

    Occupancy (bezetting) per post is the count of employees holding it, not a counter, so
    it cannot drift."""

    name = "personnel_view"
    topics = (PERSONNEL,)
    tables = ("units", "positions", "employees", "employee_posts", "employee_relatives")

    @handles(EmployeeRelativesDeclared)
    async def on_relatives(
        self, ctx: BatchContext, e: EmployeeRelativesDeclared, r: Received
    ) -> None:
        """The registry as declared now: the employee's rows replaced by the new list."""
        ctx.sql.add("DELETE FROM employee_relatives WHERE nip = $1", e.nip)
        for relative in e.relatives:
            ctx.sql.add(
                """INSERT INTO employee_relatives (nip, related_nip, relation)
                   VALUES ($1, $2, $3) ON CONFLICT (nip, related_nip) DO UPDATE
                   SET relation = EXCLUDED.relation""",
                e.nip,
                relative.nip,
                relative.relation,
            )

    @handles(UnitRegistered)
    async def on_unit(self, ctx: BatchContext, e: UnitRegistered, r: Received) -> None:
        ctx.sql.add(
            """INSERT INTO units (unit_id, name, kind, region, parent_unit_id)
               VALUES ($1, $2, $3, $4, $5)
               ON CONFLICT (unit_id) DO UPDATE SET name = $2, kind = $3, region = $4,
                   parent_unit_id = $5""",
            e.unit_id,
            e.name,
            e.kind,
            e.region,
            e.parent_unit_id,
        )

    @handles(PositionEstablished)
    async def on_position(self, ctx: BatchContext, e: PositionEstablished, r: Received) -> None:
        ctx.sql.add(
            """INSERT INTO positions (position_id, unit_id, title, jabatan_type, formasi,
                   required_education_levels, required_education_fields, grade_min, grade_max,
                   is_head_of_unit)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
               ON CONFLICT (position_id) DO UPDATE SET unit_id = $2, title = $3,
                   jabatan_type = $4, formasi = $5, required_education_levels = $6,
                   required_education_fields = $7, grade_min = $8, grade_max = $9,
                   is_head_of_unit = $10""",
            e.position_id,
            e.unit_id,
            e.title,
            e.jabatan_type,
            e.formasi,
            list(e.required_education_levels),
            list(e.required_education_fields),
            e.grade_min,
            e.grade_max,
            e.is_head_of_unit,
        )

    @handles(EmployeeRegisteredV2)
    async def on_employee(self, ctx: BatchContext, e: EmployeeRegisteredV2, r: Received) -> None:
        """Only public fields: the plaintext of an upcast version 1 is not kept (nothing here
        needs it)."""
        ctx.sql.add(
            """INSERT INTO employees (nip, name, status, grade, unit_id, position_id,
                   tmt_position, education, competencies)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
               ON CONFLICT (nip) DO UPDATE SET name = $2, status = $3, grade = $4,
                   unit_id = $5, position_id = $6, tmt_position = $7, education = $8,
                   competencies = $9""",
            e.nip,
            e.name,
            e.status,
            e.grade,
            e.unit_id,
            e.position_id,
            e.tmt_position,
            [ed.model_dump(mode="json") for ed in e.education],
            list(e.competencies),
        )
        self._post(ctx, e.nip, e.position_id, e.unit_id, e.tmt_position)

    @handles(EmployeeReassigned)
    async def on_reassigned(self, ctx: BatchContext, e: EmployeeReassigned, r: Received) -> None:
        ctx.sql.add(
            """UPDATE employees SET unit_id = $2, position_id = $3, tmt_position = $4
               WHERE nip = $1""",
            e.nip,
            e.to_unit_id,
            e.to_position_id,
            e.tmt,
        )
        self._post(ctx, e.nip, e.to_position_id, e.to_unit_id, e.tmt)

    @handles(UnitRenamed)
    async def on_unit_renamed(self, ctx: BatchContext, e: UnitRenamed, r: Received) -> None:
        ctx.sql.add("UPDATE units SET name = $2 WHERE unit_id = $1", e.unit_id, e.name)

    @handles(UnitMoved)
    async def on_unit_moved(self, ctx: BatchContext, e: UnitMoved, r: Received) -> None:
        ctx.sql.add(
            "UPDATE units SET parent_unit_id = $2, region = $3 WHERE unit_id = $1",
            e.unit_id,
            e.parent_unit_id,
            e.region,
        )

    @handles(UnitClosed)
    async def on_unit_closed(self, ctx: BatchContext, e: UnitClosed, r: Received) -> None:
        ctx.sql.add("UPDATE units SET closed_on = $2 WHERE unit_id = $1", e.unit_id, e.closed_on)

    @handles(FormationChanged)
    async def on_formation(self, ctx: BatchContext, e: FormationChanged, r: Received) -> None:
        ctx.sql.add(
            "UPDATE positions SET formasi = $2 WHERE position_id = $1", e.position_id, e.formasi
        )

    @handles(EmployeeStatusChanged)
    async def on_status(self, ctx: BatchContext, e: EmployeeStatusChanged, r: Received) -> None:
        ctx.sql.add("UPDATE employees SET status = $2 WHERE nip = $1", e.nip, e.status)

    @handles(EmployeeGradeChanged)
    async def on_grade(self, ctx: BatchContext, e: EmployeeGradeChanged, r: Received) -> None:
        ctx.sql.add("UPDATE employees SET grade = $2 WHERE nip = $1", e.nip, e.grade)

    @handles(EmployeeEducationUpdated)
    async def on_education(
        self, ctx: BatchContext, e: EmployeeEducationUpdated, r: Received
    ) -> None:
        ctx.sql.add(
            "UPDATE employees SET education = $2 WHERE nip = $1",
            e.nip,
            [ed.model_dump(mode="json") for ed in e.education],
        )

    @handles(EmployeeCompetenciesUpdated)
    async def on_competencies(
        self, ctx: BatchContext, e: EmployeeCompetenciesUpdated, r: Received
    ) -> None:
        ctx.sql.add(
            "UPDATE employees SET competencies = $2 WHERE nip = $1", e.nip, list(e.competencies)
        )

    @staticmethod
    def _post(ctx: BatchContext, nip: str, position_id: str, unit_id: str, since: Any) -> None:
        ctx.sql.add(
            """INSERT INTO employee_posts (nip, position_id, unit_id, since)
               VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING""",
            nip,
            position_id,
            unit_id,
            since,
        )


class PerformanceView(Projection):
    """Performance ratings (predikat) per employee, from evaluation; a corrected rating is
    marked `superseded_by` its correction and no longer counts."""

    name = "performance_view"
    topics = (EVALUATION,)
    tables = ("performance",)

    @handles(EvaluationRecordedV2)
    async def on_evaluation(self, ctx: BatchContext, e: EvaluationRecordedV2, r: Received) -> None:
        ctx.sql.add(
            """INSERT INTO performance (evaluation_id, nip, kind, period_start, period_end,
                   predikat)
               VALUES ($1, $2, $3, $4, $5, $6)
               ON CONFLICT (evaluation_id) DO UPDATE SET kind = $3, period_start = $4,
                   period_end = $5, predikat = $6""",
            e.evaluation_id,
            e.nip,
            e.kind,
            e.period_start,
            e.period_end,
            e.predikat,
        )
        if e.supersedes_evaluation_id:  # a correction: the corrected rating no longer counts
            ctx.sql.add(
                "UPDATE performance SET superseded_by = $2 WHERE evaluation_id = $1",
                e.supersedes_evaluation_id,
                e.evaluation_id,
            )


_STEP_OF = {cls: status.value for cls, status in STATUS_AFTER.items()}


def _step(event: Any) -> str:
    """The step an event puts the transfer in (an upheld objection is followed by the
    cancellation, so it is shown as such rather than as dismissed)."""
    if isinstance(event, MutationObjectionResolved) and event.upheld:
        return "OBJECTION_UPHELD"
    return _STEP_OF[type(event)]


_ID_FIELDS = {"mutation_id", "nip"}


def _reason(event: Any) -> str | None:
    """The reason shown in the timeline; a sealed one (an objection) stays in `details`,
    sealed, and is opened only when the transfer is read (while the key exists). One
    recorded before sealing is shown as it was written (the plaintext of an upcast event)."""
    if event.plaintext and "reason" in event.plaintext:
        return str(event.plaintext["reason"])
    for attr in ("reason", "reasons", "notes", "message"):
        value = getattr(event, attr, None)
        if isinstance(value, Sealed):
            return None
        if value:
            return str(value)
    return None


class MutationBoard(Projection):
    """Transfers with their current step, age in step and full timeline (who, when, why)."""

    name = "mutation_board"
    topics = (MUTATION,)
    tables = ("mutations", "mutation_timeline")

    @handles(MutationProposed)
    async def on_proposed(self, ctx: BatchContext, e: MutationProposed, r: Received) -> None:
        ctx.sql.add(
            """INSERT INTO mutations (mutation_id, nip, from_unit_id, from_position_id,
                   to_unit_id, to_position_id, kind, reason, need_id, status, proposed_by,
                   proposed_at, status_since, version)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'PROPOSED', $10, $11, $11, $12)
               ON CONFLICT (mutation_id) DO NOTHING""",
            e.mutation_id,
            e.nip,
            e.from_unit_id,
            e.from_position_id,
            e.to_unit_id,
            e.to_position_id,
            e.kind,
            e.reason,
            e.need_id,
            e.proposed_by,
            r.envelope.time,
            r.envelope.streamversion or 1,
        )
        self._timeline(ctx, e, r)

    @handles(
        MutationDocumentsChecked,
        MutationReviewed,
        MutationApproved,
        MutationRejected,
        MutationSocialized,
        MutationAcknowledged,
        MutationDeemedAcknowledged,
        MutationObjectedV2,
        MutationObjectionResolved,
        MutationHeld,
        MutationReleased,
        MutationEffective,
        MutationCancelled,
        MutationRevoked,
    )
    async def on_step(self, ctx: BatchContext, e: Any, r: Received) -> None:
        ctx.sql.add(
            """UPDATE mutations SET status = $2, status_since = $3, version = $4
               WHERE mutation_id = $1 AND version < $4""",
            e.mutation_id,
            _step(e),
            r.envelope.time,
            r.envelope.streamversion or 0,
        )
        self._timeline(ctx, e, r)

    @handles(MutationDecreed)
    async def on_decreed(self, ctx: BatchContext, e: MutationDecreed, r: Received) -> None:
        ctx.sql.add(
            """UPDATE mutations SET status = 'DECREED', status_since = $2, version = $3,
                   sk_number = $4, sk_date = $5, tmt = $6, decree_id = $7
               WHERE mutation_id = $1 AND version < $3""",
            e.mutation_id,
            r.envelope.time,
            r.envelope.streamversion or 0,
            e.sk_number,
            e.sk_date,
            e.tmt,
            e.decree_id,
        )
        self._timeline(ctx, e, r)

    @staticmethod
    def _timeline(ctx: BatchContext, e: Any, r: Received) -> None:
        written = {**e.model_dump(mode="json"), **(e.plaintext or {})}  # as the producer wrote it
        details = {k: v for k, v in written.items() if k not in _ID_FIELDS}
        ctx.sql.add(
            """INSERT INTO mutation_timeline (mutation_id, version, step, event_type, actor, at,
                   reason, details)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
               ON CONFLICT (mutation_id, version) DO NOTHING""",
            e.mutation_id,
            r.envelope.streamversion or 0,
            _step(e),
            type(e).event_name(),
            r.envelope.actor,
            r.envelope.time,
            _reason(e),
            details,
        )


class NeedBoard(Projection):
    """Staffing needs with their count, places filled and status."""

    name = "need_board"
    topics = (MUTATION,)
    tables = ("staffing_needs",)

    @handles(StaffingNeedIdentified)
    async def on_identified(
        self, ctx: BatchContext, e: StaffingNeedIdentified, r: Received
    ) -> None:
        ctx.sql.add(
            """INSERT INTO staffing_needs (need_id, unit_id, position_id, count, reason,
                   priority, status, identified_by, identified_at)
               VALUES ($1, $2, $3, $4, $5, $6, 'OPEN', $7, $8)
               ON CONFLICT (need_id) DO NOTHING""",
            e.need_id,
            e.unit_id,
            e.position_id,
            e.count,
            e.reason,
            e.priority,
            e.identified_by,
            r.envelope.time,
        )

    @handles(StaffingNeedProgressed)
    async def on_progressed(
        self, ctx: BatchContext, e: StaffingNeedProgressed, r: Received
    ) -> None:
        ctx.sql.add(
            "UPDATE staffing_needs SET filled = greatest(filled, $2) WHERE need_id = $1",
            e.need_id,
            e.filled,
        )

    @handles(StaffingNeedFulfilled)
    async def on_fulfilled(self, ctx: BatchContext, e: StaffingNeedFulfilled, r: Received) -> None:
        ctx.sql.add("UPDATE staffing_needs SET status = 'FULFILLED' WHERE need_id = $1", e.need_id)

    @handles(StaffingNeedClosed)
    async def on_closed(self, ctx: BatchContext, e: StaffingNeedClosed, r: Received) -> None:
        ctx.sql.add(
            "UPDATE staffing_needs SET status = 'CLOSED', closed_reason = $2 WHERE need_id = $1",
            e.need_id,
            e.reason,
        )
