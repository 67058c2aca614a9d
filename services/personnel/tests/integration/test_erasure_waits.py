"""An erasure of personal data waits while a proceeding about the employee is open, against
the real PostgreSQL and Kafka: personnel learns of an objection from mutation's published
events (its `proceedings` consumer), never from mutation's database or API, and refuses the
erasure with a rule that says why in Bahasa Indonesia until the objection is resolved."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg
import httpx
import pytest

from rangkui_contracts import DomainEvent, Envelope
from rangkui_contracts.events.common import Sealed
from rangkui_contracts.events.mutation import MutationObjectedV2, MutationObjectionResolved
from rangkui_contracts.topics import MUTATION
from rangkui_eventkit.testing.plugin import eventually
from rangkui_personnel.settings import PersonnelSettings

from .test_walking_skeleton import NIP, employee, seed

pytestmark = pytest.mark.integration

ERASURE = f"/employees/{NIP}/personal-data/erasure"
REASON = {"reason": "permintaan penghapusan oleh pegawai (UU 27/2022 Pasal 8)"}


def from_mutation(event: DomainEvent, mutation_id: str, version: int) -> Envelope:
    return Envelope.wrap(
        event,
        source="/rangkui/mutation",
        subject=f"mutation-{mutation_id}",
        correlationid=str(uuid.uuid4()),
        actor=NIP,
        streamversion=version,
    )


async def test_an_erasure_waits_until_the_employees_objection_is_resolved(
    client: httpx.AsyncClient,
    poll: Any,
    publish: Any,
    topic_prefix: str,
    settings: PersonnelSettings,
) -> None:
    await seed(client)
    assert (await client.post("/employees", json=employee())).status_code == 201
    await poll(f"/employees/{NIP}")
    topic = MUTATION.qualified(topic_prefix)
    mutation_id = f"m-{uuid.uuid4().hex[:8]}"
    sealed = Sealed(key_id="k-1", alg="A256GCM", nonce="AAAAAAAAAAAAAAAA", ciphertext="AAAA")
    objected = MutationObjectedV2(mutation_id=mutation_id, nip=NIP, reason=sealed, objected_by=NIP)
    await publish(topic, [from_mutation(objected, mutation_id, 6)])

    async def heard(open_: bool) -> bool:  # the proceedings consumer applied the events
        conn = await asyncpg.connect(settings.database_url)
        try:
            found = await conn.fetchval(
                "SELECT open FROM open_objections WHERE mutation_id = $1", mutation_id
            )
        finally:
            await conn.close()
        return found is open_

    await eventually(lambda: heard(True), timeout=30)
    r = await client.post(ERASURE, json=REASON)
    assert r.status_code == 409, r.text
    body = r.json()
    assert body["rule"] == "erasure_objection_pending"
    assert f"keberatannya atas mutasi {mutation_id} belum diputus" in body["message"]
    assert body["message"] != body["message_en"]
    assert body["legal_basis"] == "UU 27/2022 Pasal 15 ayat (1); UU 30/2014 Pasal 77"
    shown = (await client.get(f"/employees/{NIP}")).json()
    assert shown["personal_data_erased_at"] is None

    # The PPK resolves the objection: the erasure may go ahead.
    resolved = MutationObjectionResolved(
        mutation_id=mutation_id,
        nip=NIP,
        upheld=False,
        reasons="kebutuhan organisasi",
        resolved_by="ppk.gubernur",
    )
    await publish(topic, [from_mutation(resolved, mutation_id, 7)])

    await eventually(lambda: heard(False), timeout=30)
    r = await client.post(ERASURE, json=REASON)
    assert r.status_code == 200, r.text
    assert r.json()["events"] == ["rangkui.personnel.EmployeePersonalDataErased.v1"]
