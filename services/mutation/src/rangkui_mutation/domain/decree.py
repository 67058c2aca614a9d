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
from dataclasses import dataclass

from rangkui_contracts import DomainEvent
from rangkui_contracts.events.mutation import DecreeIssued
from rangkui_contracts.grades import RANK_NAMES
from rangkui_eventkit.decider import Decider
from rangkui_eventkit.errors import Violation
from rangkui_mutation.domain.rules import refuse, violation

MAX_ROWS = 200
"""Rows of one lampiran (a bound on one request and one event; a rotation larger than this
is issued as several decrees)."""


def decree_stream_id(decree_id: str) -> str:
    return f"decree-{decree_id}"


@dataclass(frozen=True)
class DecreeState:
    issued: DecreeIssued | None = None

    @property
    def exists(self) -> bool:
        return self.issued is not None


@dataclass(frozen=True)
class IssueDecree:
    """Issue the decree exactly as composed (its rows already decided one by one)."""

    decree: DecreeIssued


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
    return state


def decide(command: IssueDecree, state: DecreeState) -> list[DomainEvent]:
    if state.exists:
        refuse([violation("decree_already_issued", decree_id=command.decree.decree_id)])
    return [command.decree]


decree_decider: Decider[IssueDecree, DecreeState] = Decider(DecreeState(), evolve, decide)
