"""The staffing-need decider: identified, filled by effective transfers, fulfilled, closed."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from rangkui_contracts import DomainEvent
from rangkui_contracts.events.mutation import (
    StaffingNeedClosed,
    StaffingNeedFulfilled,
    StaffingNeedIdentified,
    StaffingNeedProgressed,
)
from rangkui_eventkit.errors import RuleViolated
from rangkui_mutation.domain.need import (
    CloseNeed,
    IdentifyNeed,
    NeedCommand,
    RecordEffectiveTransfer,
    need_decider,
)

pytestmark = pytest.mark.unit

NIP = "199003152015032001"
IDENTIFIED = StaffingNeedIdentified(
    need_id="n1",
    unit_id="sma-2",
    position_id="guru-mat-2",
    count=2,
    reason="kekurangan guru matematika",
    priority="HIGH",
    identified_by="operator.bkd",
)


def when(history: Sequence[DomainEvent], command: NeedCommand) -> list[DomainEvent]:
    return list(need_decider.decide(command, need_decider.fold(history)))


def test_identifying_a_need_records_its_post_count_reason_and_priority() -> None:
    command = IdentifyNeed(
        "n1", "sma-2", "guru-mat-2", 2, "kekurangan guru matematika", "HIGH", "operator.bkd"
    )
    assert when([], command) == [IDENTIFIED]
    with pytest.raises(RuleViolated):
        when([IDENTIFIED], command)


def test_each_effective_transfer_fills_a_place_and_the_last_one_fulfils_the_need() -> None:
    first = when([IDENTIFIED], RecordEffectiveTransfer("m1", NIP))
    assert first == [
        StaffingNeedProgressed(need_id="n1", mutation_id="m1", nip=NIP, filled=1, count=2)
    ]
    second = when([IDENTIFIED, *first], RecordEffectiveTransfer("m2", NIP))
    assert [type(e) for e in second] == [StaffingNeedProgressed, StaffingNeedFulfilled]
    assert isinstance(second[1], StaffingNeedFulfilled)
    assert second[1].mutation_ids == ["m1", "m2"]


def test_the_same_transfer_is_counted_once() -> None:
    first = when([IDENTIFIED], RecordEffectiveTransfer("m1", NIP))
    assert when([IDENTIFIED, *first], RecordEffectiveTransfer("m1", NIP)) == []


def test_a_need_closes_with_a_reason_only_while_open() -> None:
    closed = when([IDENTIFIED], CloseNeed("formasi dihapus", "operator.bkd"))
    assert closed == [
        StaffingNeedClosed(need_id="n1", reason="formasi dihapus", closed_by="operator.bkd")
    ]
    with pytest.raises(RuleViolated) as caught:
        when([IDENTIFIED, *closed], CloseNeed("lagi", "operator.bkd"))
    assert caught.value.rule == "need_not_open"
    assert when([IDENTIFIED, *closed], RecordEffectiveTransfer("m1", NIP)) == []
