"""Older versions of an event read as the current one, in this one place.

Every version ever published stays on the wire and in the catalogue (`ALL_EVENTS`, the JSON
schemas, the AsyncAPI document), because topics and event stores keep them for good. Readers
see only the current version: `parse_event` and `upcast` turn an older one into it, so no
handler, projection, reaction or decider matches two versions of one event.

Some older versions carried personal data in plaintext that the current version seals with
the employee's data key. An upcaster cannot seal (that needs the key, and sealing would invent
a ciphertext the producer never wrote), so the upcast event carries those fields as
`plaintext`: a private attribute in the shape the sealed value has once opened (for example
`{"reason": ...}`), never validated from the wire and never serialised. Its sealed field is
then None. A reader therefore opens personal data in one way: the sealed value when there is
one, else the plaintext an older version carried (`opened_or_plaintext` in each service).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from rangkui_contracts.base import DomainEvent
from rangkui_contracts.events import evaluation, mutation, notification, personnel

E = TypeVar("E")

_Upcaster = Callable[[Any], DomainEvent]


def _with_plaintext(event: DomainEvent, plaintext: dict[str, Any] | None) -> DomainEvent:
    if plaintext:
        event._plaintext = plaintext
    return event


def _employee_registered(e: personnel.EmployeeRegistered) -> DomainEvent:
    public = e.model_dump(exclude={"gender", "birth_date", "contact"})
    personal = {
        "birth_date": e.birth_date,
        "gender": e.gender,
        "contact": e.contact.model_dump(mode="json"),
    }
    return _with_plaintext(personnel.EmployeeRegisteredV2(**public), personal)


def _contact_changed(e: personnel.EmployeeContactChanged) -> DomainEvent:
    # `personal` is required on the wire; an upcast event holds its contact as plaintext.
    upcast = personnel.EmployeeContactChangedV2.model_construct(nip=e.nip, personal=None)
    return _with_plaintext(upcast, {"contact": e.contact.model_dump(mode="json")})


def _mutation_objected(e: mutation.MutationObjected) -> DomainEvent:
    # `reason` is required on the wire; an upcast event holds it as plaintext.
    upcast = mutation.MutationObjectedV2.model_construct(
        **e.model_dump(exclude={"reason"}), reason=None
    )
    return _with_plaintext(upcast, {"reason": e.reason})


def _evaluation_recorded(e: evaluation.EvaluationRecorded) -> DomainEvent:
    fields = e.model_dump(exclude={"adaptation"})
    notes = None
    if e.adaptation is not None:
        fields["adaptation"] = evaluation.AdaptationChecklist(
            understands_new_duties=e.adaptation.understands_new_duties,
            works_with_team=e.adaptation.works_with_team,
            needs_training=e.adaptation.needs_training,
        )
        notes = e.adaptation.notes or None
    upcast = evaluation.EvaluationRecordedV2(**fields)
    return _with_plaintext(upcast, {"notes": notes} if notes else None)


def _notification_queued(e: notification.NotificationQueued) -> DomainEvent:
    # Version 2 only made `address` optional (a person's is opened when sending).
    return notification.NotificationQueuedV2(**e.model_dump())


UPCASTERS: dict[type[DomainEvent], tuple[type[DomainEvent], _Upcaster]] = {
    personnel.EmployeeRegistered: (personnel.EmployeeRegisteredV2, _employee_registered),
    personnel.EmployeeContactChanged: (personnel.EmployeeContactChangedV2, _contact_changed),
    mutation.MutationObjected: (mutation.MutationObjectedV2, _mutation_objected),
    evaluation.EvaluationRecorded: (evaluation.EvaluationRecordedV2, _evaluation_recorded),
    notification.NotificationQueued: (notification.NotificationQueuedV2, _notification_queued),
}
"""An older version -> (the next version, how to make it). Chains are followed to the end."""


def current_class(cls: type[DomainEvent]) -> type[DomainEvent]:
    """The class that events of `cls` are read as: `cls` itself when it is current."""
    while cls in UPCASTERS:
        cls = UPCASTERS[cls][0]
    return cls


def is_current(cls: type[DomainEvent]) -> bool:
    return cls not in UPCASTERS


def upcast(event: E) -> E:
    """`event` as the current version of its type; anything else (a current event, a
    service's own fold-time value) unchanged."""
    while isinstance(event, DomainEvent) and type(event) in UPCASTERS:
        event = UPCASTERS[type(event)][1](event)  # type: ignore[assignment]
    return event


def versions_read_as(cls: type[DomainEvent]) -> list[str]:
    """The wire types that read as `cls`: its own and those of its older versions."""
    return [cls.ce_type(), *(old.ce_type() for old in UPCASTERS if current_class(old) is cls)]
