"""Shared fixtures of the contracts tests: a valid example of every published event type.

Examples are built from each event's published JSON schema, every property filled (optional
ones too, so that each field crosses the wire in the round-trip tests). A new event needs no
hand-written sample; a new `pattern` needs an entry in `PATTERN_EXAMPLES`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
import yaml

from rangkui_contracts import REGISTRY
from rangkui_contracts.base import DomainEvent
from rangkui_contracts.schema_gen import Layout, event_schema

PATTERN_EXAMPLES = {
    r"^\d{18}$": "198609262015051001",  # NIP
    r"^[0-9a-f]{64}$": "ab" * 32,  # SHA-256 (hex)
    r"^(I|II|III|IV)/[a-e]$": "III/c",  # golongan/ruang
    r"^[A-Za-z0-9_-]+$": "bm9uY2UtMTIzNDU2",  # base64url (Sealed)
}
FORMAT_EXAMPLES = {
    "date": "2026-01-02",
    "date-time": "2026-01-02T08:30:00Z",
    "email": "siti.rahmawati@example.org",
}


def example_of(event: type[DomainEvent]) -> DomainEvent:
    """A valid instance of `event` with every property set."""
    schema = event_schema(event)
    return event.model_validate(_example(schema, schema, event.event_name()))


def _example(node: Mapping[str, Any], doc: Mapping[str, Any], name: str) -> Any:
    if "$ref" in node:
        return _example(doc["$defs"][node["$ref"].rsplit("/", 1)[-1]], doc, name)
    alternatives = node.get("anyOf") or node.get("oneOf")
    if alternatives:
        chosen = next((a for a in alternatives if a.get("type") != "null"), alternatives[0])
        return _example(chosen, doc, name)
    if "const" in node:
        return node["const"]
    if "enum" in node:
        return node["enum"][0]
    kind = node.get("type", "object" if "properties" in node else "string")
    if kind == "object":
        return {k: _example(v, doc, k) for k, v in node.get("properties", {}).items()}
    if kind == "array":
        count = max(1, node.get("minItems", 0))
        return [_example(node.get("items", {}), doc, name) for _ in range(count)]
    if kind == "integer":
        return max(node.get("minimum", 1), node.get("exclusiveMinimum", 0) + 1)
    if kind == "number":
        return float(max(node.get("minimum", 1.5), node.get("exclusiveMinimum", 0) + 1))
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    if "pattern" in node:
        if node["pattern"] not in PATTERN_EXAMPLES:
            pytest.fail(f"add an example for pattern {node['pattern']!r} to PATTERN_EXAMPLES")
        return PATTERN_EXAMPLES[node["pattern"]]
    if "format" in node:
        return FORMAT_EXAMPLES[node["format"]]
    return f"{name}-1".ljust(node.get("minLength", 0), "x")


@pytest.fixture(scope="session")
def samples() -> dict[str, DomainEvent]:
    """One valid instance per registered event type, keyed by CloudEvents type."""
    return {ce_type: example_of(cls) for ce_type, cls in sorted(REGISTRY.items())}


@pytest.fixture(scope="session")
def layout() -> Layout:
    """The checkout these tests run in, with its checked-in generated files."""
    return Layout.discover()


@pytest.fixture(scope="session")
def asyncapi(layout: Layout) -> dict[str, Any]:
    """The checked-in AsyncAPI document, parsed once (it is large)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(layout.asyncapi_path.read_text("utf-8"), Loader=loader)
