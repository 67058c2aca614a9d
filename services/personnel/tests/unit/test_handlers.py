"""Personnel's command handlers and the transfer reaction on the in-memory pipeline: Given
events, When a command (or a `MutationEffective`), Then new events or an error."""

from __future__ import annotations

from datetime import date

import pytest

from rangkui_contracts.events.mutation import MutationEffective, MutationRevoked
from rangkui_contracts.events.personnel import EmployeeReassigned, EmployeeRelativesDeclared
from rangkui_eventkit.clock import FixedClock
from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import AlreadyExists, ErrorKind, RuleViolated
from rangkui_eventkit.pipeline import InMemoryPipeline
from rangkui_eventkit.store import InMemoryEventStore
from rangkui_eventkit.testing.memory import memory_batch, received
from rangkui_personnel.domain.employee import ChangeStatus, DeclareRelatives, RegisterEmployee
from rangkui_personnel.domain.position import EstablishPosition
from rangkui_personnel.domain.streams import employee_stream
from rangkui_personnel.domain.unit import CloseUnit, MoveUnit, RegisterUnit
from rangkui_personnel.service_layer import commands
from rangkui_personnel.service_layer.commands import Deps
from rangkui_personnel.service_layer.ports import FixedErasureKeys, InMemoryProceedings
from rangkui_personnel.service_layer.reactions import TransferExecution

pytestmark = pytest.mark.unit

NIP = "199003152015032001"
BKD = Cause.new("operator.bkd")


def deps(
    store: InMemoryEventStore | None = None, proceedings: InMemoryProceedings | None = None
) -> Deps:
    return Deps(
        pipeline=InMemoryPipeline(store or InMemoryEventStore()),
        clock=FixedClock(date(2026, 11, 28)),
        keys=FixedErasureKeys(),
        proceedings=proceedings or InMemoryProceedings(),
    )


async def organisation(d: Deps) -> None:
    """Given: the education agency with two schools, a mathematics post in each."""
    await commands.register_unit(d, RegisterUnit("disdik", "Dinas Pendidikan", "OPD", "Kota"), BKD)
    for school in ("sma-1", "sma-2"):
        await commands.register_unit(
            d, RegisterUnit(school, school.upper(), "SMA", "Kota", "disdik"), BKD
        )
        await commands.establish_position(
            d, EstablishPosition(f"mat-{school}", school, "Guru Matematika", "FUNGSIONAL", 2), BKD
        )


def teacher(unit_id: str = "sma-1", position_id: str = "mat-sma-1") -> RegisterEmployee:
    return RegisterEmployee(
        nip=NIP,
        name="Siti Aminah",
        gender="F",
        birth_date=date(1990, 3, 15),
        grade="III/c",
        unit_id=unit_id,
        position_id=position_id,
        tmt_position=date(2018, 1, 2),
    )


async def test_an_employee_is_registered_into_an_open_units_post() -> None:
    d = deps()
    await organisation(d)
    [recorded] = await commands.register_employee(d, teacher(), BKD)
    assert recorded.stream_id == employee_stream(NIP)
    assert recorded.envelope.actor == "operator.bkd"


async def test_registering_the_same_nip_twice_is_a_duplicate() -> None:
    d = deps()
    await organisation(d)
    await commands.register_employee(d, teacher(), BKD)
    with pytest.raises(AlreadyExists):
        await commands.register_employee(d, teacher(), BKD)


async def test_an_employee_cannot_be_placed_in_a_post_of_another_unit() -> None:
    d = deps()
    await organisation(d)
    with pytest.raises(RuleViolated) as refused:
        await commands.register_employee(d, teacher("sma-1", "mat-sma-2"), BKD)
    assert refused.value.rule == "position_in_unit"


async def test_a_unit_cannot_be_moved_under_a_unit_below_it() -> None:
    d = deps()
    await organisation(d)
    with pytest.raises(RuleViolated) as refused:
        await commands.move_unit(d, MoveUnit("disdik", "sma-1", "Kota"), BKD)
    assert refused.value.rule == "unit_tree"


async def test_nobody_is_registered_into_a_closed_unit() -> None:
    d = deps()
    await organisation(d)
    await commands.close_unit(d, CloseUnit("sma-1", "merged", date(2026, 6, 30), "sma-2"), BKD)
    with pytest.raises(RuleViolated) as refused:
        await commands.register_employee(d, teacher(), BKD)
    assert (refused.value.rule, refused.value.message) == ("open_unit", "unit sma-1 is closed")


async def test_an_erasure_names_the_employees_key_and_the_clocks_instant() -> None:
    d = deps()
    await organisation(d)
    await commands.register_employee(d, teacher(), BKD)
    recorded = await commands.erase_personal_data(d, NIP, "permintaan pegawai", BKD)
    erased = recorded[-1].event
    assert erased.key_id == f"key-{NIP}"  # type: ignore[attr-defined]
    assert erased.erased_at == d.clock.now()  # type: ignore[attr-defined]


async def test_an_erasure_waits_while_the_employees_objection_is_open() -> None:
    # Given an employee whose objection to transfer m7 mutation has not resolved
    store = InMemoryEventStore()
    d = deps(store, InMemoryProceedings({NIP: ("m7",)}))
    await organisation(d)
    await commands.register_employee(d, teacher(), BKD)
    before = len(await store.load(employee_stream(NIP)))
    # When the BKD asks to erase their personal data
    with pytest.raises(RuleViolated) as refused:
        await commands.erase_personal_data(d, NIP, "permintaan pegawai", BKD)
    # Then it is refused (409), saying why in Indonesian with its basis; nothing recorded
    error = refused.value
    assert error.rule == "erasure_objection_pending"
    assert error.kind == ErrorKind.CONFLICT
    assert error.pesan
    assert "keberatannya atas mutasi m7 belum diputus" in error.pesan
    assert error.legal_basis == "UU 27/2022 Pasal 15 ayat (1); UU 30/2014 Pasal 77"
    assert len(await store.load(employee_stream(NIP))) == before


async def test_an_erasure_waits_for_every_open_proceeding_and_names_them_all() -> None:
    # Given an employee under disciplinary proceedings who also objected to a transfer
    d = deps(proceedings=InMemoryProceedings({NIP: ("m7", "m9")}))
    await organisation(d)
    await commands.register_employee(d, teacher(), BKD)
    await commands.change_employee(
        d, ChangeStatus(NIP, "DISCIPLINARY", date(2026, 11, 1), "SK hukuman disiplin"), BKD
    )
    # When / Then the erasure is refused with both rules at once
    with pytest.raises(RuleViolated) as refused:
        await commands.erase_personal_data(d, NIP, "permintaan pegawai", BKD)
    assert [v.rule for v in refused.value.violations] == [
        "erasure_objection_pending",
        "erasure_proceedings_open",
    ]
    proceedings = refused.value.violations[1]
    assert proceedings.pesan
    assert "sedang menjalani proses hukuman disiplin" in proceedings.pesan
    assert proceedings.legal_basis == "UU 27/2022 Pasal 15 ayat (1); PP 94/2021"
    assert "m7, m9" in (refused.value.pesan or "")


async def test_an_erasure_waits_while_the_employee_is_under_court_proceedings() -> None:
    d = deps()
    await organisation(d)
    await commands.register_employee(d, teacher(), BKD)
    await commands.change_employee(
        d, ChangeStatus(NIP, "COURT_PROCEEDINGS", date(2026, 11, 1), "penetapan tersangka"), BKD
    )
    with pytest.raises(RuleViolated) as refused:
        await commands.erase_personal_data(d, NIP, "permintaan pegawai", BKD)
    [proceedings] = refused.value.violations
    assert proceedings.rule == "erasure_proceedings_open"
    assert "sedang menjalani proses peradilan" in (proceedings.pesan or "")
    assert proceedings.legal_basis == "UU 27/2022 Pasal 15 ayat (1); PP 11/2017 Pasal 276"


async def test_once_the_objection_is_resolved_the_erasure_proceeds() -> None:
    # Given the objection was resolved (personnel learnt it: no open objection left)
    proceedings = InMemoryProceedings({NIP: ("m7",)})
    d = deps(proceedings=proceedings)
    await organisation(d)
    await commands.register_employee(d, teacher(), BKD)
    proceedings.objections[NIP] = ()
    # When / Then the erasure goes through
    recorded = await commands.erase_personal_data(d, NIP, "permintaan pegawai", BKD)
    assert type(recorded[-1].event).__name__ == "EmployeePersonalDataErased"


SPOUSE = "198801012010011002"


async def test_the_bkd_records_the_employees_relatives_and_the_same_list_again_is_no_change() -> (
    None
):
    # Given a registered employee
    d = deps()
    await organisation(d)
    await commands.register_employee(d, teacher(), BKD)
    declare = DeclareRelatives(NIP, ((SPOUSE, "SPOUSE"),), "operator.bkd")
    # When the BKD records her spouse
    [recorded] = await commands.change_employee(d, declare, BKD)
    # Then the registry event names the relative and the relation
    assert isinstance(recorded.event, EmployeeRelativesDeclared)
    assert [(r.nip, r.relation) for r in recorded.event.relatives] == [(SPOUSE, "SPOUSE")]
    assert await commands.change_employee(d, declare, BKD) == []


async def test_nobody_is_their_own_relative_nor_listed_twice() -> None:
    d = deps()
    await organisation(d)
    await commands.register_employee(d, teacher(), BKD)
    relatives = ((NIP, "SIBLING"), (SPOUSE, "SPOUSE"), (SPOUSE, "IN_LAW"))
    with pytest.raises(RuleViolated) as refused:
        await commands.change_employee(d, DeclareRelatives(NIP, relatives, "bkd"), BKD)
    assert [v.rule for v in refused.value.violations] == [
        "relative_is_self",
        "relative_listed_twice",
    ]
    assert "kerabatnya sendiri" in refused.value.message


def effective(mutation_id: str = "m1") -> MutationEffective:
    return MutationEffective(
        mutation_id=mutation_id,
        nip=NIP,
        from_unit_id="sma-1",
        from_position_id="mat-sma-1",
        to_unit_id="sma-2",
        to_position_id="mat-sma-2",
        tmt=date(2026, 11, 28),
    )


async def test_an_effective_transfer_moves_the_employee_exactly_once() -> None:
    store = InMemoryEventStore()
    d = deps(store)
    await organisation(d)
    await commands.register_employee(d, teacher(), BKD)
    event = received(effective(), stream_id="mutation-m1", version=6)
    reaction = TransferExecution()
    await reaction.handle(memory_batch(store), [event])
    await reaction.handle(memory_batch(store), [event])  # redelivered or re-published
    moves = [
        r for r in await store.load(employee_stream(NIP)) if isinstance(r.event, EmployeeReassigned)
    ]
    assert [(m.event.to_position_id, m.envelope.causationid) for m in moves] == [  # type: ignore[attr-defined]
        ("mat-sma-2", event.envelope.id)
    ]


def revoked(mutation_id: str = "m1") -> MutationRevoked:
    return MutationRevoked(
        mutation_id=mutation_id,
        nip=NIP,
        reason="penempatan tidak sesuai formasi",
        revoked_by="ppk.gubernur",
        revoking_sk_number="800/40/BKD/2027",
        revoking_sk_date=date(2027, 1, 15),
        revoked_from=date(2027, 2, 1),
        back_to_unit_id="sma-1",
        back_to_position_id="mat-sma-1",
    )


async def test_a_revoked_transfer_moves_the_employee_back_exactly_once() -> None:
    store = InMemoryEventStore()
    d = deps(store)
    await organisation(d)
    await commands.register_employee(d, teacher(), BKD)
    reaction = TransferExecution()
    await reaction.handle(memory_batch(store), [received(effective(), stream_id="mutation-m1")])
    back = received(revoked(), stream_id="mutation-m1", version=8)

    await reaction.handle(memory_batch(store), [back])
    await reaction.handle(memory_batch(store), [back])  # redelivered

    moves = [
        r.event for r in await store.load(employee_stream(NIP))
        if isinstance(r.event, EmployeeReassigned)
    ]  # fmt: skip
    assert [(m.to_position_id, m.mutation_id, m.revokes_mutation_id, m.tmt) for m in moves] == [
        ("mat-sma-2", "m1", None, date(2026, 11, 28)),
        ("mat-sma-1", None, "m1", date(2027, 2, 1)),
    ]


async def test_a_transfer_into_a_closed_unit_is_refused_by_the_reaction() -> None:
    store = InMemoryEventStore()
    d = deps(store)
    await organisation(d)
    await commands.register_employee(d, teacher(), BKD)
    await commands.close_unit(d, CloseUnit("sma-2", "closed", date(2026, 6, 30)), BKD)
    with pytest.raises(RuleViolated, match="target unit sma-2"):
        await TransferExecution().handle(
            memory_batch(store), [received(effective(), stream_id="mutation-m1")]
        )
