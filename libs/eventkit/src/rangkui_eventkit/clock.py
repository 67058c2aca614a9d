"""The one clock every service reads the time from: the system clock in production, a fixed
one in tests (so a test can stand on a TMT or move past a checkpoint without waiting).

The province's time zone lives here and in the settings only: a TMT, a due date and a
decree date are local calendar days, while instants (`now`) are in UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

PROVINCE_TIMEZONE = "Asia/Jakarta"


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware, in UTC."""

    def today(self) -> date:
        """Today's date in the province's time zone."""


class SystemClock:
    def __init__(self, timezone: str = PROVINCE_TIMEZONE) -> None:
        self.zone = ZoneInfo(timezone)

    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        return datetime.now(self.zone).date()


class FixedClock:
    """A clock that says what it is told, for tests: `FixedClock(date(2026, 3, 1))` stands at
    noon of that day in the province; `set` and `advance` move it."""

    def __init__(self, at: date | datetime, timezone: str = PROVINCE_TIMEZONE) -> None:
        self.zone = ZoneInfo(timezone)
        self._now = self._instant(at)

    def _instant(self, at: date | datetime) -> datetime:
        if isinstance(at, datetime):
            return at.astimezone(UTC) if at.tzinfo else at.replace(tzinfo=UTC)
        return datetime.combine(at, time(12), self.zone).astimezone(UTC)

    def set(self, at: date | datetime) -> None:
        self._now = self._instant(at)

    def advance(self, delta: timedelta) -> None:
        self._now += delta

    def now(self) -> datetime:
        return self._now

    def today(self) -> date:
        return self._now.astimezone(self.zone).date()


SYSTEM_CLOCK = SystemClock()
"""The clock of infrastructure timestamps (when an event was recorded, a seal taken, a
message dead-lettered): the real time in every environment, tests included."""
