"""CSV exports are opened in spreadsheets: no cell may be read as a formula."""

import csv
import io
from datetime import date

import pytest
from pydantic import BaseModel

from rangkui_evaluation.entrypoints.http_reports import as_csv, csv_cell

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "typed",
    [
        '=HYPERLINK("http://evil.example","klik")',
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1)",
        "\t=1+1",
        "\r=1+1",
    ],
)
def test_a_cell_that_starts_like_a_formula_is_shown_as_text(typed: str) -> None:
    assert csv_cell(typed) == "'" + typed


@pytest.mark.parametrize("value", ["Guru Matematika", "SMA Negeri 1", -3, 4.5, "a=b"])
def test_other_cells_are_unchanged(value: object) -> None:
    assert csv_cell(value) == value


class Row(BaseModel):
    nip: str
    note: str | None
    tmt: date


def test_an_export_neutralises_every_cell_and_keeps_the_rest() -> None:
    rows = [Row(nip="199107292015032001", note='=HYPERLINK("x")', tmt=date(2026, 1, 5))]
    response = as_csv(rows, Row, "x.csv")
    parsed = list(csv.DictReader(io.StringIO(bytes(response.body).decode())))
    assert parsed == [
        {"nip": "199107292015032001", "note": '\'=HYPERLINK("x")', "tmt": "2026-01-05"}
    ]
