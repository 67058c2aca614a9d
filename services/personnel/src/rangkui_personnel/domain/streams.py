"""Stream ids: one stream per unit, per post and per employee (keyed by NIP)."""

from __future__ import annotations


def unit_stream(unit_id: str) -> str:
    return f"unit-{unit_id}"


def position_stream(position_id: str) -> str:
    return f"position-{position_id}"


def employee_stream(nip: str) -> str:
    return f"employee-{nip}"
