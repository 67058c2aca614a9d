"""The checked-in generated files are exactly what the models generate.

These fail when someone changes a model, a topic or the catalogue template and does not run
`rangkui-contracts generate` (or when the generator stops being deterministic).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from rangkui_contracts import REGISTRY, TOPICS
from rangkui_contracts.schema_gen import (
    Layout,
    asyncapi_document,
    check,
    generated_files,
    render_asyncapi,
    render_catalogue,
)

pytestmark = pytest.mark.unit

HINT = "run `rangkui-contracts generate` and check the files in"


def test_check_finds_nothing_to_regenerate(layout: Layout) -> None:
    problems = check(layout)

    assert problems == [], f"{HINT}:\n" + "\n".join(problems)


def test_every_generated_file_is_checked_in_byte_for_byte(layout: Layout) -> None:
    stale = [
        layout.relative(path)
        for path, text in generated_files(layout).items()
        if not path.is_file() or path.read_text("utf-8") != text
    ]

    assert stale == [], HINT


def test_every_registered_event_has_a_schema_file(layout: Layout) -> None:
    missing = [t for t in sorted(REGISTRY) if not layout.schema_path(t).is_file()]

    assert missing == [], HINT


def test_no_schema_file_lacks_an_event_class(layout: Layout) -> None:
    orphans = [p.name for p in sorted(layout.schemas_dir.glob("*.json"))]

    assert [n for n in orphans if n.removesuffix(".json") not in REGISTRY] == []
    assert sorted(layout.schemas_dir.iterdir()) == sorted(layout.schemas_dir.glob("*.json"))


def test_asyncapi_yaml_equals_the_generated_document(layout: Layout) -> None:
    expected = render_asyncapi(asyncapi_document(version=layout.contracts_version()))

    assert layout.asyncapi_path.read_text("utf-8") == expected, HINT


def test_event_catalogue_equals_the_generated_markdown(layout: Layout) -> None:
    assert layout.catalogue_path.read_text("utf-8") == render_catalogue(), HINT


def test_generating_twice_gives_identical_output(layout: Layout) -> None:
    assert generated_files(layout) == generated_files(layout)


def test_checked_in_schemas_are_valid_draft_2020_12_named_by_their_type(layout: Layout) -> None:
    for ce_type, cls in REGISTRY.items():
        schema = json.loads(layout.schema_path(ce_type).read_text("utf-8"))

        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"] == schema["title"] == ce_type
        assert schema["x-version"] == cls.version
        assert schema["x-topic"] == f"rangkui.{cls.context}.events"


def test_asyncapi_has_a_channel_and_a_send_operation_per_topic(asyncapi: dict[str, Any]) -> None:
    document = asyncapi
    channels = document["channels"]

    assert document["asyncapi"] == "3.0.0"
    assert sorted(c["address"] for c in channels.values()) == sorted(t.name for t in TOPICS)
    sends = {
        op["channel"]["$ref"].removeprefix("#/channels/")
        for op in document["operations"].values()
        if op["action"] == "send"
    }
    assert sends == set(channels)


def test_asyncapi_channels_carry_partitions_and_retention(asyncapi: dict[str, Any]) -> None:
    by_address = {c["address"]: c for c in asyncapi["channels"].values()}

    for topic in TOPICS:
        kafka = by_address[topic.name]["bindings"]["kafka"]
        assert kafka["partitions"] == topic.partitions
        assert kafka["topicConfiguration"]["retention.ms"] == int(topic.config["retention.ms"])


def test_asyncapi_has_a_message_per_event_type_on_its_topic(asyncapi: dict[str, Any]) -> None:
    document = asyncapi
    by_address = {c["address"]: c for c in document["channels"].values()}

    for ce_type, cls in REGISTRY.items():
        channel = by_address[f"rangkui.{cls.context}.events"]
        assert ce_type in channel["messages"]
        message = document["components"]["messages"][ce_type]
        assert message["payload"] == {"$ref": f"./schemas/{ce_type}.json"}
        headers = message["headers"]
        assert headers["properties"]["ce_type"]["const"] == ce_type
        assert {
            "ce_id",
            "ce_source",
            "ce_specversion",
            "ce_type",
            "ce_time",
            "ce_subject",
            "content-type",
            "ce_correlationid",
            "ce_causationid",
            "ce_actor",
            "ce_streamversion",
        } <= set(headers["properties"])


def test_every_reference_in_asyncapi_resolves(layout: Layout, asyncapi: dict[str, Any]) -> None:
    document = asyncapi
    refs: list[str] = []

    def collect(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str):
                refs.append(node["$ref"])
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(document)
    unresolved = []
    for ref in refs:
        if ref.startswith("#/"):
            target: Any = document
            for part in ref[2:].split("/"):
                target = target.get(part) if isinstance(target, dict) else None
            if target is None:
                unresolved.append(ref)
        elif not Path(layout.asyncapi_path.parent, ref).is_file():
            unresolved.append(ref)

    assert refs
    assert unresolved == []


def test_catalogue_describes_every_event_type_under_its_topic(layout: Layout) -> None:
    catalogue = layout.catalogue_path.read_text("utf-8")

    for ce_type, cls in REGISTRY.items():
        topic_at = catalogue.index(f"## `rangkui.{cls.context}.events`")
        assert catalogue.index(f"`{ce_type}`", topic_at) > topic_at
    for field in ("correlationid", "causationid", "actor", "ce_type", "binary content mode"):
        assert field in catalogue
    assert catalogue.startswith("<!--\n  GENERATED FILE")
