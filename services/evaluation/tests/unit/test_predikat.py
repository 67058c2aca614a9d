"""The predikat follows the matrix of PermenPANRB 6/2022 for every pair of ratings."""

import pytest

from rangkui_evaluation.domain.predikat import predikat_of, rank_of

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("hasil_kerja", "perilaku_kerja", "expected"),
    [
        ("DI_ATAS", "DI_ATAS", "SANGAT_BAIK"),
        ("DI_ATAS", "SESUAI", "BAIK"),
        ("DI_ATAS", "DI_BAWAH", "KURANG"),
        ("SESUAI", "DI_ATAS", "BAIK"),
        ("SESUAI", "SESUAI", "BAIK"),
        ("SESUAI", "DI_BAWAH", "KURANG"),
        ("DI_BAWAH", "DI_ATAS", "BUTUH_PERBAIKAN"),
        ("DI_BAWAH", "SESUAI", "BUTUH_PERBAIKAN"),
        ("DI_BAWAH", "DI_BAWAH", "SANGAT_KURANG"),
    ],
)
def test_every_pair_of_ratings_gives_the_predikat_of_the_matrix(
    hasil_kerja: str, perilaku_kerja: str, expected: str
) -> None:
    assert predikat_of(hasil_kerja, perilaku_kerja) == expected  # type: ignore[arg-type]


def test_predikat_are_ranked_from_sangat_kurang_to_sangat_baik() -> None:
    order = ["SANGAT_KURANG", "KURANG", "BUTUH_PERBAIKAN", "BAIK", "SANGAT_BAIK"]
    assert [rank_of(p) for p in order] == sorted(rank_of(p) for p in order)  # type: ignore[arg-type]
