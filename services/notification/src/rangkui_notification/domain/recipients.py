"""Who must hear about an event: pure functions of the event and a `Directory` snapshot.

Each function returns recipients with the role they play, so that one template can speak to
the employee ("Anda") and to a head of unit ("pegawai atas nama ...") differently. A person
who plays two roles (an employee who is also head of the origin unit) is told once, in the
first role listed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from rangkui_notification.domain.directory import Directory

Role = Literal[
    "employee", "head_of_origin", "head_of_target", "evaluator", "bkd", "ppk", "tpk", "subscriber"
]


@dataclass(frozen=True)
class Mailboxes:
    """Names of the role mailboxes (offices rather than people), configurable per province."""

    bkd: str = "BKD"
    ppk: str = "PPK"
    tpk: str = "TPK"


@dataclass(frozen=True)
class Recipient:
    """A NIP or a role mailbox, and why they are told."""

    id: str
    role: Role


def unique(recipients: Iterable[Recipient | None]) -> list[Recipient]:
    """Drop unknowns and tell each recipient once, in the first role they appear with."""
    seen: set[str] = set()
    out: list[Recipient] = []
    for r in recipients:
        if r is not None and r.id not in seen:
            seen.add(r.id)
            out.append(r)
    return out


def _head(directory: Directory, unit_id: str | None, role: Role) -> Recipient | None:
    nip = directory.head_of(unit_id)
    return Recipient(nip, role) if nip else None


def origin_unit(event: Any, directory: Directory) -> str | None:
    """The unit the employee leaves: from the event, the remembered proposal, or (before the
    transfer took effect) the unit the directory still has them in."""
    if getattr(event, "from_unit_id", None):
        return str(event.from_unit_id)
    transfer = directory.transfer(getattr(event, "mutation_id", None))
    if transfer is not None:
        return transfer.from_unit_id
    person = directory.person(getattr(event, "nip", None))
    return person.unit_id if person else None


def target_unit(event: Any, directory: Directory) -> str | None:
    """The unit the employee goes to: from the event or the remembered proposal."""
    if getattr(event, "to_unit_id", None):
        return str(event.to_unit_id)
    transfer = directory.transfer(getattr(event, "mutation_id", None))
    return transfer.to_unit_id if transfer else None


def heads_of_both_units(event: Any, directory: Directory, _: Mailboxes) -> list[Recipient]:
    """A proposal concerns the heads who give and receive the employee."""
    return unique(
        [
            _head(directory, origin_unit(event, directory), "head_of_origin"),
            _head(directory, target_unit(event, directory), "head_of_target"),
        ]
    )


def employee_and_heads(event: Any, directory: Directory, m: Mailboxes) -> list[Recipient]:
    """A decision concerns the employee first, then both heads."""
    return unique([Recipient(event.nip, "employee"), *heads_of_both_units(event, directory, m)])


def employee_if_told_and_heads(event: Any, directory: Directory, m: Mailboxes) -> list[Recipient]:
    """The end of a transfer concerns both heads, and the employee only if they knew of it
    (they asked for it, or were told of its approval): nobody is told "your transfer is
    cancelled" about a proposal they never heard of."""
    transfer = directory.transfer(getattr(event, "mutation_id", None))
    told = transfer is not None and transfer.employee_knows
    employee = Recipient(event.nip, "employee") if told else None
    return unique([employee, *heads_of_both_units(event, directory, m)])


def next_actor_if_complete(event: Any, _: Directory, m: Mailboxes) -> list[Recipient]:
    """A complete file is ready for the TPK's review (sidang), or for the PPK's decision
    where the province skips the review; an incomplete one goes back to the BKD operator
    who checked it, who already knows."""
    if not getattr(event, "complete", False):
        return []
    if getattr(event, "ready_for", None) == "DECISION":
        return [Recipient(m.ppk, "ppk")]
    return [Recipient(m.tpk, "tpk")]


def employee_only(event: Any, _: Directory, __: Mailboxes) -> list[Recipient]:
    return [Recipient(event.nip, "employee")]


def evaluator_or_bkd(event: Any, _: Directory, m: Mailboxes) -> list[Recipient]:
    """The evaluator does the follow-up; with none known, the BKD must find one."""
    nip = getattr(event, "evaluator_nip", None)
    return [Recipient(nip, "evaluator")] if nip else [Recipient(m.bkd, "bkd")]


def bkd_if_monitoring(event: Any, _: Directory, m: Mailboxes) -> list[Recipient]:
    """The outcome of a post-transfer checkpoint goes to the BKD; routine appraisals do not."""
    if getattr(event, "plan_id", None) or getattr(event, "kind", None) == "CHECKPOINT":
        return [Recipient(m.bkd, "bkd")]
    return []


def bkd_and_head_of_target(event: Any, directory: Directory, m: Mailboxes) -> list[Recipient]:
    """A late induction: the BKD follows it up, the new unit's head receives the person."""
    return unique(
        [Recipient(m.bkd, "bkd"), _head(directory, target_unit(event, directory), "head_of_target")]
    )


def bkd(event: Any, _: Directory, m: Mailboxes) -> list[Recipient]:
    return [Recipient(m.bkd, "bkd")]


def ppk_only(event: Any, _: Directory, m: Mailboxes) -> list[Recipient]:
    """A file ready for the PPK's decision: the employee is not told of an internal step."""
    return [Recipient(m.ppk, "ppk")]


def ppk_and_employee(event: Any, _: Directory, m: Mailboxes) -> list[Recipient]:
    """Objections are decided by the PPK's office; the employee follows their own case."""
    return unique([Recipient(m.ppk, "ppk"), Recipient(event.nip, "employee")])
