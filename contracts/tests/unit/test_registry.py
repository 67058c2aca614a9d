"""The registry: wire names are unique, well-formed and each has a topic."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from rangkui_contracts import REGISTRY, TOPICS, DomainEvent, event_class
from rangkui_contracts.events import ALL_EVENTS
from rangkui_contracts.registry import _by_type
from rangkui_contracts.topics import topic_for

pytestmark = pytest.mark.unit

CE_TYPE = re.compile(
    r"^rangkui\.(?P<context>[a-z]+)\.(?P<name>[A-Z][A-Za-z0-9]*)\.v(?P<v>[1-9]\d*)$"
)


def test_ce_types_are_unique_across_all_events() -> None:
    counts = Counter(cls.ce_type() for cls in ALL_EVENTS)
    assert [t for t, n in counts.items() if n > 1] == []
    assert len(REGISTRY) == len(ALL_EVENTS)


@pytest.mark.parametrize("ce_type", sorted(REGISTRY))
def test_ce_type_follows_rangkui_context_name_version(ce_type: str) -> None:
    cls = REGISTRY[ce_type]
    match = CE_TYPE.match(ce_type)
    assert match, f"{ce_type} does not read rangkui.<context>.<Name>.v<N>"
    assert match["context"] == cls.context
    assert match["name"] == cls.event_name()
    assert int(match["v"]) == cls.version


@pytest.mark.parametrize("ce_type", sorted(REGISTRY))
def test_every_event_context_has_a_topic(ce_type: str) -> None:
    context = REGISTRY[ce_type].context
    assert context in {t.context for t in TOPICS}
    assert topic_for(context).name == f"rangkui.{context}.events"


def test_every_context_topic_carries_at_least_one_event() -> None:
    contexts = {cls.context for cls in ALL_EVENTS}
    assert [t.name for t in TOPICS if t.context and t.context not in contexts] == []


def test_event_class_finds_each_registered_type() -> None:
    for ce_type, cls in REGISTRY.items():
        assert event_class(ce_type) is cls


def test_two_classes_claiming_one_type_fail_when_the_registry_is_built() -> None:
    class Original(DomainEvent):
        context = "mutation"
        wire_name = "Twin"

    class Copy(DomainEvent):
        context = "mutation"
        wire_name = "Twin"

    with pytest.raises(TypeError, match=r"rangkui\.mutation\.Twin\.v1"):
        _by_type((Original, Copy))


def test_topic_specs_can_be_kept_in_a_set() -> None:
    assert len(set(TOPICS)) == len(TOPICS)
