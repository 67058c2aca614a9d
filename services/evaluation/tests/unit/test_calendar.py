"""Due dates are whole calendar months after the TMT."""

from datetime import date

import pytest

from rangkui_evaluation.domain.calendar import add_months

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 15), 3, date(2026, 4, 15)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2027, 8, 31), 6, date(2028, 2, 29)),
        (date(2026, 1, 1), 12, date(2027, 1, 1)),
    ],
)
def test_adds_calendar_months_clamped_to_the_end_of_the_month(
    start: date, months: int, expected: date
) -> None:
    assert add_months(start, months) == expected
