"""The calendar the service lives by: the system clock in production, a settable one in tests
(so a test can move past a checkpoint without waiting months)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol
from zoneinfo import ZoneInfo


class Clock(Protocol):
    def today(self) -> date: ...


class SystemClock:
    """Today's date in the province's time zone (a due date is a local calendar day)."""

    def __init__(self, timezone: str = "Asia/Jakarta") -> None:
        self.zone = ZoneInfo(timezone)

    def today(self) -> date:
        return datetime.now(self.zone).date()


class SettableClock:
    """A clock that says what it is told, for tests."""

    def __init__(self, today: date) -> None:
        self._today = today

    def set(self, today: date) -> None:
        self._today = today

    def today(self) -> date:
        return self._today
