"""Issuing a decree for many transfers on the in-memory pipeline: Given transfers past their
objection window, When the decree is issued, Then one DecreeIssued and a MutationDecreed per
row (or a refusal naming every failing row), and the rendered document stored."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from rangkui_contracts.events.mutation import (
    DecreeIssued,
    MutationCancelled,
    MutationDecreed,
    MutationRevoked,
)
from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import RuleViolated
from rangkui_eventkit.store import InMemoryEventStore
from rangkui_mutation.adapters.sk_document import Letterhead, SkRenderer
from rangkui_mutation.domain.decree import (
    CorrectDecree,
    RevokeDecree,
    decree_decider,
    decree_stream_id,
)
from rangkui_mutation.domain.mutation import (
    AcknowledgeMutation,
    MakeEffective,
    SocializeMutation,
    stream_id,
)
from rangkui_mutation.service_layer import commands, decrees
from rangkui_mutation.service_layer.commands import Deps
from rangkui_mutation.service_layer.ports import InMemoryDocuments, InMemoryFacts

from .test_handlers import DECIDE_AT_ONCE, NIP, OPERATOR, OTHER, PPK, TODAY, deps, facts, propose

pytestmark = pytest.mark.unit

RENDERER = SkRenderer(Letterhead.of(DECIDE_AT_ONCE))


def decree_deps(f: InMemoryFacts | None = None) -> tuple[Deps, InMemoryDocuments]:
    store = InMemoryEventStore()
    documents = InMemoryDocuments()
    base = deps(store, f or named_facts())
    d = Deps(
        pipeline=base.pipeline,
        settings=base.settings,
        clock=base.clock,
        facts=base.facts,
        documents=lambda _conn: documents,
        renderer=RENDERER,
    )
    return d, documents


def named_facts() -> InMemoryFacts:
    f = facts(formasi=5)
    f.employees[OTHER]["name"] = "Budi Santoso"
    for post_id in f.positions:
        f.positions[post_id]["title"] = "Guru Matematika Ahli Pertama"
    f.unit_names.update({"sma-1": "SMA Negeri 1 Rangkui", "sma-2": "SMA Negeri 2 Rangkui"})
    return f


async def acknowledged(d: Deps, nip: str) -> str:
    """A transfer approved, socialised and acknowledged by the employee: ready for its SK."""
    mutation_id = await propose(d, nip)
    await commands.approve_mutation(d, mutation_id, cause=PPK)
    policy = d.settings.process_policy()
    socialize = SocializeMutation("operator.bkd", "Kebutuhan guru matematika", TODAY, policy)
    await commands.run_command(d, mutation_id, socialize, OPERATOR)
    await commands.run_command(d, mutation_id, AcknowledgeMutation(nip), Cause.new(nip))
    return mutation_id


def request(*mutation_ids: str, sk_number: str = "800/15/BKD/2026") -> decrees.DecreeRequest:
    return decrees.DecreeRequest(
        mutation_ids=mutation_ids,
        sk_number=sk_number,
        sk_date=TODAY,
        tmt=date(2027, 1, 1),
        title="Pemindahan Guru di Lingkungan Pemerintah Provinsi Rangkui",
    )


async def test_one_decree_decrees_every_row_and_records_its_document() -> None:
    d, documents = decree_deps()
    first, second = await acknowledged(d, NIP), await acknowledged(d, OTHER)

    issued = await decrees.issue_decree(d, request(first, second), cause=PPK)

    [recorded] = await d.pipeline.store.load(decree_stream_id(issued.decree_id))
    assert isinstance(recorded.event, DecreeIssued)
    assert [(r.number, r.nip, r.name) for r in issued.rows] == [
        (1, NIP, "Siti"),
        (2, OTHER, "Budi Santoso"),
    ]
    assert issued.rows[1].rank_name == "Penata"  # III/c
    assert issued.rows[1].to_unit == "SMA Negeri 2 Rangkui"
    for mutation_id in (first, second):
        last = (await d.pipeline.store.load(stream_id(mutation_id)))[-1].event
        assert isinstance(last, MutationDecreed)
        assert (last.decree_id, last.sk_number, last.tmt) == (
            issued.decree_id,
            "800/15/BKD/2026",
            date(2027, 1, 1),
        )
    [document] = documents.documents
    assert document.sha256 == issued.document_sha256 == hashlib.sha256(document.content).hexdigest()
    assert document.content.startswith(b"%PDF-")


async def test_a_decree_is_all_or_nothing_and_names_every_refused_row() -> None:
    d, documents = decree_deps()
    ready = await acknowledged(d, NIP)
    not_yet = await propose(d, OTHER)  # proposed only: no decision yet

    with pytest.raises(RuleViolated) as refused:
        await decrees.issue_decree(d, request(ready, not_yet, "no-such-transfer"), cause=PPK)

    rows = sorted({v.details["row"] for v in refused.value.violations})
    assert rows == [2, 3]
    assert {v.rule for v in refused.value.violations} >= {"invalid_step", "unknown_mutation"}
    assert all(v.pesan and v.pesan.startswith("Baris ") for v in refused.value.violations)
    last = (await d.pipeline.store.load(stream_id(ready)))[-1].event
    assert not isinstance(last, MutationDecreed)
    assert documents.documents == []


async def test_a_transfer_listed_twice_is_refused_before_anything_is_decided() -> None:
    d, _ = decree_deps()
    ready = await acknowledged(d, NIP)

    with pytest.raises(RuleViolated) as refused:
        await decrees.issue_decree(d, request(ready, ready), cause=PPK)

    assert refused.value.rule == "decree_row_repeated"


async def test_an_sk_number_in_use_is_refused_once_for_the_whole_decree() -> None:
    third_nip = "198705052011012003"
    f = named_facts()
    f.employees[third_nip] = {**f.employees[OTHER], "nip": third_nip}
    d, _ = decree_deps(f)
    first, second, third = (
        await acknowledged(d, NIP),
        await acknowledged(d, OTHER),
        await acknowledged(d, third_nip),
    )
    await decrees.issue_decree(d, request(first), cause=PPK)
    f.sk_numbers["800/15/BKD/2026"] = first  # as the write-side index records it

    with pytest.raises(RuleViolated) as refused:
        await decrees.issue_decree(d, request(second, third), cause=PPK)

    in_use = [v for v in refused.value.violations if v.rule == "sk_number_in_use"]
    assert len(in_use) == 1
    assert "row" not in in_use[0].details


async def test_the_same_decree_renders_to_the_same_bytes() -> None:
    d, _ = decree_deps()
    issued = await decrees.issue_decree(d, request(await acknowledged(d, NIP)), cause=PPK)
    unsigned = issued.model_copy(update={"document_sha256": "0" * 64})

    again = RENDERER.pdf(unsigned)

    assert hashlib.sha256(again).hexdigest() == issued.document_sha256


async def test_verification_tells_the_document_and_its_code_from_a_changed_copy() -> None:
    d, documents = decree_deps()
    issued = await decrees.issue_decree(d, request(await acknowledged(d, NIP)), cause=PPK)
    content = documents.documents[0].content
    changed = bytearray(content)
    changed[len(changed) // 2] ^= 0x01

    genuine = await decrees.verify(d, issued.decree_id, sha256=hashlib.sha256(content).hexdigest())
    tampered = await decrees.verify(d, issued.decree_id, sha256=hashlib.sha256(changed).hexdigest())

    assert (genuine.genuine, genuine.matched, genuine.status) == (True, "DOCUMENT", "BERLAKU")
    assert (tampered.genuine, tampered.matched) == (False, None)
    assert "TIDAK sesuai" in tampered.pesan


async def test_a_row_that_changes_while_rendering_is_rendered_again() -> None:
    f = named_facts()
    d, documents = decree_deps(f)
    ready = await acknowledged(d, NIP)
    seen: list[str] = []

    class RenamedWhileRendering:
        template_version = RENDERER.template_version

        def pdf(self, decree: DecreeIssued, *, petikan_for: str | None = None) -> bytes:
            seen.append(decree.rows[0].name)
            f.employees[NIP]["name"] = "Siti Aminah"  # personnel corrected the name meanwhile
            return RENDERER.pdf(decree, petikan_for=petikan_for)

    d = Deps(**{**vars(d), "renderer": RenamedWhileRendering()})

    issued = await decrees.issue_decree(d, request(ready), cause=PPK)

    assert seen == ["Siti", "Siti Aminah"]
    assert issued.rows[0].name == "Siti Aminah"
    assert documents.documents[-1].sha256 == issued.document_sha256


async def test_a_revoking_decree_moves_back_the_effective_row_and_cancels_the_other() -> None:
    d, documents = decree_deps()
    first, second = await acknowledged(d, NIP), await acknowledged(d, OTHER)
    issued = await decrees.issue_decree(d, request(first, second), cause=PPK)
    effect = MakeEffective(today=date(2027, 1, 1))
    await commands.run_command(d, first, effect, Cause.new("system.scheduler"))
    revoke = RevokeDecree("ppk.gubernur", True, "800/40/BKD/2027", date(2027, 1, 15),
                          "Penempatan tidak sesuai formasi")  # fmt: skip

    revoked = await decrees.revoke_decree(d, issued.decree_id, revoke, cause=PPK)

    assert (revoked.whole, revoked.mutation_ids) == (True, [first, second])
    moved_back = (await d.pipeline.store.load(stream_id(first)))[-1].event
    cancelled = (await d.pipeline.store.load(stream_id(second)))[-1].event
    assert isinstance(moved_back, MutationRevoked)
    assert (moved_back.back_to_unit_id, moved_back.revoked_from) == ("sma-1", date(2027, 1, 15))
    assert isinstance(cancelled, MutationCancelled)
    assert cancelled.cancelling_sk_number == "800/40/BKD/2027"
    content = documents.documents[0].content
    shown = await decrees.verify(d, issued.decree_id, sha256=hashlib.sha256(content).hexdigest())
    assert (shown.genuine, shown.status) == (True, "DIBATALKAN")
    assert "dibatalkan dengan Keputusan Nomor 800/40/BKD/2027" in shown.pesan


async def test_only_the_ppk_revokes_and_a_row_is_revoked_once() -> None:
    d, _ = decree_deps()
    first, second = await acknowledged(d, NIP), await acknowledged(d, OTHER)
    issued = await decrees.issue_decree(d, request(first, second), cause=PPK)
    by_bkd = RevokeDecree("operator.bkd", False, "800/41/BKD/2027", TODAY, "keliru", (first,))
    by_ppk = RevokeDecree("ppk.gubernur", True, "800/42/BKD/2027", TODAY, "keliru", (first,))

    with pytest.raises(RuleViolated) as refused:
        await decrees.revoke_decree(d, issued.decree_id, by_bkd, cause=OPERATOR)
    assert refused.value.rule == "revoke_by_ppk_only"
    partly = await decrees.revoke_decree(d, issued.decree_id, by_ppk, cause=PPK)
    again = RevokeDecree("ppk.gubernur", True, "800/43/BKD/2027", TODAY, "keliru", (first,))
    with pytest.raises(RuleViolated) as twice:
        await decrees.revoke_decree(d, issued.decree_id, again, cause=PPK)

    assert partly.whole is False
    assert twice.value.rule == "row_already_revoked"
    shown = await decrees.verify(d, issued.decree_id, sha256=issued.document_sha256)
    assert shown.status == "DIBATALKAN SEBAGIAN"


async def test_a_signed_copy_is_recorded_once_and_then_verified_as_such() -> None:
    d, documents = decree_deps()
    issued = await decrees.issue_decree(d, request(await acknowledged(d, NIP)), cause=PPK)
    signed = b"%PDF-1.7\n" + b"ditandatangani secara elektronik (BSrE)" * 100

    first = await decrees.record_signed_copy(d, issued.decree_id, signed, "TTE", cause=OPERATOR)
    again = await decrees.record_signed_copy(d, issued.decree_id, signed, "TTE", cause=OPERATOR)
    shown = await decrees.verify(d, issued.decree_id, sha256=hashlib.sha256(signed).hexdigest())

    assert first is not None
    assert (first.media_type, first.signature, first.size_bytes) == (
        "application/pdf",
        "TTE",
        len(signed),
    )
    assert again is None
    assert (shown.genuine, shown.matched) == (True, "SIGNED_COPY")
    assert [doc.kind for doc in documents.documents] == ["GENERATED", "SIGNED"]


async def test_a_signed_copy_that_is_no_pdf_or_scan_is_refused() -> None:
    d, documents = decree_deps()
    issued = await decrees.issue_decree(d, request(await acknowledged(d, NIP)), cause=PPK)

    with pytest.raises(RuleViolated) as refused:
        await decrees.record_signed_copy(
            d, issued.decree_id, b"<html>not a decree</html>", "TTE", cause=OPERATOR
        )

    assert refused.value.rule == "signed_copy_type"
    assert [doc.kind for doc in documents.documents] == ["GENERATED"]


async def test_a_ralat_re_issues_the_decree_and_the_first_document_reads_as_superseded() -> None:
    d, documents = decree_deps()
    first, second = await acknowledged(d, NIP), await acknowledged(d, OTHER)
    issued = await decrees.issue_decree(d, request(first, second), cause=PPK)
    ralat = CorrectDecree("ppk.gubernur", True, "800/50/BKD/2027", TODAY, "salah tulis jabatan",
                          ((second, "to_position", "Guru Matematika Ahli Muda"),))  # fmt: skip

    corrected = await decrees.correct_decree(d, issued.decree_id, ralat, cause=PPK)

    [change] = corrected.corrections
    assert (change.field, change.before, change.after) == (
        "to_position", "Guru Matematika Ahli Pertama", "Guru Matematika Ahli Muda"
    )
    old, new = documents.documents[0], documents.documents[-1]
    assert new.sha256 == corrected.document_sha256 != old.sha256
    as_old = await decrees.verify(d, issued.decree_id, sha256=old.sha256)
    as_new = await decrees.verify(d, issued.decree_id, sha256=new.sha256)
    assert as_old.genuine
    assert (as_old.matched, as_old.status) == ("SUPERSEDED_DOCUMENT", "DIRALAT")
    assert "sebelum ralat" in as_old.pesan
    assert (as_new.matched, as_new.status) == ("DOCUMENT", "DIRALAT")
    state = (await d.pipeline.state(decree_decider, decree_stream_id(issued.decree_id))).state
    assert state.current is not None
    petikan = RENDERER.html(state.current, petikan_for=OTHER,
                            corrected_by=decrees.corrected_by(state))  # fmt: skip
    assert "Guru Matematika Ahli Muda" in petikan
    assert "diralat dengan Keputusan Nomor 800/50/BKD/2027" in petikan


async def test_a_ralat_is_the_ppks_and_must_change_something() -> None:
    d, _ = decree_deps()
    mutation_id = await acknowledged(d, NIP)
    issued = await decrees.issue_decree(d, request(mutation_id), cause=PPK)
    by_bkd = CorrectDecree("operator.bkd", False, "800/51/BKD/2027", TODAY, "x",
                           ((mutation_id, "name", "Siti"), (mutation_id, "grade", "")))  # fmt: skip

    with pytest.raises(RuleViolated) as refused:
        await decrees.correct_decree(d, issued.decree_id, by_bkd, cause=OPERATOR)

    assert {v.rule for v in refused.value.violations} == {
        "correct_by_ppk_only",
        "correction_changes_nothing",
    }
