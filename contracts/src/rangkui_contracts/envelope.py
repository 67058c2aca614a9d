"""CloudEvents 1.0 envelope and its Kafka protocol binding (binary content mode).

On Kafka, the event data is the JSON message value; the context attributes travel as
`ce_*` headers; the message key is the stream id (the CloudEvents `subject`), so every
stream stays ordered within its partition. Three extension attributes carry the audit and
tracing context: `correlationid` (one business flow), `causationid` (the event or request
that caused this one) and `actor` (who acted). `streamversion` is the event's position in
its stream.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from rangkui_contracts.base import DomainEvent

SPECVERSION = "1.0"
CONTENT_TYPE = "application/json"
_EXTENSIONS = ("correlationid", "causationid", "actor", "streamversion")

KafkaHeaders = list[tuple[str, bytes]]


class MalformedEvent(ValueError):
    """A message that cannot be read as a known, valid event; the reason says why."""


class Envelope(BaseModel):
    """One event with its CloudEvents context attributes."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(default_factory=lambda: str(uuid.uuid4()))
    source: str
    type: str
    specversion: str = SPECVERSION
    time: datetime = Field(default_factory=lambda: datetime.now(UTC))
    subject: str
    datacontenttype: str = CONTENT_TYPE
    data: dict[str, Any]
    correlationid: str
    causationid: str | None = None
    actor: str
    streamversion: int | None = None

    @field_validator("time")
    @classmethod
    def _time_in_utc(cls, value: datetime) -> datetime:
        """A naive time is taken as UTC, as `ce_time` writes it, so a round trip is equal."""
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value

    @classmethod
    def wrap(
        cls,
        event: DomainEvent,
        *,
        source: str,
        subject: str,
        correlationid: str,
        actor: str,
        causationid: str | None = None,
        streamversion: int | None = None,
        id: str | None = None,
        time: datetime | None = None,
    ) -> Envelope:
        extra: dict[str, Any] = {}
        if id is not None:
            extra["id"] = id
        if time is not None:
            extra["time"] = time
        return cls(
            source=source,
            type=event.ce_type(),
            subject=subject,
            data=event.model_dump(mode="json"),
            correlationid=correlationid,
            causationid=causationid,
            actor=actor,
            streamversion=streamversion,
            **extra,
        )

    # ------------------------------------------------------------ Kafka binary mode
    def kafka_key(self) -> bytes:
        return self.subject.encode()

    def kafka_value(self) -> bytes:
        return json.dumps(self.data, separators=(",", ":"), ensure_ascii=False).encode()

    def kafka_headers(self) -> KafkaHeaders:
        return binary_headers(
            id=self.id,
            source=self.source,
            type=self.type,
            time=self.time,
            subject=self.subject,
            correlationid=self.correlationid,
            causationid=self.causationid,
            actor=self.actor,
            streamversion=self.streamversion,
            specversion=self.specversion,
            datacontenttype=self.datacontenttype,
        )

    @classmethod
    def from_kafka(
        cls, key: bytes | None, value: bytes | None, headers: Sequence[tuple[str, bytes]]
    ) -> Envelope:
        """Read a binary-mode CloudEvent; raise `MalformedEvent` with a reason if it is not one.

        Every consumer calls this for every record, so it checks the attributes itself and
        builds the model with `model_construct` rather than validating field by field."""
        try:
            attrs = {
                (name[3:] if name.startswith("ce_") else name.lower()): raw.decode()
                for name, raw in headers or ()
                if raw is not None
            }
        except UnicodeDecodeError as exc:
            culprit = next(n for n, raw in headers if raw is not None and not _is_utf8(raw))
            raise MalformedEvent(f"header {culprit!r} is not UTF-8") from exc
        missing = [
            a for a in ("id", "source", "specversion", "type", "subject") if not attrs.get(a)
        ]
        if missing:
            raise MalformedEvent(
                f"missing CloudEvents header(s): {', '.join('ce_' + m for m in missing)}"
            )
        if attrs["specversion"] != SPECVERSION:
            raise MalformedEvent(f"unsupported CloudEvents specversion {attrs['specversion']!r}")
        content_type = attrs.get("content-type", CONTENT_TYPE)
        if content_type.split(";")[0].strip() != CONTENT_TYPE:
            raise MalformedEvent(f"unsupported content-type {content_type!r}")
        if value is None:
            raise MalformedEvent("message has no body")
        try:
            data = json.loads(value)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise MalformedEvent(f"body is not valid JSON: {exc}") from exc
        if not isinstance(data, dict):
            raise MalformedEvent("body must be a JSON object")
        if key is not None and key.decode(errors="replace") != attrs["subject"]:
            raise MalformedEvent("message key differs from ce_subject")
        try:
            time = _parse_time(attrs["time"]) if attrs.get("time") else datetime.now(UTC)
        except ValueError as exc:
            raise MalformedEvent(f"invalid CloudEvents attributes: time: {exc}") from exc
        version = attrs.get("streamversion")
        if version is not None and not version.isdigit():
            raise MalformedEvent(
                f"invalid CloudEvents attributes: streamversion {version!r} is not a number"
            )
        return cls.model_construct(
            id=attrs["id"],
            source=attrs["source"],
            type=attrs["type"],
            specversion=SPECVERSION,
            time=time,
            subject=attrs["subject"],
            datacontenttype=CONTENT_TYPE,
            data=data,
            correlationid=attrs.get("correlationid") or attrs["id"],
            causationid=attrs.get("causationid"),
            actor=attrs.get("actor") or "unknown",
            streamversion=int(version) if version is not None else None,
        )

    # -------------------------------------------------------- structured JSON mode
    def to_structured(self) -> dict[str, Any]:
        """The event as one JSON object (CloudEvents structured mode), as webhooks send it."""
        body: dict[str, Any] = {
            "specversion": self.specversion,
            "id": self.id,
            "source": self.source,
            "type": self.type,
            "time": _format_time(self.time),
            "subject": self.subject,
            "datacontenttype": self.datacontenttype,
            "data": self.data,
        }
        for name in _EXTENSIONS:
            value = getattr(self, name)
            if value is not None:
                body[name] = value
        return body


def binary_headers(
    *,
    id: str,
    source: str,
    type: str,
    time: datetime,
    subject: str,
    correlationid: str,
    causationid: str | None,
    actor: str,
    streamversion: int | None,
    specversion: str = SPECVERSION,
    datacontenttype: str = CONTENT_TYPE,
) -> KafkaHeaders:
    """The `ce_*` headers of the Kafka binary binding, without building an `Envelope`
    (the outbox relay publishes straight from stored rows)."""
    headers: KafkaHeaders = [
        ("ce_id", id.encode()),
        ("ce_source", source.encode()),
        ("ce_specversion", specversion.encode()),
        ("ce_type", type.encode()),
        ("ce_time", _format_time(time).encode()),
        ("ce_subject", subject.encode()),
        ("content-type", datacontenttype.encode()),
        ("ce_correlationid", correlationid.encode()),
    ]
    if causationid is not None:
        headers.append(("ce_causationid", causationid.encode()))
    headers.append(("ce_actor", actor.encode()))
    if streamversion is not None:
        headers.append(("ce_streamversion", str(streamversion).encode()))
    return headers


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode()
    except UnicodeDecodeError:
        return False
    return True


def _parse_time(text: str) -> datetime:
    """RFC 3339 time (as `ce_time` carries it); naive times are taken as UTC."""
    parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _format_time(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err.get("loc", ()))
    return f"{loc}: {err.get('msg')}" if loc else str(err.get("msg"))
