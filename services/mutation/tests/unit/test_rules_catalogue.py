"""The rules catalogue: the README's table is the code's catalogue written out, every rule
the code raises is in it, and every refusal reads in Bahasa Indonesia with its basis."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from rangkui_eventkit.errors import HTTP_STATUS, ErrorKind
from rangkui_eventkit.indonesian import tanggal
from rangkui_mutation.domain.rules import ALL_STEPS, RULES, refusal, violation

pytestmark = pytest.mark.unit

SERVICE = Path(__file__).resolve().parents[2]
README = SERVICE / "README.md"
SOURCES = SERVICE / "src" / "rangkui_mutation"
BEGIN, END = "<!-- rules:begin -->", "<!-- rules:end -->"


def catalogue_rows() -> list[list[str]]:
    rows = []
    for r in RULES.values():
        steps = "every step" if r.steps == ALL_STEPS else ", ".join(r.steps)
        rows.append(
            [
                f"`{r.id}`",
                steps,
                str(HTTP_STATUS[r.kind]),
                r.legal_basis or "—",
                r.pesan,
                f"`{r.setting}`" if r.setting else "—",
            ]
        )
    return rows


def readme_rows() -> list[list[str]]:
    text = README.read_text(encoding="utf-8")
    assert BEGIN in text, f"{README} lacks the {BEGIN} … {END} table"
    assert END in text, f"{README} lacks the {BEGIN} … {END} table"
    table = text.split(BEGIN, 1)[1].split(END, 1)[0]
    lines = [ln.strip() for ln in table.strip().splitlines() if ln.strip().startswith("|")]
    return [[c.strip() for c in ln.strip("|").split(" | ")] for ln in lines[2:]]


def test_the_readme_rules_table_matches_the_code_catalogue() -> None:
    expected = catalogue_rows()
    found = readme_rows()
    missing = [r for r in expected if r not in found]
    extra = [r for r in found if r not in expected]
    assert not missing, f"README rules table lacks (or differs from) the code's: {missing}"
    assert not extra, f"README rules table has rows the code does not: {extra}"
    assert [r[0] for r in found] == [r[0] for r in expected], "same rules, same order"


def test_every_rule_the_code_names_is_in_the_catalogue() -> None:
    named = set()
    for path in SOURCES.rglob("*.py"):
        named |= set(re.findall(r'(?:rule_error|violation)\(\s*"(\w+)"', path.read_text()))
    assert named, "the scan found no rule at all: the pattern is wrong"
    assert named - set(RULES) == set()


def test_every_rule_speaks_indonesian_and_english_and_says_what_to_do() -> None:
    for rule in RULES.values():
        assert rule.pesan, rule.id
        assert rule.message, rule.id
        assert rule.pesan != rule.message, rule.id
        assert set(rule.steps) <= set(ALL_STEPS) | {"needs", "policy"}, rule.id


def test_a_refusal_fills_both_messages_with_the_facts_and_dates_read_in_indonesian() -> None:
    error = refusal([violation("tmt_not_reached", tmt=date(2027, 1, 2))])
    assert error.message == "Mutasi berlaku pada TMT 2 Januari 2027, tidak sebelumnya."
    assert error.message_en == "the transfer takes effect on its TMT 2027-01-02, not before"
    assert error.kind == ErrorKind.CONFLICT


def test_several_failing_rules_of_different_kinds_refuse_together_as_refused() -> None:
    error = refusal(
        [
            violation("no_free_place", position_id="p", free_places=0),
            violation("min_years_in_post", nip="n", years_in_post=1.0, minimum=2.0),
        ]
    )
    assert [v.rule for v in error.violations] == ["no_free_place", "min_years_in_post"]
    assert error.kind == ErrorKind.REFUSED
    assert error.violations[1].legal_basis == "PP 11/2017 jo. PP 17/2020 Pasal 190"


def test_indonesian_dates_name_the_month() -> None:
    assert tanggal(date(2026, 8, 17)) == "17 Agustus 2026"
