"""Rows of a SIMPEG-shaped export -> personnel commands, or the reasons a row is refused.

Pure: it knows the columns (documented in the service README), the codes SIMPEG uses for
gender and status, and the NIP and grade rules; that units and posts exist is checked later
against the event store. Every problem is reported as (field, reason) so a BKD clerk can fix
the row in the spreadsheet it came from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, cast, get_args

from pydantic import ValidationError

from rangkui_contracts.events.common import Education
from rangkui_contracts.events.personnel import Contact, EmployeeStatus
from rangkui_eventkit.limits import EARLIEST_DATE, LATEST_DATE
from rangkui_personnel.domain.employee import RegisterEmployee
from rangkui_personnel.domain.grade import grade_problem
from rangkui_personnel.domain.nip import GENDER_BY_DIGIT, nip_problems, parse_nip
from rangkui_personnel.domain.position import EstablishPosition
from rangkui_personnel.domain.streams import employee_stream, position_stream, unit_stream
from rangkui_personnel.domain.unit import SyncUnit

Section = Literal["units", "positions", "employees"]
SECTIONS: tuple[Section, ...] = ("units", "positions", "employees")

UNIT_COLUMNS = ("unor_id", "nama_unor", "jenis_unor", "wilayah", "induk_unor_id")
POSITION_COLUMNS = (
    "jabatan_id",
    "unor_id",
    "nama_jabatan",
    "jenis_jabatan",
    "formasi",
    "kepala_unit",
    "syarat_pendidikan_tingkat",
    "syarat_pendidikan_jurusan",
    "gol_min",
    "gol_max",
)
EMPLOYEE_COLUMNS = (
    "nip",
    "nama",
    "jenis_kelamin",
    "tanggal_lahir",
    "status_pegawai",
    "gol_ruang",
    "unor_id",
    "jabatan_id",
    "tmt_jabatan",
    "pendidikan_tingkat",
    "pendidikan_jurusan",
    "pendidikan_institusi",
    "pendidikan_tahun",
    "kompetensi",
    "email",
    "no_hp",
)
COLUMNS: dict[Section, tuple[str, ...]] = {
    "units": UNIT_COLUMNS,
    "positions": POSITION_COLUMNS,
    "employees": EMPLOYEE_COLUMNS,
}

UNIT_KINDS = ("OPD", "UPT", "SMA", "SMK", "SLB", "RSUD")
JABATAN_TYPES = {"STRUKTURAL": "STRUKTURAL", "FUNGSIONAL": "FUNGSIONAL", "PELAKSANA": "PELAKSANA"}
GENDERS = {"L": "M", "P": "F", "M": "M", "F": "F", **GENDER_BY_DIGIT}
STATUSES = {
    "AKTIF": "ACTIVE",
    "CUTI": "ON_LEAVE",
    "TUGAS_BELAJAR": "STUDY_ASSIGNMENT",
    "HUKUMAN_DISIPLIN": "DISCIPLINARY",
    "PROSES_DISIPLIN": "DISCIPLINARY",
    "PENSIUN": "RETIRED",
    "PROSES_PERADILAN": "COURT_PROCEEDINGS",
    "IKATAN_DINAS": "SERVICE_OBLIGATION",
    "MENINGGAL": "DECEASED",
    "WAFAT": "DECEASED",
    **{s: s for s in get_args(EmployeeStatus)},
}
EDUCATION_LEVELS = {
    "SMA": "SMA",
    "SLTA": "SMA",
    "D3": "D3",
    "S1": "S1",
    "D4": "S1",
    "S2": "S2",
    "S3": "S3",
}
LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Problem:
    field: str
    reason: str


@dataclass(frozen=True)
class ParsedRow:
    """One row: the command it asks for (None if refused) and what is wrong with it."""

    section: Section
    row: int
    key: str  # the stream the row is about
    command: SyncUnit | EstablishPosition | RegisterEmployee | None
    problems: tuple[Problem, ...] = field(default_factory=tuple)
    refs: tuple[tuple[str, str], ...] = ()  # (field, stream) that must exist


class _Row:
    """Reads cells of one row, collecting problems instead of stopping at the first."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self.problems: list[Problem] = []

    def text(self, name: str, *, required: bool = True) -> str:
        value = self.data.get(name)
        text = "" if value is None else str(value).strip()
        if required and not text:
            self.problems.append(Problem(name, "is required"))
        return text

    def optional(self, name: str) -> str | None:
        return self.text(name, required=False) or None

    def code(self, name: str, codes: Mapping[str, str], *, default: str | None = None) -> str:
        raw = self.text(name, required=default is None).upper().replace(" ", "_")
        if not raw and default is not None:
            return default
        if raw and raw not in codes:
            self.problems.append(Problem(name, f"{raw!r} is not one of {', '.join(codes)}"))
        return codes.get(raw, "")

    def day(self, name: str) -> date | None:
        raw = self.text(name)
        if not raw:
            return None
        try:
            day = date.fromisoformat(raw[:10])
        except ValueError:
            self.problems.append(Problem(name, f"{raw!r} is not a date (YYYY-MM-DD)"))
            return None
        if not EARLIEST_DATE <= day <= LATEST_DATE:  # no event, column or date sum holds it
            self.problems.append(
                Problem(name, f"{raw!r} is not between {EARLIEST_DATE} and {LATEST_DATE}")
            )
            return None
        return day

    def integer(self, name: str, *, required: bool = True) -> int | None:
        raw = self.text(name, required=required)
        if not raw:
            return None
        try:
            value = int(float(raw)) if raw.replace(".", "", 1).isdigit() else int(raw)
        except ValueError:
            self.problems.append(Problem(name, f"{raw!r} is not a whole number"))
            return None
        if value < 0:
            self.problems.append(Problem(name, "must not be negative"))
        return value

    def grade(self, name: str, *, required: bool = True) -> str | None:
        raw = self.text(name, required=required)
        if not raw:
            return None
        problem = grade_problem(raw)
        if problem:
            self.problems.append(Problem(name, problem))
        return raw

    def items(self, name: str) -> list[str]:
        value = self.data.get(name)
        if isinstance(value, list):
            return [str(v).strip() for v in value if str(v).strip()]
        return [
            v.strip() for v in self.text(name, required=False).split(LIST_SEPARATOR) if v.strip()
        ]

    def flag(self, name: str) -> bool:
        value = self.data.get(name)
        if isinstance(value, bool):
            return value
        return self.text(name, required=False).upper() in {"1", "Y", "YA", "TRUE", "T"}


def parse_unit(number: int, data: Mapping[str, Any]) -> ParsedRow:
    r = _Row(data)
    unit_id = r.text("unor_id")
    name = r.text("nama_unor")
    kind = r.code("jenis_unor", {k: k for k in UNIT_KINDS})
    region = r.text("wilayah")
    parent = r.optional("induk_unor_id")
    if parent and parent == unit_id:
        r.problems.append(Problem("induk_unor_id", "a unit cannot be its own parent"))
    command = None
    if not r.problems:
        command = SyncUnit(unit_id, name, cast(Any, kind), region, parent)
    refs = (("induk_unor_id", unit_stream(parent)),) if parent else ()
    return ParsedRow("units", number, unit_stream(unit_id), command, tuple(r.problems), refs)


def parse_position(number: int, data: Mapping[str, Any]) -> ParsedRow:
    r = _Row(data)
    position_id = r.text("jabatan_id")
    unit_id = r.text("unor_id")
    title = r.text("nama_jabatan")
    jabatan_type = r.code("jenis_jabatan", JABATAN_TYPES)
    formasi = r.integer("formasi")
    levels = []
    for level in r.items("syarat_pendidikan_tingkat"):
        if level.upper() not in EDUCATION_LEVELS:
            r.problems.append(
                Problem("syarat_pendidikan_tingkat", f"{level!r} is not an education level")
            )
        else:
            levels.append(EDUCATION_LEVELS[level.upper()])
    grade_min = r.grade("gol_min", required=False)
    grade_max = r.grade("gol_max", required=False)
    command = None
    if not r.problems:
        command = EstablishPosition(
            position_id=position_id,
            unit_id=unit_id,
            title=title,
            jabatan_type=cast(Any, jabatan_type),
            formasi=formasi or 0,
            is_head_of_unit=r.flag("kepala_unit"),
            required_education_levels=tuple(cast(Any, levels)),
            required_education_fields=tuple(r.items("syarat_pendidikan_jurusan")),
            grade_min=grade_min,
            grade_max=grade_max,
        )
    refs = (("unor_id", unit_stream(unit_id)),) if unit_id else ()
    return ParsedRow(
        "positions", number, position_stream(position_id), command, tuple(r.problems), refs
    )


def parse_employee(number: int, data: Mapping[str, Any]) -> ParsedRow:
    r = _Row(data)
    nip = r.text("nip")
    if nip:
        r.problems.extend(Problem("nip", p) for p in nip_problems(nip))
    name = r.text("nama")
    gender = r.code("jenis_kelamin", GENDERS)
    birth = r.day("tanggal_lahir")
    if nip and birth and gender and not any(p.field == "nip" for p in r.problems):
        parts = parse_nip(nip)
        if parts.birth_date != birth:
            r.problems.append(
                Problem(
                    "tanggal_lahir",
                    f"{birth.isoformat()} contradicts the NIP, which encodes "
                    f"{parts.birth_date.isoformat()}",
                )
            )
        if parts.gender != gender:
            r.problems.append(
                Problem("jenis_kelamin", f"{gender} contradicts the NIP's gender digit {nip[14]}")
            )
    status = r.code("status_pegawai", STATUSES, default="ACTIVE")
    grade = r.grade("gol_ruang")
    unit_id = r.text("unor_id")
    position_id = r.text("jabatan_id")
    tmt = r.day("tmt_jabatan")
    education = _education(r)
    contact = _contact(r)
    command = None
    if not r.problems:
        command = RegisterEmployee(
            nip=nip,
            name=name,
            gender=cast(Any, gender),
            birth_date=cast(date, birth),
            grade=cast(str, grade),
            unit_id=unit_id,
            position_id=position_id,
            tmt_position=cast(date, tmt),
            status=cast(Any, status),
            education=education,
            competencies=tuple(r.items("kompetensi")),
            contact=contact,
        )
    refs = tuple(
        (f, s)
        for f, s in (
            ("unor_id", unit_stream(unit_id)),
            ("jabatan_id", position_stream(position_id)),
        )
        if s.split("-", 1)[1]
    )
    return ParsedRow(
        "employees", number, employee_stream(nip), command, tuple(r.problems), tuple(refs)
    )


def _education(r: _Row) -> tuple[Education, ...]:
    """The education history: the four `pendidikan_*` columns, each a `;`-separated list
    whose n-th items together make the n-th entry (one entry is the common case)."""
    levels = r.items("pendidikan_tingkat")
    if not levels:
        return ()
    fields = r.items("pendidikan_jurusan")
    institutions = r.items("pendidikan_institusi")
    years = r.items("pendidikan_tahun")
    history: list[Education] = []
    for i, raw_level in enumerate(levels):
        level = EDUCATION_LEVELS.get(raw_level.upper())
        if level is None:
            r.problems.append(
                Problem("pendidikan_tingkat", f"{raw_level!r} is not an education level")
            )
            continue
        if i >= len(fields):
            r.problems.append(Problem("pendidikan_jurusan", f"no field of study for {raw_level}"))
            continue
        year = years[i] if i < len(years) else ""
        if year and not year.split(".")[0].isdigit():
            r.problems.append(Problem("pendidikan_tahun", f"{year!r} is not a year"))
            continue
        try:
            history.append(
                Education(
                    level=cast(Any, level),
                    field=fields[i],
                    institution=institutions[i] if i < len(institutions) else None,
                    year=int(year.split(".")[0]) if year else None,
                )
            )
        except ValidationError as exc:
            column = "pendidikan_tahun" if "year" in str(exc) else "pendidikan_jurusan"
            r.problems.append(Problem(column, exc.errors()[0]["msg"]))
    return tuple(history)


def _contact(r: _Row) -> Contact:
    try:
        return Contact(email=r.optional("email"), phone=r.optional("no_hp"))
    except ValidationError:
        r.problems.append(Problem("email", f"{r.text('email')!r} is not an e-mail address"))
        return Contact()


KEY_COLUMNS: dict[Section, str] = {
    "units": "unor_id",
    "positions": "jabatan_id",
    "employees": "nip",
}
_STREAMS = {"units": unit_stream, "positions": position_stream, "employees": employee_stream}


def key_of(section: Section, data: Mapping[str, Any]) -> str | None:
    """The stream a row is about, without validating it (None if the row names none)."""
    value = str(data.get(KEY_COLUMNS[section]) or "").strip()
    return _STREAMS[section](value) if value else None


PARSERS = {"units": parse_unit, "positions": parse_position, "employees": parse_employee}


def parse(section: Section, number: int, data: Mapping[str, Any]) -> ParsedRow:
    return PARSERS[section](number, data)
