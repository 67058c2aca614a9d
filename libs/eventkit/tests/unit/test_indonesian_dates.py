from datetime import date, datetime

import pytest

from rangkui_eventkit.indonesian import tanggal

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2026, 12, 1), "1 Desember 2026"),
        (date(2027, 3, 31), "31 Maret 2027"),
        (datetime(2026, 8, 17, 9, 30), "17 Agustus 2026"),
        ("2027-02-05", "5 Februari 2027"),
        (None, "-"),
    ],
)
def test_writes_dates_the_indonesian_way(value: object, expected: str) -> None:
    assert tanggal(value) == expected  # type: ignore[arg-type]
