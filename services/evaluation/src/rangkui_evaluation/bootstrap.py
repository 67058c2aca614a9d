"""The composition root: settings, adapters, handlers and routes wired together, and nothing
built at import time, so every test and environment wires its own."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from rangkui_evaluation.adapters.clock import Clock, SystemClock
from rangkui_evaluation.entrypoints.access import ACCESS
from rangkui_evaluation.entrypoints.http import evaluations_router, monitoring_router
from rangkui_evaluation.entrypoints.reports_http import reports_router
from rangkui_evaluation.service_layer.evaluation_history import EvaluationHistory
from rangkui_evaluation.service_layer.evaluator_follower import EvaluatorFollower
from rangkui_evaluation.service_layer.monitoring_planner import MonitoringPlanner
from rangkui_evaluation.service_layer.monitoring_projection import MonitoringBoard
from rangkui_evaluation.service_layer.overdue import OverdueScheduler
from rangkui_evaluation.service_layer.personnel_projection import PersonnelDirectory
from rangkui_evaluation.settings import EvaluationSettings
from rangkui_eventkit.handlers import Handler
from rangkui_eventkit.runtime import Service, Worker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"  # shipped as package data


def build_handlers(settings: EvaluationSettings) -> list[Handler]:
    """Every consumer of the service: its projections and reactions."""
    return [
        PersonnelDirectory(),
        MonitoringPlanner(settings.checkpoint_months),
        MonitoringBoard(),
        EvaluationHistory(),
        EvaluatorFollower(),
    ]


def build_service(settings: EvaluationSettings, clock: Clock) -> Service:
    def workers(service: Service) -> dict[str, Worker]:
        if not settings.run_scheduler:
            return {}
        assert service.pool is not None
        assert service.store is not None
        return {
            "overdue-scheduler": OverdueScheduler(
                service.pool,
                service.store,
                clock,
                grace_days=settings.overdue_grace_days,
                interval_s=settings.scheduler_interval_s,
            )
        }

    return Service(
        settings,
        migrations=MIGRATIONS,
        handlers=lambda _: build_handlers(settings),
        workers=workers,
    )


def create_app(
    settings: EvaluationSettings | None = None, *, clock: Clock | None = None
) -> FastAPI:
    settings = settings or EvaluationSettings()
    clock = clock or SystemClock(settings.timezone)
    service = build_service(settings, clock)
    app = service.create_app(
        [monitoring_router(), evaluations_router(), reports_router()],
        title="Rangkui Mutasi: evaluation",
        access=ACCESS,
        upload_paths=("/evaluations/annual/import",),
        description="Monitoring and evaluation after a transfer: checkpoints, SKP appraisals, "
        "adaptation, and whether each transfer reached its goal.",
    )
    app.state.clock = clock
    return app
