"""Every field of every published event is classified, and personal data travels sealed
(or is an explicit, reasoned exception)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from pydantic import Field, ValidationError

from rangkui_contracts import INTERNAL_REGISTRY, REGISTRY, event_class, topic_of
from rangkui_contracts.base import DomainEvent
from rangkui_contracts.classification import (
    LEVELS,
    PLAINTEXT_EXCEPTIONS,
    plaintext_personal,
    stale_entries,
    unclassified,
)
from rangkui_contracts.compatibility import compatibility_problems
from rangkui_contracts.events import ALL_EVENTS
from rangkui_contracts.events.common import Sealed
from rangkui_contracts.events.keys import PersonalDataKeyErased, PersonalDataKeyIssued
from rangkui_contracts.events.personnel import (
    Contact,
    EmployeeContactChangedV2,
    EmployeeRegisteredV2,
)
from rangkui_contracts.schema_gen import Layout, event_schema
from rangkui_contracts.topics import PERSONNEL, PERSONNEL_KEYS, topic_for

pytestmark = pytest.mark.unit


def test_every_field_of_every_event_is_classified_nested_ones_too() -> None:
    assert unclassified(ALL_EVENTS) == []


def test_the_classification_names_no_field_that_does_not_exist() -> None:
    assert stale_entries() == []


def test_personal_and_sensitive_fields_travel_sealed_unless_listed_with_a_reason() -> None:
    exposed = {path for path, _ in plaintext_personal(ALL_EVENTS)}
    listed = {f"{event.__name__}.{path}" for event, path in PLAINTEXT_EXCEPTIONS}

    assert exposed - listed == set(), "personal data in plaintext: seal it or list why"
    assert listed - exposed == set(), "an exception that is no longer needed: remove it"
    assert all(len(reason) > 40 for reason in PLAINTEXT_EXCEPTIONS.values())


def test_an_unclassified_nested_field_and_an_unsealed_personal_one_are_caught() -> None:
    class Leaky(DomainEvent):
        context = "personnel"
        nip: str
        contact: Contact = Field(default_factory=Contact)
        shoe_size: int = 0

    assert unclassified((Leaky,)) == ["Leaky.nip", "Leaky.contact", "Leaky.shoe_size"]
    assert plaintext_personal((Leaky,)) == [
        ("Leaky.contact.email", "personal"),
        ("Leaky.contact.phone", "personal"),
    ]

    from rangkui_contracts import classification

    classification.CLASSIFICATION[Leaky] = {"nip": "public", "contact": "personal"}
    try:
        assert plaintext_personal((Leaky,)) == [("Leaky.contact", "personal")]
        assert unclassified((Leaky,)) == ["Leaky.shoe_size"]
    finally:
        del classification.CLASSIFICATION[Leaky]


def test_version_2_events_carry_personal_data_only_sealed() -> None:
    for event in (EmployeeRegisteredV2, EmployeeContactChangedV2):
        assert not {"birth_date", "gender", "contact"} & set(event.model_fields)
        assert plaintext_personal((event,)) == []
    assert EmployeeRegisteredV2.ce_type() == "rangkui.personnel.EmployeeRegistered.v2"
    assert EmployeeContactChangedV2.ce_type() == "rangkui.personnel.EmployeeContactChanged.v2"


def test_schemas_publish_the_classification_of_every_property() -> None:
    schema = event_schema(EmployeeRegisteredV2)

    assert schema["properties"]["nip"]["x-classification"] == "public"
    assert schema["properties"]["personal"]["x-classification"] == "personal"
    assert schema["$defs"]["Sealed"]["properties"]["ciphertext"]["x-classification"] == "public"
    for event in ALL_EVENTS:
        doc = event_schema(event)
        for node in [doc, *doc.get("$defs", {}).values()]:
            for name, prop in node.get("properties", {}).items():
                assert prop.get("x-classification") in LEVELS, f"{event.__name__}.{name}"


def test_the_compatibility_checker_ignores_the_classification_keyword() -> None:
    layout = Layout.discover()
    for event in ALL_EVENTS:
        schema = event_schema(event)
        stripped = json.loads(json.dumps(schema).replace('"x-classification"', '"x-unused"'))
        assert compatibility_problems(stripped, schema) == []
        assert compatibility_problems(schema, stripped) == []
        checked_in = json.loads(layout.schema_path(event.ce_type()).read_text("utf-8"))
        assert compatibility_problems(checked_in, schema) == []


def test_a_sealed_value_accepts_only_base64url_and_a256gcm() -> None:
    Sealed(key_id="k1", alg="A256GCM", nonce="bm9uY2U", ciphertext="Y2lwaGVy")
    with pytest.raises(ValidationError, match="nonce"):
        Sealed(key_id="k1", alg="A256GCM", nonce="not base64!", ciphertext="Y2lwaGVy")
    with pytest.raises(ValidationError, match="alg"):
        Sealed(key_id="k1", alg="A128GCM", nonce="bm9uY2U", ciphertext="Y2lwaGVy")  # type: ignore[arg-type]


def test_key_messages_are_internal_readable_but_not_published() -> None:
    for message in (PersonalDataKeyIssued, PersonalDataKeyErased):
        assert message.ce_type() in INTERNAL_REGISTRY
        assert message.ce_type() not in REGISTRY
        assert message not in ALL_EVENTS
        assert event_class(message.ce_type()) is message
        assert topic_of(message) is PERSONNEL_KEYS
    assert PERSONNEL_KEYS.internal
    assert PERSONNEL_KEYS.config["cleanup.policy"] == "compact"
    assert topic_for("personnel") is PERSONNEL
    assert topic_of(EmployeeRegisteredV2) is PERSONNEL


def test_an_erasure_event_is_public_and_names_the_key() -> None:
    from rangkui_contracts.events.personnel import EmployeePersonalDataErased

    event = EmployeePersonalDataErased(
        nip="198609262015051001", key_id="k1", erased_at="2026-01-02T08:00:00Z", reason="UU 27"
    )
    assert plaintext_personal((EmployeePersonalDataErased,)) == []
    assert event.erased_at.date() == date(2026, 1, 2)
