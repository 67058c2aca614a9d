"""A JSON export read from disk a chunk at a time gives the rows a whole read gives, section
by section in processing order, and refuses what a whole read refuses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rangkui_eventkit.errors import RuleViolated
from rangkui_personnel.adapters import json_stream
from rangkui_personnel.adapters.import_files import export_sections

pytestmark = pytest.mark.unit

DOC = {
    "format": "simpeg-export",
    "meta": {"generated": "2026-01-01", "nested": [[1, 2], {"x": None}]},
    # employees before units: the rows still come units first
    "employees": [
        {"nip": "199003152015032001", "nama": 'Siti \u00e9\u00e8 "kutip"', "formasi": 12345678},
        {"nip": "199003152015032002", "nama": "Budi", "nilai": 3.25, "aktif": True, "x": None},
    ],
    "units": [{"unor_id": "sma-1", "nama_unor": "SMA Negeri 1"}, {"unor_id": "disdik"}],
    "positions": [],
}


def read(path: Path) -> dict[str, list[dict[str, Any]]]:
    return {section: list(rows) for section, rows in export_sections(path, "json")}


@pytest.fixture(params=[1, 3, 7, 64, 1024 * 1024], ids=lambda n: f"chunks of {n}")
def chunk(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    """Small chunks put every boundary (inside a string, a number, a key) somewhere."""
    monkeypatch.setattr(json_stream, "READ_CHARS", request.param)
    return int(request.param)


@pytest.mark.parametrize("indent", [None, 2])
def test_gives_the_rows_a_whole_read_gives_whatever_the_chunks(
    tmp_path: Path, chunk: int, indent: int | None
) -> None:
    path = tmp_path / "export.json"
    path.write_text("\ufeff" + json.dumps(DOC, indent=indent, ensure_ascii=chunk % 2 == 0))
    assert list(read(path)) == ["units", "positions", "employees"]
    assert read(path) == {s: DOC[s] for s in ("units", "positions", "employees")}


def test_a_bare_list_is_a_list_of_employees(tmp_path: Path, chunk: int) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(DOC["employees"]))
    assert read(path) == {"units": [], "positions": [], "employees": DOC["employees"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"employees": [{"nip": "1"}, ', "not valid JSON"),
        ('{"employees": [{"nip": "1"}]} []', "more follows the document"),
        ('{"employees": [{"nilai": NaN}]}', "not valid JSON"),
        ('{"employees": [{"nilai": 1e999}]}', "not valid JSON"),
        ('{"employees": [' + "[" * 100_000 + "]" * 100_000 + "]}", "nested too deeply"),
        ('{"employees": [{"nama": "a\\u0000b"}]}', "NUL characters"),
        ('{"pegawai": [], "alamat": {}}', "unknown sections ['alamat', 'pegawai']"),
        ('{"employees": {"nip": "1"}}', "section employees must be a list of objects"),
        ('{"units": [{"unor_id": "a"}, 7]}', "section units must be a list of objects"),
        ('"employees"', "expected a JSON object"),
        ("", "expected a JSON object"),
    ],
)
def test_refuses_what_a_whole_read_refuses(
    tmp_path: Path, chunk: int, text: str, expected: str
) -> None:
    path = tmp_path / "export.json"
    path.write_text(text)
    with pytest.raises(RuleViolated, match=expected.replace("[", r"\[").replace("]", r"\]")):
        read(path)


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_bytes(b'{"employees": [{"nama": "\xff\xfe"}]}')
    with pytest.raises(RuleViolated, match="not UTF-8"):
        read(path)


def test_one_value_over_the_bound_is_refused_without_reading_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(json_stream, "READ_CHARS", 1000)
    monkeypatch.setattr(json_stream, "MAX_VALUE_CHARS", 10_000)
    path = tmp_path / "export.json"
    path.write_text('{"employees": [{"nama": "' + "x" * 50_000 + '"}]}')
    with pytest.raises(RuleViolated, match="over 10000 characters"):
        read(path)
