"""The evaluation service's refusals: one catalogue, written out in the README, every rule
the code raises is in it, none is raised around it, and each reads in Bahasa Indonesia."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest

from rangkui_evaluation.domain.rules import RULES, refusal, rule_error, violation
from rangkui_eventkit.errors import HTTP_STATUS, ErrorKind

pytestmark = pytest.mark.unit

SERVICE = Path(__file__).resolve().parents[2]
README = SERVICE / "README.md"
SOURCES = SERVICE / "src" / "rangkui_evaluation"
BEGIN, END = "<!-- rules:begin -->", "<!-- rules:end -->"
# Words a sentence in Bahasa Indonesia can hardly do without (none is English).
INDONESIAN = re.compile(
    r"\b(tidak|dan|yang|atau|untuk|dengan|hanya|belum|sudah|harus|dapat|penilaian|pegawai)\b"
)


def catalogue_rows() -> list[list[str]]:
    return [
        [f"`{r.id}`", str(HTTP_STATUS[r.kind]), r.legal_basis or "—", r.pesan]
        for r in RULES.values()
    ]


def readme_rows() -> list[list[str]]:
    text = README.read_text(encoding="utf-8")
    assert BEGIN in text, f"{README} lacks the {BEGIN} … {END} table"
    table = text.split(BEGIN, 1)[1].split(END, 1)[0]
    lines = [ln.strip() for ln in table.strip().splitlines() if ln.strip().startswith("|")]
    return [[c.strip() for c in ln.strip("|").split(" | ")] for ln in lines[2:]]


def test_the_readme_rules_table_matches_the_code_catalogue() -> None:
    assert readme_rows() == catalogue_rows()


def test_every_rule_the_code_names_is_in_the_catalogue() -> None:
    named: set[str] = set()
    for path in SOURCES.rglob("*.py"):
        named |= set(re.findall(r'(?:rule_error|violation)\(\s*"(\w+)"', path.read_text()))
    assert len(named) > 10, "the scan found (almost) no rule: the pattern is wrong"
    assert named - set(RULES) == set()
    # `check_supersession` passes its rule id as an argument.
    assert {"one_evaluation_per_checkpoint", "one_evaluation_per_period"} <= set(RULES)


def test_no_refusal_is_raised_around_the_catalogue() -> None:
    """A refusal built by hand would answer without its rule or in English."""
    offenders = []
    for path in SOURCES.rglob("*.py"):
        if path.name == "rules.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                name = getattr(node.exc.func, "id", getattr(node.exc.func, "attr", ""))
                if name in {"RuleViolated", "Forbidden", "AlreadyExists", "Conflict"}:
                    offenders.append(f"{path.relative_to(SOURCES)}:{node.lineno} {name}")
    assert offenders == []


@pytest.mark.parametrize("rule", list(RULES.values()), ids=lambda r: r.id)
def test_every_rule_speaks_indonesian_and_english(rule: object) -> None:
    assert rule.pesan != rule.message  # type: ignore[attr-defined]
    assert INDONESIAN.search(rule.pesan.lower()), rule.pesan  # type: ignore[attr-defined]
    assert not INDONESIAN.search(rule.message.lower()), rule.message  # type: ignore[attr-defined]


def test_a_refusal_fills_both_messages_and_reads_dates_in_indonesian() -> None:
    error = rule_error(
        "checkpoint_not_due",
        checkpoint_id="monitoring-m-1-m3",
        due_date=date(2027, 4, 1),
        opens=date(2027, 3, 30),
    )
    assert error.rule == "checkpoint_not_due"
    assert error.message == (
        "Titik pantau monitoring-m-1-m3 mencakup masa sampai 1 April 2027; penilaiannya "
        "dapat dicatat mulai 30 Maret 2027."
    )
    assert "2027-04-01" in error.message_en
    assert error.legal_basis == "PermenPANRB 6/2022"


def test_several_rules_of_different_kinds_refuse_together_as_refused() -> None:
    error = refusal([violation("no_self_evaluation", nip="n"), violation("adaptation_required")])
    assert [v.rule for v in error.violations] == ["no_self_evaluation", "adaptation_required"]
    assert error.kind == ErrorKind.REFUSED
