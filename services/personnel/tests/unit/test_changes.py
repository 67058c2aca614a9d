"""Given/When/Then for the changes after registration: units renamed, moved and closed,
formasi changed with a reason, employees' status, grade, education, competencies and
contact; and the import's sync commands, which decide only what changed."""

from datetime import date
from typing import Any

import pytest

from rangkui_contracts.events.common import Education
from rangkui_contracts.events.personnel import (
    Contact,
    EmployeeCompetenciesUpdated,
    EmployeeContactChanged,
    EmployeeEducationUpdated,
    EmployeeGradeChanged,
    EmployeeReassigned,
    EmployeeRegistered,
    EmployeeStatusChanged,
    FormationChanged,
    PositionEstablished,
    UnitClosed,
    UnitMoved,
    UnitRegistered,
    UnitRenamed,
)
from rangkui_eventkit.errors import NotFound, RuleViolated
from rangkui_personnel.domain.employee import (
    ChangeContact,
    ChangeGrade,
    ChangeStatus,
    RegisterEmployee,
    SyncEmployee,
    UpdateCompetencies,
    UpdateEducation,
    employee_decider,
)
from rangkui_personnel.domain.position import (
    ChangeFormation,
    EstablishPosition,
    SyncPosition,
    position_decider,
)
from rangkui_personnel.domain.unit import (
    CloseUnit,
    MoveUnit,
    RenameUnit,
    SyncUnit,
    require_open_unit,
    unit_decider,
)

pytestmark = pytest.mark.unit

NIP = "199203152018012003"
TODAY = date(2026, 11, 28)
SMA = UnitRegistered(
    unit_id="sma-1", name="SMA Negeri 1", kind="SMA", region="Kota X", parent_unit_id="disdik"
)
POST = PositionEstablished(
    position_id="sma-1-mat",
    unit_id="sma-1",
    title="Guru Matematika",
    jabatan_type="FUNGSIONAL",
    formasi=4,
)
MATH = Education(level="S1", field="Pendidikan Matematika", institution="UNRI", year=2014)


def employee(**overrides: Any) -> EmployeeRegistered:
    data: dict[str, Any] = {
        "nip": NIP,
        "name": "Siti Rahmawati",
        "gender": "F",
        "birth_date": date(1992, 3, 15),
        "grade": "III/a",
        "unit_id": "sma-1",
        "position_id": "sma-1-mat",
        "tmt_position": date(2018, 1, 1),
        "education": [MATH],
    }
    return EmployeeRegistered(**(data | overrides))


def record(**overrides: Any) -> RegisterEmployee:
    e = employee()
    data: dict[str, Any] = {
        "nip": e.nip,
        "name": e.name,
        "gender": e.gender,
        "birth_date": e.birth_date,
        "grade": e.grade,
        "unit_id": e.unit_id,
        "position_id": e.position_id,
        "tmt_position": e.tmt_position,
        "education": (MATH,),
    }
    return RegisterEmployee(**(data | overrides))


# ---------------------------------------------------------------------------- units
def test_renames_a_unit() -> None:
    then = unit_decider.decide(RenameUnit("sma-1", "SMAN 1 Rangkui"), unit_decider.fold([SMA]))
    assert then == [
        UnitRenamed(unit_id="sma-1", name="SMAN 1 Rangkui", previous_name="SMA Negeri 1")
    ]


def test_renaming_to_the_same_name_changes_nothing() -> None:
    assert unit_decider.decide(RenameUnit("sma-1", "SMA Negeri 1"), unit_decider.fold([SMA])) == []


def test_moves_a_unit_under_another_parent() -> None:
    then = unit_decider.decide(MoveUnit("sma-1", "cabdin-2", "Kota Y"), unit_decider.fold([SMA]))
    assert then == [
        UnitMoved(
            unit_id="sma-1",
            parent_unit_id="cabdin-2",
            previous_parent_unit_id="disdik",
            region="Kota Y",
        )
    ]


def test_a_closed_unit_takes_no_more_changes_or_holders() -> None:
    closed = [SMA, UnitClosed(unit_id="sma-1", reason="merged", closed_on=TODAY)]
    with pytest.raises(RuleViolated, match="closed"):
        unit_decider.decide(RenameUnit("sma-1", "X"), unit_decider.fold(closed))
    with pytest.raises(RuleViolated, match="sma-1 is closed"):
        require_open_unit("sma-1", unit_decider.fold(closed))


def test_closing_needs_a_reason() -> None:
    with pytest.raises(RuleViolated, match="needs a reason"):
        unit_decider.decide(CloseUnit("sma-1", " ", TODAY), unit_decider.fold([SMA]))


def test_an_unknown_unit_cannot_be_renamed() -> None:
    with pytest.raises(NotFound):
        unit_decider.decide(RenameUnit("x", "X"), unit_decider.initial_state)


def test_syncing_a_unit_decides_only_what_changed() -> None:
    state = unit_decider.fold([SMA])
    same = SyncUnit("sma-1", "SMA Negeri 1", "SMA", "Kota X", "disdik")
    assert unit_decider.decide(same, state) == []
    renamed = SyncUnit("sma-1", "SMAN 1", "SMA", "Kota X", "disdik")
    assert [type(e) for e in unit_decider.decide(renamed, state)] == [UnitRenamed]
    with pytest.raises(RuleViolated, match="kind cannot change"):
        unit_decider.decide(SyncUnit("sma-1", "SMA Negeri 1", "SMK", "Kota X", "disdik"), state)


# ---------------------------------------------------------------------------- posts
def test_changes_the_formasi_with_a_reason() -> None:
    then = position_decider.decide(
        ChangeFormation("sma-1-mat", 6, "ABK 2026: 12 rombel"), position_decider.fold([POST])
    )
    assert then == [
        FormationChanged(
            position_id="sma-1-mat",
            unit_id="sma-1",
            previous_formasi=4,
            formasi=6,
            reason="ABK 2026: 12 rombel",
        )
    ]


def test_a_change_of_formasi_needs_a_reason() -> None:
    with pytest.raises(RuleViolated, match="needs a reason"):
        position_decider.decide(ChangeFormation("sma-1-mat", 6, ""), position_decider.fold([POST]))


def test_syncing_a_post_with_the_same_formasi_changes_nothing() -> None:
    establish = EstablishPosition("sma-1-mat", "sma-1", "Guru Matematika", "FUNGSIONAL", 4)
    assert (
        position_decider.decide(SyncPosition(establish, "import"), position_decider.fold([POST]))
        == []
    )
    assert position_decider.decide(
        SyncPosition(establish, "import"), position_decider.initial_state
    ) == [POST]


# ------------------------------------------------------------------------ employees
def test_changes_status_and_grade() -> None:
    state = employee_decider.fold([employee()])
    assert employee_decider.decide(ChangeStatus(NIP, "STUDY_ASSIGNMENT", TODAY, "S2"), state) == [
        EmployeeStatusChanged(
            nip=NIP, previous_status="ACTIVE", status="STUDY_ASSIGNMENT", since=TODAY, reason="S2"
        )
    ]
    assert employee_decider.decide(ChangeGrade(NIP, "III/b", TODAY, "SK-1"), state) == [
        EmployeeGradeChanged(
            nip=NIP, previous_grade="III/a", grade="III/b", tmt=TODAY, sk_number="SK-1"
        )
    ]


def test_refuses_a_grade_that_does_not_exist() -> None:
    with pytest.raises(RuleViolated, match="not a golongan/ruang"):
        employee_decider.decide(
            ChangeGrade(NIP, "III/f", TODAY), employee_decider.fold([employee()])
        )


def test_updates_education_competencies_and_contact_only_when_they_differ() -> None:
    state = employee_decider.fold([employee()])
    s2 = Education(level="S2", field="Pendidikan Matematika")
    assert employee_decider.decide(UpdateEducation(NIP, (MATH,)), state) == []
    assert employee_decider.decide(UpdateEducation(NIP, (MATH, s2)), state) == [
        EmployeeEducationUpdated(nip=NIP, education=[MATH, s2])
    ]
    assert employee_decider.decide(UpdateCompetencies(NIP, ("olimpiade",)), state) == [
        EmployeeCompetenciesUpdated(nip=NIP, competencies=["olimpiade"])
    ]
    contact = Contact(email="siti@example.org")
    assert employee_decider.decide(ChangeContact(NIP, contact), state) == [
        EmployeeContactChanged(nip=NIP, contact=contact)
    ]


def test_syncing_the_same_record_changes_nothing() -> None:
    state = employee_decider.fold([employee()])
    assert employee_decider.decide(SyncEmployee(record(), TODAY), state) == []


def test_syncing_a_new_record_registers_the_employee() -> None:
    assert employee_decider.decide(
        SyncEmployee(record(), TODAY), employee_decider.initial_state
    ) == [employee()]


def test_syncing_a_changed_record_decides_only_the_changes() -> None:
    state = employee_decider.fold([employee()])
    changed = record(grade="III/b", unit_id="sma-2", position_id="sma-2-mat", tmt_position=TODAY)
    then = employee_decider.decide(SyncEmployee(changed, TODAY), state)
    assert [type(e) for e in then] == [EmployeeGradeChanged, EmployeeReassigned]


def test_syncing_refuses_to_change_who_the_employee_is() -> None:
    state = employee_decider.fold([employee()])
    with pytest.raises(
        RuleViolated, match=r"name Siti R\. differs from the registered Siti Rahmawati"
    ):
        employee_decider.decide(SyncEmployee(record(name="Siti R."), TODAY), state)
