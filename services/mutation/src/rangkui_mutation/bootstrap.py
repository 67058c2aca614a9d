"""The composition root: settings -> service (pool, store, consumers, scheduler) -> app.

Nothing is built at import time; each test or process calls `create_app` with its own
settings (and, in tests, its own clock).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from fastapi import FastAPI

from rangkui_eventkit.personal_data import KeyRing
from rangkui_eventkit.runtime import Service
from rangkui_mutation.entrypoints import http, needs_http
from rangkui_mutation.entrypoints.access import ACCESS
from rangkui_mutation.service_layer.commands import Clock, Deps
from rangkui_mutation.service_layer.projections import (
    MutationBoard,
    NeedBoard,
    PerformanceView,
    PersonnelView,
)
from rangkui_mutation.service_layer.reactions import FillStaffingNeeds
from rangkui_mutation.service_layer.scheduler import EffectiveDateScheduler
from rangkui_mutation.settings import MutationSettings

MIGRATIONS = Path(__file__).resolve().parent / "migrations"  # shipped as package data


def local_today(settings: MutationSettings) -> Clock:
    """Today in the province's time zone: the TMT is a local calendar date."""
    zone = ZoneInfo(settings.timezone)
    return lambda: datetime.now(zone).date()


class MutationService(Service):
    """The kit's service with the mutation handlers, the effective-date scheduler (a kit
    worker, started and stopped with it) and the clock that says what day it is."""

    settings: MutationSettings

    def __init__(self, settings: MutationSettings, clock: Clock) -> None:
        # The employees' data keys (objection reasons are sealed with them); refuses to start
        # without the transport key outside development mode.
        self.keyring = KeyRing(settings.transport_keys())
        super().__init__(
            settings,
            migrations=MIGRATIONS,
            handlers=lambda _: [
                self.keyring,
                PersonnelView(),
                PerformanceView(),
                MutationBoard(),
                NeedBoard(),
                FillStaffingNeeds(),
            ],
            workers=lambda _: (
                {"scheduler": EffectiveDateScheduler(self.deps, settings.scheduler_interval_s)}
                if settings.run_scheduler
                else {}
            ),
        )
        self.clock = clock

    @property
    def deps(self) -> Deps:
        if self.pool is None or self.store is None:
            raise RuntimeError("the mutation service is not started")
        return Deps(self.pool, self.store, self.settings, self.clock, self.keyring)


def build_service(
    settings: MutationSettings | None = None, *, clock: Clock | None = None
) -> MutationService:
    settings = settings or MutationSettings()
    return MutationService(settings, clock or local_today(settings))


def create_app(settings: MutationSettings | None = None, *, clock: Clock | None = None) -> FastAPI:
    service = build_service(settings, clock=clock)
    return service.create_app(
        [http.router, needs_http.router],
        title="Rangkui Mutasi: transfers",
        access=ACCESS,
        description="Staffing needs, candidate matching and the transfer decision lifecycle.",
    )


__all__ = ["MutationService", "build_service", "create_app"]
