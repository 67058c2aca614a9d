"""Golongan/ruang (grade) and pangkat (rank name), with their order."""

from __future__ import annotations

from rangkui_contracts.grades import GRADES, RANK_NAMES
from rangkui_eventkit.errors import RuleViolated

__all__ = ["GRADES", "RANK_NAMES", "check_grade", "grade_problem", "grade_rank", "rank_name"]

_ORDER = {g: i for i, g in enumerate(GRADES)}


def grade_problem(grade: str) -> str | None:
    """Why `grade` is not a golongan/ruang (None if it is one)."""
    if grade in RANK_NAMES:
        return None
    return (
        f"grade {grade!r} is not a golongan/ruang; expected one of {', '.join(GRADES)} "
        "(IV/e is the only ruang e)"
    )


def check_grade(grade: str, field: str = "grade") -> str:
    problem = grade_problem(grade)
    if problem:
        raise RuleViolated("valid_grade", f"{field}: {problem}")
    return grade


def rank_name(grade: str) -> str:
    """The pangkat of a golongan/ruang, e.g. III/a -> Penata Muda."""
    return RANK_NAMES[check_grade(grade)]


def grade_rank(grade: str) -> int:
    """Position of a grade in the order I/a < ... < IV/e (for ranges and comparisons)."""
    return _ORDER[check_grade(grade)]
