"""The constraints of the services' path and query parameters, declared once, so that what
a service checks and what its OpenAPI document says are the same code (a client generated
from the document cannot send what the service refuses, nor be refused what it may send).

Bodies use the contracts' value types (`rangkui_contracts.events.common.Nip`, `Grade`, ...)
and `StrictBody`; these are their counterparts for the URL. A query parameter of the wrong
type is refused with 422, never read as something else: a date is `YYYY-MM-DD` only (pydantic
alone reads `0` as 1970-01-01), within `EARLIEST_DATE`..`LATEST_DATE`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from fastapi import Path, Query
from pydantic import AfterValidator, BeforeValidator

from rangkui_eventkit.limits import EARLIEST_DATE, INT_MAX, LATEST_DATE

NIP_PATTERN = r"^\d{18}$"
"""A NIP (Nomor Induk Pegawai) is exactly 18 digits."""
GRADE_PATTERN = r"^(I|II|III|IV)/[a-e]$"
"""A golongan/ruang, e.g. III/a (as `rangkui_contracts.events.common.Grade`)."""
ID_MAX_LENGTH = 128
"""Identifiers of units, posts, transfers, needs, plans, jobs: at most this many characters."""
SEARCH_MAX_LENGTH = 200
"""A free-text filter in a query string."""
PAGE_MAX = 500
"""The most items one page of a list answers."""

PATTERN_MESSAGES = {
    NIP_PATTERN: "a NIP is exactly 18 digits",
    GRADE_PATTERN: "a golongan/ruang is written like III/a (I to IV, a to e)",
}
"""What a person reads when a value does not match one of these patterns."""

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date_only(value: Any) -> Any:
    if isinstance(value, str) and not _ISO_DATE.match(value):
        raise ValueError("a date is written YYYY-MM-DD, e.g. 2026-01-31")
    if not isinstance(value, str | date):
        raise ValueError("a date is written YYYY-MM-DD, e.g. 2026-01-31")
    return value


def _plausible(value: date | None) -> date | None:
    if value is not None and not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValueError(f"a date between {EARLIEST_DATE} and {LATEST_DATE} is expected")
    return value


NipPath = Annotated[str, Path(pattern=NIP_PATTERN, description="the employee's NIP (18 digits)")]
NipQuery = Annotated[
    str | None, Query(pattern=NIP_PATTERN, description="an employee's NIP (18 digits)")
]
IdPath = Annotated[str, Path(min_length=1, max_length=ID_MAX_LENGTH)]
IdQuery = Annotated[str | None, Query(min_length=1, max_length=ID_MAX_LENGTH)]
SearchQuery = Annotated[str | None, Query(min_length=1, max_length=SEARCH_MAX_LENGTH)]
YEAR_1900_TO_2199 = r"^(19\d{2}|2[01]\d{2})-"
"""The documented form of the plausible years (`EARLIEST_DATE`..`LATEST_DATE`)."""

DateQuery = Annotated[
    date | None,
    BeforeValidator(_iso_date_only),
    AfterValidator(_plausible),
    Query(
        description="a calendar date, YYYY-MM-DD, in 1900-2199",
        json_schema_extra={"pattern": YEAR_1900_TO_2199 + r"\d{2}-\d{2}$"},
    ),
]
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?")
DATETIME_PATTERN = YEAR_1900_TO_2199 + r"\d{2}-\d{2}"
"""The documented form of a moment in a query: ISO 8601, in 1900-2199."""


def _iso_datetime_only(value: Any) -> Any:
    if not isinstance(value, str) or not _ISO_DATETIME.match(value):
        raise ValueError("a moment is written like 2026-01-31T08:00:00 (ISO 8601)")
    if not re.match(DATETIME_PATTERN, value):
        raise ValueError(f"a moment in the range {EARLIEST_DATE} to {LATEST_DATE} is expected")
    return value


IsoDateTime = BeforeValidator(_iso_datetime_only)
"""For a `datetime` query parameter: ISO 8601 text in 1900-2199 only (pydantic alone reads
`0` as 1970); its `Query` documents `json_schema_extra={"pattern": DATETIME_PATTERN}`."""

Limit = Annotated[int, Query(ge=1, le=PAGE_MAX, description=f"at most {PAGE_MAX} per page")]
Offset = Annotated[int, Query(ge=0, le=INT_MAX, description="how many items to skip")]
