"""The CloudEvents envelope and its Kafka binary binding, and parsing payloads into models."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import jsonschema
import pytest

from rangkui_contracts import (
    REGISTRY,
    DomainEvent,
    Envelope,
    MalformedEvent,
    parse_as_written,
    parse_event,
    upcast,
)
from rangkui_contracts.events.mutation import MutationRejected
from rangkui_contracts.schema_gen import Layout

pytestmark = pytest.mark.unit

REJECTED = MutationRejected(
    mutation_id="mut-9", nip="198609262015051001", rejected_by="gubernur", reasons="blackout"
)


def wrap(event: DomainEvent = REJECTED, **overrides: Any) -> Envelope:
    attrs: dict[str, Any] = {
        "source": "/rangkui/mutation",
        "subject": "mut-9",
        "correlationid": "flow-1",
        "causationid": "cmd-1",
        "actor": "197501012000031002",
        "streamversion": 3,
    }
    attrs.update(overrides)
    return Envelope.wrap(event, **attrs)


def kafka(envelope: Envelope) -> tuple[bytes, bytes, list[tuple[str, bytes]]]:
    return envelope.kafka_key(), envelope.kafka_value(), envelope.kafka_headers()


def replace_header(
    headers: list[tuple[str, bytes]], name: str, value: bytes | None
) -> list[tuple[str, bytes]]:
    kept = [(n, v) for n, v in headers if n != name]
    return kept if value is None else [*kept, (name, value)]


def validator(layout: Layout, ce_type: str) -> jsonschema.Draft202012Validator:
    schema = json.loads(layout.schema_path(ce_type).read_text("utf-8"))
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


# ------------------------------------------------------------------------ round trip
@pytest.mark.parametrize("ce_type", sorted(REGISTRY))
def test_every_event_type_round_trips_through_kafka_binary_mode(
    ce_type: str, samples: dict[str, DomainEvent]
) -> None:
    sent = wrap(samples[ce_type], subject="stream-1")

    received = Envelope.from_kafka(*kafka(sent))

    assert received == sent
    assert parse_as_written(received.type, received.data) == samples[ce_type]
    assert parse_event(received.type, received.data) == upcast(samples[ce_type])
    assert received.data == samples[ce_type].model_dump(mode="json")


def test_round_trip_without_optional_extensions_leaves_them_absent() -> None:
    sent = wrap(causationid=None, streamversion=None)
    names = [n for n, _ in sent.kafka_headers()]

    received = Envelope.from_kafka(*kafka(sent))

    assert "ce_causationid" not in names
    assert "ce_streamversion" not in names
    assert received == sent


def test_a_naive_time_is_taken_as_utc_so_the_round_trip_is_equal() -> None:
    sent = wrap(time=datetime(2026, 1, 2, 8, 30))

    received = Envelope.from_kafka(*kafka(sent))

    assert received == sent
    assert received.time == datetime(2026, 1, 2, 8, 30, tzinfo=UTC)


@pytest.mark.parametrize("ce_type", sorted(REGISTRY))
def test_kafka_value_validates_against_the_checked_in_schema(
    ce_type: str, samples: dict[str, DomainEvent], layout: Layout
) -> None:
    value = json.loads(wrap(samples[ce_type]).kafka_value())

    errors = [e.message for e in validator(layout, ce_type).iter_errors(value)]

    assert errors == []


def test_checked_in_schema_rejects_a_value_that_breaks_it(layout: Layout) -> None:
    value = json.loads(wrap().kafka_value())
    value["nip"] = "12345"
    del value["reasons"]

    errors = sorted(e.message for e in validator(layout, REJECTED.ce_type()).iter_errors(value))

    assert any("12345" in e for e in errors)
    assert any("'reasons' is a required property" in e for e in errors)


def test_headers_carry_the_cloudevents_attributes_and_extensions() -> None:
    envelope = wrap(id="ev-1", time=datetime(2026, 1, 2, 8, 30, tzinfo=UTC))

    headers = dict(envelope.kafka_headers())

    assert headers == {
        "ce_id": b"ev-1",
        "ce_source": b"/rangkui/mutation",
        "ce_specversion": b"1.0",
        "ce_type": b"rangkui.mutation.MutationRejected.v1",
        "ce_time": b"2026-01-02T08:30:00Z",
        "ce_subject": b"mut-9",
        "content-type": b"application/json",
        "ce_correlationid": b"flow-1",
        "ce_causationid": b"cmd-1",
        "ce_actor": b"197501012000031002",
        "ce_streamversion": b"3",
    }
    assert envelope.kafka_key() == b"mut-9"


def test_headers_match_the_headers_schema_of_the_asyncapi_message(
    asyncapi: dict[str, Any],
) -> None:
    schema = asyncapi["components"]["messages"][REJECTED.ce_type()]["headers"]
    headers = {n: v.decode() for n, v in wrap().kafka_headers()}
    check = jsonschema.Draft202012Validator(schema)

    assert list(check.iter_errors(headers)) == []
    assert list(check.iter_errors({**headers, "ce_type": "rangkui.mutation.Other.v1"})) != []


# -------------------------------------------------------------------- malformed input
def test_rejects_a_message_without_ce_type() -> None:
    key, value, headers = kafka(wrap())

    with pytest.raises(MalformedEvent, match=r"missing CloudEvents header.*ce_type"):
        Envelope.from_kafka(key, value, replace_header(headers, "ce_type", None))


def test_rejects_a_body_that_is_not_json() -> None:
    key, _, headers = kafka(wrap())

    with pytest.raises(MalformedEvent, match="body is not valid JSON"):
        Envelope.from_kafka(key, b'{"mutation_id": ', headers)


def test_rejects_a_body_that_is_not_a_json_object() -> None:
    key, _, headers = kafka(wrap())

    with pytest.raises(MalformedEvent, match="body must be a JSON object"):
        Envelope.from_kafka(key, b'["mut-9"]', headers)


def test_rejects_a_message_without_a_body() -> None:
    key, _, headers = kafka(wrap())

    with pytest.raises(MalformedEvent, match="no body"):
        Envelope.from_kafka(key, None, headers)


def test_rejects_an_unsupported_specversion() -> None:
    key, value, headers = kafka(wrap())

    with pytest.raises(MalformedEvent, match=r"specversion '0\.3'"):
        Envelope.from_kafka(key, value, replace_header(headers, "ce_specversion", b"0.3"))


def test_rejects_a_key_that_differs_from_the_subject() -> None:
    _, value, headers = kafka(wrap())

    with pytest.raises(MalformedEvent, match="key differs from ce_subject"):
        Envelope.from_kafka(b"another-stream", value, headers)


def test_rejects_a_header_that_is_not_utf8() -> None:
    key, value, headers = kafka(wrap())

    with pytest.raises(MalformedEvent, match="'ce_source' is not UTF-8"):
        Envelope.from_kafka(key, value, replace_header(headers, "ce_source", b"\xff\xfe"))


def test_rejects_an_unsupported_content_type() -> None:
    key, value, headers = kafka(wrap())

    with pytest.raises(MalformedEvent, match="content-type 'application/avro'"):
        Envelope.from_kafka(
            key, value, replace_header(headers, "content-type", b"application/avro")
        )


def test_rejects_a_stream_version_that_is_not_a_number() -> None:
    key, value, headers = kafka(wrap())

    with pytest.raises(MalformedEvent, match="streamversion"):
        Envelope.from_kafka(key, value, replace_header(headers, "ce_streamversion", b"third"))


def test_accepts_a_message_without_a_key() -> None:
    _, value, headers = kafka(wrap())

    assert Envelope.from_kafka(None, value, headers).subject == "mut-9"


# ------------------------------------------------------------------------ parse_event
def test_parse_event_returns_the_model_of_the_type() -> None:
    assert parse_event(REJECTED.ce_type(), REJECTED.model_dump(mode="json")) == REJECTED


def test_parse_event_rejects_an_unknown_type() -> None:
    with pytest.raises(MalformedEvent, match=r"unknown event type 'rangkui\.mutation\.Nope\.v1'"):
        parse_event("rangkui.mutation.Nope.v1", {})


def test_parse_event_names_the_missing_required_field() -> None:
    data = REJECTED.model_dump(mode="json")
    del data["rejected_by"]

    with pytest.raises(MalformedEvent, match="rejected_by: Field required"):
        parse_event(REJECTED.ce_type(), data)


def test_parse_event_names_a_field_with_a_wrong_value() -> None:
    with pytest.raises(MalformedEvent, match="nip: String should match pattern"):
        parse_event(REJECTED.ce_type(), {**REJECTED.model_dump(mode="json"), "nip": "1"})


def test_parse_event_ignores_properties_added_by_a_newer_producer(
    samples: dict[str, DomainEvent],
) -> None:
    event = samples["rangkui.personnel.EmployeeRegistered.v1"]
    data = event.model_dump(mode="json")
    data["photo_url"] = "https://example.org/siti.jpg"
    data["education"][0]["gpa"] = 3.6

    assert parse_as_written(event.ce_type(), data) == event
    assert parse_event(event.ce_type(), data) == upcast(event)


def test_producers_still_cannot_construct_an_event_with_an_unknown_field() -> None:
    with pytest.raises(ValueError, match="Extra inputs are not permitted"):
        MutationRejected(**REJECTED.model_dump(), reasonz="typo")


# ------------------------------------------------------------------- structured mode
def test_structured_mode_holds_data_attributes_and_extensions() -> None:
    envelope = wrap(id="ev-1", time=datetime(2026, 1, 2, 8, 30, tzinfo=UTC))

    body = envelope.to_structured()

    assert body["data"] == REJECTED.model_dump(mode="json")
    assert body["type"] == "rangkui.mutation.MutationRejected.v1"
    assert body["time"] == "2026-01-02T08:30:00Z"
    assert body["specversion"] == "1.0"
    assert body["correlationid"] == "flow-1"
    assert body["causationid"] == "cmd-1"
    assert body["actor"] == "197501012000031002"
    assert body["streamversion"] == 3
    assert json.loads(json.dumps(body)) == body


def test_structured_mode_leaves_out_absent_extensions() -> None:
    body = wrap(causationid=None, streamversion=None).to_structured()

    assert "causationid" not in body
    assert "streamversion" not in body


def test_rejects_a_time_that_is_not_rfc3339() -> None:
    key, value, headers = kafka(wrap())

    with pytest.raises(MalformedEvent, match="time"):
        Envelope.from_kafka(key, value, replace_header(headers, "ce_time", b"yesterday"))


def test_reads_the_stream_version_and_time_it_was_given() -> None:
    envelope = wrap(streamversion=3)
    read = Envelope.from_kafka(*kafka(envelope))
    assert read.streamversion == 3
    assert read.time == envelope.time
