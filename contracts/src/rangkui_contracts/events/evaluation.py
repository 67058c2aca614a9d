"""Events of the evaluation (monitoring) context (topic `rangkui.evaluation.events`)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from rangkui_contracts.base import DomainEvent
from rangkui_contracts.events.common import Nip, Predikat, Rating, Value


class _Evaluation(DomainEvent):
    context = "evaluation"


class Checkpoint(Value):
    checkpoint_id: str
    months_after: int = Field(ge=1)
    due_date: date


class MonitoringScheduled(_Evaluation):
    plan_id: str
    mutation_id: str
    nip: Nip
    unit_id: str
    position_id: str
    evaluator_nip: Nip | None = Field(default=None, description="head of the new unit, if known")
    tmt: date
    checkpoints: list[Checkpoint] = Field(min_length=1)


class EvaluationRecorded(_Evaluation):
    evaluation_id: str
    nip: Nip
    kind: Literal["ANNUAL", "CHECKPOINT", "PERIODIC"]
    period_start: date
    period_end: date
    hasil_kerja: Rating = Field(description="results rating")
    perilaku_kerja: Rating = Field(description="behaviour rating")
    predikat: Predikat = Field(description="computed from the two ratings, never typed in")
    evaluator_nip: Nip | None = None
    plan_id: str | None = None
    checkpoint_id: str | None = None


EVENTS: tuple[type[DomainEvent], ...] = (MonitoringScheduled, EvaluationRecorded)
