"""The NIP (employee number) and what it encodes.

An 18-digit NIP is birth date `YYYYMMDD` + appointment as candidate (TMT CPNS) `YYYYMM` +
gender digit (1 male, 2 female) + a 3-digit sequence. A NIP that does not decode is refused
with every problem named, so that whoever typed it can correct it in one go.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rangkui_eventkit.errors import RuleViolated

GENDER_BY_DIGIT = {"1": "M", "2": "F"}


@dataclass(frozen=True)
class NipParts:
    """The facts a valid NIP encodes."""

    birth_date: date
    appointment_year: int
    appointment_month: int
    gender: str  # "M" or "F"
    sequence: str


def _real_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _eighteenth_birthday(birth: date) -> date:
    # Someone born on 29 February comes of age on 1 March of a non-leap year.
    return _real_date(birth.year + 18, birth.month, birth.day) or date(birth.year + 18, 3, 1)


def nip_problems(nip: str) -> list[str]:
    """Every reason `nip` is not a valid NIP (empty if it is)."""
    if len(nip) != 18 or not nip.isdigit():
        return [f"NIP must be exactly 18 digits, got {len(nip)} characters: {nip!r}"]
    problems: list[str] = []
    birth = _real_date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    if birth is None:
        problems.append(f"NIP digits 1-8 ({nip[0:8]}) are not a real birth date (YYYYMMDD)")
    tmt_year, tmt_month = int(nip[8:12]), int(nip[12:14])
    tmt = _real_date(tmt_year, tmt_month, 1) if tmt_year >= 1 else None
    if tmt is None:
        problems.append(f"NIP digits 9-14 ({nip[8:14]}) are not a real TMT CPNS month (YYYYMM)")
    if birth is not None and tmt is not None:
        # Only the month of appointment is known: it must not end before the 18th birthday.
        of_age = _eighteenth_birthday(birth)
        if (tmt.year, tmt.month) < (of_age.year, of_age.month):
            problems.append(
                f"NIP TMT CPNS {nip[8:12]}-{nip[12:14]} is before the 18th birthday "
                f"({of_age.isoformat()}) of someone born {birth.isoformat()}"
            )
    if nip[14] not in GENDER_BY_DIGIT:
        problems.append(f"NIP digit 15 (gender) must be 1 (male) or 2 (female), got {nip[14]}")
    return problems


def parse_nip(nip: str) -> NipParts:
    """Decode a NIP; `RuleViolated("valid_nip")` naming every problem if it does not decode."""
    problems = nip_problems(nip)
    if problems:
        raise RuleViolated("valid_nip", "; ".join(problems), details={"problems": problems})
    return NipParts(
        birth_date=date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8])),
        appointment_year=int(nip[8:12]),
        appointment_month=int(nip[12:14]),
        gender=GENDER_BY_DIGIT[nip[14]],
        sequence=nip[15:18],
    )


def identity_problems(nip: str, *, birth_date: date, gender: str) -> list[str]:
    """Problems with a NIP and the birth date and gender given with it (empty: consistent)."""
    problems = nip_problems(nip)
    if problems:
        return problems
    parts = parse_nip(nip)
    if parts.birth_date != birth_date:
        problems.append(
            f"birth date {birth_date.isoformat()} contradicts the NIP, which encodes "
            f"{parts.birth_date.isoformat()}"
        )
    if parts.gender != gender:
        problems.append(
            f"gender {gender} contradicts the NIP, whose gender digit {nip[14]} means "
            f"{parts.gender}"
        )
    return problems
