"""Reading the provincial export of annual appraisals."""

import pytest

from rangkui_evaluation.adapters.appraisal_csv import UnreadableExport, read_annual_appraisals

pytestmark = pytest.mark.unit

NIP = "198609262015051001"
HEAD = "197001012000031001"


def test_reads_semicolon_exports_with_ratings_in_words() -> None:
    text = (
        "\ufeffNIP;Tahun;Hasil_Kerja;Perilaku_Kerja;NIP_Penilai\n"
        f"{NIP};2024;Di Atas Ekspektasi;Sesuai Ekspektasi;{HEAD}\n"
        "\n"
        f"{NIP};2023;SESUAI;di bawah ekspektasi;\n"
    )

    rows, errors = read_annual_appraisals(text)

    assert errors == []
    assert [(r.year, r.hasil_kerja, r.perilaku_kerja, r.evaluator_nip) for r in rows] == [
        (2024, "DI_ATAS", "SESUAI", HEAD),
        (2023, "SESUAI", "DI_BAWAH", None),
    ]


def test_reports_unreadable_rows_by_line_and_keeps_the_others() -> None:
    text = (
        "nip,year,hasil_kerja,perilaku_kerja\n"
        f"{NIP},2024,SESUAI,SESUAI\n"
        "12345,20x4,LUAR BIASA,SESUAI\n"
    )

    rows, errors = read_annual_appraisals(text)

    assert len(rows) == 1
    [error] = errors
    assert error.line == 3
    assert "NIP" in error.message
    assert "year" in error.message
    assert "LUAR BIASA" in error.message


def test_an_export_without_the_required_columns_is_refused() -> None:
    with pytest.raises(UnreadableExport, match="hasil_kerja"):
        read_annual_appraisals("nip;tahun;perilaku_kerja\n")


@pytest.mark.parametrize("year", ["0000", "0999", "1978", "2100", "9999"])
def test_a_year_that_is_no_appraisal_year_is_refused_before_anything_is_written(
    year: str,
) -> None:
    text = (
        "nip,year,hasil_kerja,perilaku_kerja\n"
        f"{NIP},2024,SESUAI,SESUAI\n"
        f"{NIP},{year},SESUAI,SESUAI\n"
    )

    rows, errors = read_annual_appraisals(text)

    assert [r.year for r in rows] == [2024]
    [error] = errors
    assert error.line == 3
    assert f"year {year} is outside 1979-2099" in error.message
