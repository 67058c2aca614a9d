"""Issuing a decree for many transfers, and answering whether a presented copy is genuine.

`issue_decree` decides every row as the single-transfer decree does (the same rules, facts
and guards, each refusal naming its row), and only if every row may be decreed: renders the
document, records `DecreeIssued` with the document's hash, one `MutationDecreed` per row
carrying the decree's id, and the PDF itself, all in one transaction under the SK number's
lock. A decree is all or nothing: a lampiran printed with a row that was refused would be
a document that lies.
"""

from __future__ import annotations

import asyncio
import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from rangkui_contracts import DomainEvent
from rangkui_contracts.events.mutation import (
    DecreeCorrected,
    DecreeIssued,
    DecreeRevoked,
    DecreeRow,
    DecreeSignedCopyRecorded,
    DecreeSigner,
)
from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import DomainError, RuleViolated, Violation, raise_violations
from rangkui_eventkit.pipeline import CommandHandler, UnitOfWork
from rangkui_mutation.domain.decree import (
    CorrectDecree,
    DecreeState,
    IssueDecree,
    RecordSignedCopy,
    RevokeDecree,
    content_code,
    decree_decider,
    decree_stream_id,
    lampiran_violations,
    media_type_of,
    pangkat,
    revoke_row,
    row_violations,
)
from rangkui_mutation.domain.mutation import (
    DecreeMutation,
    MutationState,
    mutation_decider,
    stream_id,
)
from rangkui_mutation.domain.rules import rule_error, violation
from rangkui_mutation.service_layer.commands import (
    Deps,
    decree_facts,
    normalised_sk_number,
)
from rangkui_mutation.service_layer.policy import policy_on
from rangkui_mutation.service_layer.ports import StoredDocument

PDF = "application/pdf"


@dataclass(frozen=True)
class DecreeRequest:
    """What the BKD enters for a decree; what it leaves out comes from the province's
    settings (considerations, legal bases, signer, copies)."""

    mutation_ids: Sequence[str]
    sk_number: str
    sk_date: date
    tmt: date
    title: str
    considerations: Sequence[str] = ()
    legal_bases: Sequence[str] = ()
    signer: DecreeSigner | None = None
    copies_to: Sequence[str] = ()
    remarks: dict[str, str] | None = None  # mutation id -> KETERANGAN
    retroactive_reason: str | None = None
    minister_approval_ref: str | None = None
    minister_approval_date: date | None = None
    decree_id: str | None = None


async def issue_decree(deps: Deps, request: DecreeRequest, *, cause: Cause) -> DecreeIssued:
    """Issue the decree, or refuse listing every failing rule of every row at once.

    The document is rendered between two units of work (it takes seconds for a large
    lampiran, too long to hold the SK number's lock): the first decides every row and
    composes the decree, the second decides again and appends only if the composition is
    still the one rendered (else it renders the new one, at most `RENDER_ATTEMPTS` times)."""
    if deps.renderer is None or deps.documents is None:
        raise RuntimeError("issuing decrees needs the SK renderer and the document store")
    renderer = deps.renderer
    decree_id = request.decree_id or str(uuid.uuid4())
    ids = list(request.mutation_ids)
    raise_violations(lampiran_violations(ids))
    rendered: tuple[DecreeIssued, bytes] | None = None
    for _ in range(RENDER_ATTEMPTS):
        handler = _issuing(deps, request, decree_id, ids, cause, rendered)
        outcome = await deps.pipeline.run(handler, cause)
        if outcome.recorded:
            return outcome.value
        pdf = await asyncio.to_thread(renderer.pdf, outcome.value)
        rendered = (outcome.value, pdf)
    raise RuntimeError("the decree's facts kept changing while it was rendered; try again")


def _issuing(
    deps: Deps,
    request: DecreeRequest,
    decree_id: str,
    ids: list[str],
    cause: Cause,
    rendered: tuple[DecreeIssued, bytes] | None,
) -> CommandHandler[DecreeIssued]:
    """Decide every row and compose the decree; stage it only if `rendered` is the document
    of exactly this composition (else return the composition, to be rendered)."""

    async def handler(uow: UnitOfWork) -> DecreeIssued:
        unsigned, decided = await _decide_rows(deps, uow, request, decree_id, ids, cause)
        if rendered is None or rendered[0] != unsigned:
            return unsigned  # nothing staged: render this composition first
        pdf = rendered[1]
        digest = hashlib.sha256(pdf).hexdigest()
        issued = unsigned.model_copy(update={"document_sha256": digest})
        sid = decree_stream_id(decree_id)
        uow.stage(sid, decree_decider.decide(IssueDecree(issued), DecreeState()))
        for mutation_id, events in decided.items():
            uow.stage(stream_id(mutation_id), events)
        store = deps.documents(uow.conn)  # type: ignore[misc]
        await store.put(StoredDocument(decree_id, digest, "GENERATED", PDF, pdf))
        return issued

    return handler


RENDER_ATTEMPTS = 3


async def _decide_rows(
    deps: Deps,
    uow: UnitOfWork,
    request: DecreeRequest,
    decree_id: str,
    ids: list[str],
    cause: Cause,
) -> tuple[DecreeIssued, dict[str, list[DomainEvent]]]:
    """Every row decided as a single decree would be, under the SK number's lock; the
    decree composed from them (its document's hash still a placeholder)."""
    await uow.lock(f"mutation.sk:{normalised_sk_number(request.sk_number)}")
    decree_sid = decree_stream_id(decree_id)
    await uow.load([decree_sid, *map(stream_id, ids)])  # one read for all
    folded = await uow.states(mutation_decider, map(stream_id, ids))
    if (await uow.state(decree_decider, decree_sid)).state.exists:
        raise rule_error("decree_already_issued", decree_id=decree_id)
    facts = deps.facts(uow)
    policy = await policy_on(deps, uow, deps.clock.today())
    found: list[Violation] = []
    decided: dict[str, list[DomainEvent]] = {}
    states: list[MutationState] = []
    for number, mutation_id in enumerate(ids, start=1):
        state = folded[stream_id(mutation_id)].state
        if state.status is None:
            found += row_violations(
                number, "-", [violation("unknown_mutation", mutation_id=mutation_id)]
            )
            continue
        command = DecreeMutation(
            actor=cause.actor,
            sk_number=request.sk_number,
            sk_date=request.sk_date,
            tmt=request.tmt,
            facts=await decree_facts(
                deps, facts, state, request.sk_number, request.sk_date, policy.values, uow
            ),
            retroactive_reason=request.retroactive_reason,
            minister_approval_ref=request.minister_approval_ref,
            minister_approval_date=request.minister_approval_date,
            policy=policy.process,
            decree_id=decree_id,
            relatives=await facts.relatives(state.nip or ""),
            target_head=await facts.head_of_unit(state.to_unit_id or ""),
        )
        try:
            decided[mutation_id] = list(mutation_decider.decide(command, state))
        except RuleViolated as refused:
            found += row_violations(number, state.nip or "-", refused.violations, known=found)
            continue
        except DomainError as refused:
            found += row_violations(
                number, state.nip or "-", [Violation(refused.code, str(refused))]
            )
            continue
        states.append(state)
    raise_violations(found)
    rows = await _lampiran(deps, uow, states, request.remarks or {})
    return _compose(deps, request, decree_id, rows, cause.actor), decided


def _verification_message(state: DecreeState, matched: str | None) -> str:
    """What the verifier reads, in Bahasa Indonesia."""
    decree = state.issued
    assert decree is not None
    if matched is None:
        return (
            f"Dokumen ini TIDAK sesuai dengan Keputusan Nomor {decree.sk_number} yang "
            "tercatat: isinya berbeda atau telah diubah. Mintalah salinan resmi kepada BKD."
        )
    said = [f"Dokumen ini sesuai dengan Keputusan Nomor {decree.sk_number} yang tercatat."]
    if state.corrections:
        numbers = ", ".join(c.correcting_sk_number for c in state.corrections)
        said.append(f"Keputusan tersebut telah diralat dengan Keputusan Nomor {numbers}.")
        if matched == "SUPERSEDED_DOCUMENT":
            said.append("Dokumen ini memuat isi sebelum ralat: gunakan dokumen yang terbaru.")
    if state.revoked:
        numbers = ", ".join(r.revoking_sk_number for r in state.revocations)
        part = " sebagian" if state.standing == "DIBATALKAN SEBAGIAN" else ""
        said.append(
            f"Namun keputusan tersebut telah dibatalkan{part} dengan Keputusan Nomor {numbers}."
        )
    elif not state.corrections:
        said.append("Keputusan tersebut berlaku.")
    return " ".join(said)


def corrected_by(state: DecreeState) -> list[tuple[str, date]]:
    return [(c.correcting_sk_number, c.correcting_sk_date) for c in state.corrections]


async def _lampiran(
    deps: Deps, uow: UnitOfWork, states: list[MutationState], remarks: dict[str, str]
) -> list[DecreeRow]:
    """The lampiran's rows, with names from the read models in one look-up each."""
    names = await deps.facts(uow).names(
        [s.nip or "" for s in states],
        [p for s in states for p in (s.from_position_id or "", s.to_position_id or "")],
        [u for s in states for u in (s.from_unit_id or "", s.to_unit_id or "")],
    )
    rows = []
    for number, s in enumerate(states, start=1):
        name, grade = names.employees.get(s.nip or "", (s.nip or "-", "-"))
        rows.append(
            DecreeRow(
                number=number,
                mutation_id=s.mutation_id or "",
                nip=s.nip or "",
                name=name,
                grade=grade,
                rank_name=pangkat(grade),
                from_position=names.positions.get(s.from_position_id or "", "-"),
                from_unit=names.units.get(s.from_unit_id or "", "-"),
                to_position=names.positions.get(s.to_position_id or "", "-"),
                to_unit=names.units.get(s.to_unit_id or "", "-"),
                remarks=remarks.get(s.mutation_id or "", ""),
            )
        )
    return rows


def _compose(
    deps: Deps, r: DecreeRequest, decree_id: str, rows: list[DecreeRow], actor: str
) -> DecreeIssued:
    s = deps.settings
    signer = r.signer or DecreeSigner(
        name=s.decree_signer_name, post=s.decree_signer_post, nip=s.decree_signer_nip
    )
    return DecreeIssued(
        decree_id=decree_id,
        sk_number=r.sk_number.strip(),
        sk_date=r.sk_date,
        tmt=r.tmt,
        title=r.title.strip(),
        considerations=list(r.considerations or s.decree_considerations),
        legal_bases=list(r.legal_bases or s.decree_legal_bases),
        place=s.decree_place,
        signer=signer,
        copies_to=list(r.copies_to or s.decree_copies_to),
        rows=rows,
        document_sha256="0" * 64,  # replaced by the rendered document's hash
        template_version=deps.renderer.template_version,  # type: ignore[union-attr]
        issued_by=actor,
    )


# ------------------------------------------------------------------ verification
@dataclass(frozen=True)
class Verification:
    """What anyone holding a copy may learn: whether it is genuine, and the decree's
    number, date, title, signer's post and standing; never the people it names."""

    genuine: bool
    matched: str | None  # DOCUMENT, SIGNED_COPY or CONTENT_CODE
    status: str  # BERLAKU, DIBATALKAN SEBAGIAN or DIBATALKAN
    sk_number: str
    sk_date: date
    tmt: date
    title: str
    signer_post: str
    rows: int
    pesan: str


async def decree_state(deps: Deps, decree_id: str) -> DecreeState:
    """The decree as its stream stands (read your own write: no read model in between);
    `unknown_decree` when there is none."""
    state = (await deps.pipeline.state(decree_decider, decree_stream_id(decree_id))).state
    if state.issued is None:
        raise rule_error("unknown_decree", decree_id=decree_id)
    return state


async def verify(deps: Deps, decree_id: str, *, sha256: str) -> Verification:
    """Whether `sha256` (of a presented file, or the content code its QR carries) is one the
    decree recorded."""
    state = await decree_state(deps, decree_id)
    decree = state.issued
    assert decree is not None
    standing = state.standing
    wanted = sha256.strip().lower()
    current = state.current or decree
    codes = {content_code(decree), content_code(current)}
    matched = None
    if wanted == current.document_sha256:
        matched = "DOCUMENT"
    elif wanted in state.superseded_documents:
        matched = "SUPERSEDED_DOCUMENT"
    elif wanted in state.signed_copies:
        matched = "SIGNED_COPY"
    elif wanted in codes:
        matched = "CONTENT_CODE"
    status = standing
    pesan = _verification_message(state, matched)
    return Verification(
        genuine=matched is not None,
        matched=matched,
        status=status,
        sk_number=decree.sk_number,
        sk_date=decree.sk_date,
        tmt=decree.tmt,
        title=decree.title,
        signer_post=decree.signer.post,
        rows=len(decree.rows),
        pesan=pesan,
    )


# ------------------------------------------------------------------ revocation
async def revoke_decree(
    deps: Deps, decree_id: str, command: RevokeDecree, *, cause: Cause
) -> DecreeRevoked:
    """Revoke rows of a decree (all, or those named) by the PPK's revoking decree: an
    effective row's person goes back to their old post (`MutationRevoked`, which personnel,
    evaluation and notification follow), a row not yet effective is cancelled; all rows or
    none, every failing rule at once."""

    async def handler(uow: UnitOfWork) -> DecreeRevoked:
        await uow.lock(f"mutation.sk:{normalised_sk_number(command.sk_number)}")
        sid = decree_stream_id(decree_id)
        decree = (await uow.state(decree_decider, sid)).state
        if decree.issued is None:
            raise rule_error("unknown_decree", decree_id=decree_id)
        [revoked] = decree_decider.decide(command, decree)
        assert isinstance(revoked, DecreeRevoked)
        used_by = await deps.facts(uow).sk_number_used_by(
            normalised_sk_number(command.sk_number), exclude=""
        )
        found: list[Violation] = []
        if used_by is not None:
            found.append(
                violation("sk_number_in_use", sk_number=command.sk_number, used_by=used_by)
            )
        states = await uow.states(mutation_decider, map(stream_id, revoked.mutation_ids))
        decided: dict[str, list[DomainEvent]] = {}
        numbers = {r.mutation_id: (r.number, r.nip) for r in decree.issued.rows}
        for mutation_id in revoked.mutation_ids:
            number, nip = numbers[mutation_id]
            try:
                decided[mutation_id] = revoke_row(
                    command, states[stream_id(mutation_id)].state, decree_id
                )
            except RuleViolated as refused:
                found += row_violations(number, nip, refused.violations)
        raise_violations(found)
        uow.stage(sid, [revoked])
        for mutation_id, events in decided.items():
            uow.stage(stream_id(mutation_id), events)
        return revoked

    return (await deps.pipeline.run(handler, cause)).value


# ------------------------------------------------------------------ signed copies
async def record_signed_copy(
    deps: Deps, decree_id: str, content: bytes, signature: str, *, cause: Cause
) -> DecreeSignedCopyRecorded | None:
    """Keep a copy signed outside the system (TTE, or a scan of the signed paper) with its
    hash in the decree's stream; the same file twice is recorded once (None)."""
    if deps.documents is None:
        raise RuntimeError("signed copies need the document store")
    media_type = media_type_of(content[:8]) or "unknown"
    digest = hashlib.sha256(content).hexdigest()
    command = RecordSignedCopy(cause.actor, digest, media_type, len(content), signature)

    async def handler(uow: UnitOfWork) -> DecreeSignedCopyRecorded | None:
        sid = decree_stream_id(decree_id)
        decree = (await uow.state(decree_decider, sid)).state
        if decree.issued is None:
            raise rule_error("unknown_decree", decree_id=decree_id)
        events = uow.stage(sid, decree_decider.decide(command, decree))
        if not events:
            return None
        store = deps.documents(uow.conn)  # type: ignore[misc]
        await store.put(StoredDocument(decree_id, digest, "SIGNED", media_type, content))
        recorded = events[0]
        assert isinstance(recorded, DecreeSignedCopyRecorded)
        return recorded

    return (await deps.pipeline.run(handler, cause)).value


# ------------------------------------------------------------------ correction
async def correct_decree(
    deps: Deps, decree_id: str, command: CorrectDecree, *, cause: Cause
) -> DecreeCorrected:
    """Correct rows of a decree by the PPK's ralat and re-issue its document (and so the
    petikan of the rows corrected). Rendered between two reads like an issue: appended only
    if the decree did not change meanwhile."""
    if deps.renderer is None or deps.documents is None:
        raise RuntimeError("correcting decrees needs the SK renderer and the document store")
    sid = decree_stream_id(decree_id)
    for _ in range(RENDER_ATTEMPTS):
        folded = await deps.pipeline.state(decree_decider, sid)
        if folded.state.issued is None:
            raise rule_error("unknown_decree", decree_id=decree_id)
        [draft] = decree_decider.decide(command, folded.state)  # refuses what is wrong
        after = decree_decider.evolve(folded.state, draft)
        pdf = await asyncio.to_thread(
            deps.renderer.pdf, after.current, corrected_by=corrected_by(after)
        )
        final = replace(command, document_sha256=hashlib.sha256(pdf).hexdigest())
        handler = _correcting(deps, decree_id, final, pdf, folded.version)
        outcome = await deps.pipeline.run(handler, cause)
        if outcome.value is not None:
            return outcome.value
    raise RuntimeError("the decree kept changing while its correction was rendered; try again")


def _correcting(
    deps: Deps, decree_id: str, command: CorrectDecree, pdf: bytes, version: int
) -> CommandHandler[DecreeCorrected | None]:
    """Append the correction rendered as `pdf` if the decree is still at `version`."""
    sid = decree_stream_id(decree_id)

    async def handler(uow: UnitOfWork) -> DecreeCorrected | None:
        await uow.lock(f"mutation.sk:{normalised_sk_number(command.sk_number)}")
        now = await uow.state(decree_decider, sid)
        if now.version != version:
            return None  # changed while rendering: render again
        used_by = await deps.facts(uow).sk_number_used_by(
            normalised_sk_number(command.sk_number), exclude=""
        )
        if used_by is not None:
            raise rule_error("sk_number_in_use", sk_number=command.sk_number, used_by=used_by)
        [corrected] = uow.stage(sid, decree_decider.decide(command, now.state))
        document = StoredDocument(decree_id, command.document_sha256, "GENERATED", PDF, pdf)
        await deps.documents(uow.conn).put(document)  # type: ignore[misc]
        assert isinstance(corrected, DecreeCorrected)
        return corrected

    return handler
