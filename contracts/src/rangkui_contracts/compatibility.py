"""Whether a changed JSON schema may keep the same CloudEvents type, or needs a new version.

A published type (`rangkui.<context>.<Name>.v<N>`) is a promise in two directions. Consumers
replay topics from the beginning, so the new schema must still accept every payload the old
one accepted: no new required property, no changed type, no narrower enum, no tighter
constraint, no changed default. And consumers built against the old schema read what
producers send now, so nothing they rely on may disappear: no removed property, no property
that stops being required. Additions that old readers can ignore (an optional property, a
wider enum, a looser constraint) keep the version.

`additionalProperties: false` is deliberately not judged: readers are tolerant (`parse_event`
ignores unknown properties), which is what makes an added optional property safe. A schema
for additional properties (a `dict[str, X]` field) is compared like any other.

Everything here is pure: two schema documents in, a list of human-readable problems out.
`$ref`s are resolved within their own document (`#/$defs/...`), so nested models are compared
field by field and recursive models terminate.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["compatibility_problems"]

Schema = Mapping[str, Any]

_MISSING = object()
# (keyword, human name): a higher lower bound or a lower upper bound rejects old payloads.
_LOWER_BOUNDS = (
    ("minLength", "minLength"),
    ("minItems", "minItems"),
    ("minProperties", "minProperties"),
    ("minimum", "minimum"),
    ("exclusiveMinimum", "exclusiveMinimum"),
)
_UPPER_BOUNDS = (
    ("maxLength", "maxLength"),
    ("maxItems", "maxItems"),
    ("maxProperties", "maxProperties"),
    ("maximum", "maximum"),
    ("exclusiveMaximum", "exclusiveMaximum"),
)
_MAX_REF_DEPTH = 64


def compatibility_problems(old_schema: Schema, new_schema: Schema) -> list[str]:
    """Why `new_schema` cannot replace `old_schema` under the same type; empty when it can.

    Each problem names the property (dotted path, `[]` for array items) and what changed,
    for example ``property 'contact.email': type changed from null|string to string``.
    """
    return _Comparison(old_schema, new_schema).compare(old_schema, new_schema, "")


@dataclass(frozen=True)
class _Variant:
    """One alternative of a (possibly `anyOf`) schema node, narrowed to a single JSON type."""

    type: str
    node: Schema
    ref: str | None


@dataclass
class _Comparison:
    old_doc: Schema
    new_doc: Schema
    _active: set[tuple[str, str]] = field(default_factory=set)

    # ------------------------------------------------------------------ traversal
    def compare(self, old: Schema, new: Schema, path: str) -> list[str]:
        old_variants = list(_variants(old, self.old_doc))
        new_variants = list(_variants(new, self.new_doc))
        problems: list[str] = []
        old_types = {v.type for v in old_variants}
        new_types = {v.type for v in new_variants}
        if old_types != new_types:
            problems.append(
                f"{_label(path)}: type changed from {_types(old_types)} to {_types(new_types)}"
            )
        for old_variant in old_variants:
            candidates = [v for v in new_variants if v.type == old_variant.type]
            if not candidates:
                continue  # reported above as a type change
            results = [self._compare_variant(old_variant, c, path) for c in candidates]
            if all(results):
                problems.extend(min(results, key=len))
        return problems

    def _compare_variant(self, old: _Variant, new: _Variant, path: str) -> list[str]:
        pair = (old.ref or "", new.ref or "")
        if old.ref and new.ref and pair in self._active:
            return []  # already comparing these two definitions further up: a recursive model
        if old.ref and new.ref:
            self._active.add(pair)
        try:
            problems = _value_problems(old.node, new.node, path)
            problems += _bound_problems(old.node, new.node, path)
            if old.type == "array":
                problems += self._array_problems(old.node, new.node, path)
            elif old.type == "object":
                problems += self._object_problems(old.node, new.node, path)
            return problems
        finally:
            self._active.discard(pair)

    def _array_problems(self, old: Schema, new: Schema, path: str) -> list[str]:
        problems: list[str] = []
        if new.get("uniqueItems") and not old.get("uniqueItems"):
            problems.append(f"{_label(path)}: items must now be unique")
        old_items, new_items = old.get("items"), new.get("items")
        if isinstance(old_items, Mapping) and isinstance(new_items, Mapping):
            problems += self.compare(old_items, new_items, f"{path}[]")
        elif isinstance(new_items, Mapping) and new_items and old_items is None:
            problems.append(f"{_label(path)}: items are now constrained")
        old_prefix, new_prefix = old.get("prefixItems", []), new.get("prefixItems", [])
        for i, new_item in enumerate(new_prefix):
            if i < len(old_prefix):
                problems += self.compare(old_prefix[i], new_item, f"{path}[{i}]")
            else:
                problems.append(f"{_label(path)}: item {i} is now constrained")
        return problems

    def _object_problems(self, old: Schema, new: Schema, path: str) -> list[str]:
        problems: list[str] = []
        old_props: Mapping[str, Schema] = old.get("properties", {})
        new_props: Mapping[str, Schema] = new.get("properties", {})
        old_required = set(old.get("required", ()))
        new_required = set(new.get("required", ()))
        for name, old_prop in old_props.items():
            where = _join(path, name)
            if name not in new_props:
                problems.append(
                    f"{_label(where)}: removed; consumers of the old version may rely on it"
                )
                continue
            new_prop = new_props[name]
            if name in old_required and name not in new_required:
                problems.append(
                    f"{_label(where)}: no longer required; consumers of the old version "
                    "rely on it being present"
                )
            elif name not in old_required and name in new_required:
                problems.append(f"{_label(where)}: became required; old payloads may omit it")
            old_default = old_prop.get("default", _MISSING)
            new_default = new_prop.get("default", _MISSING)
            if (
                old_default is not _MISSING
                and new_default is not _MISSING
                and _canonical(old_default) != _canonical(new_default)
            ):
                problems.append(
                    f"{_label(where)}: default changed from {_canonical(old_default)} to "
                    f"{_canonical(new_default)}; old payloads that omit it would read "
                    "differently"
                )
            problems += self.compare(old_prop, new_prop, where)
        for name in new_props:
            if name not in old_props and name in new_required:
                problems.append(
                    f"{_label(_join(path, name))}: new required property; old payloads lack it"
                )
        old_extra, new_extra = old.get("additionalProperties"), new.get("additionalProperties")
        if isinstance(new_extra, Mapping):
            if isinstance(old_extra, Mapping):
                problems += self.compare(old_extra, new_extra, _join(path, "*"))
            elif old_extra is None or old_extra is True:
                problems.append(f"{_label(path)}: values of other properties are now constrained")
        for name in sorted(new_required - old_required - set(new_props) - set(old_props)):
            problems.append(
                f"{_label(_join(path, name))}: new required property; old payloads lack it"
            )
        return problems


# ---------------------------------------------------------------------- keywords
def _value_problems(old: Schema, new: Schema, path: str) -> list[str]:
    """Narrowing of the allowed values (`enum`, `const`)."""
    old_values, new_values = _allowed_values(old), _allowed_values(new)
    if new_values is None:
        return []
    if old_values is None:
        return [f"{_label(path)}: now restricted to {_values(new_values)}"]
    kept = {_canonical(v) for v in new_values}
    removed = [v for v in old_values if _canonical(v) not in kept]
    if removed:
        return [f"{_label(path)}: no longer allows {_values(removed)}"]
    return []


def _bound_problems(old: Schema, new: Schema, path: str) -> list[str]:
    """Added or tightened constraints: each one rejects some payload the old schema accepted."""
    problems: list[str] = []
    for keyword, name in _LOWER_BOUNDS:
        old_bound, new_bound = old.get(keyword), new.get(keyword)
        if new_bound is None:
            continue
        if old_bound is None:
            problems.append(f"{_label(path)}: adds {name} {new_bound}")
        elif new_bound > old_bound:
            problems.append(f"{_label(path)}: {name} raised from {old_bound} to {new_bound}")
    for keyword, name in _UPPER_BOUNDS:
        old_bound, new_bound = old.get(keyword), new.get(keyword)
        if new_bound is None:
            continue
        if old_bound is None:
            problems.append(f"{_label(path)}: adds {name} {new_bound}")
        elif new_bound < old_bound:
            problems.append(f"{_label(path)}: {name} lowered from {old_bound} to {new_bound}")
    for keyword in ("pattern", "format"):
        old_value, new_value = old.get(keyword), new.get(keyword)
        if new_value is None or new_value == old_value:
            continue
        if old_value is None:
            problems.append(f"{_label(path)}: adds {keyword} {new_value!r}")
        else:
            # Whether one regular expression accepts all that another does is undecidable in
            # general; a changed pattern is treated as a tighter one.
            problems.append(
                f"{_label(path)}: {keyword} changed from {old_value!r} to {new_value!r}"
            )
    old_step, new_step = old.get("multipleOf"), new.get("multipleOf")
    if new_step is not None and (old_step is None or (old_step / new_step) % 1 != 0):
        problems.append(f"{_label(path)}: must now be a multiple of {new_step}")
    return problems


# ---------------------------------------------------------------------- resolution
def _variants(node: Schema, doc: Schema, ref: str | None = None) -> Iterator[_Variant]:
    """The alternatives of `node` after resolving `$ref`/`allOf`, one per JSON type."""
    node, ref = _resolve(node, doc, ref)
    alternatives = node.get("anyOf") or node.get("oneOf")
    if alternatives:
        for alternative in alternatives:
            yield from _variants(alternative, doc)
        return
    for json_type in _json_types(node):
        yield _Variant(json_type, node, ref)


def _resolve(node: Schema, doc: Schema, ref: str | None) -> tuple[Schema, str | None]:
    for _ in range(_MAX_REF_DEPTH):
        if "$ref" in node:
            target = str(node["$ref"])
            siblings = {k: v for k, v in node.items() if k != "$ref"}
            node, ref = {**_pointer(doc, target), **siblings}, target
        elif isinstance(node.get("allOf"), list):
            merged: dict[str, Any] = {k: v for k, v in node.items() if k != "allOf"}
            for part in node["allOf"]:
                part, part_ref = _resolve(part, doc, None)
                merged = {**part, **merged}
                ref = ref or part_ref
            node = merged
        else:
            return node, ref
    raise ValueError(f"$ref chain too deep at {ref!r}")


def _pointer(doc: Schema, ref: str) -> Schema:
    if not ref.startswith("#"):
        # A reference to another document: compared by its address only.
        return {"x-external-ref": ref}
    target: Any = doc
    for part in ref[1:].split("/")[1:]:
        key = part.replace("~1", "/").replace("~0", "~")
        try:
            target = target[int(key)] if isinstance(target, list) else target[key]
        except (KeyError, IndexError, ValueError):
            raise ValueError(f"unresolvable $ref {ref!r}") from None
    if not isinstance(target, Mapping):
        raise ValueError(f"$ref {ref!r} does not point to a schema")
    return target


def _json_types(node: Schema) -> list[str]:
    declared = node.get("type")
    if isinstance(declared, str):
        return [declared]
    if isinstance(declared, list):
        return sorted(declared)
    values = _allowed_values(node)
    if values is not None:
        return sorted({_type_of(v) for v in values})
    if "properties" in node or "required" in node:
        return ["object"]
    if "items" in node or "prefixItems" in node:
        return ["array"]
    if "x-external-ref" in node:
        return [f"ref:{node['x-external-ref']}"]
    return ["any"]


def _allowed_values(node: Schema) -> list[Any] | None:
    if "const" in node:
        return [node["const"]]
    if "enum" in node:
        return list(node["enum"])
    return None


def _type_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


# ---------------------------------------------------------------------- wording
def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _label(path: str) -> str:
    return f"property {path!r}" if path else "the payload"


def _types(types: set[str]) -> str:
    return "|".join(sorted(types))


def _values(values: list[Any]) -> str:
    return ", ".join(_canonical(v) for v in values)


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)
