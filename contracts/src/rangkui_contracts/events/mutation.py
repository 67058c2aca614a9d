"""Events of the mutation (transfer) context (topic `rangkui.mutation.events`)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from rangkui_contracts.base import DomainEvent
from rangkui_contracts.events.common import Nip

MutationKind = Literal["NEED_BASED", "OWN_REQUEST", "ROTATION", "OTHER"]


class _Mutation(DomainEvent):
    context = "mutation"


class MutationProposed(_Mutation):
    mutation_id: str
    nip: Nip
    from_unit_id: str
    from_position_id: str
    to_unit_id: str
    to_position_id: str
    kind: MutationKind
    reason: str = Field(min_length=1)
    need_id: str | None = None
    proposed_by: str


class MutationApproved(_Mutation):
    mutation_id: str
    nip: Nip
    to_unit_id: str
    to_position_id: str
    approved_by: str
    reasons: str = ""


class MutationRejected(_Mutation):
    mutation_id: str
    nip: Nip
    rejected_by: str
    reasons: str = Field(min_length=1)


class MutationEffective(_Mutation):
    mutation_id: str
    nip: Nip
    from_unit_id: str
    from_position_id: str
    to_unit_id: str
    to_position_id: str
    tmt: date = Field(description="effective date (terhitung mulai tanggal)")
    sk_number: str | None = None
    need_id: str | None = None


EVENTS: tuple[type[DomainEvent], ...] = (
    MutationProposed,
    MutationApproved,
    MutationRejected,
    MutationEffective,
)
