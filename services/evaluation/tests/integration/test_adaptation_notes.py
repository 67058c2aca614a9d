"""An evaluator's adaptation notes are personal data: against the real Kafka and PostgreSQL,
they are stored and published only sealed with the employee's data key, read back in clear
while the key exists, unreadable once it is erased, and refused without a key."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from rangkui_contracts import Envelope
from rangkui_contracts.events.keys import PersonalDataKeyErased, PersonalDataKeyIssued
from rangkui_contracts.topics import EVALUATION, PERSONNEL_KEYS
from rangkui_evaluation.adapters.clock import SettableClock
from rangkui_evaluation.bootstrap import create_app
from rangkui_evaluation.settings import EvaluationSettings
from rangkui_eventkit.personal_data import (
    DEVELOPMENT_TRANSPORT_KEY,
    b64u_encode,
    new_data_key,
    new_key_id,
    wrap_key,
)
from rangkui_eventkit.testing.infra import Infra
from rangkui_eventkit.testing.kafka_tools import publish_envelopes, read_topic
from rangkui_eventkit.testing.plugin import eventually, serve_in_process
from rangkui_eventkit.testing.scan import tables_holding

pytestmark = pytest.mark.integration

NOTES = "Sering izin karena merawat ibu yang sakit; perlu penyesuaian jadwal"
EVALUATOR = "197001012010011001"


async def send_key_message(infra: Infra, prefix: str, envelope: Envelope) -> None:
    """As personnel's key publisher does, on the internal key topic."""
    topic = PERSONNEL_KEYS.qualified(prefix)
    await publish_envelopes(infra.kafka_bootstrap, [envelope], topic=topic)


def periodic(nip: str, notes: str) -> dict[str, Any]:
    return {
        "nip": nip,
        "kind": "PERIODIC",
        "period_start": "2026-01-01",
        "period_end": "2026-06-30",
        "hasil_kerja": "SESUAI",
        "perilaku_kerja": "SESUAI",
        "evaluator_nip": EVALUATOR,
        "adaptation": {
            "understands_new_duties": True,
            "works_with_team": True,
            "needs_training": False,
            "notes": notes,
        },
    }


async def test_adaptation_notes_are_sealed_opened_for_readers_and_gone_with_the_key(
    settings: EvaluationSettings, publisher: Any, make: Any, infra: Infra, topic_prefix: str
) -> None:
    nip, keyless = make.nip(seq=41), make.nip(seq=42)
    key_id = new_key_id()
    wrapped = wrap_key(DEVELOPMENT_TRANSPORT_KEY, new_data_key(), nip=nip, key_id=key_id)
    app = create_app(settings, clock=SettableClock(date(2026, 7, 1)))  # the period has ended
    async with serve_in_process(app) as client:
        pool = app.state.service.pool
        # Without the employee's key, notes are refused (409), never stored in clear ...
        refused = await client.post("/evaluations", json=periodic(keyless, NOTES))
        assert refused.status_code == 409, refused.text
        assert refused.json()["rule"] == "personal_data_key_unavailable"
        # ... while an evaluation without notes needs no key.
        plain = await client.post("/evaluations", json=periodic(keyless, ""))
        assert plain.status_code == 201, plain.text

        issued = PersonalDataKeyIssued(nip=nip, key_id=key_id, wrapped_key=b64u_encode(wrapped))
        await send_key_message(infra, topic_prefix, publisher.envelope(nip, issued))

        async def recorded() -> dict[str, Any] | None:
            r = await client.post("/evaluations", json=periodic(nip, NOTES))
            return r.json() if r.status_code == 201 else None

        created = await eventually(recorded, timeout=30)  # once the key ring has the key
        assert created["adaptation"]["notes"] == NOTES
        evaluation_id = created["evaluation_id"]

        async def shown() -> dict[str, Any] | None:
            r = await client.get(f"/evaluations/{evaluation_id}")
            return r.json() if r.status_code == 200 else None

        view = await eventually(shown, timeout=30)
        assert view["adaptation"]["notes"] == NOTES  # opened for the reader
        assert view["adaptation"]["understands_new_duties"] is True
        # Stored and published only sealed: no table, no event on the topic holds the text.
        assert await tables_holding(pool, "izin karena merawat ibu") == {}
        assert (
            await pool.fetchval(
                "SELECT count(*) FROM events WHERE data->>'adaptation_notes' IS NOT NULL"
            )
            == 1
        )
        published = await read_topic(
            infra.kafka_bootstrap, EVALUATION.qualified(topic_prefix), expect=2, timeout=30
        )
        assert len(published) == 2
        assert all(b"merawat ibu" not in record.value for record in published)

        erased = PersonalDataKeyErased(nip=nip, key_id=key_id)
        await send_key_message(infra, topic_prefix, publisher.envelope(nip, erased))

        async def unreadable() -> dict[str, Any] | None:
            r = await client.get(f"/evaluations/{evaluation_id}")
            body = r.json()
            return body if body["adaptation"]["notes"] is None else None

        after = await eventually(unreadable, timeout=30)
        # The appraisal itself stays: only the notes went with the key.
        assert (after["predikat"], after["adaptation"]["works_with_team"]) == ("BAIK", True)
        history = await client.get(f"/employees/{nip}/evaluations")
        assert [e["adaptation"]["notes"] for e in history.json()] == [None]
        again = await client.post("/evaluations", json=periodic(nip, NOTES))
        assert (again.status_code, again.json()["rule"]) == (409, "personal_data_key_unavailable")
