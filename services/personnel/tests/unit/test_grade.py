"""Golongan/ruang and pangkat."""

import pytest

from rangkui_eventkit.errors import RuleViolated
from rangkui_personnel.domain.grade import GRADES, grade_rank, rank_name

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("grade", "rank"),
    [
        ("I/a", "Juru Muda"),
        ("II/d", "Pengatur Tk I"),
        ("III/a", "Penata Muda"),
        ("III/b", "Penata Muda Tk I"),
        ("IV/c", "Pembina Utama Muda"),
        ("IV/e", "Pembina Utama"),
    ],
)
def test_names_the_rank_of_a_grade(grade: str, rank: str) -> None:
    assert rank_name(grade) == rank


def test_there_are_seventeen_grades_in_order() -> None:
    assert len(GRADES) == 17
    assert grade_rank("II/d") < grade_rank("III/a") < grade_rank("IV/e")


@pytest.mark.parametrize("grade", ["III/e", "V/a", "iii/a", "III-a", ""])
def test_refuses_what_is_not_a_grade(grade: str) -> None:
    with pytest.raises(RuleViolated) as err:
        rank_name(grade)
    assert "is not a golongan/ruang" in err.value.message
