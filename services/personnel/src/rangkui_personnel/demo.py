"""The demo province: a deterministic, realistic, fictional Rangkui as an import file.

Same seed and size, same file, byte for byte (no clock, no global random state). About 40
agencies (OPD) with their branch offices (UPT), 200 schools under the education agency's
branches, 10 district hospitals (RSUD) under the health agency, and the requested number of
employees spread over the posts, with valid NIPs, education and grades that fit their post.

Deliberate imbalances, for the stories the demo tells:
- some SMA are short of mathematics and physics teachers while others have a surplus;
- one RSUD is short of nurses;
- one agency (Dinas Pekerjaan Umum dan Penataan Ruang) has most staff past 5 years in post.

The formasi of every post scales with the number of employees asked for, so a 250,000
employee province keeps the same shape (and the same imbalances) as the 25,000 one.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from rangkui_personnel.demo_names import (
    AGENCIES,
    AGENCY_FIELDS,
    FEMALE_FIRST,
    INSTITUTIONS,
    MALE_FIRST,
    MIDDLE,
    REGIONS,
    SURNAMES,
)
from rangkui_personnel.domain.grade import GRADES

FORMAT = "rangkui-simpeg-export/1"
DEFAULT_AS_OF = date(2026, 1, 1)
CAPITAL = REGIONS[0]
SHORT_OF_MATH_AND_PHYSICS = 12  # SMA with about a third of their maths/physics formasi filled
SURPLUS_OF_MATH_AND_PHYSICS = 8  # SMA with about 1.7 times their maths/physics formasi
NURSE_SHORT_RSUD = "rsud-06"
LONG_TENURE_AGENCY = "dpupr"


@dataclass(frozen=True)
class Post:
    """A post to generate: what it requires and how many hold it."""

    position_id: str
    unit_id: str
    title: str
    jabatan_type: str
    base_formasi: int
    levels: tuple[str, ...]
    fields: tuple[str, ...]
    grade_min: str
    grade_max: str
    head: bool = False
    fill: float = 0.95  # bezetting / formasi to aim for
    long_tenure: bool = False
    women: float = 0.5
    degree_prefix: str = ""
    degree_suffix: str = ""


def _posts_of_agency(agency_id: str) -> list[Post]:
    p = agency_id
    adm = ("S1", "S2")
    return [
        Post(
            f"{p}-kepala",
            p,
            "Kepala",
            "STRUKTURAL",
            1,
            ("S2",),
            AGENCY_FIELDS,
            "IV/c",
            "IV/e",
            head=True,
        ),
        Post(
            f"{p}-sekretaris", p, "Sekretaris", "STRUKTURAL", 1, adm, AGENCY_FIELDS, "IV/a", "IV/c"
        ),
        Post(f"{p}-kabid", p, "Kepala Bidang", "STRUKTURAL", 3, adm, AGENCY_FIELDS, "IV/a", "IV/b"),
        Post(
            f"{p}-kasubbag",
            p,
            "Kepala Subbagian",
            "STRUKTURAL",
            3,
            adm,
            AGENCY_FIELDS,
            "III/c",
            "III/d",
        ),
        Post(
            f"{p}-analis",
            p,
            "Analis Kebijakan Ahli Muda",
            "FUNGSIONAL",
            8,
            adm,
            AGENCY_FIELDS,
            "III/c",
            "IV/a",
        ),
        Post(
            f"{p}-perencana",
            p,
            "Perencana Ahli Pertama",
            "FUNGSIONAL",
            4,
            ("S1",),
            AGENCY_FIELDS,
            "III/a",
            "III/b",
        ),
        Post(
            f"{p}-pranata-komputer",
            p,
            "Pranata Komputer Terampil",
            "FUNGSIONAL",
            3,
            ("D3", "S1"),
            ("Teknik Informatika", "Manajemen Informatika"),
            "II/c",
            "III/b",
        ),
        Post(
            f"{p}-pengadministrasi",
            p,
            "Pengadministrasi Umum",
            "PELAKSANA",
            14,
            ("SMA", "D3"),
            ("IPS", "Administrasi Perkantoran"),
            "II/a",
            "III/a",
        ),
        Post(
            f"{p}-pengolah-data",
            p,
            "Pengolah Data",
            "PELAKSANA",
            8,
            ("D3", "S1"),
            AGENCY_FIELDS,
            "II/c",
            "III/b",
        ),
    ]


def _posts_of_upt(unit_id: str) -> list[Post]:
    u = unit_id
    return [
        Post(
            f"{u}-kepala",
            u,
            "Kepala UPT",
            "STRUKTURAL",
            1,
            ("S1", "S2"),
            AGENCY_FIELDS,
            "III/d",
            "IV/a",
            head=True,
        ),
        Post(
            f"{u}-kasubbag-tu",
            u,
            "Kepala Subbagian Tata Usaha",
            "STRUKTURAL",
            1,
            ("S1",),
            AGENCY_FIELDS,
            "III/b",
            "III/d",
        ),
        Post(
            f"{u}-pengawas",
            u,
            "Pengawas Sekolah",
            "FUNGSIONAL",
            4,
            ("S1", "S2"),
            ("Pendidikan Matematika", "Pendidikan Bahasa Indonesia", "Manajemen Pendidikan"),
            "III/d",
            "IV/b",
        ),
        Post(
            f"{u}-pengadministrasi",
            u,
            "Pengadministrasi Umum",
            "PELAKSANA",
            8,
            ("SMA", "D3"),
            ("IPS", "Administrasi Perkantoran"),
            "II/a",
            "III/a",
        ),
    ]


SMA_SUBJECTS = (
    ("mat", "Matematika", ("Pendidikan Matematika", "Matematika"), 4),
    ("fis", "Fisika", ("Pendidikan Fisika", "Fisika"), 3),
    ("kim", "Kimia", ("Pendidikan Kimia", "Kimia"), 3),
    ("bio", "Biologi", ("Pendidikan Biologi", "Biologi"), 3),
    ("bind", "Bahasa Indonesia", ("Pendidikan Bahasa Indonesia",), 4),
    ("bing", "Bahasa Inggris", ("Pendidikan Bahasa Inggris",), 4),
    ("sej", "Sejarah", ("Pendidikan Sejarah",), 2),
    ("ppkn", "PPKn", ("Pendidikan Pancasila dan Kewarganegaraan",), 2),
    ("eko", "Ekonomi", ("Pendidikan Ekonomi",), 2),
    ("geo", "Geografi", ("Pendidikan Geografi",), 2),
    ("sos", "Sosiologi", ("Pendidikan Sosiologi",), 2),
    ("pjok", "PJOK", ("Pendidikan Jasmani",), 2),
    ("agama", "Pendidikan Agama Islam", ("Pendidikan Agama Islam",), 3),
    ("bk", "Bimbingan Konseling", ("Bimbingan dan Konseling",), 2),
)
SMK_SUBJECTS = (
    ("mat", "Matematika", ("Pendidikan Matematika", "Matematika"), 3),
    ("bind", "Bahasa Indonesia", ("Pendidikan Bahasa Indonesia",), 3),
    ("bing", "Bahasa Inggris", ("Pendidikan Bahasa Inggris",), 3),
    ("tkj", "Teknik Komputer dan Jaringan", ("Pendidikan Teknik Informatika",), 4),
    ("tkr", "Teknik Kendaraan Ringan", ("Pendidikan Teknik Otomotif",), 4),
    ("akl", "Akuntansi", ("Pendidikan Akuntansi",), 3),
    ("ppkn", "PPKn", ("Pendidikan Pancasila dan Kewarganegaraan",), 2),
    ("agama", "Pendidikan Agama Islam", ("Pendidikan Agama Islam",), 2),
    ("bk", "Bimbingan Konseling", ("Bimbingan dan Konseling",), 1),
)
SLB_SUBJECTS = (("plb", "Pendidikan Khusus", ("Pendidikan Luar Biasa",), 8),)


def _posts_of_school(unit_id: str, kind: str, size: float, tilt: str) -> list[Post]:
    """`tilt`: "short" or "surplus" of maths and physics teachers, or "" (balanced)."""
    subjects = {"SMA": SMA_SUBJECTS, "SMK": SMK_SUBJECTS, "SLB": SLB_SUBJECTS}[kind]
    posts = [
        Post(
            f"{unit_id}-kepsek",
            unit_id,
            "Kepala Sekolah",
            "FUNGSIONAL",
            1,
            ("S1", "S2"),
            ("Pendidikan Matematika", "Pendidikan Bahasa Indonesia", "Manajemen Pendidikan"),
            "III/d",
            "IV/b",
            head=True,
            women=0.4,
            degree_suffix="M.Pd.",
        ),
        Post(
            f"{unit_id}-tu",
            unit_id,
            "Pengadministrasi Umum",
            "PELAKSANA",
            max(1, round(3 * size)),
            ("SMA", "D3"),
            ("IPS", "Administrasi Perkantoran"),
            "II/a",
            "III/a",
        ),
    ]
    for code, subject, fields, base in subjects:
        fill = 0.95
        if code in ("mat", "fis") and tilt == "short":
            fill = 0.35
        elif code in ("mat", "fis") and tilt == "surplus":
            fill = 1.7
        posts.append(
            Post(
                f"{unit_id}-guru-{code}",
                unit_id,
                f"Guru {subject}",
                "FUNGSIONAL",
                max(1, round(base * size)),
                ("S1",),
                fields,
                "III/a",
                "IV/b",
                fill=fill,
                women=0.6,
                degree_suffix="S.Pd.",
            )
        )
    return posts


def _posts_of_hospital(unit_id: str, size: float, short_of_nurses: bool) -> list[Post]:
    u = unit_id
    nurse_fill = 0.45 if short_of_nurses else 0.95
    return [
        Post(
            f"{u}-direktur",
            u,
            "Direktur",
            "STRUKTURAL",
            1,
            ("S2",),
            ("Pendidikan Dokter", "Manajemen Rumah Sakit"),
            "IV/a",
            "IV/c",
            head=True,
            degree_prefix="dr.",
        ),
        Post(
            f"{u}-kabag",
            u,
            "Kepala Bagian",
            "STRUKTURAL",
            3,
            ("S1", "S2"),
            AGENCY_FIELDS,
            "III/d",
            "IV/a",
        ),
        Post(
            f"{u}-dokter",
            u,
            "Dokter Ahli Pertama",
            "FUNGSIONAL",
            round(18 * size),
            ("S1",),
            ("Pendidikan Dokter",),
            "III/b",
            "III/d",
            degree_prefix="dr.",
        ),
        Post(
            f"{u}-dokter-spesialis",
            u,
            "Dokter Spesialis",
            "FUNGSIONAL",
            round(12 * size),
            ("S2",),
            ("Ilmu Penyakit Dalam", "Ilmu Kesehatan Anak", "Obstetri dan Ginekologi", "Ilmu Bedah"),
            "III/d",
            "IV/b",
            degree_prefix="dr.",
        ),
        Post(
            f"{u}-perawat",
            u,
            "Perawat",
            "FUNGSIONAL",
            round(120 * size),
            ("D3", "S1"),
            ("Keperawatan",),
            "II/c",
            "III/d",
            fill=nurse_fill,
            women=0.8,
            degree_suffix="A.Md.Kep.",
        ),
        Post(
            f"{u}-bidan",
            u,
            "Bidan",
            "FUNGSIONAL",
            round(25 * size),
            ("D3",),
            ("Kebidanan",),
            "II/c",
            "III/c",
            women=1.0,
            degree_suffix="A.Md.Keb.",
        ),
        Post(
            f"{u}-apoteker",
            u,
            "Apoteker",
            "FUNGSIONAL",
            round(6 * size),
            ("S1",),
            ("Farmasi",),
            "III/a",
            "III/d",
            degree_suffix="Apt.",
        ),
        Post(
            f"{u}-pranata-lab",
            u,
            "Pranata Laboratorium Kesehatan",
            "FUNGSIONAL",
            round(10 * size),
            ("D3",),
            ("Analis Kesehatan",),
            "II/c",
            "III/b",
        ),
        Post(
            f"{u}-perekam-medis",
            u,
            "Perekam Medis",
            "FUNGSIONAL",
            round(10 * size),
            ("D3",),
            ("Rekam Medis",),
            "II/c",
            "III/b",
        ),
        Post(
            f"{u}-pengadministrasi",
            u,
            "Pengadministrasi Umum",
            "PELAKSANA",
            round(30 * size),
            ("SMA", "D3"),
            ("IPS", "Administrasi Perkantoran"),
            "II/a",
            "III/a",
        ),
    ]


@dataclass
class _Plan:
    units: list[dict[str, Any]]
    posts: list[Post]


def _organisation(rng: random.Random) -> _Plan:
    units: list[dict[str, Any]] = []
    posts: list[Post] = []

    def unit(unit_id: str, name: str, kind: str, region: str, parent: str | None) -> None:
        units.append(
            {
                "unor_id": unit_id,
                "nama_unor": name,
                "jenis_unor": kind,
                "wilayah": region,
                "induk_unor_id": parent or "",
            }
        )

    for agency_id, name in AGENCIES:
        unit(agency_id, name, "OPD", CAPITAL, None)
        posts += [
            _long(p) if agency_id == LONG_TENURE_AGENCY else p for p in _posts_of_agency(agency_id)
        ]
    # The education agency's branch offices (cabang dinas), one per region: schools sit under
    # them. Other agencies have a few UPTs of their own.
    for i, region in enumerate(REGIONS, start=1):
        cabdin = f"cabdin-{i:02d}"
        unit(cabdin, f"Cabang Dinas Pendidikan Wilayah {i}", "UPT", region, "disdik")
        posts += _posts_of_upt(cabdin)
    for agency_id in ("dpupr", "dishub", "bapenda", "dlhk"):
        for i in (1, 2):
            upt = f"upt-{agency_id}-{i}"
            region = REGIONS[rng.randrange(len(REGIONS))]
            unit(upt, f"UPT {dict(AGENCIES)[agency_id]} Wilayah {i}", "UPT", region, agency_id)
            posts += [
                _long(p) if agency_id == LONG_TENURE_AGENCY else p for p in _posts_of_upt(upt)
            ]
    kinds = ["SMA"] * 110 + ["SMK"] * 70 + ["SLB"] * 20
    numbers = {"SMA": 0, "SMK": 0, "SLB": 0}
    tilts = ["short"] * SHORT_OF_MATH_AND_PHYSICS + ["surplus"] * SURPLUS_OF_MATH_AND_PHYSICS
    tilts += [""] * (110 - len(tilts))
    rng.shuffle(tilts)
    for i, kind in enumerate(kinds):
        numbers[kind] += 1
        n = numbers[kind]
        region_no = i % len(REGIONS)
        unit_id = f"{kind.lower()}-{n:03d}"
        name = f"{kind} Negeri {n} {REGIONS[region_no].split(' ', 1)[1]}"
        unit(unit_id, name, kind, REGIONS[region_no], f"cabdin-{region_no + 1:02d}")
        size = rng.choice((0.75, 1.0, 1.0, 1.25, 1.5))
        tilt = tilts[n - 1] if kind == "SMA" else ""
        posts += _posts_of_school(unit_id, kind, size, tilt)
    for i in range(1, 11):
        unit_id = f"rsud-{i:02d}"
        region = REGIONS[(i * 5) % len(REGIONS)]
        unit(unit_id, f"RSUD {region.split(' ', 1)[1]}", "RSUD", region, "dinkes")
        size = rng.choice((0.8, 1.0, 1.2, 1.5))
        posts += _posts_of_hospital(unit_id, size, unit_id == NURSE_SHORT_RSUD)
    return _Plan(units, posts)


def _long(post: Post) -> Post:
    return Post(**{**post.__dict__, "long_tenure": True})


class _Nips:
    """Unique, valid NIPs: the 3-digit sequence counts up per birth date, TMT and gender."""

    def __init__(self) -> None:
        self.used: dict[str, int] = {}

    def issue(self, birth: date, tmt_year: int, tmt_month: int, gender: str) -> str | None:
        stem = f"{birth:%Y%m%d}{tmt_year:04d}{tmt_month:02d}{'1' if gender == 'M' else '2'}"
        seq = self.used.get(stem, 0) + 1
        if seq > 999:
            return None
        self.used[stem] = seq
        return f"{stem}{seq:03d}"


def _grade_for(rng: random.Random, post: Post, service_years: int) -> str:
    lo, hi = GRADES.index(post.grade_min), GRADES.index(post.grade_max)
    step = min(service_years // 4, hi - lo)
    return GRADES[max(lo, min(hi, lo + step + rng.choice((-1, 0, 0, 1))))]


def _name(rng: random.Random, gender: str, post: Post) -> str:
    first = rng.choice(MALE_FIRST if gender == "M" else FEMALE_FIRST)
    parts = [first]
    if rng.random() < 0.35:
        parts.append(rng.choice(MIDDLE))
    if rng.random() < 0.8:
        parts.append(rng.choice(SURNAMES))
    name = " ".join(dict.fromkeys(parts))
    if post.degree_prefix:
        name = f"{post.degree_prefix} {name}"
    if post.degree_suffix and rng.random() < 0.9:
        name = f"{name}, {post.degree_suffix}"
    return name


def _employee(rng: random.Random, nips: _Nips, post: Post, n: int, as_of: date) -> dict[str, Any]:
    gender = "F" if rng.random() < post.women else "M"
    while True:
        age = rng.randint(24, 57) if not post.head else rng.randint(42, 57)
        birth = date(as_of.year - age, 1, 1) + timedelta(days=rng.randrange(365))
        start_age = rng.randint(22, min(35, age - 1))
        tmt_year = birth.year + start_age
        tmt_month = rng.randint(1, 12)
        if date(tmt_year, tmt_month, 1) >= as_of:
            continue
        nip = nips.issue(birth, tmt_year, tmt_month, gender)
        if nip:
            break
    service_start = date(tmt_year, tmt_month, 1)
    service_years = (as_of - service_start).days // 365
    if post.long_tenure and rng.random() < 0.8:
        years_in_post = rng.uniform(5.5, min(14.0, max(5.6, service_years)))
    else:
        years_in_post = rng.uniform(0.2, min(5.0, max(0.3, service_years)))
    tmt_post = max(service_start, as_of - timedelta(days=int(years_in_post * 365.25)))
    level = rng.choice(post.levels)
    study_field = rng.choice(post.fields)
    status = rng.choices(
        ("AKTIF", "CUTI", "TUGAS_BELAJAR", "HUKUMAN_DISIPLIN"), weights=(96, 2, 1.5, 0.5)
    )[0]
    name = _name(rng, gender, post)
    handle = name.split(",")[0].replace("dr. ", "").lower().replace(" ", ".")
    return {
        "nip": nip,
        "nama": name,
        "jenis_kelamin": "L" if gender == "M" else "P",
        "tanggal_lahir": birth.isoformat(),
        "status_pegawai": status,
        "gol_ruang": _grade_for(rng, post, service_years),
        "unor_id": post.unit_id,
        "jabatan_id": post.position_id,
        "tmt_jabatan": tmt_post.isoformat(),
        "pendidikan_tingkat": level,
        "pendidikan_jurusan": study_field,
        "pendidikan_institusi": rng.choice(INSTITUTIONS),
        "pendidikan_tahun": min(birth.year + rng.randint(21, 25), as_of.year),
        "kompetensi": "",
        "email": f"{handle}.{n}@mail.rangkui.example",
        "no_hp": f"08{rng.randint(11, 59)}{rng.randint(10_000_000, 99_999_999)}",
    }


def _headcounts(rng: random.Random, posts: list[Post], formasi: list[int], total: int) -> list[int]:
    """How many hold each post: formasi x fill with some noise, adjusted to exactly `total`
    by adding or removing staff on balanced posts only (the imbalances stay as designed)."""
    counts = [
        max(0, round(f * p.fill * rng.uniform(0.9, 1.1))) if not p.head else 1
        for p, f in zip(posts, formasi, strict=True)
    ]
    balanced = [i for i, p in enumerate(posts) if p.fill == 0.95 and not p.head]
    diff = total - sum(counts)
    for _ in range(max(diff, 0)):
        counts[balanced[rng.randrange(len(balanced))]] += 1
    # Too many: take from balanced posts first, and only from the others (heads included)
    # when a very small province leaves no choice.
    rest = sorted(set(range(len(posts))) - set(balanced))
    for candidates in (balanced, rest):
        while diff < 0:
            live = [i for i in candidates if counts[i] > 0]
            if not live:
                break
            rng.shuffle(live)
            for i in live[:-diff]:
                counts[i] -= 1
                diff += 1
    return counts


def generate(employees: int = 25_000, seed: int = 1, as_of: date = DEFAULT_AS_OF) -> dict[str, Any]:
    """The demo province as an import document (see the README for its columns)."""
    rng = random.Random(seed)
    plan = _organisation(rng)
    base_total = sum(p.base_formasi for p in plan.posts)
    scale = employees / base_total
    formasi = [1 if p.head else max(1, round(p.base_formasi * scale)) for p in plan.posts]
    counts = _headcounts(rng, plan.posts, formasi, employees)
    positions = [
        {
            "jabatan_id": p.position_id,
            "unor_id": p.unit_id,
            "nama_jabatan": p.title,
            "jenis_jabatan": p.jabatan_type,
            "formasi": f,
            "kepala_unit": p.head,
            "syarat_pendidikan_tingkat": list(p.levels),
            "syarat_pendidikan_jurusan": list(p.fields),
            "gol_min": p.grade_min,
            "gol_max": p.grade_max,
        }
        for p, f in zip(plan.posts, formasi, strict=True)
    ]
    nips = _Nips()
    people = list(_people(rng, nips, plan.posts, counts, as_of))
    return {
        "format": FORMAT,
        "meta": {"seed": seed, "employees": employees, "as_of": as_of.isoformat()},
        "units": plan.units,
        "positions": positions,
        "employees": people,
    }


def _people(
    rng: random.Random, nips: _Nips, posts: list[Post], counts: list[int], as_of: date
) -> Iterator[dict[str, Any]]:
    n = 0
    for post, count in zip(posts, counts, strict=True):
        for _ in range(count):
            n += 1
            yield _employee(rng, nips, post, n, as_of)
