"""Given past events / When a command / Then new events (or an error), for every decider."""

from collections.abc import Sequence
from datetime import date
from typing import Any

import pytest

from rangkui_contracts import DomainEvent
from rangkui_contracts.events.personnel import (
    EmployeeReassigned,
    EmployeeRegistered,
    PositionEstablished,
    UnitRegistered,
)
from rangkui_eventkit.decider import Decider
from rangkui_eventkit.errors import AlreadyExists, NotFound, RuleViolated, http_status
from rangkui_personnel.domain.employee import (
    ReassignEmployee,
    RegisterEmployee,
    employee_decider,
)
from rangkui_personnel.domain.position import (
    EstablishPosition,
    position_decider,
    require_post_in_unit,
)
from rangkui_personnel.domain.unit import RegisterUnit, require_open_unit, unit_decider

pytestmark = pytest.mark.unit

NIP = "198609262015051001"


def given_when(
    decider: Decider[Any, Any], given: Sequence[DomainEvent], command: Any
) -> Sequence[DomainEvent]:
    return decider.decide(command, decider.fold(given))


def registered_unit(unit_id: str = "dinkes") -> UnitRegistered:
    return UnitRegistered(unit_id=unit_id, name="Dinas Kesehatan", kind="OPD", region="Kota X")


def registered_employee(**overrides: Any) -> EmployeeRegistered:
    data: dict[str, Any] = {
        "nip": NIP,
        "name": "Budi Santoso",
        "gender": "M",
        "birth_date": date(1986, 9, 26),
        "grade": "III/b",
        "unit_id": "rsud-a",
        "position_id": "rsud-a-perawat",
        "tmt_position": date(2019, 1, 1),
    }
    return EmployeeRegistered(**(data | overrides))


def register_command(**overrides: Any) -> RegisterEmployee:
    e = registered_employee()
    data: dict[str, Any] = {
        "nip": e.nip,
        "name": e.name,
        "gender": e.gender,
        "birth_date": e.birth_date,
        "grade": e.grade,
        "unit_id": e.unit_id,
        "position_id": e.position_id,
        "tmt_position": e.tmt_position,
    }
    return RegisterEmployee(**(data | overrides))


# ----------------------------------------------------------------------------- units
def test_registers_a_new_unit() -> None:
    then = given_when(
        unit_decider,
        [],
        RegisterUnit("sma-1", "SMA Negeri 1", "SMA", "Kota X", parent_unit_id="disdik"),
    )
    assert then == [
        UnitRegistered(
            unit_id="sma-1",
            name="SMA Negeri 1",
            kind="SMA",
            region="Kota X",
            parent_unit_id="disdik",
        )
    ]


def test_refuses_to_register_a_unit_twice() -> None:
    with pytest.raises(AlreadyExists):
        given_when(unit_decider, [registered_unit()], RegisterUnit("dinkes", "D", "OPD", "X"))


def test_a_unit_cannot_be_its_own_parent() -> None:
    with pytest.raises(RuleViolated, match="own parent"):
        given_when(unit_decider, [], RegisterUnit("u", "U", "UPT", "X", parent_unit_id="u"))


def test_a_reference_to_an_unknown_unit_is_refused() -> None:
    with pytest.raises(RuleViolated, match="nowhere is not a registered unit") as err:
        require_open_unit("nowhere", unit_decider.initial_state)
    assert http_status(err.value) == 422


# ----------------------------------------------------------------------------- posts
def establish(**overrides: Any) -> EstablishPosition:
    data: dict[str, Any] = {
        "position_id": "rsud-a-perawat",
        "unit_id": "rsud-a",
        "title": "Perawat Ahli Pertama",
        "jabatan_type": "FUNGSIONAL",
        "formasi": 12,
        "grade_min": "III/a",
        "grade_max": "III/d",
    }
    return EstablishPosition(**(data | overrides))


def test_establishes_a_post_with_its_formasi() -> None:
    [event] = given_when(position_decider, [], establish())
    assert isinstance(event, PositionEstablished)
    assert (event.unit_id, event.formasi, event.grade_min) == ("rsud-a", 12, "III/a")


def test_refuses_to_establish_a_post_twice() -> None:
    given = given_when(position_decider, [], establish())
    with pytest.raises(AlreadyExists):
        given_when(position_decider, given, establish())


def test_refuses_an_implausible_formasi() -> None:
    """A typo such as 99999999999 in an export would otherwise break the read models."""
    with pytest.raises(RuleViolated, match="more than 10000 for one post") as refused:
        given_when(position_decider, [], establish(formasi=99_999_999_999))
    assert refused.value.rule == "formasi_plausible"


def test_refuses_an_inverted_grade_range() -> None:
    with pytest.raises(RuleViolated, match="grade_min IV/a is above grade_max III/d"):
        given_when(position_decider, [], establish(grade_min="IV/a"))


def test_refuses_a_grade_range_that_is_not_a_grade() -> None:
    with pytest.raises(RuleViolated, match="grade_max: grade 'III/e'"):
        given_when(position_decider, [], establish(grade_max="III/e"))


def test_a_post_of_another_unit_is_refused() -> None:
    state = position_decider.fold(given_when(position_decider, [], establish()))
    with pytest.raises(RuleViolated, match="belongs to unit rsud-a, not to unit rsud-b"):
        require_post_in_unit("rsud-a-perawat", state, "rsud-b")


def test_an_unknown_post_is_refused() -> None:
    with pytest.raises(RuleViolated, match="not an established post"):
        require_post_in_unit("x", position_decider.initial_state, "rsud-a")


# ------------------------------------------------------------------------- employees
def test_registers_an_employee_whose_identity_agrees_with_the_nip() -> None:
    assert given_when(employee_decider, [], register_command()) == [registered_employee()]


def test_refuses_a_second_employee_with_the_same_nip() -> None:
    with pytest.raises(AlreadyExists, match=f"NIP {NIP} is already registered") as err:
        given_when(employee_decider, [registered_employee()], register_command())
    assert http_status(err.value) == 409


def test_refuses_a_nip_with_an_impossible_birth_date() -> None:
    with pytest.raises(RuleViolated, match="not a real birth date") as err:
        given_when(employee_decider, [], register_command(nip="198602302015051001"))
    assert err.value.rule == "valid_nip"


def test_refuses_a_birth_date_that_contradicts_the_nip() -> None:
    with pytest.raises(RuleViolated, match="contradicts the NIP") as err:
        given_when(employee_decider, [], register_command(birth_date=date(1987, 9, 26)))
    assert err.value.rule == "identity_matches_nip"


def test_refuses_a_gender_that_contradicts_the_nip() -> None:
    with pytest.raises(RuleViolated, match="gender F contradicts"):
        given_when(employee_decider, [], register_command(gender="F"))


def test_refuses_an_unknown_grade() -> None:
    with pytest.raises(RuleViolated, match="is not a golongan/ruang"):
        given_when(employee_decider, [], register_command(grade="III/e"))


def reassign(**overrides: Any) -> ReassignEmployee:
    data: dict[str, Any] = {
        "nip": NIP,
        "to_unit_id": "rsud-b",
        "to_position_id": "rsud-b-perawat",
        "tmt": date(2026, 1, 1),
        "mutation_id": "m-1",
    }
    return ReassignEmployee(**(data | overrides))


def test_a_transfer_moves_the_employee_from_where_they_are() -> None:
    then = given_when(employee_decider, [registered_employee()], reassign())
    assert then == [
        EmployeeReassigned(
            nip=NIP,
            from_unit_id="rsud-a",
            from_position_id="rsud-a-perawat",
            to_unit_id="rsud-b",
            to_position_id="rsud-b-perawat",
            tmt=date(2026, 1, 1),
            mutation_id="m-1",
        )
    ]


def test_a_transfer_already_applied_changes_nothing() -> None:
    given = [
        registered_employee(),
        *given_when(employee_decider, [registered_employee()], reassign()),
    ]
    # even if the employee was moved elsewhere meanwhile
    given += given_when(
        employee_decider, given, reassign(to_unit_id="x", to_position_id="x-p", mutation_id="m-2")
    )
    assert given_when(employee_decider, given, reassign()) == []


def test_a_move_to_where_the_employee_already_is_changes_nothing() -> None:
    same = reassign(to_unit_id="rsud-a", to_position_id="rsud-a-perawat")
    assert given_when(employee_decider, [registered_employee()], same) == []


def test_an_unknown_employee_cannot_be_moved() -> None:
    with pytest.raises(NotFound):
        given_when(employee_decider, [], reassign())
