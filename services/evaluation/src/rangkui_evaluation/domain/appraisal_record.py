"""Annual and periodic appraisals of one employee: a decider over `appraisals-<nip>`.

Checkpoint evaluations live in their plan's stream instead (the plan decides what is due);
this stream keeps the rest, one current evaluation per period.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from rangkui_contracts import DomainEvent
from rangkui_contracts.events.evaluation import EvaluationRecordedV2
from rangkui_evaluation.domain.appraisal import (
    Appraisal,
    check_appraisal,
    check_supersession,
    recorded,
)
from rangkui_evaluation.domain.rules import rule_error
from rangkui_eventkit.indonesian import tanggal


def appraisals_stream(nip: str) -> str:
    return f"appraisals-{nip}"


PeriodKey = tuple[str, date, date]


def period_key(kind: str, period_start: date, period_end: date) -> PeriodKey:
    """Annual appraisals count per calendar year; periodic ones per exact period."""
    if kind == "ANNUAL":
        return (kind, date(period_start.year, 1, 1), date(period_start.year, 12, 31))
    return (kind, period_start, period_end)


@dataclass(frozen=True)
class AppraisalRecord:
    current: Mapping[PeriodKey, str] = field(default_factory=dict)
    known_ids: frozenset[str] = frozenset()


INITIAL = AppraisalRecord()


def evolve(state: AppraisalRecord, event: DomainEvent) -> AppraisalRecord:
    if isinstance(event, EvaluationRecordedV2):
        key = period_key(event.kind, event.period_start, event.period_end)
        return AppraisalRecord(
            current={**state.current, key: event.evaluation_id},
            known_ids=state.known_ids | {event.evaluation_id},
        )
    return state


@dataclass(frozen=True)
class RecordAppraisal:
    appraisal: Appraisal


def decide(command: RecordAppraisal, state: AppraisalRecord) -> list[DomainEvent]:
    a = command.appraisal
    if a.kind == "CHECKPOINT":
        raise rule_error("checkpoint_in_plan")
    if a.kind == "ANNUAL" and a.period_start.year != a.period_end.year:
        raise rule_error("annual_within_year", period_start=a.period_start, period_end=a.period_end)
    if a.evaluation_id in state.known_ids:
        raise rule_error("evaluation_exists", evaluation_id=a.evaluation_id)
    check_appraisal(a)
    key = period_key(a.kind, a.period_start, a.period_end)
    if a.kind == "ANNUAL":
        label = f"the {a.period_start.year} annual appraisal of {a.nip}"
        label_id = f"penilaian kinerja tahunan {a.period_start.year} pegawai {a.nip}"
    else:
        label = f"the period {a.period_start}..{a.period_end} of {a.nip}"
        label_id = f"masa {tanggal(a.period_start)} s.d. {tanggal(a.period_end)} pegawai {a.nip}"
    check_supersession(a, state.current.get(key), label, what_id=label_id)
    return [recorded(a)]
