"""Redaction of personal data in logs, dead-letter headers, causal context."""

import pytest

from rangkui_contracts import Envelope
from rangkui_contracts.events.personnel import UnitRegistered
from rangkui_eventkit.context import Cause
from rangkui_eventkit.deadletter import DeadLetter
from rangkui_eventkit.logging import redact

pytestmark = pytest.mark.unit


def test_redacts_personal_fields_and_secrets_at_any_depth() -> None:
    out = redact(
        None,
        "info",
        {
            "event": "employee.registered",
            "nip": "199003152015032001",
            "password": "hunter2",
            "payload": {"contact": {"email": "siti@example.test"}, "Authorization": "Bearer x"},
        },
    )
    assert out["password"] == "[redacted]"
    assert out["payload"]["contact"] == "[redacted]"
    assert out["payload"]["Authorization"] == "[redacted]"
    assert out["nip"] == "199003152015032001"
    assert out["event"] == "employee.registered"


def test_redacts_keys_and_sealed_personal_data() -> None:
    out = redact(
        None,
        "info",
        {
            "event": "personal_data.key_issued",
            "nip": "199003152015032001",
            "key_id": "dk-1",
            "wrapped_key": "c2VjcmV0",
            "key": b"\x00" * 32,
            "message": {"personal": {"ciphertext": "Y2lwaGVy"}, "birth_date": "1990-03-15"},
            "sealed": {"ciphertext": "Y2lwaGVy", "nonce": "bm9uY2U"},
            "profile": {"gender": "F", "phone": "+62 812"},
        },
    )
    for redacted in (
        out["wrapped_key"],
        out["key"],
        out["message"]["personal"],
        out["message"]["birth_date"],
        out["sealed"]["ciphertext"],
        out["profile"]["gender"],
        out["profile"]["phone"],
    ):
        assert redacted == "[redacted]"
    assert out["key_id"] == "dk-1"
    assert out["nip"] == "199003152015032001"


def test_a_dead_letter_keeps_the_original_record_and_says_why_and_where_from() -> None:
    dl = DeadLetter(
        topic="rangkui.personnel.events",
        partition=2,
        offset=41,
        key=b"k",
        value=b"{}",
        headers=(("ce_id", b"1"), ("dlq_reason", b"old")),
        reason="malformed: body is not valid JSON",
    )
    headers = dict(dl.headers_for("personnel.staffing"))
    assert headers["ce_id"] == b"1"
    assert headers["dlq_reason"] == b"malformed: body is not valid JSON"
    assert headers["dlq_original_topic"] == b"rangkui.personnel.events"
    assert headers["dlq_original_partition"] == b"2"
    assert headers["dlq_original_offset"] == b"41"
    assert headers["dlq_consumer"] == b"personnel.staffing"


def test_events_caused_by_an_event_stay_in_its_flow_and_name_it_as_cause() -> None:
    env = Envelope.wrap(
        UnitRegistered(unit_id="u", name="n", kind="OPD", region="r"),
        source="/rangkui/personnel",
        subject="u",
        correlationid="flow-7",
        actor="operator.bkd",
    )
    cause = Cause.following(env)
    assert cause.correlation_id == "flow-7"
    assert cause.causation_id == env.id
    assert cause.actor == "operator.bkd"
    assert Cause.following(env, actor="system").actor == "system"


class _Record:
    def __init__(self, value: bytes, ce_type: str | None) -> None:
        self.topic, self.partition, self.offset, self.key = "t", 0, 7, b"k"
        self.value = value
        self.headers = [("ce_type", ce_type.encode())] if ce_type else []


def test_a_dead_letter_copies_a_sealed_only_event_but_not_one_with_plaintext_personal_data() -> (
    None
):
    unit = b'{"unit_id":"u-1","name":"SMA Negeri 1","kind":"SMA","region":"Kota Rangkui"}'
    kept = DeadLetter.of(_Record(unit, "rangkui.personnel.UnitRegistered.v1"), "handler failed")
    assert (kept.value, kept.redacted) == (unit, False)
    # EmployeeRegistered v1 carries birth date and contact in plaintext.
    person = b'{"nip":"199107292015032001","birth_date":"1991-07-29","contact":{"email":"x@y"}}'
    for ce_type in ("rangkui.personnel.EmployeeRegistered.v1", "rangkui.nope.Unknown.v1", None):
        letter = DeadLetter.of(_Record(person, ce_type), "malformed: off its schema")
        assert letter.redacted, ce_type
        assert b"1991-07-29" not in (letter.value or b"")
        assert ("dlq_value_redacted", b"true") in letter.headers_for("c")


def test_a_dead_letter_of_a_clean_type_with_an_unreadable_value_is_redacted() -> None:
    odd = b'{"unit_id":"u-1","name":"x","kind":"SMA","region":"r","ktp":"3273011234560001"}'
    letter = DeadLetter.of(_Record(odd, "rangkui.personnel.UnitRegistered.v1"), "malformed")
    assert letter.redacted
    assert b"3273011234560001" not in (letter.value or b"")
