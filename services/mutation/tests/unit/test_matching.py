"""Candidate matching, factor by factor, the hard exclusions one by one, and the ranking."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from rangkui_mutation.domain.matching import (
    CandidateFacts,
    MatchPolicy,
    PostProfile,
    competency_factor,
    education_factor,
    exclusion,
    experience_factor,
    match,
    performance_factor,
    points,
    score,
    surplus_factor,
    years_factor,
)

pytestmark = pytest.mark.unit

TODAY = date(2026, 11, 28)
POLICY = MatchPolicy(today=TODAY, min_years_in_post=2, max_years_in_post=5)
POST = PostProfile(
    position_id="guru-mat-2",
    title="Guru Matematika",
    required_levels=("S1",),
    required_fields=("Pendidikan Matematika",),
    grade_min="III/a",
    grade_max="IV/a",
    required_competencies=("kurikulum merdeka", "olimpiade"),
)
SITI = CandidateFacts(
    nip="199003152015032001",
    name="Siti",
    status="ACTIVE",
    grade="III/b",
    unit_id="sma-1",
    position_id="guru-mat-1",
    tmt_position=date(2019, 1, 2),
    education=(("S1", "Pendidikan Matematika"),),
    competencies=("Kurikulum Merdeka",),
    titles_held=("Guru Matematika",),
    annual_predikat=("SANGAT_BAIK", "BAIK"),
    origin_surplus=1,
)


def siti(**changes: object) -> CandidateFacts:
    return dataclasses.replace(SITI, **changes)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- education
@pytest.mark.parametrize(
    ("education", "points_", "words"),
    [
        ((("S1", "Pendidikan Matematika"),), 30, "sesuai persis"),
        ((("S2", "Matematika"),), 18, "berkaitan"),
        ((("S1", "Pendidikan Fisika"),), 5, "tidak berkaitan"),
        ((("D3", "Pendidikan Matematika"),), 0, "tidak ada pendidikan pada jenjang"),
        ((), 0, "tidak tercatat"),
        ((("S1", "Hukum"), ("S1", "Pendidikan Matematika")), 30, "sesuai persis"),
    ],
)
def test_education_scores_exact_related_and_unrelated_fields_at_the_required_level(
    education: tuple[tuple[str, str], ...], points_: float, words: str
) -> None:
    factor = education_factor(siti(education=education), POST)
    assert factor.points == points_
    assert words in factor.explanation


# ------------------------------------------------------------------------ competencies
def test_competencies_score_the_share_of_the_needs_competencies_held() -> None:
    factor = competency_factor(siti(competencies=("kurikulum merdeka",)), POST)
    assert factor.points == 7.5
    assert factor.explanation == "memiliki 1 dari 2 kompetensi (kurikulum merdeka)"
    both = siti(competencies=("Olimpiade", "kurikulum merdeka"))
    assert competency_factor(both, POST).points == 15


def test_competencies_score_nothing_when_the_need_lists_none() -> None:
    factor = competency_factor(SITI, dataclasses.replace(POST, required_competencies=()))
    assert (factor.points, factor.explanation) == (0, "kebutuhan tidak mencantumkan kompetensi")


# -------------------------------------------------------------------------- experience
def test_experience_counts_having_served_in_a_post_of_the_same_title() -> None:
    assert experience_factor(SITI, POST).points == 15
    assert experience_factor(siti(titles_held=("Guru Fisika",)), POST).points == 0


# ------------------------------------------------------------------------- performance
@pytest.mark.parametrize(
    ("predikat", "expected"),
    [(("SANGAT_BAIK", "SANGAT_BAIK"), 20), (("SANGAT_BAIK", "BAIK"), 17), (("BAIK",), 14), ((), 7)],
)
def test_performance_is_the_mean_of_the_last_two_annual_ratings(
    predikat: tuple[str, ...], expected: float
) -> None:
    assert performance_factor(siti(annual_predikat=predikat)).points == expected


# ------------------------------------------------------------------------ years in post
@pytest.mark.parametrize(
    ("tmt", "expected"), [(date(2024, 11, 28), 0), (date(2023, 5, 29), 5), (date(2015, 1, 1), 10)]
)
def test_years_in_post_rise_from_the_minimum_to_the_maximum(tmt: date, expected: float) -> None:
    assert years_factor(siti(tmt_position=tmt), POLICY).points == pytest.approx(expected, abs=0.05)


# ---------------------------------------------------------------------- origin surplus
@pytest.mark.parametrize(("surplus", "expected"), [(2, 10), (0, 3), (-1, 0)])
def test_moving_from_a_surplus_post_scores_and_from_a_short_one_does_not(
    surplus: int, expected: float
) -> None:
    assert surplus_factor(siti(origin_surplus=surplus)).points == expected


def test_the_score_is_the_sum_of_the_factors_and_the_fast_path_agrees() -> None:
    ranked = score(SITI, POST, POLICY)
    assert [f.name for f in ranked.factors] == [
        "education",
        "competencies",
        "experience",
        "performance",
        "years_in_post",
        "origin_surplus",
    ]
    assert ranked.score == 30 + 7.5 + 15 + 17 + 10 + 10
    assert points(SITI, POST, POLICY) == ranked.score


# -------------------------------------------------------------------------- exclusions
@pytest.mark.parametrize(
    ("changes", "rule"),
    [
        ({"status": "ON_LEAVE"}, "not_active"),
        ({"status": "DISCIPLINARY"}, "under_disciplinary_proceedings"),
        ({"status": "STUDY_ASSIGNMENT"}, "on_study_assignment"),
        ({"position_id": "guru-mat-2"}, "already_in_post"),
        ({"in_open_transfer": True}, "open_transfer"),
        ({"tmt_position": date(2025, 6, 1)}, "min_years_in_post"),
        ({"grade": "II/d"}, "grade_out_of_range"),
        ({"grade": "IV/b"}, "grade_out_of_range"),
        ({"annual_predikat": ("BAIK", "BUTUH_PERBAIKAN")}, "performance_below_baik"),
    ],
)
def test_each_hard_rule_excludes_the_employee_and_names_itself(
    changes: dict[str, object], rule: str
) -> None:
    excluded = exclusion(siti(**changes), POST, POLICY)
    assert excluded is not None
    assert (excluded.nip, excluded.rule) == (SITI.nip, rule)
    assert excluded.explanation


def test_an_eligible_employee_is_not_excluded() -> None:
    assert exclusion(SITI, POST, POLICY) is None


# ----------------------------------------------------------------------------- ranking
def test_ranking_puts_the_best_fit_first_lists_the_excluded_and_breaks_ties_by_nip() -> None:
    physics = siti(nip="199001012015031002", education=(("S1", "Pendidikan Fisika"),))
    twin = siti(nip="198001012005031001")
    on_leave = siti(nip="197001012000031003", status="ON_LEAVE")

    result = match([physics, SITI, on_leave, twin], POST, POLICY)

    assert [r.nip for r in result.ranked] == [twin.nip, SITI.nip, physics.nip]
    assert [(e.nip, e.rule) for e in result.excluded] == [(on_leave.nip, "not_active")]
    assert result.eligible_count == 3


def test_the_limit_keeps_the_top_candidates_but_counts_every_eligible_one() -> None:
    people = [siti(nip=f"1990031520150320{i:02d}") for i in range(10)]
    result = match(people, POST, POLICY, limit=3)
    assert len(result.ranked) == 3
    assert result.eligible_count == 10
