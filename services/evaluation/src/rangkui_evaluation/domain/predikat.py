"""The predikat kinerja (PermenPANRB 6/2022): computed from the two SKP ratings, never typed.

Rows are the results rating (hasil kerja), columns the behaviour rating (perilaku kerja).
"""

from __future__ import annotations

from typing import Final

from rangkui_contracts.events.common import Predikat, Rating

PREDIKAT_MATRIX: Final[dict[tuple[Rating, Rating], Predikat]] = {
    ("DI_ATAS", "DI_ATAS"): "SANGAT_BAIK",
    ("DI_ATAS", "SESUAI"): "BAIK",
    ("DI_ATAS", "DI_BAWAH"): "KURANG",
    ("SESUAI", "DI_ATAS"): "BAIK",
    ("SESUAI", "SESUAI"): "BAIK",
    ("SESUAI", "DI_BAWAH"): "KURANG",
    ("DI_BAWAH", "DI_ATAS"): "BUTUH_PERBAIKAN",
    ("DI_BAWAH", "SESUAI"): "BUTUH_PERBAIKAN",
    ("DI_BAWAH", "DI_BAWAH"): "SANGAT_KURANG",
}

# Best first: the order in which the regulation lists the predikat.
_RANK: Final[dict[Predikat, int]] = {
    "SANGAT_BAIK": 5,
    "BAIK": 4,
    "BUTUH_PERBAIKAN": 3,
    "KURANG": 2,
    "SANGAT_KURANG": 1,
}


def predikat_of(hasil_kerja: Rating, perilaku_kerja: Rating) -> Predikat:
    """The predikat that the two ratings give, by the matrix."""
    return PREDIKAT_MATRIX[(hasil_kerja, perilaku_kerja)]


def rank_of(predikat: Predikat) -> int:
    """A number that orders predikat from worst (1) to best (5), to compare before/after."""
    return _RANK[predikat]
