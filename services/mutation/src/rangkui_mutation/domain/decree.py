"""The decree (Keputusan Gubernur) as an aggregate of its own: one SK for one or many transfers.

A province decides a rotation as one decree with a lampiran, one row per person; each row's
transfer is decreed by it (its own `MutationDecreed`, carrying the decree's id) and becomes
effective on its own, so a row whose guard fails on the TMT is held without holding the
others. The decree's stream records what was issued (`DecreeIssued`), with the SHA-256 of the
document rendered from exactly that content; a presented copy is genuine when its hash is
one the decree recorded.

Pure: the rows' facts (names, posts) and the document's hash come from the service layer.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from rangkui_contracts import DomainEvent
from rangkui_contracts.events.mutation import (
    DecreeCorrected,
    DecreeIssued,
    DecreeRevoked,
    DecreeRow,
    DecreeRowCorrection,
    DecreeSignedCopyRecorded,
    MutationRevoked,
)
from rangkui_contracts.grades import RANK_NAMES
from rangkui_eventkit.decider import Decider
from rangkui_eventkit.errors import Violation
from rangkui_mutation.domain.mutation import CancelMutation, MutationState, Status, mutation_decider
from rangkui_mutation.domain.rules import refuse, rule_error, violation

MAX_ROWS = 200
"""Rows of one lampiran (a bound on one request and one event; a rotation larger than this
is issued as several decrees)."""


def decree_stream_id(decree_id: str) -> str:
    return f"decree-{decree_id}"


@dataclass(frozen=True)
class DecreeState:
    issued: DecreeIssued | None = None
    revoked: frozenset[str] = frozenset()  # rows (transfer ids) revoked since
    revocations: tuple[DecreeRevoked, ...] = ()
    signed_copies: frozenset[str] = frozenset()  # SHA-256 of each signed copy recorded
    corrections: tuple[DecreeCorrected, ...] = ()

    @property
    def exists(self) -> bool:
        return self.issued is not None

    @property
    def current(self) -> DecreeIssued | None:
        """The decree as it stands: as issued, with every correction applied to its rows,
        and the latest document's hash."""
        if self.issued is None or not self.corrections:
            return self.issued
        rows = {r.mutation_id: r.model_dump() for r in self.issued.rows}
        for corrected in self.corrections:
            for c in corrected.corrections:
                rows[c.mutation_id][c.field] = c.after
        return self.issued.model_copy(
            update={
                "rows": [DecreeRow(**rows[r.mutation_id]) for r in self.issued.rows],
                "document_sha256": self.corrections[-1].document_sha256,
            }
        )

    @property
    def superseded_documents(self) -> frozenset[str]:
        """Documents the decree once had, replaced by a correction's."""
        if self.issued is None or not self.corrections:
            return frozenset()
        earlier = [self.issued.document_sha256, *(c.document_sha256 for c in self.corrections)]
        return frozenset(earlier[:-1])

    @property
    def standing(self) -> str:
        """BERLAKU (in force), DIRALAT (in force as corrected), DIBATALKAN SEBAGIAN (some
        rows revoked), DIBATALKAN (all)."""
        if self.issued is None or not self.revoked:
            return "DIRALAT" if self.corrections else "BERLAKU"
        rows = {r.mutation_id for r in self.issued.rows}
        return "DIBATALKAN" if rows <= self.revoked else "DIBATALKAN SEBAGIAN"


@dataclass(frozen=True)
class IssueDecree:
    """Issue the decree exactly as composed (its rows already decided one by one)."""

    decree: DecreeIssued


@dataclass(frozen=True)
class RevokeDecree:
    """Revoke rows of the decree (None: all) by a revoking decree of the PPK."""

    actor: str
    by_ppk: bool
    sk_number: str
    sk_date: date
    reason: str
    mutation_ids: tuple[str, ...] | None = None
    revoked_from: date | None = None  # the day people are back (default: the SK date)

    def rows_of(self, issued: DecreeIssued) -> list[str]:
        every = [r.mutation_id for r in issued.rows]
        return every if self.mutation_ids is None else list(self.mutation_ids)


def lampiran_violations(mutation_ids: Sequence[str]) -> list[Violation]:
    """What is wrong with the list of transfers itself, before any row is looked at."""
    found: list[Violation | None] = []
    if not mutation_ids:
        found.append(violation("decree_without_rows"))
    if len(mutation_ids) > MAX_ROWS:
        found.append(violation("decree_too_many_rows", rows=len(mutation_ids), max_rows=MAX_ROWS))
    repeated = sorted({m for m in mutation_ids if mutation_ids.count(m) > 1})
    if repeated:
        found.append(violation("decree_row_repeated", mutation_ids=", ".join(repeated)))
    return [v for v in found if v is not None]


# Refusals about the decree as a whole (its number, its dates), said once whatever the rows.
DECREE_WIDE = frozenset({"sk_number_in_use", "sk_date_in_future", "tmt_beyond_horizon"})


def row_violations(
    number: int, nip: str, found: Sequence[Violation], *, known: Sequence[Violation] = ()
) -> list[Violation]:
    """A row's refusals, each saying which row of the lampiran it is about; one about the
    decree as a whole as it is, and only if `known` does not hold it yet."""
    out: list[Violation] = []
    for v in found:
        if v.rule in DECREE_WIDE:
            if all(k.rule != v.rule for k in (*known, *out)):
                out.append(v)
            continue
        out.append(
            Violation(
                v.rule,
                f"row {number} ({nip}): {v.message}",
                f"Baris {number} (NIP {nip}): {v.pesan}" if v.pesan else None,
                v.legal_basis,
                {**v.details, "row": number, "nip": nip},
            )
        )
    return out


@dataclass(frozen=True)
class CorrectDecree:
    """Put fields of rows right by the PPK's correcting decree (*ralat*); `document_sha256`
    is the hash of the corrected decree's document, rendered by the service layer."""

    actor: str
    by_ppk: bool
    sk_number: str
    sk_date: date
    reason: str
    changes: tuple[tuple[str, str, str], ...]  # (mutation id, field, corrected value)
    document_sha256: str = "0" * 64


@dataclass(frozen=True)
class RecordSignedCopy:
    """Record a copy signed outside the system (once per file: the same file again is no
    new fact)."""

    actor: str
    sha256: str
    media_type: str
    size_bytes: int
    signature: str


SIGNED_COPY_TYPES = {
    b"%PDF-": "application/pdf",
    b"\x89PNG": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
}


def media_type_of(head: bytes) -> str | None:
    """The type a file's first bytes say it is, among those a signed copy may be."""
    return next((t for magic, t in SIGNED_COPY_TYPES.items() if head.startswith(magic)), None)


def content_code(decree: DecreeIssued) -> str:
    """SHA-256 of what the decree says (everything but its document's hash): the code its
    QR carries, by which a verifier checks a paper copy without the file (a document cannot
    hold its own hash)."""
    content = decree.model_dump(mode="json", exclude={"document_sha256"})
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def pangkat(grade: str) -> str:
    """The rank name a decree prints beside the golongan/ruang ("" if not a PNS grade)."""
    return RANK_NAMES.get(grade, "")


def evolve(state: DecreeState, event: DomainEvent) -> DecreeState:
    if isinstance(event, DecreeIssued):
        return DecreeState(issued=event)
    if isinstance(event, DecreeCorrected):
        return replace(state, corrections=(*state.corrections, event))
    if isinstance(event, DecreeSignedCopyRecorded):
        return replace(state, signed_copies=state.signed_copies | {event.sha256})
    if isinstance(event, DecreeRevoked):
        return replace(
            state,
            revoked=state.revoked | set(event.mutation_ids),
            revocations=(*state.revocations, event),
        )
    return state


def decide(
    command: IssueDecree | RevokeDecree | RecordSignedCopy | CorrectDecree, state: DecreeState
) -> list[DomainEvent]:
    if isinstance(command, IssueDecree):
        if state.exists:
            refuse([violation("decree_already_issued", decree_id=command.decree.decree_id)])
        return [command.decree]
    if isinstance(command, RecordSignedCopy):
        return _signed_copy(command, state)
    if isinstance(command, CorrectDecree):
        return _correct(command, state)
    return _revoke(command, state)


CORRECTABLE = ("name", "grade", "rank_name", "from_position", "from_unit", "to_position",
               "to_unit", "remarks")  # fmt: skip


def _correct(c: CorrectDecree, state: DecreeState) -> list[DomainEvent]:
    current = state.current
    if current is None:
        raise rule_error("unknown_decree", decree_id="?")
    rows = {r.mutation_id: r for r in current.rows}
    found: list[Violation | None] = [
        None if c.by_ppk else violation("correct_by_ppk_only"),
        None
        if c.sk_number.strip() and c.reason.strip()
        else violation("correcting_decree_required"),
        None if c.changes else violation("correction_without_changes"),
    ]
    corrections: list[DecreeRowCorrection] = []
    for mutation_id, field_name, after in c.changes:
        row = rows.get(mutation_id)
        if row is None:
            found.append(violation("row_not_in_decree", mutation_id=mutation_id))
            continue
        if mutation_id in state.revoked:
            found.append(violation("row_already_revoked", mutation_id=mutation_id))
        if field_name not in CORRECTABLE:
            found.append(violation("field_not_correctable", field=field_name))
            continue
        before = str(getattr(row, field_name))
        if after.strip() == before or (not after.strip() and field_name != "remarks"):
            found.append(violation("correction_changes_nothing", field=field_name))
            continue
        correction = {"mutation_id": mutation_id, "field": field_name, "before": before}
        corrections.append(DecreeRowCorrection(**correction, after=after.strip()))
    refuse(found)
    return [
        DecreeCorrected(
            decree_id=current.decree_id,
            correcting_sk_number=c.sk_number.strip(),
            correcting_sk_date=c.sk_date,
            reason=c.reason.strip(),
            corrections=corrections,
            document_sha256=c.document_sha256,
            corrected_by=c.actor,
        )
    ]


def _signed_copy(c: RecordSignedCopy, state: DecreeState) -> list[DomainEvent]:
    if state.issued is None:
        raise rule_error("unknown_decree", decree_id="?")
    if c.media_type not in SIGNED_COPY_TYPES.values():
        raise rule_error("signed_copy_type")
    if c.sha256 in state.signed_copies:
        return []
    return [
        DecreeSignedCopyRecorded(
            decree_id=state.issued.decree_id,
            sha256=c.sha256,
            media_type=c.media_type,  # type: ignore[arg-type]
            size_bytes=c.size_bytes,
            signature=c.signature,  # type: ignore[arg-type]
            recorded_by=c.actor,
        )
    ]


def _revoke(c: RevokeDecree, state: DecreeState) -> list[DomainEvent]:
    issued = state.issued
    if issued is None:
        raise rule_error("unknown_decree", decree_id="?")
    rows = c.rows_of(issued)
    listed = {r.mutation_id for r in issued.rows}
    found: list[Violation | None] = [
        None if c.by_ppk else violation("revoke_by_ppk_only"),
        None
        if (c.sk_number.strip() and c.reason.strip())
        else violation("cancelling_decree_required"),
    ]
    found += [violation("row_not_in_decree", mutation_id=m) for m in rows if m not in listed]
    found += [violation("row_already_revoked", mutation_id=m) for m in rows if m in state.revoked]
    if not rows:
        found.append(violation("decree_without_rows"))
    refuse(found)
    return [
        DecreeRevoked(
            decree_id=issued.decree_id,
            revoking_sk_number=c.sk_number.strip(),
            revoking_sk_date=c.sk_date,
            reason=c.reason.strip(),
            mutation_ids=rows,
            whole=listed <= state.revoked | set(rows),
            revoked_by=c.actor,
        )
    ]


def revoke_row(c: RevokeDecree, s: MutationState, decree_id: str) -> list[DomainEvent]:
    """A row's own revocation: an effective transfer is undone (the person goes back to the
    post they left); one not yet effective is cancelled by the same revoking decree."""
    if s.status == Status.EFFECTIVE:
        return [
            MutationRevoked(
                mutation_id=s.mutation_id,
                nip=s.nip,
                reason=c.reason.strip(),
                revoked_by=c.actor,
                revoking_sk_number=c.sk_number.strip(),
                revoking_sk_date=c.sk_date,
                revoked_from=c.revoked_from or c.sk_date,
                back_to_unit_id=s.from_unit_id,
                back_to_position_id=s.from_position_id,
                decree_id=decree_id,
            )
        ]
    if s.status in {Status.DECREED, Status.HELD}:
        cancel = CancelMutation(c.actor, c.reason, c.by_ppk, c.sk_number, c.sk_date)
        return list(mutation_decider.decide(cancel, s))
    raise rule_error("row_not_revocable", status=s.status or "-")


DecreeCommand = IssueDecree | RevokeDecree | RecordSignedCopy | CorrectDecree
decree_decider: Decider[DecreeCommand, DecreeState] = Decider(DecreeState(), evolve, decide)
