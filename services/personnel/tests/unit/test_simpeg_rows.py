"""Rows of a SIMPEG-shaped export: each problem named by its column."""

from typing import Any

import pytest

from rangkui_personnel.adapters.import_files import read_export, to_csv
from rangkui_personnel.domain.employee import RegisterEmployee
from rangkui_personnel.domain.simpeg import parse
from rangkui_personnel.service_layer.imports import plan_sections

pytestmark = pytest.mark.unit

ROW = {
    "nip": "198609262015051001",
    "nama": "Budi Santoso",
    "jenis_kelamin": "L",
    "tanggal_lahir": "1986-09-26",
    "status_pegawai": "AKTIF",
    "gol_ruang": "III/b",
    "unor_id": "rsud-01",
    "jabatan_id": "rsud-01-perawat",
    "tmt_jabatan": "2019-01-01",
    "pendidikan_tingkat": "D3",
    "pendidikan_jurusan": "Keperawatan",
    "kompetensi": "triase;BTCLS",
    "email": "budi@example.org",
}


def problems(**changes: Any) -> dict[str, str]:
    parsed = parse("employees", 1, ROW | changes)
    return {p.field: p.reason for p in parsed.problems}


def test_a_good_row_becomes_a_registration() -> None:
    parsed = parse("employees", 4, ROW)
    assert parsed.problems == ()
    assert isinstance(parsed.command, RegisterEmployee)
    assert (parsed.command.gender, parsed.command.status) == ("M", "ACTIVE")
    assert parsed.command.competencies == ("triase", "BTCLS")
    assert parsed.key == "employee-198609262015051001"


@pytest.mark.parametrize(
    ("changes", "column", "reason"),
    [
        ({"nip": "1986"}, "nip", "exactly 18 digits"),
        ({"nip": "198609312015051001"}, "nip", "not a real birth date"),
        ({"tanggal_lahir": "1986-09-25"}, "tanggal_lahir", "contradicts the NIP"),
        ({"jenis_kelamin": "P"}, "jenis_kelamin", "contradicts the NIP's gender digit 1"),
        ({"gol_ruang": "II/e"}, "gol_ruang", "is not a golongan/ruang"),
        ({"status_pegawai": "MENGHILANG"}, "status_pegawai", "is not one of"),
        ({"tmt_jabatan": "01/01/2019"}, "tmt_jabatan", "is not a date"),
        ({"nama": " "}, "nama", "is required"),
        ({"pendidikan_tingkat": "SD"}, "pendidikan_tingkat", "is not an education level"),
        ({"email": "not-an-address"}, "email", "is not an e-mail address"),
    ],
)
def test_names_the_column_and_the_reason(changes: dict[str, str], column: str, reason: str) -> None:
    found = problems(**changes)
    assert reason in found[column], found


def test_reads_an_education_history_from_aligned_lists() -> None:
    parsed = parse(
        "employees",
        1,
        ROW
        | {
            "pendidikan_tingkat": "D3;S1",
            "pendidikan_jurusan": "Keperawatan;Ilmu Keperawatan",
            "pendidikan_institusi": "Poltekkes;Universitas Rangkui",
            "pendidikan_tahun": [2007, 2016],
        },
    )
    assert parsed.problems == ()
    assert isinstance(parsed.command, RegisterEmployee)
    assert [(e.level, e.field, e.year) for e in parsed.command.education] == [
        ("D3", "Keperawatan", 2007),
        ("S1", "Ilmu Keperawatan", 2016),
    ]


def test_an_education_year_out_of_range_is_named() -> None:
    assert "pendidikan_tahun" in problems(pendidikan_tahun="1900")


def test_reads_a_semicolon_csv_with_a_bom() -> None:
    text = "\ufeff" + to_csv([ROW], "employees", delimiter=";")
    rows = read_export(text.encode(), "csv", "employees")
    assert rows["employees"][0]["nip"] == ROW["nip"]
    assert parse("employees", 1, rows["employees"][0]).problems == ()


def test_plans_parents_before_children_and_names_each_rows_stream() -> None:
    """Repeated keys are refused by the database once all rows are stored (integration
    test `test_imports_good_rows_and_reports_each_bad_one`): nothing here keeps them all."""
    sections = [
        (
            "units",
            [
                {"unor_id": "sma-1", "induk_unor_id": "cabdin", "nik": "3273"},
                {"unor_id": "cabdin", "induk_unor_id": "disdik"},
                {"unor_id": "disdik"},
            ],
        ),
        ("employees", iter([ROW, ROW | {"nip": " "}])),  # read lazily, like a CSV file
    ]
    planned = list(plan_sections(sections))  # type: ignore[arg-type]
    assert [(s, n, key) for s, n, _, key in planned] == [
        ("units", 3, "unit-disdik"),
        ("units", 2, "unit-cabdin"),
        ("units", 1, "unit-sma-1"),
        ("employees", 1, f"employee-{ROW['nip']}"),
        ("employees", 2, None),
    ]
    assert "nik" not in planned[2][2]  # a column the parser does not know is never stored


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        ("tmt_jabatan", "0000-01-01", "is not a date (YYYY-MM-DD)"),
        ("tmt_jabatan", "0001-01-01", "is not between 1900-01-01 and 2199-12-31"),
        ("tmt_jabatan", "2999-12-31", "is not between 1900-01-01 and 2199-12-31"),
        ("tanggal_lahir", "1899-12-31", "is not between 1900-01-01 and 2199-12-31"),
    ],
)
def test_a_date_no_event_or_column_holds_is_refused_with_its_row(
    column: str, value: str, expected: str
) -> None:
    """Refused as the row's problem before anything is written, not as a failed job."""
    assert expected in problems(**{column: value})[column]
