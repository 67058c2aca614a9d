"""HTTP API of the notification service: inbox, delivery log and operator retry,
preferences, template previews and webhook subscriptions."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import AnyHttpUrl, BaseModel, Field

from rangkui_contracts.events.notification import Channel
from rangkui_eventkit.api_types import IdPath, IdQuery
from rangkui_eventkit.auth import Principal, current_principal
from rangkui_eventkit.auth import Role as AuthRole
from rangkui_eventkit.consistency import answer_written, consistent_read
from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import NotFound, RuleViolated
from rangkui_eventkit.http import request_cause
from rangkui_eventkit.limits import INT_MAX, StrictBody
from rangkui_eventkit.runtime import Service
from rangkui_notification.adapters import deliveries as delivery_queries
from rangkui_notification.adapters import inbox as inbox_queries
from rangkui_notification.domain.notice import MarkRead, preferences_stream_id
from rangkui_notification.domain.recipients import Role
from rangkui_notification.domain.webhooks import (
    REGISTRY_STREAM,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    refuse_plain_http,
    refuse_private_target,
    refuse_unentitled_patterns,
    subscription_secret,
)
from rangkui_notification.service_layer.inbox import mark_read
from rangkui_notification.service_layer.operations import (
    Deps,
    retry_delivery,
    set_preferences,
    subscribe_webhook,
    unsubscribe_webhook,
)
from rangkui_notification.service_layer.preview import preview, templates
from rangkui_notification.service_layer.webhooks import WEBHOOK_EVENTS
from rangkui_notification.settings import NotificationSettings

inbox_router = APIRouter(prefix="/inbox", tags=["inbox"])


class InboxNotice(BaseModel):
    notification_id: str
    recipient: str
    source_event_id: str
    source_event_type: str
    template: str
    subject: str
    body: str
    dispatched_at: datetime
    read: bool
    read_at: datetime | None = None


class UnreadCount(BaseModel):
    recipient: str
    unread: int


class MarkedRead(BaseModel):
    notification_id: str
    read: bool = True
    changed: bool


def _service(request: Request) -> Service:
    return request.app.state.service


def _deps(request: Request) -> Deps:
    return request.app.state.service.deps


@inbox_router.get("/{recipient}", response_model=list[InboxNotice])
async def list_inbox(
    recipient: IdPath,
    request: Request,
    unread_only: bool = False,
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0, le=INT_MAX),
) -> list[dict[str, object]]:
    """The recipient's notices, newest first (a NIP, or a role mailbox such as BKD)."""
    return await inbox_queries.list_notices(
        _service(request).pool, recipient, unread_only=unread_only, limit=limit, offset=offset
    )


@inbox_router.get("/{recipient}/unread-count", response_model=UnreadCount)
async def unread_count(recipient: IdPath, request: Request) -> UnreadCount:
    """How many of the recipient's notices are unread (the console's badge)."""
    count = await inbox_queries.unread_count(_service(request).pool, recipient)
    return UnreadCount(recipient=recipient, unread=count)


@inbox_router.post("/{recipient}/{notification_id}/read", response_model=MarkedRead)
async def read_notice(
    recipient: IdPath, notification_id: str, request: Request, cause: Cause = Depends(request_cause)
) -> MarkedRead:
    """Mark a notice read (idempotent): records `NotificationRead`, which updates the inbox."""
    d = _deps(request)
    changed = await mark_read(d.pipeline, d.pool, MarkRead(notification_id, recipient), cause)
    return MarkedRead(notification_id=notification_id, changed=changed)


templates_router = APIRouter(prefix="/templates", tags=["templates"])


class TemplateInfo(BaseModel):
    template: str
    event_type: str


class PreviewRequest(StrictBody):
    """Leave `data` out to use the built-in sample event; `role` picks one recipient role."""

    data: dict[str, Any] | None = None
    role: Role | None = None


class RenderedNotice(BaseModel):
    event_type: str
    recipient: str
    role: str
    subject: str
    body: str


@templates_router.get("", response_model=list[TemplateInfo])
async def list_templates() -> list[TemplateInfo]:
    """The notice templates and the event type each one tells about."""
    return [TemplateInfo(template=t, event_type=e) for t, e in templates()]


@templates_router.post("/{template}/preview", response_model=list[RenderedNotice])
async def preview_template(
    template: IdPath, request: Request, body: PreviewRequest | None = None
) -> list[dict[str, str]]:
    """Render a template for a sample event (or the event given in `data`), per recipient."""
    body = body or PreviewRequest()
    d = _deps(request)
    return await preview(
        template,
        renderer=d.tools.renderer,
        mailboxes=d.tools.mailboxes,
        db=d.pool,
        data=body.data,
        role=body.role,
    )


deliveries_router = APIRouter(tags=["deliveries"])


class Delivery(BaseModel):
    notification_id: str
    source_event_id: str
    source_event_type: str
    recipient: str
    channel: str
    template: str
    address: str | None = None
    subscription_id: str | None = None
    status: str
    attempts: int
    last_error: str | None = None
    next_attempt_at: datetime | None = None
    created_at: datetime
    updated_at: datetime


class Attempt(BaseModel):
    attempt: int
    started_at: datetime
    finished_at: datetime | None = None
    outcome: str
    error: str | None = None


class DeliveryDetail(Delivery):
    attempt_log: list[Attempt]


class RetryAccepted(BaseModel):
    notification_id: str
    status: str = "PENDING"


class Preferences(StrictBody):
    """Channels besides the inbox, which always gets a copy."""

    email: bool = True


@deliveries_router.get("/deliveries", response_model=list[Delivery])
async def delivery_log(
    request: Request,
    recipient: IdQuery = None,
    channel: Channel | None = None,
    status: IdQuery = None,
    source_event_id: IdQuery = None,
    subscription_id: IdQuery = None,
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0, le=INT_MAX),
) -> list[dict[str, Any]]:
    """Every delivery (inbox, e-mail, webhook) with its status; filters combine."""
    return await delivery_queries.search(
        _service(request).pool,
        recipient=recipient,
        channel=channel,
        status=status,
        source_event_id=source_event_id,
        subscription_id=subscription_id,
        limit=limit,
        offset=offset,
    )


@deliveries_router.get("/deliveries/{notification_id}", response_model=DeliveryDetail)
async def delivery_detail(notification_id: IdPath, request: Request) -> dict[str, Any]:
    """One delivery with every attempt, its outcome and error."""
    pool = _service(request).pool
    row = await delivery_queries.get(pool, notification_id)
    if row is None:
        raise NotFound(f"no delivery {notification_id}")
    return row | {"attempt_log": await delivery_queries.attempts(pool, notification_id)}


@deliveries_router.post(
    "/deliveries/{notification_id}/retry", response_model=RetryAccepted, status_code=202
)
async def retry(
    notification_id: IdPath, request: Request, cause: Cause = Depends(request_cause)
) -> RetryAccepted:
    """Operator: deliver a failed or in-doubt notice again, with a fresh retry budget."""
    d = _deps(request)
    await retry_delivery(d.pipeline, d.pool, d.tools.deciders, notification_id, cause)
    return RetryAccepted(notification_id=notification_id)


@deliveries_router.get(
    "/preferences/{recipient}",
    response_model=Preferences,
    dependencies=[
        Depends(consistent_read("delivery_log", preferences_stream_id, param="recipient"))
    ],
)
async def get_preferences(recipient: IdPath, request: Request) -> Preferences:
    """The recipient's channels besides the inbox (read your writes: `min_version`)."""
    email = await delivery_queries.email_preference(_service(request).pool, recipient)
    return Preferences(email=True if email is None else email)


@deliveries_router.put("/preferences/{recipient}", response_model=Preferences)
async def put_preferences(
    recipient: IdPath,
    body: Preferences,
    request: Request,
    response: Response,
    cause: Cause = Depends(request_cause),
) -> Preferences:
    """Choose the channels besides the inbox (applies to notices composed from now on); the
    `ETag` is the version of the recipient's preferences once set."""
    version = await set_preferences(
        _deps(request).pipeline, recipient, email=body.email, cause=cause
    )
    answer_written(response, version)
    return body


webhooks_router = APIRouter(prefix="/webhooks", tags=["webhooks"])


class SubscribeRequest(StrictBody):
    url: AnyHttpUrl
    event_types: list[str] = Field(
        min_length=1,
        description="CloudEvents types, or prefixes ending in '*' (e.g. 'rangkui.mutation.*')",
    )
    description: str = ""


class Subscribed(BaseModel):
    subscription_id: str
    url: str
    event_types: list[str]
    secret: str = Field(description="HMAC-SHA256 key of the signatures; shown only once")
    signature_header: str = SIGNATURE_HEADER
    timestamp_header: str = TIMESTAMP_HEADER


class Subscription(BaseModel):
    subscription_id: str
    url: str
    event_types: list[str]
    description: str
    active: bool
    created_at: datetime
    last_success_at: datetime | None = None
    last_failure_at: datetime | None = None
    failures_in_row: int
    last_error: str | None = None


@webhooks_router.post("/subscriptions", response_model=Subscribed, status_code=201)
async def subscribe(
    body: SubscribeRequest,
    request: Request,
    response: Response,
    cause: Cause = Depends(request_cause),
    principal: Principal = Depends(current_principal),
) -> Subscribed:
    """Subscribe a URL to mutation and evaluation events; deliveries are signed CloudEvents."""
    known = {c.ce_type() for c in WEBHOOK_EVENTS}
    for pattern in body.event_types:
        if not pattern.endswith("*") and pattern not in known:
            raise RuleViolated(
                "unknown_event_type",
                f"{pattern!r} is not an event type offered to webhooks "
                "(mutation and evaluation events; a prefix may end in '*')",
            )
    if _subscription_owner(principal) is not None:  # an integration client
        refuse_unentitled_patterns(body.event_types, known)
    settings: NotificationSettings = _service(request).settings  # type: ignore[assignment]
    if not settings.webhook_allow_private_targets:  # tests and labs: local plain receivers
        refuse_private_target(str(body.url))
        refuse_plain_http(str(body.url))
    d = _deps(request)
    subscription_id, version = await subscribe_webhook(
        d.pipeline,
        url=str(body.url),
        event_types=body.event_types,
        description=body.description,
        cause=cause,
    )
    secret = subscription_secret(d.tools.webhook_signing_key, subscription_id)
    answer_written(response, version, f"/webhooks/subscriptions/{subscription_id}")
    return Subscribed(
        subscription_id=subscription_id,
        url=str(body.url),
        event_types=body.event_types,
        secret=secret,
    )


def _subscription_owner(principal: Principal) -> str | None:
    """Whose subscriptions the caller may see and end: an integration client only its own
    (it is one provincial system among several); BKD operators and auditors every one."""
    if principal.has_any(frozenset({AuthRole.BKD_OPERATOR, AuthRole.AUDITOR})):
        return None
    return principal.actor


@webhooks_router.get("/subscriptions", response_model=list[Subscription])
async def list_subscriptions(
    request: Request, principal: Principal = Depends(current_principal)
) -> list[dict[str, Any]]:
    """Subscriptions with their health: last success, failures in a row, last error. An
    integration client sees only those it created."""
    owner = _subscription_owner(principal)
    return await delivery_queries.subscriptions(_service(request).pool, owner=owner)


@webhooks_router.get(
    "/subscriptions/{subscription_id}",
    response_model=Subscription,
    dependencies=[
        Depends(consistent_read("delivery_log", lambda _: REGISTRY_STREAM, param="subscription_id"))
    ],
)
async def get_subscription(
    subscription_id: IdPath, request: Request, principal: Principal = Depends(current_principal)
) -> dict[str, Any]:
    """One subscription with its health (read your writes: `min_version`); an integration
    client sees only one it created."""
    owner = _subscription_owner(principal)
    rows = await delivery_queries.subscriptions(
        _service(request).pool, subscription_id, owner=owner
    )
    if not rows:
        raise NotFound(f"no webhook subscription {subscription_id}")
    return rows[0]


@webhooks_router.delete("/subscriptions/{subscription_id}", status_code=204)
async def unsubscribe(
    subscription_id: IdPath,
    request: Request,
    cause: Cause = Depends(request_cause),
    principal: Principal = Depends(current_principal),
) -> None:
    """End a webhook subscription (WebhookUnsubscribed); no delivery is made after. An
    integration client may end only one it created."""
    owner = _subscription_owner(principal)
    await unsubscribe_webhook(_deps(request).pipeline, subscription_id, cause, owner=owner)
