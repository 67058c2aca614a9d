"""The composition root: settings, adapters, handlers and routes wired together, and nothing
built at import time, so every test and environment wires its own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI

from rangkui_evaluation.adapters.facts import PostgresFacts
from rangkui_evaluation.entrypoints.access import ACCESS
from rangkui_evaluation.entrypoints.http import evaluations_router, monitoring_router
from rangkui_evaluation.entrypoints.http_reports import reports_router
from rangkui_evaluation.service_layer.commands import Deps
from rangkui_evaluation.service_layer.evaluation_history import EvaluationHistory
from rangkui_evaluation.service_layer.evaluator_follower import EvaluatorFollower
from rangkui_evaluation.service_layer.monitoring_planner import MonitoringPlanner
from rangkui_evaluation.service_layer.monitoring_projection import MonitoringBoard
from rangkui_evaluation.service_layer.overdue import OverdueScheduler
from rangkui_evaluation.service_layer.personnel_projection import PersonnelDirectory
from rangkui_evaluation.settings import EvaluationSettings
from rangkui_eventkit.clock import Clock, SystemClock
from rangkui_eventkit.handlers import Handler
from rangkui_eventkit.personal_data import KeyRing
from rangkui_eventkit.runtime import Service, Worker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"  # shipped as package data


def build_keyring(settings: EvaluationSettings) -> KeyRing:
    """The employees' data keys (adaptation notes are sealed with them); refuses to start
    without the transport key outside development mode."""
    return KeyRing(settings.transport_keys())


def build_handlers(settings: EvaluationSettings, keyring: KeyRing | None = None) -> list[Handler]:
    """Every consumer of the service: its projections and reactions."""
    return [
        keyring or build_keyring(settings),
        PersonnelDirectory(),
        MonitoringPlanner(settings.checkpoint_months),
        MonitoringBoard(),
        EvaluationHistory(),
        EvaluatorFollower(),
    ]


class EvaluationService(Service):
    """The kit's service with evaluation's clock, key ring and handlers' dependencies."""

    def __init__(
        self, settings: EvaluationSettings, clock: Clock, keyring: KeyRing, **kw: Any
    ) -> None:
        super().__init__(settings, **kw)
        self.clock = clock
        self.keyring = keyring

    @property
    def deps(self) -> Deps:
        return Deps(
            pipeline=self.pipeline,
            clock=self.clock,
            facts=lambda uow: PostgresFacts(uow.conn),
            keyring=self.keyring,
            pool=self.pool,
        )


def build_service(
    settings: EvaluationSettings, clock: Clock, keyring: KeyRing | None = None
) -> EvaluationService:
    keyring = keyring or build_keyring(settings)

    def workers(service: Service) -> dict[str, Worker]:
        if not settings.run_scheduler:
            return {}
        assert service.pool is not None
        return {
            "overdue-scheduler": OverdueScheduler(
                service.pool,
                service.pipeline,
                clock,
                grace_days=settings.overdue_grace_days,
                interval_s=settings.scheduler_interval_s,
            )
        }

    return EvaluationService(
        settings,
        clock,
        keyring,
        migrations=MIGRATIONS,
        handlers=lambda _: build_handlers(settings, keyring),
        workers=workers,
    )


def create_app(
    settings: EvaluationSettings | None = None, *, clock: Clock | None = None
) -> FastAPI:
    settings = settings or EvaluationSettings()
    clock = clock or SystemClock(settings.timezone)
    keyring = build_keyring(settings)
    service = build_service(settings, clock, keyring)
    app = service.create_app(
        [monitoring_router(), evaluations_router(), reports_router()],
        title="Rangkui Mutasi: evaluation",
        access=ACCESS,
        upload_paths=("/evaluations/annual/import",),
        description="Monitoring and evaluation after a transfer: checkpoints, SKP appraisals, "
        "adaptation, and whether each transfer reached its goal.",
    )
    return app
