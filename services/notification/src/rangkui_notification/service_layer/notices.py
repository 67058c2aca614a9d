"""The notices reaction: events of other contexts -> notices, appended exactly once.

For each event listed in the catalogue it updates its memory, resolves the recipients from
the directory snapshot, renders the template for each and appends, per recipient, a
`NotificationDispatched` (inbox) and, when e-mail is on, a `NotificationQueued` (delivered
later by the worker) or a `NotificationSkipped` (no address, opted out), each to its own
stream at expected version 0 (see `once`).
"""

from __future__ import annotations

from rangkui_contracts import DomainEvent, TopicSpec, topic_for
from rangkui_contracts.events.evaluation import MonitoringCancelled
from rangkui_eventkit.handlers import BatchContext, Reaction, Received, handles
from rangkui_notification.adapters.directory import load_directory
from rangkui_notification.adapters.preferences import opted_out_of_email
from rangkui_notification.adapters.templates import TemplateRenderer
from rangkui_notification.domain.catalogue import CATALOGUE, plan_notices
from rangkui_notification.domain.directory import references
from rangkui_notification.domain.recipients import Mailboxes
from rangkui_notification.service_layer.compose import Channels, Source, compose
from rangkui_notification.service_layer.memory import remember_monitoring, remember_transfer
from rangkui_notification.service_layer.once import append_once


def _catalogue_topics() -> tuple[TopicSpec, ...]:
    specs = {topic_for(cls.context) for cls in CATALOGUE}
    return tuple(sorted(specs, key=lambda t: t.name))


class NoticeReaction(Reaction):
    """Tells the people concerned about every event the catalogue lists."""

    name = "notices"
    topics = _catalogue_topics()

    def __init__(
        self, renderer: TemplateRenderer, mailboxes: Mailboxes, channels: Channels = Channels()
    ) -> None:
        self.renderer = renderer
        self.mailboxes = mailboxes
        self.channels = channels

    @handles(*CATALOGUE)
    async def on_source_event(self, ctx: BatchContext, event: DomainEvent, r: Received) -> None:
        remember_transfer(ctx, event)
        remember_monitoring(ctx, event, r.envelope)
        directory = await load_directory(ctx, references(event))
        notices = plan_notices(event, directory, self.mailboxes)
        opted_out = await opted_out_of_email(
            ctx.store, [n.recipient.id for n in notices], conn=ctx.conn
        )
        source = Source.of(r.envelope)
        planned = compose(
            event, source, notices, directory, self.renderer, self.channels, opted_out
        )
        await append_once(ctx, planned, r)

    @handles(MonitoringCancelled)
    async def on_monitoring_cancelled(
        self, ctx: BatchContext, event: MonitoringCancelled, r: Received
    ) -> None:
        """No notice (the transfer's own cancellation is notified); reminders stop."""
        remember_monitoring(ctx, event, r.envelope)
