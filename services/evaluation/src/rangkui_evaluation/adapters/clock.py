"""The calendar the service lives by: the kit's clock (one for every service)."""

from __future__ import annotations

from rangkui_eventkit.clock import Clock, FixedClock, SystemClock

SettableClock = FixedClock  # the name evaluation's tests have always used

__all__ = ["Clock", "FixedClock", "SettableClock", "SystemClock"]
