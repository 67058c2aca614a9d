"""Personal data against the real PostgreSQL and Kafka: sealed in events, keys on the
internal keys topic, opened on read, and crypto-shredded by an erasure: afterwards no table
(after a full rebuild of the read models) and no topic holds the plaintext, and contact
changes are refused, while the employee's record and decisions stay."""

from __future__ import annotations

import json
from typing import Any

import asyncpg
import httpx
import pytest

from rangkui_contracts import Envelope
from rangkui_contracts.events.common import Sealed
from rangkui_contracts.events.personnel import Contact, EmployeeRegistered
from rangkui_contracts.topics import PERSONNEL, PERSONNEL_KEYS
from rangkui_eventkit.context import Cause
from rangkui_eventkit.personal_data import (
    DEVELOPMENT_TRANSPORT_KEY,
    b64u_decode,
    open_sealed,
    unwrap_key,
)
from rangkui_eventkit.store import StreamWrite
from rangkui_eventkit.testing.infra import Infra
from rangkui_eventkit.testing.kafka_tools import read_topic
from rangkui_eventkit.testing.plugin import eventually
from rangkui_eventkit.testing.scan import tables_holding
from rangkui_personnel.settings import PersonnelSettings

pytestmark = pytest.mark.integration

NIP = "199103142016032002"  # born 1991-03-14, appointed 2016-03, female
OTHER = "198609262015051001"
EMAIL, PHONE, BIRTH = "siti.rahayu.h3@contoh.go.id", "+62 811 4455 9911", "1991-03-14"
NEW_EMAIL, NEW_PHONE = "siti.rahayu.baru@contoh.go.id", "+62 811 7788 2233"
SECRETS = (EMAIL, PHONE, BIRTH, NEW_EMAIL, NEW_PHONE, "siti.rahayu", "4455 9911")


def simpeg_employee(nip: str, name: str, email: str, phone: str, birth: str, sex: str) -> dict:
    return {
        "nip": nip,
        "nama": name,
        "jenis_kelamin": sex,
        "tanggal_lahir": birth,
        "status_pegawai": "AKTIF",
        "gol_ruang": "III/a",
        "unor_id": "sma-1",
        "jabatan_id": "sma-1-guru-mat",
        "tmt_jabatan": "2016-03-01",
        "pendidikan_tingkat": "S1",
        "pendidikan_jurusan": "Pendidikan Matematika",
        "email": email,
        "no_hp": phone,
    }


EXPORT = {
    "units": [
        {
            "unor_id": "disdik",
            "nama_unor": "Dinas Pendidikan",
            "jenis_unor": "OPD",
            "wilayah": "Kota Rangkui",
        },
        {
            "unor_id": "sma-1",
            "nama_unor": "SMA Negeri 1",
            "jenis_unor": "SMA",
            "wilayah": "Kota Rangkui",
            "induk_unor_id": "disdik",
        },
    ],
    "positions": [
        {
            "jabatan_id": "sma-1-guru-mat",
            "unor_id": "sma-1",
            "nama_jabatan": "Guru Matematika",
            "jenis_jabatan": "FUNGSIONAL",
            "formasi": 4,
            "syarat_pendidikan_tingkat": "S1",
            "syarat_pendidikan_jurusan": "Pendidikan Matematika",
        }
    ],
    "employees": [
        simpeg_employee(NIP, "Siti Rahayu", EMAIL, PHONE, BIRTH, "P"),
        simpeg_employee(OTHER, "Budi Santoso", "budi.h3@contoh.go.id", "0812", "1986-09-26", "L"),
    ],
}


async def import_province(client: httpx.AsyncClient, poll: Any) -> None:
    r = await client.post("/imports", json=EXPORT, params={"name": "simpeg.json"})
    assert r.status_code == 202, r.text
    job = await poll(f"/imports/{r.json()['job_id']}", lambda j: j["status"] == "DONE")
    assert (job["applied_rows"], job["rejected_rows"]) == (5, 0), job


async def records(infra: Infra, prefix: str, spec: Any, nip: str, *, least: int) -> list[Envelope]:
    """The envelopes about `nip` on a topic, once at least `least` of them are there."""

    async def enough() -> list[Envelope] | None:
        raw = await read_topic(
            infra.kafka_bootstrap, spec.qualified(prefix), expect=10**6, timeout=2
        )
        found = [Envelope.from_kafka(r.key, r.value, r.headers) for r in raw]
        found = [e for e in found if e.subject in (nip, f"employee-{nip}")]
        return found if len(found) >= least else None

    return await eventually(enough, timeout=30)


async def test_personal_data_is_sealed_in_events_and_its_key_goes_to_the_keys_topic(
    client: httpx.AsyncClient, poll: Any, infra: Infra, topic_prefix: str
) -> None:
    await import_province(client, poll)

    shown = await poll(f"/employees/{NIP}")
    assert (shown["gender"], shown["birth_date"]) == ("F", BIRTH)
    assert shown["contact"] == {"email": EMAIL, "phone": PHONE}
    assert shown["personal_data_erased_at"] is None
    found = await client.get("/employees", params={"unit_id": "sma-1"})
    assert {i["nip"]: i["gender"] for i in found.json()["items"]} == {NIP: "F", OTHER: "M"}

    events = await records(infra, topic_prefix, PERSONNEL, NIP, least=1)
    registered = next(e for e in events if e.type == "rangkui.personnel.EmployeeRegistered.v2")
    body = json.dumps(registered.data)
    assert not [s for s in SECRETS if s in body]
    assert {"gender", "birth_date", "contact"}.isdisjoint(registered.data)

    (issued,) = await records(infra, topic_prefix, PERSONNEL_KEYS, NIP, least=1)
    assert issued.type == "rangkui.personnel.PersonalDataKeyIssued.v1"
    assert issued.kafka_key() == NIP.encode()
    sealed = Sealed(**registered.data["personal"])
    assert issued.data["key_id"] == sealed.key_id
    key = unwrap_key(
        DEVELOPMENT_TRANSPORT_KEY,
        b64u_decode(issued.data["wrapped_key"]),
        nip=NIP,
        key_id=sealed.key_id,
    )
    assert open_sealed(key, sealed, NIP) == {
        "birth_date": BIRTH,
        "gender": "F",
        "contact": {"email": EMAIL, "phone": PHONE},
    }


async def test_an_erasure_shreds_the_personal_data_everywhere_and_keeps_the_record(
    client: httpx.AsyncClient,
    poll: Any,
    infra: Infra,
    topic_prefix: str,
    settings: PersonnelSettings,
) -> None:
    await import_province(client, poll)
    r = await client.put(f"/employees/{NIP}/contact", json={"email": NEW_EMAIL, "phone": NEW_PHONE})
    assert r.status_code == 200, r.text
    assert r.json()["events"] == ["rangkui.personnel.EmployeeContactChanged.v2"]
    await poll(f"/employees/{NIP}", lambda e: e["contact"]["email"] == NEW_EMAIL)

    r = await client.post(
        f"/employees/{NIP}/personal-data/erasure", json={"reason": "permintaan pegawai, UU 27/2022"}
    )
    assert r.status_code == 200, r.text
    assert r.json()["events"] == ["rangkui.personnel.EmployeePersonalDataErased.v1"]
    key_id = r.json()["key_id"]

    shown = await poll(f"/employees/{NIP}", lambda e: e["personal_data_erased_at"] is not None)
    assert (shown["gender"], shown["birth_date"]) == (None, None)
    assert shown["contact"] == {"email": None, "phone": None}
    assert (shown["name"], shown["unit_id"], shown["grade"]) == ("Siti Rahayu", "sma-1", "III/a")
    other = await poll(f"/employees/{OTHER}")
    assert other["contact"]["email"] == "budi.h3@contoh.go.id"  # only that employee's data

    # Nothing personal can be stored for them again; public changes still work.
    r = await client.put(f"/employees/{NIP}/contact", json={"email": EMAIL})
    assert (r.status_code, r.json()["error"]) == (409, "rule_violated"), r.text
    assert "erased" in r.json()["message"]
    r = await client.post(f"/employees/{NIP}/personal-data/erasure", json={"reason": "again"})
    assert r.status_code == 409, r.text
    r = await client.post(
        "/employees/199001012015011001/personal-data/erasure", json={"reason": "UU 27/2022"}
    )
    assert r.status_code == 404, r.text
    r = await client.post(f"/employees/{OTHER}/personal-data/erasure", json={"reason": " "})
    assert r.status_code == 422, r.text
    r = await client.post(f"/employees/{NIP}/grade", json={"grade": "III/b", "tmt": "2026-04-01"})
    assert r.status_code == 200, r.text

    keys = await records(infra, topic_prefix, PERSONNEL_KEYS, NIP, least=2)
    assert [e.type.split(".")[2] for e in keys] == [
        "PersonalDataKeyIssued",
        "PersonalDataKeyErased",
    ]
    assert keys[-1].data == {"nip": NIP, "key_id": key_id}
    events = await records(infra, topic_prefix, PERSONNEL, NIP, least=4)
    assert "rangkui.personnel.EmployeePersonalDataErased.v1" in [e.type for e in events]

    # A full rebuild of every read model replays the sealed events and the erasure.
    for name in ("organisation", "employees", "staffing"):
        r = await client.post(f"/admin/projections/{name}/rebuild")
        assert r.status_code == 202, r.text
    await poll(
        f"/employees/{NIP}",
        lambda e: e["grade"] == "III/b" and e["personal_data_erased_at"] is not None,
    )
    await poll(f"/employees/{OTHER}", lambda e: e["contact"]["email"] is not None)
    await poll("/staffing", lambda rows: rows and rows[0]["bezetting"] == 2)

    conn = await asyncpg.connect(settings.database_url)
    try:
        tables = [
            r["table_name"]
            for r in await conn.fetch(
                """SELECT table_name FROM information_schema.tables
                   WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"""
            )
        ]
        assert {"employees", "employee_personal_data", "events", "import_rows"} <= set(tables)
        assert await tables_holding(conn, SECRETS) == {}
        # The import's rows kept no data once done (the report stays); the scan sees rows
        # that are there (the other employee's public NIP), so it is not looking at nothing.
        assert await conn.fetchval("SELECT count(*) FROM import_rows WHERE data <> '{}'") == 0
        assert await conn.fetchval("SELECT count(*) FROM import_rows") > 0
        assert await tables_holding(conn, OTHER)
        key_row = await conn.fetchrow("SELECT * FROM personal_data_keys WHERE nip = $1", NIP)
        assert key_row["wrapped_key"] is None
        assert key_row["erasure_reason"] == "permintaan pegawai, UU 27/2022"
    finally:
        await conn.close()
    for spec in (PERSONNEL, PERSONNEL_KEYS):
        raw = await read_topic(
            infra.kafka_bootstrap, spec.qualified(topic_prefix), expect=10**6, timeout=2
        )
        text = b"\n".join((r.value or b"") + b"".join(v for _, v in r.headers) for r in raw)
        assert not [s for s in SECRETS if s.encode() in text], spec.name


async def test_an_erasure_empties_the_read_models_of_a_version_1_employee_but_not_the_log(
    client: httpx.AsyncClient, poll: Any, settings: PersonnelSettings
) -> None:
    """Registered before sealing (a v1 event in the store): the erasure and a rebuild leave no
    plaintext in the read models; the v1 event itself keeps it (documented limit)."""
    await import_province(client, poll)
    legacy_nip, legacy_email = "198802022015031003", "legacy.h3@contoh.go.id"
    service = client._transport.app.state.service  # type: ignore[attr-defined]
    v1 = EmployeeRegistered.model_validate(
        {
            "nip": legacy_nip,
            "name": "Agus Legacy",
            "gender": "M",
            "birth_date": "1988-02-02",
            "grade": "III/a",
            "unit_id": "sma-1",
            "position_id": "sma-1-guru-mat",
            "tmt_position": "2015-03-01",
            "contact": Contact(email=legacy_email, phone="0899 111"),
        }
    )
    await service.store.append(
        [StreamWrite(f"employee-{legacy_nip}", 0, [v1])], Cause.new("legacy-import")
    )
    shown = await poll(f"/employees/{legacy_nip}")
    assert (shown["contact"]["email"], shown["birth_date"]) == (legacy_email, "1988-02-02")

    r = await client.post(
        f"/employees/{legacy_nip}/personal-data/erasure", json={"reason": "UU 27/2022"}
    )
    assert r.status_code == 200, r.text
    await poll(f"/employees/{legacy_nip}", lambda e: e["personal_data_erased_at"] is not None)
    r = await client.post("/admin/projections/employees/rebuild")
    assert r.status_code == 202, r.text
    shown = await poll(
        f"/employees/{legacy_nip}", lambda e: e["personal_data_erased_at"] is not None
    )
    assert (shown["contact"]["email"], shown["birth_date"], shown["gender"]) == (None, None, None)

    conn = await asyncpg.connect(settings.database_url)
    try:
        for table in ("employees", "employee_contacts", "employee_personal_data"):
            text = await conn.fetchval(
                f"SELECT coalesce(string_agg(t::text, ' '), '') FROM {table} t"
            )
            assert legacy_email not in text, table
            assert "1988-02-02" not in text, table
        events = await conn.fetchval("SELECT string_agg(data::text, ' ') FROM events")
        assert legacy_email in events  # a v1 event's plaintext cannot be shredded
        assert await conn.fetchval(
            "SELECT wrapped_key IS NULL FROM personal_data_keys WHERE nip = $1", legacy_nip
        )
    finally:
        await conn.close()
