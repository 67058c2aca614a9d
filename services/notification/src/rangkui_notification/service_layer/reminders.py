"""The reminder scheduler: "checkpoint due soon" notices, once per checkpoint and recipient.

Runs periodically; for every open checkpoint within `days_before` of its due date it composes
the reminder like any notice (inbox, e-mail per preferences) under deterministic stream ids
`notice-<MonitoringScheduled id>.reminder-<checkpoint>-<recipient>-<channel>`, appended at
version 0: however often it runs, and on however many replicas, each reminder exists once.
"""

from __future__ import annotations

import asyncio
import contextlib

import asyncpg

from rangkui_eventkit.clock import Clock
from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import ConcurrencyConflict
from rangkui_eventkit.logging import get_logger
from rangkui_eventkit.pipeline import Pipeline, UnitOfWork
from rangkui_notification.adapters.directory import load_directory
from rangkui_notification.adapters.preferences import opted_out_of_email
from rangkui_notification.adapters.templates import TemplateRenderer
from rangkui_notification.domain.catalogue import Notice
from rangkui_notification.domain.directory import references
from rangkui_notification.domain.recipients import Mailboxes
from rangkui_notification.domain.reminders import REMINDER, CheckpointReminder, due_soon
from rangkui_notification.service_layer.compose import Channels, Source, compose
from rangkui_notification.service_layer.once import create_once

log = get_logger(__name__)

_OPEN = """
SELECT * FROM checkpoint_reminders
WHERE NOT cancelled AND NOT evaluated AND due_date >= $1 AND due_date - $2::int <= $1
ORDER BY due_date, plan_id, checkpoint_id
"""


class ReminderScheduler:
    def __init__(
        self,
        *,
        pool: asyncpg.Pool,
        pipeline: Pipeline,
        renderer: TemplateRenderer,
        mailboxes: Mailboxes,
        channels: Channels,
        days_before: int,
        interval_s: float,
        clock: Clock,
    ) -> None:
        self.pool = pool
        self.pipeline = pipeline
        self.renderer = renderer
        self.mailboxes = mailboxes
        self.channels = channels
        self.days_before = days_before
        self.interval_s = interval_s
        self.clock = clock

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await self.run_once()
            except (OSError, asyncpg.PostgresConnectionError, asyncpg.InterfaceError) as exc:
                log.warning("reminders.infrastructure_error", error=repr(exc))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self.interval_s)

    async def run_once(self) -> int:
        """Write the reminders due today that do not exist yet; return how many notices."""
        today = self.clock.today()
        written = 0
        for row in await self.pool.fetch(_OPEN, today, self.days_before):
            reminder = CheckpointReminder(
                plan_id=row["plan_id"], mutation_id=row["mutation_id"], nip=row["nip"],
                unit_id=row["unit_id"], position_id=row["position_id"],
                evaluator_nip=row["evaluator_nip"], checkpoint_id=row["checkpoint_id"],
                months_after=row["months_after"], due_date=row["due_date"],
            )  # fmt: skip
            if not due_soon(reminder, today, self.days_before):
                continue
            source = Source(row["source_event_id"], row["source_event_type"], reminder.variant)
            cause = Cause(
                actor="notification-reminders",
                correlation_id=row["correlation_id"],
                causation_id=row["source_event_id"],
            )
            try:
                written += await self._remind(reminder, source, cause)
            except ConcurrencyConflict:
                log.info("reminders.written_elsewhere", plan_id=reminder.plan_id)
            except (OSError, asyncpg.PostgresConnectionError, asyncpg.InterfaceError):
                raise
            except Exception as exc:  # tried again next round; other reminders go on
                log.error(
                    "reminders.failed",
                    plan_id=reminder.plan_id,
                    checkpoint_id=reminder.checkpoint_id,
                    error=f"{type(exc).__name__}: {exc}",
                )
        return written

    async def _remind(self, reminder: CheckpointReminder, source: Source, cause: Cause) -> int:
        async def handler(uow: UnitOfWork) -> set[str]:
            directory = await load_directory(uow.conn, references(reminder))
            recipients = REMINDER.recipients(reminder, directory, self.mailboxes)
            notices = [Notice(r, REMINDER.template) for r in recipients]
            opted_out = await opted_out_of_email(
                uow.store, [r.id for r in recipients], conn=uow.conn
            )
            planned = compose(
                reminder, source, notices, directory, self.renderer, self.channels, opted_out
            )
            return await create_once(uow, planned)

        written = (await self.pipeline.run(handler, cause)).value
        if written:
            log.info("reminders.written", plan_id=reminder.plan_id, notices=len(written))
        return len(written)
