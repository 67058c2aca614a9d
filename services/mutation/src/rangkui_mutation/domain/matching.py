"""Candidate matching for a staffing need: hard rules exclude, a documented score ranks.

Pure and deterministic: the same facts give the same list, ties broken by NIP. Every
excluded employee is listed with the rule that excluded them, and every eligible one with
each factor's points and a sentence a BKD officer can read (in Bahasa Indonesia).

Hard rules (first that applies excludes): `on_study_assignment`, `under_disciplinary_
proceedings`, `not_active`, `already_in_post`, `open_transfer`, `min_years_in_post`,
`grade_out_of_range`, `performance_below_baik` (either of the last two annual predikat
below Baik).

Score, 0–100, the sum of six factors:

| factor | max | how |
|---|---|---|
| education | 30 | level met and field exact 30, related 18, unrelated 5; level too low 0 |
| competencies | 15 | share of the need's required competencies held × 15 |
| experience | 15 | has held a post with the same title 15, else 0 |
| performance | 20 | mean of the last two annual predikat: Sangat Baik 20, Baik 14; none 7 |
| years_in_post | 10 | from the minimum (0) to the maximum years (10), linear, capped |
| origin_surplus | 10 | the origin post has more holders than formasi 10, exactly full 3, short 0 |

Fields are "related" when they share a subject word once generic words (pendidikan, ilmu,
teknik, ...) are set aside: *Matematika* is related to *Pendidikan Matematika*.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from rangkui_mutation.domain.rules import BELOW_BAIK

LEVEL_RANK = {"SMA": 0, "D3": 1, "S1": 2, "S2": 3, "S3": 4}
GENERIC_FIELD_WORDS = frozenset(
    {"pendidikan", "ilmu", "teknik", "sains", "studi", "dan", "&", "manajemen", "s1", "s2"}
)
PREDIKAT_POINTS = {"SANGAT_BAIK": 20.0, "BAIK": 14.0, "BUTUH_PERBAIKAN": 4.0, "KURANG": 2.0}
UNRATED_POINTS = 7.0


@lru_cache(maxsize=64)
def grade_rank(grade: str) -> int:
    """III/b -> 11: golongan I..IV times five plus ruang a..e."""
    roman, _, letter = grade.partition("/")
    return {"I": 0, "II": 1, "III": 2, "IV": 3}[roman] * 5 + "abcde".index(letter)


@lru_cache(maxsize=4096)
def subject_words(field: str) -> frozenset[str]:
    return frozenset(w for w in field.lower().split() if w not in GENERIC_FIELD_WORDS)


@dataclass(frozen=True)
class PostProfile:
    """The target post of the need, with what it requires."""

    position_id: str
    title: str
    required_levels: tuple[str, ...] = ()
    required_fields: tuple[str, ...] = ()
    grade_min: str | None = None
    grade_max: str | None = None
    required_competencies: tuple[str, ...] = ()


@dataclass(frozen=True)
class CandidateFacts:
    """What the read models know of one employee, as matching needs it."""

    nip: str
    name: str
    status: str
    grade: str
    unit_id: str
    position_id: str
    tmt_position: date
    education: tuple[tuple[str, str], ...] = ()  # (level, field)
    competencies: tuple[str, ...] = ()
    titles_held: tuple[str, ...] = ()  # titles of the current and past posts
    annual_predikat: tuple[str, ...] = ()  # most recent first
    in_open_transfer: bool = False
    origin_surplus: int = 0  # holders − formasi of the current post


@dataclass(frozen=True)
class MatchPolicy:
    today: date
    min_years_in_post: float = 2.0
    max_years_in_post: float = 5.0


@dataclass(frozen=True)
class Factor:
    name: str
    points: float
    max_points: float
    explanation: str


@dataclass(frozen=True)
class RankedCandidate:
    nip: str
    name: str
    unit_id: str
    position_id: str
    score: float
    factors: tuple[Factor, ...]


@dataclass(frozen=True)
class Exclusion:
    nip: str
    name: str
    rule: str
    explanation: str


@dataclass(frozen=True)
class MatchResult:
    ranked: tuple[RankedCandidate, ...]  # the first `limit`, explained
    excluded: tuple[Exclusion, ...]
    eligible_count: int


# -------------------------------------------------------------------- the post, prepared
@dataclass(frozen=True)
class _Prepared:
    """What every candidate is compared with, computed once per ranking."""

    post: PostProfile
    min_rank: int
    exact_fields: frozenset[str]
    wanted_words: tuple[frozenset[str], ...]
    grade_lo: int
    grade_hi: int
    competencies: tuple[str, ...]
    title: str


@lru_cache(maxsize=128)
def prepare(post: PostProfile) -> _Prepared:
    return _Prepared(
        post=post,
        min_rank=min((LEVEL_RANK[lv] for lv in post.required_levels), default=0),
        exact_fields=frozenset(f.lower() for f in post.required_fields),
        wanted_words=tuple(subject_words(f) for f in post.required_fields),
        grade_lo=grade_rank(post.grade_min) if post.grade_min else -1,
        grade_hi=grade_rank(post.grade_max) if post.grade_max else 99,
        competencies=tuple(x.lower() for x in post.required_competencies),
        title=post.title.lower(),
    )


def _years(c: CandidateFacts, policy: MatchPolicy) -> float:
    return (policy.today - c.tmt_position).days / 365.25


# ------------------------------------------------------------------------- exclusions
def exclusion(c: CandidateFacts, post: PostProfile, policy: MatchPolicy) -> Exclusion | None:
    """The first hard rule that excludes the employee, or None if eligible."""
    return _exclusion(c, prepare(post), policy)


def _exclusion(c: CandidateFacts, p: _Prepared, policy: MatchPolicy) -> Exclusion | None:
    if c.status != "ACTIVE":
        if c.status == "STUDY_ASSIGNMENT":
            return Exclusion(c.nip, c.name, "on_study_assignment", "sedang tugas belajar")
        if c.status == "DISCIPLINARY":
            why = "sedang menjalani proses hukuman disiplin"
            return Exclusion(c.nip, c.name, "under_disciplinary_proceedings", why)
        if c.status == "COURT_PROCEEDINGS":
            why = "sedang menjalani proses peradilan"
            return Exclusion(c.nip, c.name, "under_court_proceedings", why)
        if c.status == "SERVICE_OBLIGATION":
            why = "masih terikat ikatan dinas"
            return Exclusion(c.nip, c.name, "service_obligation", why)
        return Exclusion(c.nip, c.name, "not_active", f"berstatus {c.status}, tidak aktif")
    if c.position_id == p.post.position_id:
        return Exclusion(c.nip, c.name, "already_in_post", "sudah menduduki jabatan ini")
    if c.in_open_transfer:
        return Exclusion(c.nip, c.name, "open_transfer", "masih dalam usulan mutasi yang berjalan")
    years = (policy.today - c.tmt_position).days / 365.25
    if years < policy.min_years_in_post:
        why = (
            f"{_num(years)} tahun pada jabatan sekarang, kurang dari batas minimal "
            f"{_num(policy.min_years_in_post)} tahun"
        )
        return Exclusion(c.nip, c.name, "min_years_in_post", why)
    if not p.grade_lo <= grade_rank(c.grade) <= p.grade_hi:
        why = (
            f"golongan {c.grade} di luar rentang jabatan "
            f"{p.post.grade_min or 'bebas'}–{p.post.grade_max or 'bebas'}"
        )
        return Exclusion(c.nip, c.name, "grade_out_of_range", why)
    recent = c.annual_predikat[:2]
    if any(x in BELOW_BAIK for x in recent):
        why = f"predikat tahunan terakhir {_predikat(recent)}: di bawah Baik"
        return Exclusion(c.nip, c.name, "performance_below_baik", why)
    return None


def _num(value: float) -> str:
    """A number as an Indonesian reader writes it: 1,5."""
    return f"{value:.1f}".replace(".", ",")


def _predikat(recent: Sequence[str]) -> str:
    return ", ".join(x.replace("_", " ").title() for x in recent)


# ---------------------------------------------------------------------------- factors
# Each factor has a numeric part (used for ranking everyone) and a worded part (built only
# for the candidates shown); the worded part calls the numeric one, so they cannot disagree.
def _education(c: CandidateFacts, p: _Prepared) -> tuple[float, str]:
    best, why = (
        0.0,
        "tidak ada pendidikan pada jenjang yang disyaratkan" if c.education else "tidak tercatat",
    )
    for level, field in sorted(c.education):
        if LEVEL_RANK[level] < p.min_rank:
            continue
        if not p.exact_fields or field.lower() in p.exact_fields:
            points, kind = 30.0, "sesuai persis dengan jabatan"
        elif any(subject_words(field) & w for w in p.wanted_words):
            points, kind = 18.0, "berkaitan dengan jabatan"
        else:
            points, kind = 5.0, "tidak berkaitan dengan jabatan"
        if points > best:
            best, why = points, f"{level} {field}: {kind}"
    return best, why


def education_factor(c: CandidateFacts, post: PostProfile) -> Factor:
    points, why = _education(c, prepare(post))
    return Factor("education", points, 30, why)


def _competency_points(c: CandidateFacts, p: _Prepared) -> float:
    if not p.competencies:
        return 0.0
    held = {x.lower() for x in c.competencies}
    return round(15 * sum(1 for x in p.competencies if x in held) / len(p.competencies), 2)


def competency_factor(c: CandidateFacts, post: PostProfile) -> Factor:
    p = prepare(post)
    if not p.competencies:
        return Factor("competencies", 0, 15, "kebutuhan tidak mencantumkan kompetensi")
    held = {x.lower() for x in c.competencies}
    matched = [x for x in post.required_competencies if x.lower() in held]
    which = ", ".join(matched) if matched else "tidak ada"
    return Factor(
        "competencies",
        _competency_points(c, p),
        15,
        f"memiliki {len(matched)} dari {len(p.competencies)} kompetensi ({which})",
    )


def _experience_points(c: CandidateFacts, p: _Prepared) -> float:
    return 15.0 if any(t.lower() == p.title for t in c.titles_held) else 0.0


def experience_factor(c: CandidateFacts, post: PostProfile) -> Factor:
    points = _experience_points(c, prepare(post))
    served = "pernah" if points else "belum pernah"
    return Factor("experience", points, 15, f"{served} menjabat sebagai {post.title}")


def _performance_points(c: CandidateFacts) -> float:
    recent = c.annual_predikat[:2]
    if not recent:
        return UNRATED_POINTS
    return round(sum(PREDIKAT_POINTS.get(x, 0.0) for x in recent) / len(recent), 2)


def performance_factor(c: CandidateFacts) -> Factor:
    recent = c.annual_predikat[:2]
    if not recent:
        return Factor("performance", UNRATED_POINTS, 20, "belum ada predikat tahunan")
    words = _predikat(recent)
    return Factor("performance", _performance_points(c), 20, f"predikat tahunan terakhir: {words}")


def _years_points(c: CandidateFacts, policy: MatchPolicy) -> float:
    span = max(policy.max_years_in_post - policy.min_years_in_post, 0.01)
    share = min(max((_years(c, policy) - policy.min_years_in_post) / span, 0.0), 1.0)
    return round(10 * share, 2)


def years_factor(c: CandidateFacts, policy: MatchPolicy) -> Factor:
    years = _years(c, policy)
    note = "sudah waktunya dirotasi" if years >= policy.max_years_in_post else "masih menjabat"
    why = f"{_num(years)} tahun pada jabatan sekarang ({note})"
    return Factor("years_in_post", _years_points(c, policy), 10, why)


def _surplus_points(c: CandidateFacts) -> float:
    return 10.0 if c.origin_surplus > 0 else 3.0 if c.origin_surplus == 0 else 0.0


def surplus_factor(c: CandidateFacts) -> Factor:
    if c.origin_surplus > 0:
        why = f"jabatan asal kelebihan {c.origin_surplus} di atas formasinya"
    elif c.origin_surplus == 0:
        why = "jabatan asal tepat sesuai formasinya"
    else:
        short = -c.origin_surplus
        why = f"jabatan asal kekurangan {short} dari formasinya: mutasi menambah kekosongan"
    return Factor("origin_surplus", _surplus_points(c), 10, why)


def points(c: CandidateFacts, post: PostProfile, policy: MatchPolicy) -> float:
    """The score without its words: what ranking everyone costs."""
    return _points(c, prepare(post), policy)


def _points(c: CandidateFacts, p: _Prepared, policy: MatchPolicy) -> float:
    return round(
        _education(c, p)[0]
        + _competency_points(c, p)
        + _experience_points(c, p)
        + _performance_points(c)
        + _years_points(c, policy)
        + _surplus_points(c),
        2,
    )


def score(c: CandidateFacts, post: PostProfile, policy: MatchPolicy) -> RankedCandidate:
    """The score with every factor's points and explanation."""
    factors = (
        education_factor(c, post),
        competency_factor(c, post),
        experience_factor(c, post),
        performance_factor(c),
        years_factor(c, policy),
        surplus_factor(c),
    )
    total = round(sum(f.points for f in factors), 2)
    return RankedCandidate(c.nip, c.name, c.unit_id, c.position_id, total, factors)


def match(
    candidates: Iterable[CandidateFacts],
    post: PostProfile,
    policy: MatchPolicy,
    *,
    limit: int | None = None,
) -> MatchResult:
    """Exclude by the hard rules, rank the rest by score (ties by NIP), explain the first
    `limit` (all when None). Every excluded employee is returned with its rule."""
    p = prepare(post)
    eligible: list[tuple[float, str, CandidateFacts]] = []
    excluded: list[Exclusion] = []
    for c in candidates:
        why = _exclusion(c, p, policy)
        if why is None:
            eligible.append((-_points(c, p, policy), c.nip, c))
        else:
            excluded.append(why)
    eligible.sort(key=lambda t: (t[0], t[1]))
    shown: Sequence[tuple[float, str, CandidateFacts]] = (
        eligible if limit is None else eligible[:limit]
    )
    excluded.sort(key=lambda e: (e.rule, e.nip))
    return MatchResult(
        tuple(score(c, post, policy) for _, _, c in shown), tuple(excluded), len(eligible)
    )
