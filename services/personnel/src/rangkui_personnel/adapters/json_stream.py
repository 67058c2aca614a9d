"""Reading the rows of one section of a JSON export from disk without the whole document in
memory: the file is read a MiB at a time and each row (one element of a section's array)
decoded on its own, with the standard library's decoder.

The document is `{"units": [...], "positions": [...], "employees": [...]}` in any key order
(plus `format`, `generated`, `meta`), or a bare list of employees. The rows of a section are
needed in section order (units first), whatever order the file has them in, so each
section is one pass over the file: the other sections' rows are decoded and dropped. What
is held is one buffer and one row; no single value may be over `MAX_VALUE_CHARS`.

Refusals are `RuleViolated("readable_file")`, as for a file read whole: not JSON, a number
no column holds (NaN, 1e999), nesting too deep, NUL characters, an unknown section, a
section that is not a list of objects.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from rangkui_eventkit.errors import RuleViolated
from rangkui_personnel.domain.simpeg import SECTIONS, Section

READ_CHARS = 1024 * 1024
MAX_VALUE_CHARS = 4 * 1024 * 1024
OTHER_KEYS = frozenset({"format", "generated", "meta"})
_WHITESPACE = " \t\n\r"


def _finite(text: str) -> float:
    """A JSON number as a float; no infinity or NaN, which no JSON column can store."""
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is not a finite number")
    return value


_DECODER = json.JSONDecoder(parse_float=_finite, parse_constant=_finite)


def _refuse(message: str) -> RuleViolated:
    return RuleViolated("readable_file", message)


class _Reader:
    """A window over the file: `buf[pos:]` is what has been read and not yet consumed."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.buf = ""
        self.pos = 0
        self.eof = False
        self._tail = ""  # the end of the last chunk, for a `\\u0000` split across two

    def _fill(self) -> bool:
        if self.eof:
            return False
        chunk = self.stream.read(READ_CHARS)
        if not chunk:
            self.eof = True
            return False
        if "\x00" in chunk or "\\u0000" in self._tail + chunk:  # PostgreSQL stores no NUL
            raise _refuse("the file contains NUL characters")
        self._tail = (self._tail + chunk)[-5:]
        self.buf = self.buf[self.pos :] + chunk
        self.pos = 0
        return True

    def peek(self) -> str:
        """The next character that is not white space ("" at the end), not consumed."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in _WHITESPACE:
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._fill():
                return ""

    def take(self, expected: str) -> None:
        if self.peek() != expected:
            found = self.peek() or "the end of the file"
            raise _refuse(f"the file is not valid JSON: expected {expected!r}, found {found!r}")
        self.pos += 1

    def value(self) -> Any:
        """The next JSON value, decoded; reads on while the value is incomplete."""
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buf, self.pos)
            except RecursionError:  # "[[[[..." a hundred thousand deep
                raise _refuse("the JSON file is nested too deeply") from None
            except ValueError as exc:  # incomplete so far, or not JSON; NaN, 1e999
                if len(self.buf) - self.pos > MAX_VALUE_CHARS:
                    raise _refuse(
                        f"the file is not valid JSON, or one of its rows is over "
                        f"{MAX_VALUE_CHARS} characters: {exc}"
                    ) from None
                if not self._fill():
                    raise _refuse(f"the file is not valid JSON: {exc}") from None
                continue
            scalar = not isinstance(value, dict | list | str)
            if scalar and end == len(self.buf) and self._fill():
                continue  # a number may go on in the next chunk: "12" of "1234"
            self.pos = end
            return value


def section_rows(path: Path, wanted: Section) -> Iterator[dict[str, Any]]:
    """The rows of section `wanted` of the JSON export at `path`, one at a time."""
    with path.open(encoding="utf-8-sig") as stream:
        try:
            yield from _scan(_Reader(stream), wanted)
        except UnicodeDecodeError as exc:
            raise _refuse(f"the file is not UTF-8 text: {exc}") from None


def _scan(reader: _Reader, wanted: Section) -> Iterator[dict[str, Any]]:
    first = reader.peek()
    if first == "[":  # a bare list: employees
        rows = _array(reader, "employees")
        if wanted == "employees":
            yield from rows
        else:
            for _ in rows:
                pass
    elif first == "{":
        reader.take("{")
        unknown: list[str] = []
        if reader.peek() == "}":
            reader.take("}")
        else:
            while True:
                key = reader.value()
                if not isinstance(key, str):
                    raise _refuse("the file is not valid JSON: an object key must be a string")
                reader.take(":")
                if key in SECTIONS:
                    if reader.peek() != "[":
                        raise _refuse(f"section {key} must be a list of objects")
                    rows = _array(reader, key)  # type: ignore[arg-type]
                    if key == wanted:
                        yield from rows
                    else:
                        for _ in rows:
                            pass
                else:
                    reader.value()  # format, generated, meta: read and dropped
                    if key not in OTHER_KEYS:
                        unknown.append(key)
                if reader.peek() == ",":
                    reader.take(",")
                    continue
                reader.take("}")
                break
        if unknown:
            raise _refuse(f"unknown sections {sorted(unknown)}; expected {list(SECTIONS)}")
    else:
        raise _refuse("expected a JSON object with units/positions/employees")
    if reader.peek() != "":
        raise _refuse("the file is not valid JSON: more follows the document")


def _array(reader: _Reader, section: str) -> Iterator[dict[str, Any]]:
    reader.take("[")
    if reader.peek() == "]":
        reader.take("]")
        return
    while True:
        row = reader.value()
        if not isinstance(row, dict):
            raise _refuse(f"section {section} must be a list of objects")
        yield row
        if reader.peek() == ",":
            reader.take(",")
            continue
        reader.take("]")
        return
