"""Mutation's command handlers and reactions on the in-memory pipeline: Given events and
read-model facts, When a command (or an incoming event), Then new events or an error."""

from __future__ import annotations

from datetime import date

import pytest

from rangkui_contracts.events.mutation import (
    MutationApproved,
    MutationEffective,
    MutationProposed,
    PolicyValues,
)
from rangkui_eventkit.clock import FixedClock
from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import NotFound, RuleViolated
from rangkui_eventkit.pipeline import InMemoryPipeline
from rangkui_eventkit.store import InMemoryEventStore
from rangkui_eventkit.testing.memory import memory_batch, received
from rangkui_mutation.domain.mutation import (
    CancelMutation,
    CheckDocuments,
    RejectMutation,
    stream_id,
)
from rangkui_mutation.domain.need import need_stream_id
from rangkui_mutation.service_layer import commands, needs, policy
from rangkui_mutation.service_layer.commands import Deps
from rangkui_mutation.service_layer.ports import InMemoryFacts
from rangkui_mutation.service_layer.reactions import FillStaffingNeeds
from rangkui_mutation.settings import BlackoutWindow, MutationSettings

pytestmark = pytest.mark.unit

TODAY = date(2026, 11, 28)
NIP, OTHER = "199003152015032001", "198801012010011002"
OPERATOR = Cause.new("operator.bkd")
PPK = Cause.new("ppk.gubernur")


def employee(nip: str, position_id: str = "guru-mat-1", unit_id: str = "sma-1") -> dict:
    return {
        "nip": nip,
        "name": "Siti",
        "status": "ACTIVE",
        "grade": "III/c",
        "unit_id": unit_id,
        "position_id": position_id,
        "tmt_position": date(2020, 1, 2),
        "education": [{"level": "S1", "field": "Pendidikan Matematika"}],
    }


def post(position_id: str, unit_id: str, formasi: int) -> dict:
    """A mathematics teacher's post as mutation's read model holds it."""
    return {
        "position_id": position_id,
        "unit_id": unit_id,
        "formasi": formasi,
        "jabatan_type": "FUNGSIONAL",
        "grade_min": "III/a",
        "grade_max": "IV/b",
        "required_education_levels": ["S1"],
        "required_education_fields": ["Pendidikan Matematika"],
    }


def facts(*, formasi: int = 2, holders: int = 0) -> InMemoryFacts:
    f = InMemoryFacts(
        employees={NIP: employee(NIP), OTHER: employee(OTHER)},
        positions={
            "guru-mat-1": post("guru-mat-1", "sma-1", 3),
            "guru-mat-2": post("guru-mat-2", "sma-2", formasi),
        },
    )
    for i in range(holders):
        f.employees[f"holder-{i}"] = employee(f"holder-{i}", "guru-mat-2", "sma-2")
    return f


# The approvals below are about places and who decides: the steps before the decision are
# skipped by policy (the full process is tested with the decider and over HTTP).
DECIDE_AT_ONCE = MutationSettings(
    development_mode=True,
    skip_steps=["DOCUMENTS", "TPK_REVIEW"],
    skip_steps_basis="uji unit: langkah sebelum keputusan dilewati",
)


def deps(
    store: InMemoryEventStore | None = None,
    f: InMemoryFacts | None = None,
    settings: MutationSettings = DECIDE_AT_ONCE,
) -> Deps:
    f = f or facts()
    return Deps(
        pipeline=InMemoryPipeline(store or InMemoryEventStore()),
        settings=settings,
        clock=FixedClock(TODAY),
        facts=lambda _uow: f,
    )


async def propose(d: Deps, nip: str = NIP, **kwargs: object) -> str:
    return await commands.propose_mutation(
        d,
        nip=nip,
        to_unit_id="sma-2",
        to_position_id="guru-mat-2",
        kind="NEED_BASED",
        reason="kekurangan guru matematika",
        cause=OPERATOR,
        **kwargs,  # type: ignore[arg-type]
    )


async def events_of(d: Deps, mutation_id: str) -> list[object]:
    return [r.event for r in await d.pipeline.store.load(stream_id(mutation_id))]


async def test_a_proposal_starts_from_the_post_the_read_model_shows() -> None:
    d = deps()
    mutation_id = await propose(d)
    [proposed] = await events_of(d, mutation_id)
    assert isinstance(proposed, MutationProposed)
    assert (proposed.from_unit_id, proposed.from_position_id) == ("sma-1", "guru-mat-1")
    assert proposed.proposed_by == "operator.bkd"


async def test_a_proposal_for_an_unknown_employee_is_not_found() -> None:
    with pytest.raises(NotFound, match="unknown employee"):
        await propose(deps(), nip="197001011990011001")


async def test_a_proposal_into_a_post_of_another_unit_is_refused() -> None:
    with pytest.raises(RuleViolated) as refused:
        await commands.propose_mutation(
            deps(),
            nip=NIP,
            to_unit_id="sma-9",
            to_position_id="guru-mat-2",
            kind="NEED_BASED",
            reason="x",
            cause=OPERATOR,
        )
    assert refused.value.rule == "post_not_in_unit"


async def test_a_second_open_transfer_of_the_same_employee_is_refused() -> None:
    d = deps()
    first = await propose(d)
    with pytest.raises(RuleViolated) as refused:
        await propose(d)
    assert refused.value.rule == "one_open_transfer"
    assert refused.value.details["open_mutation_id"] == first


async def test_a_proposal_into_a_closed_unit_is_refused() -> None:
    f = facts()
    f.closed_units["sma-2"] = date(2026, 10, 1)
    with pytest.raises(RuleViolated) as refused:
        await propose(deps(f=f))
    assert refused.value.rule == "unit_closed"


PILKADA = BlackoutWindow(
    start=date(2026, 11, 1), end=date(2027, 2, 28), reason="pilkada serentak 2027"
)


async def test_a_proposal_inside_a_blackout_window_is_refused_with_its_basis() -> None:
    # Given a blackout window covering today
    store = InMemoryEventStore()
    d = deps(store, settings=DECIDE_AT_ONCE.model_copy(update={"blackout_windows": [PILKADA]}))
    # When a proposal is made without the Minister's approval
    with pytest.raises(RuleViolated) as refused:
        await propose(d)
    # Then it is refused with the rule, in Indonesian, citing the election law; nothing recorded
    assert refused.value.rule == "blackout_window"
    [v] = refused.value.violations
    assert v.legal_basis == "UU 10/2016 Pasal 71 ayat (2)"
    assert v.pesan
    assert "persetujuan tertulis Menteri Dalam Negeri" in v.pesan
    assert "1 November 2026" in v.pesan
    assert await store.read_all() == []
    # ... also with a letter number but no date
    with pytest.raises(RuleViolated):
        await propose(d, minister_approval_ref="100.2.2.6/123/OTDA")


async def test_a_proposal_inside_a_blackout_records_the_ministers_approval() -> None:
    # Given a blackout window covering today
    d = deps(settings=DECIDE_AT_ONCE.model_copy(update={"blackout_windows": [PILKADA]}))
    # When the proposal carries the Minister's letter number and date
    mutation_id = await propose(
        d, minister_approval_ref="100.2.2.6/123/OTDA", minister_approval_date=date(2026, 11, 20)
    )
    # Then it is proposed, and the letter is recorded on the event
    [proposed] = await events_of(d, mutation_id)
    assert isinstance(proposed, MutationProposed)
    assert proposed.minister_approval_ref == "100.2.2.6/123/OTDA"
    assert proposed.minister_approval_date == date(2026, 11, 20)


async def test_a_blackout_scoped_to_other_transfers_does_not_refuse_the_proposal() -> None:
    # Given a window that covers only structural posts (the target is a teacher's post)
    scoped = PILKADA.model_copy(update={"post_types": ["STRUKTURAL"]})
    d = deps(settings=DECIDE_AT_ONCE.model_copy(update={"blackout_windows": [scoped]}))
    # When / Then the proposal passes and records no approval letter
    [proposed] = await events_of(d, await propose(d))
    assert isinstance(proposed, MutationProposed)
    assert proposed.minister_approval_ref is None


SPOUSE, HEAD = "198905052014031003", "197501012000031002"


def with_head(f: InMemoryFacts, nip: str = HEAD) -> InMemoryFacts:
    """The target school gets a head (who holds its head-of-unit post)."""
    f.positions["kepsek-2"] = {**post("kepsek-2", "sma-2", 1), "is_head_of_unit": True}
    f.employees[nip] = employee(nip, "kepsek-2", "sma-2")
    return f


async def test_a_relative_in_personnels_registry_decides_nothing_about_the_transfer() -> None:
    # Given the employee's spouse in personnel's registry, acting as PPK
    f = facts()
    f.declared_relatives[NIP] = {SPOUSE: "SPOUSE"}
    d = deps(f=f)
    mutation_id = await propose(d)
    as_spouse = Cause.new(SPOUSE)
    # When the spouse approves, or rejects
    for step in (
        commands.approve_mutation(d, mutation_id, cause=as_spouse),
        commands.run_command(d, mutation_id, RejectMutation(SPOUSE, "tidak perlu"), as_spouse),
    ):
        with pytest.raises(RuleViolated) as refused:
            await step
        # Then each is refused as a conflict of interest, citing UU 30/2014 Pasal 42
        assert refused.value.rule == "related_person_conflict"
        assert refused.value.legal_basis == "UU 30/2014 Pasal 42"
        assert "hubungan keluarga" in refused.value.message


async def test_a_relative_neither_checks_the_file_nor_cancels_the_transfer() -> None:
    # Given the employee's spouse in the registry, working at the BKD
    f = facts()
    f.declared_relatives[NIP] = {SPOUSE: "SPOUSE"}
    d = deps(f=f)
    mutation_id = await propose(d)
    as_spouse = Cause.new(SPOUSE)
    # When the spouse checks the documents, or cancels the transfer
    for command in (
        CheckDocuments((), SPOUSE),
        CancelMutation(SPOUSE, "tidak jadi"),
    ):
        with pytest.raises(RuleViolated) as refused:
            await commands.run_command(d, mutation_id, command, as_spouse)
        # Then each is refused as a conflict of interest
        assert refused.value.rule == "related_person_conflict"
    # ... while the proposer may still cancel their own proposal
    [cancelled] = await commands.run_command(
        d, mutation_id, CancelMutation("operator.bkd", "formasi terisi"), OPERATOR
    )
    assert type(cancelled.event).__name__ == "MutationCancelled"


async def test_a_relation_declared_from_the_other_side_counts_too_and_for_the_proposer() -> None:
    # Given the spouse declared the employee as their relative (not the other way round)
    f = facts()
    f.employees[SPOUSE] = employee(SPOUSE, "guru-mat-1", "sma-1")
    f.declared_relatives[SPOUSE] = {NIP: "SPOUSE"}
    # When the spouse proposes the employee's transfer
    with pytest.raises(RuleViolated) as refused:
        await commands.propose_mutation(
            deps(f=f),
            nip=NIP,
            to_unit_id="sma-2",
            to_position_id="guru-mat-2",
            kind="NEED_BASED",
            reason="x",
            cause=Cause.new(SPOUSE),
        )
    # Then it is refused: a relative does not propose either
    assert refused.value.rule == "related_person_conflict"
    assert "mengusulkan" in refused.value.message


async def test_nobody_is_placed_under_a_relative_heading_the_target_unit() -> None:
    # Given the head of the target school is the employee's sibling
    f = with_head(facts())
    f.declared_relatives[NIP] = {HEAD: "SIBLING"}
    # When a transfer into that school is proposed
    with pytest.raises(RuleViolated) as refused:
        await propose(deps(f=f))
    # Then it is refused, naming the head and the relation in Indonesian
    assert refused.value.rule == "target_head_related"
    assert "saudara kandung" in refused.value.message
    assert refused.value.legal_basis == "UU 28/1999 Pasal 1 angka 5; UU 30/2014 Pasal 42"


async def test_a_relative_appointed_head_after_the_proposal_blocks_the_approval() -> None:
    # Given a proposal into a school whose head is nobody's relative
    f = facts()
    d = deps(f=f)
    mutation_id = await propose(d)
    # When the employee's spouse is then made head of the target school
    with_head(f, SPOUSE)
    f.declared_relatives[NIP] = {SPOUSE: "SPOUSE"}
    # Then the approval is refused (the guard holds at every step where its facts change)
    with pytest.raises(RuleViolated) as refused:
        await commands.approve_mutation(d, mutation_id, cause=PPK)
    assert [v.rule for v in refused.value.violations] == ["target_head_related"]
    assert "suami/istri" in refused.value.message


def policy_values(**changes: object) -> PolicyValues:
    return DECIDE_AT_ONCE.policy_values().model_copy(update=changes)


async def test_a_policy_change_applies_from_its_date_and_is_recorded_on_the_decision() -> None:
    # Given an employee 1.5 years in post (the baseline minimum is 2 years)
    f = facts()
    f.employees[NIP]["tmt_position"] = date(2025, 6, 1)
    d = deps(f=f)
    mutation_id = await propose(d)
    # When the BKD lowers the minimum to 1 year from tomorrow
    tomorrow = date(2026, 11, 29)
    await policy.change_policy(
        d, policy_values(min_years_in_post=1.0), tomorrow, "Pergub 12/2026", OPERATOR
    )
    # Then today's approval still applies the baseline ...
    with pytest.raises(RuleViolated) as refused:
        await commands.approve_mutation(d, mutation_id, cause=PPK)
    assert refused.value.rule == "min_years_in_post"
    # ... and tomorrow's the change, recording its values, version and date
    d.clock.set(tomorrow)  # type: ignore[attr-defined]
    [approved] = await commands.approve_mutation(d, mutation_id, cause=PPK)
    assert isinstance(approved.event, MutationApproved)
    applied = approved.event.policy
    assert applied is not None
    assert applied.min_years_in_post == 1.0
    assert applied.effective_from == tomorrow
    assert applied.version.startswith("v1-")


async def test_a_policy_is_not_changed_retroactively() -> None:
    d = deps()
    with pytest.raises(RuleViolated) as refused:
        await policy.change_policy(
            d, policy_values(min_years_in_post=0.5), date(2026, 11, 1), "Pergub", OPERATOR
        )
    assert refused.value.rule == "policy_effective_in_past"
    assert "tidak diubah surut" in refused.value.message
    with pytest.raises(RuleViolated) as refused:
        await policy.change_policy(
            d, policy_values(skip_steps=["TPK_REVIEW"], skip_steps_basis=None), TODAY, "x", OPERATOR
        )
    assert refused.value.rule == "policy_skip_needs_basis"


async def test_approval_takes_the_place_and_the_next_one_finds_none_left() -> None:
    d = deps(f=facts(formasi=2, holders=1))
    first, second = await propose(d, NIP), await propose(d, OTHER)
    recorded = await commands.approve_mutation(d, first, cause=PPK)
    assert [type(r.event) for r in recorded] == [MutationApproved]
    with pytest.raises(RuleViolated) as refused:
        await commands.approve_mutation(d, second, cause=PPK)
    assert refused.value.rule == "no_free_place"


async def test_by_default_nobody_decides_before_the_tpk_has_reviewed() -> None:
    d = deps(settings=MutationSettings(development_mode=True))
    mutation_id = await propose(d)
    with pytest.raises(RuleViolated) as refused:
        await commands.approve_mutation(d, mutation_id, cause=PPK)
    assert "TPK" in refused.value.message


async def test_the_proposer_may_not_approve_their_own_proposal() -> None:
    d = deps()
    mutation_id = await propose(d)
    with pytest.raises(RuleViolated) as refused:
        await commands.approve_mutation(d, mutation_id, cause=OPERATOR)
    assert refused.value.rule == "segregation_of_duties"


async def test_a_step_on_an_unknown_transfer_is_not_found() -> None:
    with pytest.raises(NotFound, match="unknown transfer"):
        await commands.run_command(deps(), "nope", CheckDocuments((), "x"), OPERATOR)


async def test_an_effective_transfer_counts_towards_its_need_once() -> None:
    store = InMemoryEventStore()
    d = deps(store)
    need_id = await needs.identify_need(
        d,
        unit_id="sma-2",
        position_id="guru-mat-2",
        count=1,
        reason="kurang guru",
        priority="HIGH",
        cause=OPERATOR,
    )
    effective = MutationEffective(
        mutation_id="m1",
        nip=NIP,
        from_unit_id="sma-1",
        from_position_id="guru-mat-1",
        to_unit_id="sma-2",
        to_position_id="guru-mat-2",
        tmt=TODAY,
        need_id=need_id,
    )
    event = received(effective, stream_id=stream_id("m1"), version=7)
    reaction = FillStaffingNeeds()
    await reaction.handle(memory_batch(store), [event])
    await reaction.handle(memory_batch(store), [event])  # redelivered: nothing more
    history = [r.event for r in await store.load(need_stream_id(need_id))]
    assert [type(e).__name__ for e in history] == [
        "StaffingNeedIdentified",
        "StaffingNeedProgressed",
        "StaffingNeedFulfilled",
    ]
