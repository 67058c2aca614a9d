"""Settings of the personnel service, from `PERSONNEL_*` environment variables."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from rangkui_eventkit.settings import ServiceSettings


class PersonnelSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="PERSONNEL_", extra="ignore")

    service_name: str = "personnel"
    http_port: int = 8101
    import_chunk_size: int = 500
    """Rows per batched append during a bulk import (one event-store call per chunk)."""
