"""The composition root: settings -> service (store, consumers, import worker) -> FastAPI app.

Nothing is built at import time, so each test and each process wires its own.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from rangkui_eventkit.handlers import Handler
from rangkui_eventkit.runtime import Service, Worker
from rangkui_personnel.adapters.personal_data import PersonalDataVault
from rangkui_personnel.entrypoints import http, http_imports
from rangkui_personnel.entrypoints.access import ACCESS
from rangkui_personnel.service_layer.imports import ImportWorker
from rangkui_personnel.service_layer.key_publisher import KeyPublisher
from rangkui_personnel.service_layer.projections import (
    EmployeesProjection,
    OrganisationProjection,
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
        TransferExecution(),
    ]


def build_vault(settings: PersonnelSettings) -> PersonalDataVault:
    """The personal-data vault; refuses (`MissingKey`) without its keys outside development."""
    return PersonalDataVault(settings.key_encryption_keys(), settings.transport_keys())


def build_service(settings: PersonnelSettings, vault: PersonalDataVault | None = None) -> Service:
    vault = vault or build_vault(settings)

    def workers(service: Service) -> dict[str, Worker]:
        # Imports run in the background of the service and resume what a previous process
        # left unfinished; data-key changes go to rangkui.personnel.keys.
        assert service.pool is not None
        assert service.store is not None
        return {
            "imports": ImportWorker(
                service.pool, service.store, vault, chunk_size=settings.import_chunk_size
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

    return Service(settings, migrations=MIGRATIONS, handlers=handlers, workers=workers)


def create_app(settings: PersonnelSettings | None = None) -> FastAPI:
    settings = settings or PersonnelSettings()
    vault = build_vault(settings)
    service = build_service(settings, vault)
    app = service.create_app(
        [http.router, http_imports.router],
        title="Rangkui personnel",
        access=ACCESS,
        upload_paths=("/imports",),
        description="Units, posts and formasi, employees with their history, staffing, "
        "bulk import of SIMPEG exports.",
    )
    app.state.vault = vault
    return app
