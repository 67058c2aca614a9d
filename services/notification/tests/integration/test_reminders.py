"""Reminders of checkpoints due soon, once per checkpoint, none for evaluated or cancelled
ones, against the real broker and database."""

from __future__ import annotations

from datetime import date, timedelta

import asyncpg
import pytest

from rangkui_contracts.events.evaluation import (
    Checkpoint,
    EvaluationRecorded,
    MonitoringCancelled,
    MonitoringScheduled,
)
from rangkui_eventkit.clock import FixedClock
from rangkui_eventkit.indonesian import tanggal
from rangkui_eventkit.testing.plugin import eventually, serve_in_process
from rangkui_notification.bootstrap import create_app
from rangkui_notification.settings import NotificationSettings

from .conftest import EMPLOYEE, HEAD_TARGET, Publish, directory_ready, seed_province

pytestmark = [pytest.mark.integration, pytest.mark.slow]

TODAY = date(2026, 11, 28)  # the service's calendar, pinned: due dates are counted from it


async def test_an_evaluator_is_reminded_once_of_a_checkpoint_due_soon(
    settings: NotificationSettings, publish: Publish, db: asyncpg.Connection
) -> None:
    today = TODAY
    checkpoints = [
        Checkpoint(checkpoint_id="C1", months_after=1, due_date=today + timedelta(days=3)),
        Checkpoint(checkpoint_id="C2", months_after=2, due_date=today + timedelta(days=5)),
        Checkpoint(checkpoint_id="C3", months_after=3, due_date=today + timedelta(days=60)),
    ]
    app = create_app(
        settings.model_copy(update={"reminder_interval_s": 3600.0}), clock=FixedClock(TODAY)
    )
    async with serve_in_process(app) as client:
        await seed_province(publish)
        await eventually(lambda: directory_ready(db))
        await publish(
            MonitoringScheduled(
                plan_id="P-1", mutation_id="M-1", nip=EMPLOYEE, unit_id="SMA2",
                position_id="GURU-2", evaluator_nip=HEAD_TARGET, tmt=date(2026, 12, 1),
                checkpoints=checkpoints,
            ),
            "plan-P-1",
        )  # fmt: skip
        await publish(
            EvaluationRecorded(
                evaluation_id="E-2", nip=EMPLOYEE, kind="CHECKPOINT", period_start=today,
                period_end=today, hasil_kerja="SESUAI", perilaku_kerja="SESUAI",
                predikat="BAIK", evaluator_nip=HEAD_TARGET, plan_id="P-1", checkpoint_id="C2",
            ),
            "evaluation-E-2",
        )  # fmt: skip

        async def remembered() -> bool:
            rows = await db.fetch(
                "SELECT checkpoint_id, evaluated FROM checkpoint_reminders ORDER BY 1"
            )
            return [tuple(r) for r in rows] == [("C1", False), ("C2", True), ("C3", False)]

        await eventually(remembered)
        scheduler = app.state.service.workers["reminders"]
        assert await scheduler.run_once() == 1
        assert await scheduler.run_once() == 0

        async def reminders() -> list[str]:
            notices = (await client.get(f"/inbox/{HEAD_TARGET}")).json()
            return [n["subject"] for n in notices if n["subject"].startswith("Pengingat")]

        subjects = await eventually(reminders)
        assert subjects == [
            "Pengingat: penilaian pemantauan pascamutasi Siti Rahma jatuh tempo "
            + tanggal(today + timedelta(days=3))
        ]

        await publish(
            MonitoringCancelled(
                plan_id="P-1", mutation_id="M-1", nip=EMPLOYEE, reason="Mutasi dibatalkan",
                cancelled_by="bkd",
            ),
            "plan-P-1",
        )  # fmt: skip
        await eventually(lambda: _all_cancelled(db))
        assert await scheduler.run_once() == 0


async def _all_cancelled(db: asyncpg.Connection) -> bool:
    return await db.fetchval("SELECT bool_and(cancelled) FROM checkpoint_reminders")
