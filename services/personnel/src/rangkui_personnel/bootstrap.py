"""The composition root: settings -> service (store, consumers, import worker) -> FastAPI app.

Nothing is built at import time, so each test and each process wires its own.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

from fastapi import FastAPI

from rangkui_eventkit.handlers import Handler
from rangkui_eventkit.runtime import Service
from rangkui_personnel.entrypoints import http, http_imports
from rangkui_personnel.service_layer.imports import ImportWorker
from rangkui_personnel.service_layer.projections import (
    EmployeesProjection,
    OrganisationProjection,
    StaffingProjection,
)
from rangkui_personnel.service_layer.reactions import TransferExecution
from rangkui_personnel.settings import PersonnelSettings

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


def handlers(_: Service) -> list[Handler]:
    return [
        OrganisationProjection(),
        EmployeesProjection(),
        StaffingProjection(),
        TransferExecution(),
    ]


def build_service(settings: PersonnelSettings) -> Service:
    return Service(settings, migrations=MIGRATIONS, handlers=handlers)


def create_app(settings: PersonnelSettings | None = None) -> FastAPI:
    settings = settings or PersonnelSettings()
    service = build_service(settings)
    app = service.create_app(
        [http.router, http_imports.router],
        title="Rangkui personnel",
        description="Units, posts and formasi, employees with their history, staffing, "
        "bulk import of SIMPEG exports.",
    )
    service_lifespan = app.router.lifespan_context

    @contextlib.asynccontextmanager
    async def lifespan(a: FastAPI) -> AsyncIterator[None]:
        # The kit's lifespan starts the pool and store; the import worker needs both, and
        # resumes what a previous process left unfinished.
        async with service_lifespan(a):
            assert service.pool is not None
            assert service.store is not None
            worker = ImportWorker(
                service.pool, service.store, chunk_size=settings.import_chunk_size
            )
            a.state.imports = worker
            await worker.resume_unfinished()
            try:
                yield
            finally:
                await worker.stop()

    app.router.lifespan_context = lifespan
    return app
