"""Reminders that a monitoring checkpoint is due soon: no event announces them, so the
service derives them from the plan (`MonitoringScheduled`) and the calendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from rangkui_notification.domain.catalogue import NoticeRule
from rangkui_notification.domain.recipients import evaluator_or_bkd

REMINDER = NoticeRule("checkpoint_due_soon", evaluator_or_bkd)


@dataclass(frozen=True)
class CheckpointReminder:
    """The facts of one reminder; templates read it like an event."""

    plan_id: str
    mutation_id: str
    nip: str
    unit_id: str
    position_id: str
    evaluator_nip: str | None
    checkpoint_id: str
    months_after: int
    due_date: date

    @property
    def variant(self) -> str:
        """Names the notice among those about the same plan (one per checkpoint)."""
        return f"reminder-{self.checkpoint_id}"


def due_soon(reminder: CheckpointReminder, today: date, days_before: int) -> bool:
    """From `days_before` days ahead until the due date itself; after it, it is overdue."""
    return reminder.due_date - timedelta(days=days_before) <= today <= reminder.due_date
