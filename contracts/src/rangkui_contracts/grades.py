"""The PNS grade scale every context shares: golongan/ruang in order, each with its pangkat
(rank name), as decrees and staffing lists print them. Pure data."""

from __future__ import annotations

RANK_NAMES: dict[str, str] = {
    "I/a": "Juru Muda",
    "I/b": "Juru Muda Tk I",
    "I/c": "Juru",
    "I/d": "Juru Tk I",
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tk I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tk I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tk I",
    "III/c": "Penata",
    "III/d": "Penata Tk I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tk I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}
GRADES: tuple[str, ...] = tuple(RANK_NAMES)
"""I/a < I/b < ... < IV/e (IV/e is the only ruang e)."""
