"""Settings and policies of the mutation service, from `MUTATION_*` environment variables."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field
from pydantic_settings import SettingsConfigDict

from rangkui_eventkit.personal_data import PersonalDataTransportSettings
from rangkui_eventkit.settings import ServiceSettings


class BlackoutWindow(BaseModel):
    """A period in which transfers need the Minister of Home Affairs' written approval
    (e.g. 6 months before a regional-head election, or after an inauguration)."""

    start: date
    end: date
    reason: str


class MutationSettings(ServiceSettings, PersonalDataTransportSettings):
    """`RANGKUI_PERSONAL_DATA_TRANSPORT_KEY` (shared with personnel) unwraps the employees'
    data keys, with which an objection's reason is sealed; required unless in development."""

    model_config = SettingsConfigDict(env_prefix="MUTATION_", extra="ignore")

    service_name: str = "mutation"
    http_port: int = 8102

    # Policies (DOMAIN.md marks some as "check": they are settings, not constants).
    min_years_in_post: float = Field(
        default=2.0, ge=0, description="PP 11/2017 art. 190; BKN announced 0.5 in 2025"
    )
    max_years_in_post: float = Field(default=5.0, ge=0)
    require_full_lifecycle: bool = Field(
        default=False,
        description="documents, TPK review, socialisation and acknowledgement before approval/"
        "decree; off keeps the short flow propose -> approve -> decree -> effective",
    )
    blackout_windows: list[BlackoutWindow] = Field(default_factory=list)
    scheduler_interval_s: float = Field(default=0.25, gt=0)
    run_scheduler: bool = True
