"""Settings of the evaluation service, from `EVALUATION_*` environment variables."""

from __future__ import annotations

from pydantic import Field, field_validator
from pydantic_settings import SettingsConfigDict

from rangkui_eventkit.personal_data import PersonalDataTransportSettings
from rangkui_eventkit.settings import ServiceSettings


class EvaluationSettings(ServiceSettings, PersonalDataTransportSettings):
    """Service wiring plus the monitoring policy (configurable: the rules are checked ones),
    and the transport key of the employees' data keys (adaptation notes are sealed)."""

    model_config = SettingsConfigDict(env_prefix="EVALUATION_", extra="ignore")

    service_name: str = "evaluation"
    http_port: int = 8103
    checkpoint_months: list[int] = Field(
        default_factory=lambda: [3, 6, 12],
        description="checkpoints after the TMT, in months (policy)",
    )
    overdue_grace_days: int = Field(
        default=0, ge=0, description="days after a due date before a checkpoint is overdue"
    )
    checkpoint_early_days: int = Field(
        default=0,
        ge=0,
        description="days before its due date a checkpoint may be evaluated (policy); by "
        "default only once its period is over",
    )
    scheduler_interval_s: float = Field(
        default=60.0, gt=0, description="how often the overdue scheduler looks for checkpoints"
    )
    run_scheduler: bool = True

    @field_validator("checkpoint_months")
    @classmethod
    def _positive_and_sorted(cls, months: list[int]) -> list[int]:
        if not months or any(m < 1 for m in months):
            raise ValueError("checkpoint months must be a non-empty list of positive numbers")
        return sorted(set(months))
