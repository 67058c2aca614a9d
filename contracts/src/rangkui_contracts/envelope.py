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
        """Read a binary-mode CloudEvent; raise `MalformedEvent` with a reason if it is not one."""
        attrs: dict[str, str] = {}
        for name, raw in headers or ():
            try:
                text = raw.decode() if raw is not None else ""
            except UnicodeDecodeError as exc:
                raise MalformedEvent(f"header {name!r} is not UTF-8") from exc
            if name.startswith("ce_"):
                attrs[name[3:]] = text
            elif name.lower() == "content-type":
                attrs["datacontenttype"] = text
        missing = [
            a for a in ("id", "source", "specversion", "type", "subject") if not attrs.get(a)
        ]
        if missing:
            raise MalformedEvent(
                f"missing CloudEvents header(s): {', '.join('ce_' + m for m in missing)}"
            )
        if attrs["specversion"] != SPECVERSION:
            raise MalformedEvent(f"unsupported CloudEvents specversion {attrs['specversion']!r}")
        if attrs.get("datacontenttype", CONTENT_TYPE).split(";")[0].strip() != CONTENT_TYPE:
            raise MalformedEvent(f"unsupported content-type {attrs.get('datacontenttype')!r}")
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
            return cls(
                id=attrs["id"],
                source=attrs["source"],
                type=attrs["type"],
                specversion=attrs["specversion"],
                time=attrs.get("time") or datetime.now(UTC),
                subject=attrs["subject"],
                data=data,
                correlationid=attrs.get("correlationid") or attrs["id"],
                causationid=attrs.get("causationid"),
                actor=attrs.get("actor") or "unknown",
                streamversion=attrs.get("streamversion"),
            )
        except ValidationError as exc:
            raise MalformedEvent(f"invalid CloudEvents attributes: {_first_error(exc)}") from exc

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


def _format_time(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err.get("loc", ()))
    return f"{loc}: {err.get('msg')}" if loc else str(err.get("msg"))
