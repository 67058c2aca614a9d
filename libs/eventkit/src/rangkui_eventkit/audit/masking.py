"""What the audit API does not show: personal fields that events carry in plaintext.

Events recorded before sealing (version 1 of `EmployeeRegistered`, `MutationObjected`, ...)
keep their personal fields in clear, and a log cannot be rewritten; the contracts list each
such field with its reason (`PLAINTEXT_EXCEPTIONS`). An auditor follows decisions, who took
them and when, and needs none of those values; so the API replaces them by None and names
them in `masked`. The stored events are untouched (their hashes still verify with
`audit-verify`, which reads the database, not the API); sealed values are shown as they are,
since they reveal nothing without the employee's key.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from rangkui_contracts.classification import PLAINTEXT_EXCEPTIONS


def _index() -> dict[str, tuple[str, ...]]:
    paths: dict[str, list[str]] = defaultdict(list)
    for event_class, path in PLAINTEXT_EXCEPTIONS:
        paths[event_class.ce_type()].append(path)
    return {ce_type: tuple(sorted(p)) for ce_type, p in paths.items()}


MASKED_PATHS: dict[str, tuple[str, ...]] = _index()
"""ce type -> the dotted paths of its plaintext personal fields."""


def mask_personal(ce_type: str, data: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """`data` with the plaintext personal fields of `ce_type` set to None, and the dotted
    paths of those that held a value."""
    masked: list[str] = []
    out = data
    for path in MASKED_PATHS.get(ce_type, ()):
        out, hit = _without(out, path.split("."))
        if hit:
            masked.append(path)
    return out, masked


def _without(data: dict[str, Any], keys: list[str]) -> tuple[dict[str, Any], bool]:
    """A copy of `data` with the value at `keys` set to None (True if it held one)."""
    head, *rest = keys
    value = data.get(head)
    if value is None or value == "" or value == {}:
        return data, False
    if not rest:
        return {**data, head: None}, True
    if not isinstance(value, dict):
        return data, False
    inner, hit = _without(value, rest)
    return ({**data, head: inner}, True) if hit else (data, False)
