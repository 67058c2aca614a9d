"""Reading SIMPEG-shaped export files (JSON or CSV) into rows per section.

JSON: `{"units": [...], "positions": [...], "employees": [...]}` (any section may be absent)
or a bare list of employee rows. CSV: one section per file, a header row with the column
names of `domain.simpeg`, separated by `,` or `;` (both occur in exports), UTF-8 with or
without BOM.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import math
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal, TextIO

from rangkui_eventkit.errors import RuleViolated
from rangkui_personnel.adapters import json_stream
from rangkui_personnel.domain.simpeg import COLUMNS, SECTIONS, Section

FileFormat = Literal["json", "csv"]
Rows = dict[Section, list[dict[str, Any]]]
Sections = Iterator[tuple[Section, Iterable[dict[str, Any]]]]
"""Rows section by section, in the order of `SECTIONS`; each section's rows read lazily."""


def read_export(content: bytes, fmt: FileFormat, section: Section = "employees") -> Rows:
    """Rows per section; `RuleViolated("readable_file")` if the file cannot be read at all."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RuleViolated("readable_file", f"the file is not UTF-8 text: {exc}") from None
    if "\x00" in text or (fmt == "json" and "\\u0000" in text):  # PostgreSQL stores no NUL
        raise RuleViolated("readable_file", "the file contains NUL characters")
    if fmt == "json":
        return _read_json(text)
    try:
        return {section: _read_csv(text, section)}
    except csv.Error as exc:  # a stray carriage return or NUL, a field over the size limit
        raise RuleViolated("readable_file", f"the file is not readable CSV: {exc}") from None


def _finite(text: str) -> float:
    """A JSON number as a float; no infinity or NaN, which no JSON column can store."""
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is not a finite number")
    return value


def _read_json(text: str) -> Rows:
    try:
        doc = json.loads(text, parse_float=_finite, parse_constant=_finite)
    except ValueError as exc:  # not JSON; NaN, 1e999; an integer of 5000 digits
        raise RuleViolated("readable_file", f"the file is not valid JSON: {exc}") from None
    except RecursionError:  # "[[[[..." a hundred thousand deep
        raise RuleViolated("readable_file", "the JSON file is nested too deeply") from None
    if isinstance(doc, list):
        doc = {"employees": doc}
    if not isinstance(doc, dict):
        raise RuleViolated("readable_file", "expected a JSON object with units/positions/employees")
    unknown = set(doc) - set(SECTIONS) - {"format", "generated", "meta"}
    if unknown:
        raise RuleViolated(
            "readable_file", f"unknown sections {sorted(unknown)}; expected {list(SECTIONS)}"
        )
    rows: Rows = {}
    for section in SECTIONS:
        items = doc.get(section, [])
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise RuleViolated("readable_file", f"section {section} must be a list of objects")
        rows[section] = items
    return rows


def _read_csv(text: str, section: Section) -> list[dict[str, Any]]:
    return list(_csv_rows(io.StringIO(text, newline=""), section))


def _csv_rows(stream: TextIO, section: Section) -> Iterator[dict[str, Any]]:
    """The rows of a CSV stream, one at a time, with only the columns the parser knows (an
    export's other columns -- NIK, address, birthplace -- are dropped as they are read)."""
    first_line = stream.readline(_HEADER_MAX_CHARS)
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(itertools.chain([first_line], stream), delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader, [])]
    missing = [c for c in COLUMNS[section] if c not in header and c in _REQUIRED[section]]
    if missing:
        raise RuleViolated(
            "readable_file", f"the CSV header lacks the columns {missing} for {section}"
        )
    known = set(COLUMNS[section])
    # the last of repeated header names wins, as with a dict of the row
    index = {name: i for i, name in enumerate(header) if name in known}
    for cells in reader:
        row = {name: cells[i] if i < len(cells) else None for name, i in index.items()}
        if any(v is not None and "\x00" in v for v in row.values()):
            raise RuleViolated("readable_file", "the file contains NUL characters")
        yield row


_HEADER_MAX_CHARS = 64 * 1024


def export_sections(path: Path, fmt: FileFormat, section: Section = "employees") -> Sections:
    """The rows of an export file on disk, section by section (in the order of `SECTIONS`),
    never the whole file in memory: a CSV file is read row by row; a JSON file once per
    section, row by row (`json_stream`). Lazy: the file is opened when a section's rows are
    first asked for, and `RuleViolated("readable_file")` may come at any row."""
    if fmt == "json":
        for name in SECTIONS:
            yield name, json_stream.section_rows(path, name)
        return
    with path.open(encoding="utf-8-sig", newline="") as stream:
        yield section, _checked(_csv_rows(stream, section))


def _checked(rows: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """CSV rows with the reader's failures as the file's refusal."""
    try:
        yield from rows
    except UnicodeDecodeError as exc:
        raise RuleViolated("readable_file", f"the file is not UTF-8 text: {exc}") from None
    except csv.Error as exc:  # a stray carriage return, a field over the size limit
        raise RuleViolated("readable_file", f"the file is not readable CSV: {exc}") from None


_REQUIRED: dict[Section, tuple[str, ...]] = {
    "units": ("unor_id", "nama_unor", "jenis_unor", "wilayah"),
    "positions": ("jabatan_id", "unor_id", "nama_jabatan", "jenis_jabatan", "formasi"),
    "employees": (
        "nip",
        "nama",
        "jenis_kelamin",
        "tanggal_lahir",
        "gol_ruang",
        "unor_id",
        "jabatan_id",
        "tmt_jabatan",
    ),
}


def to_csv(rows: list[dict[str, Any]], section: Section, delimiter: str = ",") -> str:
    """Rows of one section as CSV with the documented header (lists joined with `;`)."""
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=list(COLUMNS[section]), extrasaction="ignore", delimiter=delimiter
    )
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ";".join(v) if isinstance(v, list) else v for k, v in row.items()})
    return out.getvalue()
