"""The NIP validator, case by case: every way a NIP can be wrong is named."""

from datetime import date

import pytest

from rangkui_eventkit.errors import RuleViolated
from rangkui_personnel.domain.nip import identity_problems, nip_problems, parse_nip

pytestmark = pytest.mark.unit


def test_decodes_a_valid_nip() -> None:
    parts = parse_nip("198609262015051001")
    assert parts.birth_date == date(1986, 9, 26)
    assert (parts.appointment_year, parts.appointment_month) == (2015, 5)
    assert parts.gender == "M"
    assert parts.sequence == "001"


def test_a_woman_has_gender_digit_two() -> None:
    assert parse_nip("199001012015032004").gender == "F"


@pytest.mark.parametrize(
    ("nip", "expected"),
    [
        ("19860926201505100", "exactly 18 digits"),
        ("1986092620150510011", "exactly 18 digits"),
        ("19860926201505100A", "exactly 18 digits"),
        ("", "exactly 18 digits"),
        ("198613262015051001", "digits 1-8 (19861326) are not a real birth date"),
        ("198602302015051001", "digits 1-8 (19860230) are not a real birth date"),
        ("198609262015131001", "digits 9-14 (201513) are not a real TMT CPNS month"),
        ("198609262015001001", "digits 9-14 (201500) are not a real TMT CPNS month"),
        ("198609262004081001", "before the 18th birthday"),
        ("198609262015053001", "digit 15 (gender) must be 1 (male) or 2 (female), got 3"),
        ("198609262015050001", "got 0"),
    ],
)
def test_names_what_is_wrong(nip: str, expected: str) -> None:
    problems = nip_problems(nip)
    assert any(expected in p for p in problems), problems
    with pytest.raises(RuleViolated) as err:
        parse_nip(nip)
    assert err.value.rule == "valid_nip"
    assert expected in err.value.message


def test_names_every_problem_at_once() -> None:
    problems = nip_problems("198613262015133001")
    assert len(problems) == 3


def test_appointment_in_the_month_of_the_18th_birthday_is_accepted() -> None:
    assert nip_problems("198609262004091001") == []


def test_a_leap_day_birth_is_a_real_date() -> None:
    assert nip_problems("198802292010012001") == []


def test_birth_date_must_agree_with_the_nip() -> None:
    problems = identity_problems("198609262015051001", birth_date=date(1986, 9, 27), gender="M")
    assert problems == ["birth date 1986-09-27 contradicts the NIP, which encodes 1986-09-26"]


def test_gender_must_agree_with_the_nip() -> None:
    problems = identity_problems("198609262015051001", birth_date=date(1986, 9, 26), gender="F")
    assert len(problems) == 1
    assert "gender F contradicts the NIP" in problems[0]


def test_a_consistent_identity_has_no_problems() -> None:
    assert identity_problems("198609262015051001", birth_date=date(1986, 9, 26), gender="M") == []
