"""Objections: the one place where the mutation service handles sensitive personal data.

The reason an employee gives for objecting is free text about themselves (UU 27/2022:
sensitive). It is sealed with the employee's data key (from the key ring) before the decider
sees it, so the event store, the topic and the read models hold it only sealed; it is opened
only in memory, when the transfer is read, and by nobody once the key is erased.
"""

from __future__ import annotations

from typing import Any

from rangkui_contracts.events.common import Sealed
from rangkui_eventkit.context import Cause
from rangkui_eventkit.personal_data import CannotOpen, seal
from rangkui_eventkit.pipeline import UnitOfWork
from rangkui_eventkit.store import Recorded
from rangkui_mutation.domain.mutation import ObjectToMutation, mutation_decider, stream_id
from rangkui_mutation.domain.rules import rule_error
from rangkui_mutation.service_layer.commands import Deps, existing


async def object_to_mutation(
    deps: Deps, mutation_id: str, *, actor: str, reason: str, cause: Cause
) -> list[Recorded]:
    """The employee objects. Their reason is free text about themselves (sensitive personal
    data): it is sealed with their data key before it reaches the decider, so it is recorded
    and published only sealed, and disappears with the key. Without the key (not issued or
    not arrived yet, or erased) the objection is refused rather than recorded in plaintext."""
    sid = stream_id(mutation_id)

    async def handler(uow: UnitOfWork) -> None:
        state = await existing(uow, sid)
        nip = state.nip or ""
        # The rules first (who may object, and when), so that a caller who may not object is
        # told so, whatever the keys: the decider is pure, a dry run with a placeholder is free.
        today = deps.clock.today()
        mutation_decider.decide(
            ObjectToMutation(actor=actor, reason=_PLACEHOLDER, today=today), state
        )
        key = await _data_key(deps, uow, nip)
        if key is None:
            raise rule_error("personal_data_key_unavailable", nip=nip)
        key_id, data_key = key
        sealed = seal(data_key, key_id, nip, {"reason": reason})
        command = ObjectToMutation(actor=actor, reason=sealed, today=today)
        uow.stage(sid, mutation_decider.decide(command, state))

    return (await deps.pipeline.run(handler, cause)).recorded


_PLACEHOLDER = Sealed(key_id="dry-run", alg="A256GCM", nonce="AA", ciphertext="AA")


async def _data_key(deps: Deps, uow: UnitOfWork, nip: str) -> tuple[str, bytes] | None:
    if deps.keyring is None:
        return None
    return await deps.keyring.current_key(uow.conn or deps.pool, nip)


async def open_reasons(deps: Deps, transfer: dict[str, Any]) -> dict[str, Any]:
    """The transfer as read, with the sealed reasons of its timeline opened (None once the
    employee's key is erased, or while this service does not hold it)."""
    nip = transfer.get("nip")
    for step in transfer.get("timeline", []):
        details = step.get("details") or {}
        if not (nip and isinstance(details.get("reason"), dict)):
            continue
        opened = await _open(deps, details["reason"], nip)
        step["reason"] = opened
        step["details"] = {**details, "reason": opened}
    return transfer


def sealed_reasons(transfer: dict[str, Any]) -> dict[str, Any]:
    """The transfer as read, its timeline's sealed reasons left sealed (`reason` null, the
    sealed value in `details`): what a reader who may not open personal data gets."""
    for step in transfer.get("timeline", []):
        details = step.get("details") or {}
        if isinstance(details.get("reason"), dict):
            step["reason"] = None
    return transfer


async def _open(deps: Deps, sealed: dict[str, Any], nip: str) -> str | None:
    if deps.keyring is None:
        return None
    try:
        opened = await deps.keyring.open_for(deps.pool, Sealed.model_validate(sealed), nip)
    except (CannotOpen, ValueError):
        return None
    return str(opened["reason"]) if opened and opened.get("reason") else None
