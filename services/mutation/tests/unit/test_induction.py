"""The induction after a decree: a working-day deadline, the swearing-in where the post
requires it, the SPMT, a late induction flagged once, a cancelled one closed."""

from __future__ import annotations

from datetime import date

import pytest

from rangkui_contracts.events.mutation import (
    InductionCancelled,
    InductionOverdue,
    InductionScheduled,
    MutationDutyTaken,
)
from rangkui_eventkit.errors import RuleViolated
from rangkui_mutation.domain.induction import (
    CancelInduction,
    FlagOverdue,
    RecordDutyTaken,
    RecordSwearingIn,
    ScheduleInduction,
    WorkingDays,
    induction_decider,
)

pytestmark = pytest.mark.unit

NIP = "199003152015032001"
HOLIDAYS = WorkingDays.of([date(2026, 12, 24), date(2026, 12, 25), date(2027, 1, 1)])


def schedule(swearing_in: bool = True) -> ScheduleInduction:
    return ScheduleInduction(
        mutation_id="m-1",
        nip=NIP,
        to_unit_id="sma-2",
        to_position_id="kasubag-2",
        sk_date=date(2026, 12, 21),  # a Monday
        swearing_in_required=swearing_in,
        working_days=10,
        calendar=HOLIDAYS,
        basis="10 hari kerja (uji)",
    )


def test_working_days_skip_weekends_holidays_and_collective_leave() -> None:
    assert WorkingDays().add(date(2026, 12, 4), 1) == date(2026, 12, 7)  # Friday -> Monday
    # From Mon 21 Dec: 22, 23, (24, 25 off), 28, 29, 30, 31, (1 Jan off), 4, 5, 6, 7 Jan.
    assert HOLIDAYS.add(date(2026, 12, 21), 10) == date(2027, 1, 7)


def test_a_decree_schedules_its_induction_once_with_its_working_day_deadline() -> None:
    [scheduled] = induction_decider.decide(schedule(), induction_decider.initial_state)
    state = induction_decider.fold([scheduled])

    assert isinstance(scheduled, InductionScheduled)
    assert scheduled.due_by == date(2027, 1, 7)
    assert induction_decider.decide(schedule(), state) == []  # the decree redelivered
    assert (state.status, state.missing) == ("DUE", ["SWEARING_IN", "SPMT"])


def test_the_spmt_alone_completes_an_induction_without_swearing_in() -> None:
    state = induction_decider.fold(
        induction_decider.decide(schedule(False), induction_decider.initial_state)
    )
    spmt = RecordDutyTaken("operator.bkd", "800/SPMT/1", date(2027, 1, 4), date(2027, 1, 4),
                           tmt=date(2027, 1, 4))  # fmt: skip

    [taken] = induction_decider.decide(spmt, state)

    assert isinstance(taken, MutationDutyTaken)
    assert induction_decider.evolve(state, taken).status == "DONE"
    with pytest.raises(RuleViolated) as refused:
        induction_decider.decide(
            RecordSwearingIn(
                "operator.bkd", date(2027, 1, 4), "Aula", "Gubernur", "GUBERNUR", date(2027, 1, 4)
            ),
            state,
        )
    assert refused.value.rule == "swearing_in_not_required"


def test_dates_in_the_future_and_a_duty_before_the_tmt_are_refused_together() -> None:
    state = induction_decider.fold(
        induction_decider.decide(schedule(), induction_decider.initial_state)
    )
    early = RecordDutyTaken("operator.bkd", "800/SPMT/2", date(2027, 1, 10), date(2027, 1, 5),
                            tmt=date(2027, 1, 11))  # fmt: skip

    with pytest.raises(RuleViolated) as refused:
        induction_decider.decide(early, state)

    assert {v.rule for v in refused.value.violations} == {
        "induction_date_in_future",
        "duty_before_tmt",
    }


def test_a_late_induction_is_flagged_once_with_what_is_missing() -> None:
    state = induction_decider.fold(
        induction_decider.decide(schedule(), induction_decider.initial_state)
    )

    assert induction_decider.decide(FlagOverdue(date(2027, 1, 7)), state) == []  # on the day
    [late] = induction_decider.decide(FlagOverdue(date(2027, 1, 8)), state)
    flagged = induction_decider.evolve(state, late)

    assert isinstance(late, InductionOverdue)
    assert late.missing == ["SWEARING_IN", "SPMT"]
    assert flagged.status == "OVERDUE"
    assert induction_decider.decide(FlagOverdue(date(2027, 1, 9)), flagged) == []


def test_a_cancelled_transfer_cancels_its_induction_and_nothing_is_recorded_after() -> None:
    state = induction_decider.fold(
        induction_decider.decide(schedule(), induction_decider.initial_state)
    )
    [cancelled] = induction_decider.decide(CancelInduction("dibatalkan"), state)
    after = induction_decider.evolve(state, cancelled)

    assert isinstance(cancelled, InductionCancelled)
    assert after.status == "CANCELLED"
    assert induction_decider.decide(FlagOverdue(date(2027, 2, 1)), after) == []
    with pytest.raises(RuleViolated) as refused:
        induction_decider.decide(
            RecordDutyTaken("operator.bkd", "x", date(2027, 1, 4), date(2027, 1, 4)), after
        )
    assert refused.value.rule == "induction_cancelled"
