"""Reading the province's export of annual appraisals (CSV).

The export has one row per employee and year; this reader accepts `,` or `;` as separator,
Indonesian or English column names, and ratings written either as codes (`DI_ATAS`) or as
words (`Di Atas Ekspektasi`). Rows that cannot be read are reported by line, never dropped
silently.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from typing import get_args

from rangkui_contracts.events.common import Rating

_COLUMNS = {
    "nip": "nip",
    "tahun": "year",
    "year": "year",
    "hasil_kerja": "hasil_kerja",
    "perilaku_kerja": "perilaku_kerja",
    "nip_penilai": "evaluator_nip",
    "evaluator_nip": "evaluator_nip",
}
_REQUIRED = ("nip", "year", "hasil_kerja", "perilaku_kerja")
# The years an annual appraisal can be for: from the first civil-service appraisals (DP3,
# PP 10/1979) to a bound far ahead; a fixed range, so no test depends on today's date.
FIRST_YEAR, LAST_YEAR = 1979, 2099
_RATINGS = set(get_args(Rating))


@dataclass(frozen=True)
class AnnualRow:
    line: int
    nip: str
    year: int
    hasil_kerja: Rating
    perilaku_kerja: Rating
    evaluator_nip: str | None


@dataclass(frozen=True)
class RowError:
    line: int
    message: str
    nip: str | None = None


class UnreadableExport(ValueError):
    """The file as a whole cannot be read (no header, required columns missing)."""


def _rating(text: str) -> Rating | None:
    code = re.sub(r"[\s-]+", "_", text.strip().upper()).removesuffix("_EKSPEKTASI")
    return code if code in _RATINGS else None  # type: ignore[return-value]


def read_annual_appraisals(text: str) -> tuple[list[AnnualRow], list[RowError]]:
    """The rows of the export and the problems of the rows that cannot be read;
    `UnreadableExport` if the file as a whole is not such an export (or not CSV at all)."""
    try:
        return _read(text)
    except csv.Error as exc:  # a stray carriage return or NUL, a field over the size limit
        raise UnreadableExport(f"not a readable CSV file: {exc}") from exc


def _read(text: str) -> tuple[list[AnnualRow], list[RowError]]:
    lines = text.lstrip("\ufeff")
    first = lines.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(lines), delimiter=delimiter)
    if not reader.fieldnames:
        raise UnreadableExport("the file is empty: expected a header line")
    names = {f: _COLUMNS.get(f.strip().lower()) for f in reader.fieldnames}
    missing = [c for c in _REQUIRED if c not in names.values()]
    if missing:
        raise UnreadableExport(f"missing column(s): {', '.join(missing)}")
    rows: list[AnnualRow] = []
    errors: list[RowError] = []
    for raw in reader:
        line = reader.line_num
        values = {names[k]: (v or "").strip() for k, v in raw.items() if k and names.get(k)}
        if not any(values.values()):
            continue
        nip = values["nip"]
        problems = []
        if not re.fullmatch(r"\d{18}", nip):
            problems.append(f"NIP {nip!r} is not 18 digits")
        if not re.fullmatch(r"\d{4}", values["year"]):
            problems.append(f"year {values['year']!r} is not a year")
        elif not FIRST_YEAR <= int(values["year"]) <= LAST_YEAR:
            # Checked here, before anything is written: year 0000 is no date at all.
            problems.append(
                f"year {values['year']} is outside {FIRST_YEAR}-{LAST_YEAR} (annual appraisals)"
            )
        hasil, perilaku = _rating(values["hasil_kerja"]), _rating(values["perilaku_kerja"])
        if hasil is None:
            problems.append(f"hasil_kerja {values['hasil_kerja']!r} is not a rating")
        if perilaku is None:
            problems.append(f"perilaku_kerja {values['perilaku_kerja']!r} is not a rating")
        evaluator = values.get("evaluator_nip") or None
        if evaluator is not None and not re.fullmatch(r"\d{18}", evaluator):
            problems.append(f"evaluator NIP {evaluator!r} is not 18 digits")
        if problems or hasil is None or perilaku is None:
            errors.append(RowError(line, "; ".join(problems), nip or None))
            continue
        rows.append(AnnualRow(line, nip, int(values["year"]), hasil, perilaku, evaluator))
    return rows, errors
