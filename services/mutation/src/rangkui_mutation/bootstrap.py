"""The composition root: settings -> service (pool, store, consumers, scheduler) -> app.

Nothing is built at import time; each test or process calls `create_app` with its own
settings (and, in tests, its own clock).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from rangkui_eventkit.clock import Clock, SystemClock
from rangkui_eventkit.handlers import Handler
from rangkui_eventkit.personal_data import KeyRing
from rangkui_eventkit.runtime import Service
from rangkui_mutation.adapters.documents import PostgresDocuments
from rangkui_mutation.adapters.facts import PostgresFacts, WriteSideIndexes
from rangkui_mutation.adapters.sk_document import Letterhead, SkRenderer
from rangkui_mutation.entrypoints import http, http_decrees, http_needs
from rangkui_mutation.entrypoints.access import ACCESS
from rangkui_mutation.service_layer.commands import Deps
from rangkui_mutation.service_layer.decree_register import DecreeRegister
from rangkui_mutation.service_layer.offloop import OffLoop
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


def build_handlers(settings: MutationSettings, keyring: KeyRing | None = None) -> list[Handler]:
    """Every consumer of the service: the key ring, its projections and its reaction."""
    return [
        keyring or KeyRing(settings.transport_keys()),
        PersonnelView(),
        PerformanceView(),
        MutationBoard(),
        NeedBoard(),
        DecreeRegister(),
        FillStaffingNeeds(),
    ]


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
            handlers=lambda _: build_handlers(settings, self.keyring),
            workers=lambda _: (
                {"scheduler": EffectiveDateScheduler(self.deps, settings.scheduler_interval_s)}
                if settings.run_scheduler
                else {}
            ),
        )
        self.clock = clock
        self.inline.append(WriteSideIndexes())
        self.renderer = SkRenderer(Letterhead.of(settings), settings.decree_template_dir)
        self.matching = OffLoop(settings.matching_concurrency)

    async def stop(self) -> None:
        await super().stop()
        self.matching.close()

    @property
    def deps(self) -> Deps:
        pipeline = self.pipeline  # raises unless started
        return Deps(
            pipeline=pipeline,
            settings=self.settings,
            clock=self.clock,
            facts=lambda uow: PostgresFacts(uow.conn),
            keyring=self.keyring,
            pool=self.pool,
            documents=PostgresDocuments,
            renderer=self.renderer,
            matching=self.matching,
        )


def build_service(
    settings: MutationSettings | None = None, *, clock: Clock | None = None
) -> MutationService:
    settings = settings or MutationSettings()
    return MutationService(settings, clock or SystemClock(settings.timezone))


def create_app(settings: MutationSettings | None = None, *, clock: Clock | None = None) -> FastAPI:
    service = build_service(settings, clock=clock)
    return service.create_app(
        [http.router, http_needs.router, http_decrees.router],
        title="Rangkui Mutasi: transfers",
        access=ACCESS,
        public_routers=[http_decrees.public_router],
        upload_paths=("/decrees/{decree_id}/verify", "/decrees/{decree_id}/signed-copies"),
        description="Staffing needs, candidate matching and the transfer decision lifecycle.",
    )


__all__ = ["MutationService", "build_service", "create_app"]
