"""Dates written the Indonesian way ("1 Desember 2026"), as people read them in a letter, a
notice or a refusal: one helper for every service. Pure (standard library only), so a
domain may use it."""

from __future__ import annotations

from datetime import date, datetime

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def tanggal(value: date | datetime | str | None) -> str:
    """`date(2026, 12, 1)` -> "1 Desember 2026"; ISO strings are accepted; None -> "-"."""
    if value is None or value == "":
        return "-"
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    if isinstance(value, datetime):
        value = value.date()
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"
