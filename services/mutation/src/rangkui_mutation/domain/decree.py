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
from rangkui_contracts.events.mutation import DecreeIssued, DecreeRevoked, MutationRevoked
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

    @property
    def exists(self) -> bool:
        return self.issued is not None

    @property
    def standing(self) -> str:
        """BERLAKU (in force), DIBATALKAN SEBAGIAN (some rows revoked), DIBATALKAN (all)."""
        if self.issued is None or not self.revoked:
            return "BERLAKU"
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


def row_violations(number: int, nip: str, found: Sequence[Violation]) -> list[Violation]:
    """A row's refusals, each saying which row of the lampiran it is about."""
    return [
        Violation(
            v.rule,
            f"row {number} ({nip}): {v.message}",
            f"Baris {number} (NIP {nip}): {v.pesan}" if v.pesan else None,
            v.legal_basis,
            {**v.details, "row": number, "nip": nip},
        )
        for v in found
    ]


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
    if isinstance(event, DecreeRevoked):
        return replace(
            state,
            revoked=state.revoked | set(event.mutation_ids),
            revocations=(*state.revocations, event),
        )
    return state


def decide(command: IssueDecree | RevokeDecree, state: DecreeState) -> list[DomainEvent]:
    if isinstance(command, IssueDecree):
        if state.exists:
            refuse([violation("decree_already_issued", decree_id=command.decree.decree_id)])
        return [command.decree]
    return _revoke(command, state)


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


decree_decider: Decider[IssueDecree | RevokeDecree, DecreeState] = Decider(
    DecreeState(), evolve, decide
)
