"""The composition root: settings -> service (handlers, adapters, workers) -> FastAPI app."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from rangkui_eventkit.clock import Clock, SystemClock
from rangkui_eventkit.handlers import Handler
from rangkui_eventkit.personal_data import KeyRing
from rangkui_eventkit.runtime import Service, Worker
from rangkui_notification.adapters.delivery import Sender
from rangkui_notification.adapters.email import SmtpSender
from rangkui_notification.adapters.templates import TemplateRenderer
from rangkui_notification.adapters.webhook import WebhookSender
from rangkui_notification.domain.channels import ChannelPolicy
from rangkui_notification.domain.delivery import RetryPolicy, delivery_decider
from rangkui_notification.domain.recipients import Mailboxes
from rangkui_notification.entrypoints.access import access_for
from rangkui_notification.entrypoints.http import (
    deliveries_router,
    inbox_router,
    templates_router,
    webhooks_router,
)
from rangkui_notification.service_layer.compose import Channels
from rangkui_notification.service_layer.delivery_log import DeliveryLog
from rangkui_notification.service_layer.delivery_worker import DeliveryWorker
from rangkui_notification.service_layer.directory import PersonnelDirectory
from rangkui_notification.service_layer.inbox import Inbox
from rangkui_notification.service_layer.notices import NoticeReaction
from rangkui_notification.service_layer.operations import Deps
from rangkui_notification.service_layer.reminders import ReminderScheduler
from rangkui_notification.service_layer.webhooks import WebhookFanout
from rangkui_notification.settings import NotificationSettings
from rangkui_notification.tools import Tools

MIGRATIONS = Path(__file__).resolve().parent / "migrations"  # shipped as package data
FaultHook = Callable[[str], None]


def build_tools(settings: NotificationSettings) -> Tools:
    s = settings
    s.require_production_secrets()
    return Tools(
        renderer=TemplateRenderer(objection_days=s.objection_days),
        mailboxes=Mailboxes(bkd=s.bkd_mailbox, ppk=s.ppk_mailbox, tpk=s.tpk_mailbox),
        webhook_signing_key=s.webhook_signing_key,
        keyring=KeyRing(s.transport_keys()),
        deciders={
            "EMAIL": delivery_decider(
                RetryPolicy(s.email_max_attempts, s.email_backoff_base_s, s.email_backoff_max_s)
            ),
            "WEBHOOK": delivery_decider(
                RetryPolicy(
                    s.webhook_max_attempts, s.webhook_backoff_base_s, s.webhook_backoff_max_s
                )
            ),
        },
    )


def build_channels(settings: NotificationSettings) -> Channels:
    addresses = {
        settings.bkd_mailbox: settings.bkd_email,
        settings.ppk_mailbox: settings.ppk_email,
        settings.tpk_mailbox: settings.tpk_email,
    }
    return Channels(
        policy=ChannelPolicy(
            email_enabled=settings.email_enabled,
            mailbox_addresses={k: v for k, v in addresses.items() if v},
        ),
        message_id_domain=settings.message_id_domain,
    )


def build_handlers(settings: NotificationSettings, tools: Tools | None = None) -> list[Handler]:
    """Every consumer of the service: the key ring (employees' data keys), directory, notices
    and webhook reactions, inbox, log."""
    tools = tools or build_tools(settings)
    keyring = [tools.keyring] if tools.keyring is not None else []
    return [
        *keyring,
        PersonnelDirectory(),
        NoticeReaction(tools.renderer, tools.mailboxes, build_channels(settings)),
        WebhookFanout(),
        Inbox(),
        DeliveryLog(),
    ]


def build_senders(settings: NotificationSettings) -> dict[str, Sender]:
    senders: dict[str, Sender] = {
        "WEBHOOK": WebhookSender(
            signing_key=settings.webhook_signing_key,
            timeout_s=settings.webhook_timeout_s,
            public_only=not settings.webhook_allow_private_targets,
        )
    }
    if settings.email_enabled:
        senders["EMAIL"] = SmtpSender(
            host=settings.smtp_host,
            port=settings.smtp_port,
            sender=settings.smtp_from,
            timeout_s=settings.smtp_timeout_s,
            require_tls=settings.smtp_tls_required,
        )
    return senders


def build_workers(
    service: Service,
    settings: NotificationSettings,
    tools: Tools,
    fault_hook: FaultHook | None = None,
) -> dict[str, Worker]:
    """The delivery worker (when a channel needs one) and the reminder scheduler."""
    assert service.pool is not None
    clock: Clock = service.clock  # type: ignore[attr-defined]
    workers: dict[str, Worker] = {}
    senders = build_senders(settings)
    if settings.run_delivery_worker and senders:
        workers["delivery"] = DeliveryWorker(
            pool=service.pool,
            pipeline=service.pipeline,
            senders=senders,
            deciders=tools.deciders,
            keyring=tools.keyring,
            poll_interval_s=settings.delivery_poll_interval_s,
            batch_size=settings.delivery_batch_size,
            fault_hook=fault_hook,
            clock=clock,
        )
    if settings.run_reminders:
        workers["reminders"] = ReminderScheduler(
            pool=service.pool,
            pipeline=service.pipeline,
            renderer=tools.renderer,
            mailboxes=tools.mailboxes,
            channels=build_channels(settings),
            days_before=settings.reminder_days_before,
            interval_s=settings.reminder_interval_s,
            clock=clock,
        )
    return workers


class NotificationService(Service):
    """The kit's service with notification's tools, clock and routes' dependencies."""

    def __init__(self, settings: NotificationSettings, tools: Tools, clock: Clock, **kw: Any):
        super().__init__(settings, **kw)
        self.tools = tools
        self.clock = clock

    @property
    def deps(self) -> Deps:
        return Deps(pipeline=self.pipeline, tools=self.tools, clock=self.clock, pool=self.pool)


def build_service(
    settings: NotificationSettings,
    tools: Tools | None = None,
    *,
    fault_hook: FaultHook | None = None,
    clock: Clock | None = None,
) -> NotificationService:
    tools = tools or build_tools(settings)
    return NotificationService(
        settings,
        tools,
        clock or SystemClock(settings.timezone),
        migrations=MIGRATIONS,
        handlers=lambda _: build_handlers(settings, tools),
        workers=lambda svc: build_workers(svc, settings, tools, fault_hook),
    )


def create_app(
    settings: NotificationSettings | None = None,
    *,
    fault_hook: FaultHook | None = None,
    clock: Clock | None = None,
) -> FastAPI:
    """The app; `fault_hook` lets tests kill the delivery worker at a named point."""
    settings = settings or NotificationSettings()
    tools = build_tools(settings)
    service = build_service(settings, tools, fault_hook=fault_hook, clock=clock)
    app = service.create_app(
        [inbox_router, deliveries_router, webhooks_router, templates_router],
        title="Rangkui notification service",
        access=access_for(settings),
        description="Notices in Bahasa Indonesia about transfers and monitoring: inbox, "
        "e-mail and webhooks, exactly once per source event, recipient and channel.",
    )
    return app
