""" "Checkpoint due soon" reminders: when they are due, and what they say."""

from datetime import date

import pytest

from rangkui_notification.adapters.templates import TemplateRenderer
from rangkui_notification.domain.directory import Directory
from rangkui_notification.domain.recipients import Mailboxes
from rangkui_notification.domain.reminders import REMINDER, CheckpointReminder, due_soon

from .conftest import EMPLOYEE, HEAD_TARGET

pytestmark = pytest.mark.unit


def reminder(evaluator: str | None = HEAD_TARGET) -> CheckpointReminder:
    return CheckpointReminder(
        plan_id="P-1", mutation_id="M-1", nip=EMPLOYEE, unit_id="SMA2",
        position_id="GURU-MTK-2", evaluator_nip=evaluator, checkpoint_id="C3",
        months_after=3, due_date=date(2027, 3, 1),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2027, 2, 21), False),
        (date(2027, 2, 22), True),
        (date(2027, 3, 1), True),
        (date(2027, 3, 2), False),  # overdue now: MonitoringOverdue tells that
    ],
)
def test_a_reminder_is_due_from_the_days_before_until_the_due_date(
    today: date, expected: bool
) -> None:
    assert due_soon(reminder(), today, days_before=7) is expected


def test_the_evaluator_is_reminded_with_the_due_date(
    renderer: TemplateRenderer, directory: Directory
) -> None:
    [r] = REMINDER.recipients(reminder(), directory, Mailboxes())
    out = renderer.render(REMINDER.template, reminder(), r, directory)
    assert out.subject == (
        "Pengingat: penilaian pemantauan pascamutasi Siti Rahma jatuh tempo 1 Maret 2027"
    )
    assert out.body.startswith("Yth. Dewi Lestari,")
    assert "Penilaian    : 3 bulan setelah TMT" in out.body


def test_without_an_evaluator_the_bkd_is_asked_to_appoint_one(
    renderer: TemplateRenderer, directory: Directory
) -> None:
    [r] = REMINDER.recipients(reminder(None), directory, Mailboxes())
    assert (r.id, r.role) == ("BKD", "bkd")
    out = renderer.render(REMINDER.template, reminder(None), r, directory)
    assert "Mohon tetapkan penilai" in out.body
