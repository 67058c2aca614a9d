"""The demo province generator: deterministic, valid, and imbalanced where it should be."""

import json
from collections import Counter
from datetime import date

import pytest

from rangkui_personnel.demo import (
    LONG_TENURE_AGENCY,
    NURSE_SHORT_RSUD,
    generate,
)
from rangkui_personnel.domain.simpeg import parse

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def province() -> dict:
    return generate(employees=6000, seed=3)


@pytest.fixture(scope="module")
def full_size() -> dict:
    return generate(employees=25_000, seed=1)


def test_the_same_seed_gives_the_same_file() -> None:
    a = json.dumps(generate(employees=500, seed=11))
    assert a == json.dumps(generate(employees=500, seed=11))
    assert a != json.dumps(generate(employees=500, seed=12))


def test_has_the_organisation_of_a_province(province: dict) -> None:
    kinds = Counter(u["jenis_unor"] for u in province["units"])
    assert kinds["OPD"] == 40
    assert kinds["SMA"] + kinds["SMK"] + kinds["SLB"] == 200
    assert kinds["RSUD"] == 10
    assert len(province["employees"]) == 6000


def test_every_row_is_valid_and_every_nip_unique(province: dict) -> None:
    for section in ("units", "positions", "employees"):
        for n, row in enumerate(province[section], start=1):
            parsed = parse(section, n, row)
            assert parsed.problems == (), (section, n, parsed.problems)
    nips = [e["nip"] for e in province["employees"]]
    assert len(set(nips)) == len(nips)


def test_every_employee_holds_a_post_of_their_unit(province: dict) -> None:
    unit_of = {p["jabatan_id"]: p["unor_id"] for p in province["positions"]}
    assert all(unit_of[e["jabatan_id"]] == e["unor_id"] for e in province["employees"])


def fill(province: dict, suffix: str, unit_prefix: str = "") -> dict[str, float]:
    held = Counter(e["jabatan_id"] for e in province["employees"])
    return {
        p["jabatan_id"]: held[p["jabatan_id"]] / p["formasi"]
        for p in province["positions"]
        if p["jabatan_id"].endswith(suffix) and p["unor_id"].startswith(unit_prefix)
    }


def test_some_high_schools_lack_maths_and_physics_teachers_while_others_have_too_many(
    full_size: dict,
) -> None:
    maths = fill(full_size, "-guru-mat", "sma-")
    physics = fill(full_size, "-guru-fis", "sma-")
    short = {p.split("-guru")[0] for p, f in maths.items() if f <= 0.5}
    surplus = {p.split("-guru")[0] for p, f in maths.items() if f >= 1.4}
    assert len(short) >= 8
    assert len(surplus) >= 5
    assert all(physics[f"{s}-guru-fis"] <= 0.6 for s in short)


def test_one_district_hospital_lacks_nurses(full_size: dict) -> None:
    nurses = fill(full_size, "-perawat", "rsud-")
    assert nurses[f"{NURSE_SHORT_RSUD}-perawat"] < 0.6
    assert sorted(nurses.values())[1] > 0.8  # the others are about full


def test_one_agency_has_staff_past_five_years_in_post(province: dict) -> None:
    as_of = date.fromisoformat(province["meta"]["as_of"])

    def long_share(unit_prefix: str) -> float:
        staff = [e for e in province["employees"] if e["unor_id"].startswith(unit_prefix)]
        long = [
            e for e in staff if (as_of - date.fromisoformat(e["tmt_jabatan"])).days / 365.25 > 5
        ]
        return len(long) / len(staff)

    assert long_share(LONG_TENURE_AGENCY) > 0.5
    assert long_share("bkd") < 0.05
