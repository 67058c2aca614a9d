"""Upcasting: every older version reads as the current one, and plaintext never leaks out."""

from __future__ import annotations

from collections import defaultdict

import pytest

from rangkui_contracts import REGISTRY, DomainEvent, current_class, is_current, parse_event, upcast
from rangkui_contracts.events import ALL_EVENTS
from rangkui_contracts.events.evaluation import EvaluationRecordedV2
from rangkui_contracts.events.mutation import MutationObjectedV2
from rangkui_contracts.events.notification import NotificationQueuedV2
from rangkui_contracts.events.personnel import EmployeeContactChangedV2, EmployeeRegisteredV2
from rangkui_contracts.upcasting import UPCASTERS, versions_read_as

pytestmark = pytest.mark.unit

OLDER = sorted(t for t, cls in REGISTRY.items() if not is_current(cls))


def test_every_version_but_the_newest_of_an_event_has_an_upcaster() -> None:
    versions: dict[tuple[str, str], list[type[DomainEvent]]] = defaultdict(list)
    for cls in ALL_EVENTS:
        versions[(cls.context, cls.event_name())].append(cls)
    for group in versions.values():
        newest = max(group, key=lambda c: c.version)
        assert all(current_class(c) is newest for c in group), group
        assert is_current(newest)


@pytest.mark.parametrize("ce_type", OLDER)
def test_an_older_version_is_read_as_the_current_one(
    ce_type: str, samples: dict[str, DomainEvent]
) -> None:
    old = samples[ce_type]

    read = parse_event(ce_type, old.model_dump(mode="json"))

    assert type(read) is current_class(type(old))
    assert read == upcast(old)
    assert ce_type in versions_read_as(type(read))


@pytest.mark.parametrize("ce_type", OLDER)
def test_the_plaintext_of_an_upcast_event_is_never_serialised(
    ce_type: str, samples: dict[str, DomainEvent]
) -> None:
    read = upcast(samples[ce_type])

    assert "_plaintext" not in read.model_dump()
    assert "plaintext" not in read.model_dump()
    assert "plaintext" not in read.model_dump_json()


def test_plaintext_cannot_be_given_from_the_wire(samples: dict[str, DomainEvent]) -> None:
    current = samples[EmployeeRegisteredV2.ce_type()]
    data = {**current.model_dump(mode="json"), "_plaintext": {"gender": "F"}}

    assert parse_event(current.ce_type(), data).plaintext is None


def test_a_registration_before_sealing_keeps_its_personal_fields_as_plaintext(
    samples: dict[str, DomainEvent],
) -> None:
    old = samples["rangkui.personnel.EmployeeRegistered.v1"]

    read = upcast(old)

    assert isinstance(read, EmployeeRegisteredV2)
    assert read.personal is None
    assert read.nip == old.nip
    assert read.unit_id == old.unit_id
    assert read.plaintext == {
        "birth_date": old.birth_date,  # type: ignore[attr-defined]
        "gender": old.gender,  # type: ignore[attr-defined]
        "contact": old.contact.model_dump(mode="json"),  # type: ignore[attr-defined]
    }


def test_an_objection_before_sealing_keeps_its_reason_as_plaintext(
    samples: dict[str, DomainEvent],
) -> None:
    old = samples["rangkui.mutation.MutationObjected.v1"]

    read = upcast(old)

    assert isinstance(read, MutationObjectedV2)
    assert read.reason is None  # sealed on the wire; this one never was
    assert read.plaintext == {"reason": old.reason}  # type: ignore[attr-defined]


def test_a_contact_change_before_sealing_keeps_its_contact_as_plaintext(
    samples: dict[str, DomainEvent],
) -> None:
    old = samples["rangkui.personnel.EmployeeContactChanged.v1"]

    read = upcast(old)

    assert isinstance(read, EmployeeContactChangedV2)
    assert read.plaintext == {"contact": old.contact.model_dump(mode="json")}  # type: ignore[attr-defined]


def test_an_evaluation_before_sealing_splits_checklist_and_notes(
    samples: dict[str, DomainEvent],
) -> None:
    sample = samples["rangkui.evaluation.EvaluationRecorded.v1"]
    notes = "Masih menyesuaikan diri dengan tim"
    adaptation = {"understands_new_duties": True, "works_with_team": False,
                  "needs_training": True, "notes": notes}  # fmt: skip
    data = {**sample.model_dump(mode="json"), "adaptation": adaptation}

    read = parse_event(sample.ce_type(), data)

    assert isinstance(read, EvaluationRecordedV2)
    assert read.adaptation_notes is None
    assert read.adaptation is not None
    assert read.adaptation.model_dump() == {k: v for k, v in adaptation.items() if k != "notes"}
    assert read.plaintext == {"notes": notes}


def test_a_queued_notification_of_version_1_keeps_its_address(
    samples: dict[str, DomainEvent],
) -> None:
    old = samples["rangkui.notification.NotificationQueued.v1"]

    read = upcast(old)

    assert isinstance(read, NotificationQueuedV2)
    assert read.address == old.address  # type: ignore[attr-defined]
    assert read.plaintext is None


def test_a_current_event_and_anything_else_pass_unchanged(
    samples: dict[str, DomainEvent],
) -> None:
    current = samples[EmployeeRegisteredV2.ce_type()]
    opened = object()

    assert upcast(current) is current
    assert upcast(opened) is opened


def test_upcasters_are_keyed_by_older_versions_only() -> None:
    for old, (new, _) in UPCASTERS.items():
        assert old.event_name() == new.event_name()
        assert new.version == old.version + 1
