"""The evaluator's adaptation notes: free text about a person, so personal data (UU 27/2022).

They are sealed with the employee's data key (from the key ring) before the decider sees
them, so the event store, the topic and the read model hold them only sealed; they are
opened in memory when an evaluation is read, and by nobody once the key is erased. Without
the key, an evaluation with notes is refused rather than recorded in plaintext; one without
notes needs no key.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rangkui_contracts.events.common import Sealed
from rangkui_evaluation.domain.rules import rule_error
from rangkui_eventkit.personal_data import CannotOpen, KeyRing, open_sealed, seal


async def seal_notes(db: Any, keyring: KeyRing | None, nip: str, notes: str) -> Sealed | None:
    """`notes` sealed for `nip`, or None when there are none."""
    if not notes.strip():
        return None
    key = None if keyring is None else await keyring.current_key(db, nip)
    if key is None:
        raise rule_error("personal_data_key_unavailable", nip=nip)
    key_id, data_key = key
    return seal(data_key, key_id, nip, {"notes": notes})


async def open_notes(
    db: Any, keyring: KeyRing | None, nip: str, sealed: Sequence[dict[str, Any] | None]
) -> list[str | None]:
    """The notes in each of `sealed` (one employee's), with one look-up of their key; None
    where there are none or they cannot be read (erased, no key held, or altered)."""
    held = None if keyring is None else await keyring.current_key(db, nip)
    return [_opened(held, nip, s) for s in sealed]


def _opened(held: tuple[str, bytes] | None, nip: str, sealed: dict[str, Any] | None) -> str | None:
    if held is None or sealed is None:
        return None
    try:
        blob = Sealed.model_validate(sealed)
        if blob.key_id != held[0]:
            return None
        opened = open_sealed(held[1], blob, nip)
    except (CannotOpen, ValueError):
        return None
    return str(opened["notes"]) if "notes" in opened else None
