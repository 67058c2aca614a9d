"""Rendering a template for a sample (or supplied) event, exactly as a notice would be."""

from __future__ import annotations

from typing import Any

from rangkui_contracts import DomainEvent, MalformedEvent, parse_event
from rangkui_contracts.events.evaluation import MonitoringScheduled
from rangkui_eventkit.errors import NotFound, RuleViolated
from rangkui_notification.adapters.directory import Fetcher, load_directory
from rangkui_notification.adapters.templates import TemplateRenderer
from rangkui_notification.domain.catalogue import CATALOGUE, plan_notices
from rangkui_notification.domain.directory import references
from rangkui_notification.domain.recipients import Mailboxes, Recipient, Role
from rangkui_notification.domain.reminders import REMINDER
from rangkui_notification.service_layer.samples import SAMPLE_DIRECTORY, SAMPLE_REMINDER, SAMPLES


def templates() -> list[tuple[str, str]]:
    """(template, the event type it tells about) for every notice the service writes."""
    listed = [(rule.template, cls.ce_type()) for cls, rule in CATALOGUE.items()]
    return [*listed, (REMINDER.template, MonitoringScheduled.ce_type())]


def event_class_of(template: str) -> type[DomainEvent]:
    for cls, rule in CATALOGUE.items():
        if rule.template == template:
            return cls
    raise NotFound(f"no notification template named {template!r}")


async def preview(
    template: str,
    *,
    renderer: TemplateRenderer,
    mailboxes: Mailboxes,
    db: Fetcher,
    data: dict[str, Any] | None = None,
    role: Role | None = None,
) -> list[dict[str, str]]:
    """Notices the template gives for the event, one per recipient (or for `role` only).

    Without `data` the built-in sample event and sample directory are used; with `data` the
    payload is validated against the event type and names are resolved from the service's
    own directory.
    """
    if template == REMINDER.template:
        return await _preview_reminder(renderer, mailboxes, role)
    cls = event_class_of(template)
    if data is None:
        event, directory = SAMPLES[cls], SAMPLE_DIRECTORY
    else:
        try:
            event = parse_event(cls.ce_type(), data)
        except MalformedEvent as exc:
            raise RuleViolated("invalid_sample_event", str(exc)) from exc
        directory = await load_directory(db, references(event))
    recipients = [n.recipient for n in plan_notices(event, directory, mailboxes)]
    if role is not None:
        recipients = [r for r in recipients if r.role == role] or [Recipient("CONTOH", role)]
    out = []
    for r in recipients:
        rendered = renderer.render(template, event, r, directory)
        out.append(
            {
                "event_type": cls.ce_type(),
                "recipient": r.id,
                "role": r.role,
                "subject": rendered.subject,
                "body": rendered.body,
            }
        )
    return out


async def _preview_reminder(
    renderer: TemplateRenderer, mailboxes: Mailboxes, role: Role | None
) -> list[dict[str, str]]:
    """Reminders come from the calendar, not from one event: only the sample is shown."""
    recipients = REMINDER.recipients(SAMPLE_REMINDER, SAMPLE_DIRECTORY, mailboxes)
    if role is not None:
        recipients = [r for r in recipients if r.role == role] or [Recipient("CONTOH", role)]
    out = []
    for r in recipients:
        rendered = renderer.render(REMINDER.template, SAMPLE_REMINDER, r, SAMPLE_DIRECTORY)
        out.append(
            {
                "event_type": MonitoringScheduled.ce_type(),
                "recipient": r.id,
                "role": r.role,
                "subject": rendered.subject,
                "body": rendered.body,
            }
        )
    return out
