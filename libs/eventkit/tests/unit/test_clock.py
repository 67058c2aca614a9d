from datetime import UTC, date, datetime, timedelta

import pytest

from rangkui_eventkit.clock import FixedClock, SystemClock

pytestmark = pytest.mark.unit


def test_today_is_the_provinces_calendar_day_not_utcs() -> None:
    clock = FixedClock(datetime(2026, 3, 1, 20, 0, tzinfo=UTC))  # 03:00 on 2 March in Jakarta
    assert clock.today() == date(2026, 3, 2)
    assert clock.now() == datetime(2026, 3, 1, 20, 0, tzinfo=UTC)


def test_a_fixed_clock_on_a_date_stands_on_that_day_and_moves_when_told() -> None:
    clock = FixedClock(date(2026, 11, 28))
    assert clock.today() == date(2026, 11, 28)
    clock.advance(timedelta(days=3))
    assert clock.today() == date(2026, 12, 1)
    clock.set(date(2027, 1, 1))
    assert clock.today() == date(2027, 1, 1)


def test_the_system_clock_gives_an_aware_utc_instant() -> None:
    now = SystemClock().now()
    assert now.tzinfo is UTC
