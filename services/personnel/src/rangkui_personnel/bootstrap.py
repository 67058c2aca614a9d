"""The composition root: settings -> service (store, consumers, import worker) -> FastAPI app.

Nothing is built at import time, so each test and each process wires its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI

from rangkui_eventkit.clock import Clock, SystemClock
from rangkui_eventkit.handlers import Handler
from rangkui_eventkit.runtime import Service, Worker
from rangkui_personnel.adapters.personal_data import PersonalDataVault, VaultCodec
from rangkui_personnel.adapters.read_models import PostgresProceedings
from rangkui_personnel.entrypoints import http, http_imports
from rangkui_personnel.entrypoints.access import ACCESS
from rangkui_personnel.service_layer.commands import Deps
from rangkui_personnel.service_layer.imports import ImportWorker
from rangkui_personnel.service_layer.key_publisher import KeyPublisher
from rangkui_personnel.service_layer.projections import (
    EmployeesProjection,
    OrganisationProjection,
    ProceedingsProjection,
    StaffingProjection,
)
from rangkui_personnel.service_layer.reactions import TransferExecution
from rangkui_personnel.settings import PersonnelSettings

MIGRATIONS = Path(__file__).resolve().parent / "migrations"  # shipped as package data


def handlers(_: Service) -> list[Handler]:
    return [
        OrganisationProjection(),
        EmployeesProjection(),
        StaffingProjection(),
        ProceedingsProjection(),
        TransferExecution(),
    ]


def build_vault(settings: PersonnelSettings) -> PersonalDataVault:
    """The personal-data vault; refuses (`MissingKey`) without its keys outside development."""
    return PersonalDataVault(settings.key_encryption_keys(), settings.transport_keys())


class PersonnelService(Service):
    """The kit's service with personnel's vault as the pipeline's codec and its handlers'
    dependencies (`deps`)."""

    def __init__(
        self, settings: PersonnelSettings, vault: PersonalDataVault, clock: Clock, **kw: Any
    ) -> None:
        super().__init__(settings, **kw)
        self.vault = vault
        self.clock = clock
        self.codec = VaultCodec(vault)

    @property
    def deps(self) -> Deps:
        return Deps(
            pipeline=self.pipeline,
            clock=self.clock,
            keys=self.vault,
            proceedings=PostgresProceedings(self.pool),
            pool=self.pool,
        )


def build_service(
    settings: PersonnelSettings,
    vault: PersonalDataVault | None = None,
    *,
    clock: Clock | None = None,
) -> PersonnelService:
    vault = vault or build_vault(settings)
    clock = clock or SystemClock(settings.timezone)

    def workers(service: Service) -> dict[str, Worker]:
        # Imports run in the background of the service and resume what a previous process
        # left unfinished; data-key changes go to rangkui.personnel.keys.
        assert service.pool is not None
        assert service.store is not None
        return {
            "imports": ImportWorker(
                service.pool,
                service.store,
                vault,
                chunk_size=settings.import_chunk_size,
                clock=clock,
                concurrent_uploads=settings.import_concurrent_uploads,
                spool_dir=settings.import_spool_dir,
            ),
            "personal_data_keys": KeyPublisher(
                service.pool,
                vault,
                service.producer,
                source=service.source,
                topic_prefix=settings.topic_prefix,
                poll_interval_s=settings.relay_poll_interval_s,
            ),
        }

    return PersonnelService(
        settings, vault, clock, migrations=MIGRATIONS, handlers=handlers, workers=workers
    )


def create_app(settings: PersonnelSettings | None = None, *, clock: Clock | None = None) -> FastAPI:
    settings = settings or PersonnelSettings()
    vault = build_vault(settings)
    service = build_service(settings, vault, clock=clock)
    app = service.create_app(
        [http.router, http_imports.router],
        title="Rangkui personnel",
        access=ACCESS,
        upload_paths=("/imports",),
        description="Units, posts and formasi, employees with their history, staffing, "
        "bulk import of SIMPEG exports.",
    )
    return app
