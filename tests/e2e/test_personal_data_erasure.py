"""Acceptance of issue 9, item 4 (personal data, crypto-shredding), across the four services as
separate processes on the real Kafka broker and PostgreSQL:

An employee registered with a distinctive e-mail address, phone number and birth date is
transferred through to effective, objecting on the way with a reason about herself (their
notices e-mailed to the address that notification opened from the sealed contact), and
evaluated at her first checkpoint with adaptation notes about her; then her data key is
erased through personnel's API, and every read model of every service is rebuilt from the
topics. Afterwards no table of any service (the event stores included) and no Kafka topic
holds the address, the phone number, the birth date, the objection's reason or the
adaptation notes in plaintext, while the audit API still lists every decision about her.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from aiokafka import AIOKafkaConsumer

from rangkui_contracts.envelope import binary_headers
from rangkui_contracts.topics import DEAD_LETTER, TOPICS
from rangkui_eventkit.testing.auth import acting, bearer
from rangkui_eventkit.testing.infra import Infra
from rangkui_eventkit.testing.kafka_tools import header, produce_raw, read_topic
from rangkui_eventkit.testing.plugin import eventually
from rangkui_eventkit.testing.scan import tables_holding
from rangkui_eventkit.testing.smtp import Mailbox, smtp_server
from rangkui_eventkit.testing.system import SERVICES, System, province_today

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

HEAD_NIP = "197501012000031002"  # head of SMA Negeri 2: evaluates the transferred teacher
NIP = "199107292015032001"  # born 29 July 1991 (the NIP says so), female
BIRTH_DATE = "1991-07-29"
PHONE = "+62 812-7319-4466"
OBJECTION = "Saya merawat ibu saya yang sakit di Kota Rangkui"  # sensitive: about herself
NOTES = "Masih beradaptasi; dua kali izin untuk kontrol kehamilan"  # personal: about her
NIK = "3273016907910002"  # in the SIMPEG export, which the parser does not read
ADDRESS = "Jl. Melati Gang Buntu 17, Tanjung Batu"
BIRTHPLACE = "Kampung Sirih Lama"
FORGED_ID = "forged-personal-event-1"
OPERATOR = acting("operator.bkd", "bkd_operator")
PPK = acting("ppk.gubernur", "ppk")
EMPLOYEE = acting(NIP, "employee")
AUDITOR = bearer(roles=["auditor"], sub="auditor.inspektorat")


@pytest.fixture
async def mailbox(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Mailbox]:
    """A real SMTP server on loopback, and notification's e-mail channel pointed at it."""
    async with smtp_server() as (box, port):
        for name, value in {
            "NOTIFICATION_EMAIL_ENABLED": "true",
            "NOTIFICATION_SMTP_HOST": "127.0.0.1",
            "NOTIFICATION_SMTP_PORT": str(port),
            "NOTIFICATION_DELIVERY_POLL_INTERVAL_S": "0.1",
            "NOTIFICATION_EMAIL_BACKOFF_BASE_S": "0.2",
            "NOTIFICATION_EMAIL_BACKOFF_MAX_S": "1",
        }.items():
            monkeypatch.setenv(name, value)
        yield box


@pytest.fixture
async def system(
    mailbox: Mailbox,
    infra: Infra,
    topic_prefix: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncIterator[System]:
    """The four services as processes, with notification's e-mail channel on. The story
    evaluates the first checkpoint on the TMT day: the province's policy here opens
    checkpoints early enough for that (this test is about erasure, not about timing)."""
    monkeypatch.setenv("EVALUATION_CHECKPOINT_EARLY_DAYS", "92")
    system = System(infra, topic_prefix, tmp_path)
    try:
        await system.start()
        yield system
    finally:
        await system.close()


async def test_erasing_a_key_leaves_no_personal_field_in_any_table_or_topic_and_decisions_auditable(
    system: System, province: Any, mailbox: Mailbox
) -> None:
    p = province
    email = f"ratna.h3b.{p.suffix}@surel.rangkuiprov.go.id"
    personal = (email, PHONE, BIRTH_DATE, OBJECTION, NOTES, NIK, ADDRESS, BIRTHPLACE)
    await p.register(HEAD_NIP, "Drs. Bambang Sutrisno", "sma-2", "kepsek-2")
    await register(p, NIP, "Ratna Dewi Anggraini, S.Pd.", email)
    await import_her_simpeg_row(p, email)
    await forge_a_personal_event(system, email)

    # A transfer through to effective, with an objection on the way, followed everywhere.
    mutation_id = await transfer_with_objection(p)
    objection = await eventually(lambda: _objection_step(p, mutation_id), timeout=30)
    assert objection["reason"] == OBJECTION  # opened for the reader
    await eventually(lambda: _moved(p), timeout=30)
    [plan] = await eventually(lambda: p.plans(NIP), timeout=30)
    evaluation_id = await eventually(lambda: _evaluated_with_notes(p, plan), timeout=30)
    evaluation = await eventually(lambda: _evaluation(p, evaluation_id), timeout=30)
    assert evaluation["adaptation"]["notes"] == NOTES  # opened for the reader
    await eventually(lambda: p.inbox(NIP), timeout=30)
    # Notification opened the sealed contact with the key personnel issued, to send this.
    sent = await eventually(lambda: mailbox.to(email), timeout=30)
    assert "SMA Negeri 2 Tanjung Batu" in sent[0].get_content()

    # Erase the employee's key.
    r = await p.client.post(
        f"{system.url('personnel')}/employees/{NIP}/personal-data/erasure",
        json={"reason": "permintaan penghapusan oleh pegawai (UU 27/2022)"},
        headers=OPERATOR,
    )
    assert r.status_code == 200, r.text

    async def erased() -> dict[str, Any] | None:
        employee: dict[str, Any] = await p.employee(NIP)
        return employee if employee.get("personal_data_erased_at") else None

    employee = await eventually(erased, timeout=30)
    assert employee["birth_date"] is None
    assert not any((employee["contact"] or {}).values())
    await eventually(lambda: _erasure_reached_notification(system), timeout=30)
    await eventually(lambda: _objection_sealed_for_good(p, mutation_id), timeout=30)
    await eventually(lambda: _notes_sealed_for_good(p, evaluation_id), timeout=30)

    # Rebuild every read model of every service, and wait until each consumer caught up.
    rebuilt: dict[str, list[str]] = {}
    for name in SERVICES:
        rebuilt[name] = await _rebuild_everything(p.client, system.url(name))
    assert "personal_data_keys" in rebuilt["notification"]
    assert "directory" in rebuilt["notification"]
    assert all(rebuilt[name] for name in SERVICES), rebuilt
    for name in SERVICES:
        await eventually(lambda name=name: _caught_up(p.client, system, name), timeout=90)

    # No table of any service holds the personal fields in plaintext; the scan sees the
    # employee (their NIP is public) in the rebuilt read models of every service, so it is
    # not looking at empty tables.
    for name in SERVICES:
        async with _connect(system, name) as db:
            assert await tables_holding(db, personal) == {}, name
            read_models = set(await tables_holding(db, NIP)) - {"events", "outbox"}
            assert read_models, f"no read model of {name} holds the employee"

    # Nor any topic, the internal key topic and the dead letters included. The forged record
    # itself, on the topic it was injected into, is the attacker's, not a copy the platform
    # made: every copy the consumers made of it (the dead letters) is looked at.
    dead = await _read_all(system.infra.kafka_bootstrap, DEAD_LETTER.qualified(system.topic_prefix))
    assert [d for d in dead if header(d, "ce_id") == FORGED_ID], "the forgery was not refused"
    for spec in TOPICS:
        topic = spec.qualified(system.topic_prefix)
        records = await _read_all(system.infra.kafka_bootstrap, topic)
        leaks = [
            (topic, r.offset, s)
            for r in records
            for s in personal
            if s.encode() in (r.value or b"") + b"".join(v for _, v in r.headers or ())
            and not (spec != DEAD_LETTER and header(r, "ce_id") == FORGED_ID)
        ]
        assert leaks == []
    personnel_topic = next(t for t in TOPICS if t.name == "rangkui.personnel.events")
    records = await _read_all(
        system.infra.kafka_bootstrap, personnel_topic.qualified(system.topic_prefix)
    )
    assert any(NIP.encode() in (r.value or b"") for r in records)

    # Every decision about the employee is still listed by the audit API.
    mutation_types = await _audited(p.client, system.url("mutation"))
    for step in (
        "MutationProposed.v1",
        "MutationApproved.v1",
        "MutationSocialized.v1",
        "MutationObjected.v2",
        "MutationObjectionResolved.v1",
        "MutationDecreed.v1",
        "MutationEffective.v1",
    ):
        assert f"rangkui.mutation.{step}" in mutation_types, mutation_types
    evaluation_types = await _audited(p.client, system.url("evaluation"))
    assert "rangkui.evaluation.EvaluationRecorded.v2" in evaluation_types, evaluation_types
    personnel_types = await _audited(p.client, system.url("personnel"))
    assert "rangkui.personnel.EmployeeReassigned.v1" in personnel_types
    assert "rangkui.personnel.EmployeePersonalDataErased.v1" in personnel_types
    # And the notices about them, rebuilt, are still in their inbox.
    inbox = await p.inbox(NIP)
    assert any("SMA Negeri 2 Tanjung Batu" in n["body"] for n in inbox)
    plans = await p.plans(NIP)
    assert [plan["mutation_id"] for plan in plans] == [mutation_id]


async def transfer_with_objection(p: Any) -> str:
    """Propose, documents and TPK sidang, approve, explain (sosialisasi), the employee
    objects, the PPK dismisses the objection, decree with TMT today; returns the id."""
    url = f"{p.system.url('mutation')}/mutations"

    async def propose() -> str | None:
        r = await p.client.post(
            url,
            json={
                "nip": NIP,
                "to_unit_id": p.id("sma-2"),
                "to_position_id": p.id("guru-mat-2"),
                "kind": "NEED_BASED",
                "reason": "SMA Negeri 2 kekurangan guru matematika",
            },
            headers=OPERATOR,
        )
        if r.status_code == 404:  # mutation has not consumed the registration yet
            return None
        assert r.status_code == 201, r.text
        return str(r.json()["mutation_id"])

    mutation_id: str = await eventually(propose, timeout=30)
    path = f"{url}/{mutation_id}"
    await p.ready_for_decision(path)
    await _step(p, f"{path}/approve", {"reasons": "sesuai kebutuhan"}, PPK)
    await _step(p, f"{path}/socialize", {"message": "kebutuhan SMA Negeri 2"}, OPERATOR)

    async def objected() -> bool:
        r = await p.client.post(f"{path}/object", json={"reason": OBJECTION}, headers=EMPLOYEE)
        if r.status_code == 409 and r.json().get("rule") == "personal_data_key_unavailable":
            return False  # the employee's key has not reached the mutation service yet
        assert r.status_code == 200, r.text
        return True

    await eventually(objected, timeout=30)
    resolution = {"upheld": False, "reasons": "kebutuhan organisasi"}
    await _step(p, f"{path}/objection/resolve", resolution, PPK)
    today = province_today().isoformat()
    decree = {"sk_number": f"800/{mutation_id[:6]}/BKD/2026", "sk_date": today, "tmt": today}
    await _step(p, f"{path}/decree", decree, PPK)
    return mutation_id


async def _step(p: Any, url: str, body: dict[str, Any], headers: dict[str, str]) -> None:
    r = await p.client.post(url, json=body, headers=headers)
    assert r.status_code == 200, r.text


async def _objection_step(p: Any, mutation_id: str) -> dict[str, Any] | None:
    """The OBJECTED step of the transfer's timeline, once the read model shows it."""
    r = await p.client.get(f"{p.system.url('mutation')}/mutations/{mutation_id}", headers=PPK)
    assert r.status_code == 200, r.text
    steps = [s for s in r.json()["timeline"] if s["step"] == "OBJECTED"]
    assert len(steps) <= 1, steps
    return steps[0] if steps else None


async def _objection_sealed_for_good(p: Any, mutation_id: str) -> bool:
    """The mutation service heard of the erasure: the objection no longer opens."""
    step = await _objection_step(p, mutation_id)
    return step is not None and step["reason"] is None


async def _evaluated_with_notes(p: Any, plan: dict[str, Any]) -> str | None:
    """The head of the new school records the first checkpoint, with notes about her; 409
    until evaluation holds her data key (the notes are stored only sealed)."""
    r = await p.client.post(
        f"{p.system.url('evaluation')}/evaluations",
        json={
            "nip": NIP,
            "kind": "CHECKPOINT",
            "checkpoint_id": plan["checkpoints"][0]["checkpoint_id"],
            "hasil_kerja": "SESUAI",
            "perilaku_kerja": "SESUAI",
            "evaluator_nip": HEAD_NIP,
            "adaptation": {
                "understands_new_duties": True,
                "works_with_team": True,
                "needs_training": False,
                "notes": NOTES,
            },
        },
        headers=acting(HEAD_NIP, "evaluator", units=[p.id("sma-2")]),
    )
    if r.status_code == 409 and r.json().get("rule") == "personal_data_key_unavailable":
        return None
    assert r.status_code == 201, r.text
    return str(r.json()["evaluation_id"])


async def _evaluation(p: Any, evaluation_id: str) -> dict[str, Any] | None:
    """The evaluation as read, once projected."""
    r = await p.client.get(f"{p.system.url('evaluation')}/evaluations/{evaluation_id}")
    return r.json() if r.status_code == 200 else None  # type: ignore[no-any-return]


async def _notes_sealed_for_good(p: Any, evaluation_id: str) -> bool:
    """The evaluation service heard of the erasure: the notes no longer open."""
    evaluation = await _evaluation(p, evaluation_id)
    return evaluation is not None and evaluation["adaptation"]["notes"] is None


async def import_her_simpeg_row(p: Any, email: str) -> None:
    """Her row of a SIMPEG export, with columns the import does not read."""
    row = {
        "nip": NIP,
        "nama": "Ratna Dewi Anggraini, S.Pd.",
        "jenis_kelamin": "P",
        "tanggal_lahir": BIRTH_DATE,
        "status_pegawai": "AKTIF",
        "gol_ruang": "III/b",
        "unor_id": p.id("sma-1"),
        "jabatan_id": p.id("guru-mat-1"),
        "tmt_jabatan": "2019-01-02",
        "pendidikan_tingkat": "S1",
        "pendidikan_jurusan": "Pendidikan Matematika",
        "email": email,
        "no_hp": PHONE,
        "nik": NIK,
        "alamat": ADDRESS,
        "tempat_lahir": BIRTHPLACE,
    }
    url = f"{p.system.url('personnel')}/imports"
    r = await p.client.post(url, json={"employees": [row]}, headers=OPERATOR)
    assert r.status_code == 202, r.text
    job_id = r.json()["job_id"]

    async def done() -> bool:
        job = await p.client.get(f"{url}/{job_id}", headers=OPERATOR)
        assert job.status_code == 200, job.text
        return bool(job.json()["status"] == "DONE")

    await eventually(done, timeout=60)


async def forge_a_personal_event(system: System, email: str) -> None:
    """An `EmployeeRegistered` v1 (personal fields in plaintext) claiming to come from the
    mutation service, on personnel's topic: every consumer of that topic dead-letters it."""
    value = (
        f'{{"nip":"{NIP}","name":"Ratna","gender":"F","birth_date":"{BIRTH_DATE}",'
        f'"contact":{{"email":"{email}","phone":"{PHONE}"}},"alamat":"{ADDRESS}"}}'
    ).encode()
    headers = binary_headers(
        id=FORGED_ID,
        source="/rangkui/mutation",
        type="rangkui.personnel.EmployeeRegistered.v1",
        time=datetime(2026, 1, 5, tzinfo=UTC),  # the forgery's claimed time
        subject=f"employee-{NIP}",
        correlationid="forged",
        causationid=None,
        actor="attacker",
        streamversion=None,
    )
    topic = next(t for t in TOPICS if t.name == "rangkui.personnel.events")
    await produce_raw(
        system.infra.kafka_bootstrap,
        topic.qualified(system.topic_prefix),
        key=f"employee-{NIP}".encode(),
        value=value,
        headers=headers,
    )


async def register(p: Any, nip: str, name: str, email: str) -> None:
    r = await p.client.post(
        f"{p.system.url('personnel')}/employees",
        json={
            "nip": nip,
            "name": name,
            "gender": "F",
            "birth_date": BIRTH_DATE,
            "grade": "III/b",
            "unit_id": p.id("sma-1"),
            "position_id": p.id("guru-mat-1"),
            "tmt_position": "2019-01-02",
            "education": [{"level": "S1", "field": "Pendidikan Matematika"}],
            "contact": {"email": email, "phone": PHONE},
        },
        headers=OPERATOR,
    )
    assert r.status_code == 201, r.text


async def _moved(p: Any) -> bool:
    return (await p.employee(NIP)).get("unit_id") == p.id("sma-2")


def _database_url(system: System, service: str) -> str:
    return system.services[service].env[f"{service.upper()}_DATABASE_URL"]


class _connect:
    """A direct connection to one service's database (what an attacker or an auditor with
    database access would read)."""

    def __init__(self, system: System, service: str) -> None:
        self.url = _database_url(system, service)

    async def __aenter__(self) -> asyncpg.Connection:
        self.conn = await asyncpg.connect(self.url)
        return self.conn

    async def __aexit__(self, *_: object) -> None:
        await self.conn.close()


async def _erasure_reached_notification(system: System) -> bool:
    async with _connect(system, "notification") as db:
        return bool(await db.fetchval("SELECT count(*) FROM directory_erased WHERE nip = $1", NIP))


async def _rebuild_everything(client: httpx.AsyncClient, url: str) -> list[str]:
    """Rebuild every projection the service lists; reactions (404: not rebuildable) keep
    their state, which the table scan covers as well."""
    r = await client.get(f"{url}/admin/consumers", headers=OPERATOR)
    assert r.status_code == 200, r.text
    rebuilt = []
    for consumer in r.json():
        name = consumer["name"]
        answer = await client.post(f"{url}/admin/projections/{name}/rebuild", headers=OPERATOR)
        assert answer.status_code in (202, 404), answer.text
        if answer.status_code == 202:
            rebuilt.append(name)
    return rebuilt


async def _caught_up(client: httpx.AsyncClient, system: System, service: str) -> bool:
    """Every consumer of the service has stored a position at the end of each partition of
    each of its topics (the stored positions are what a rebuild empties)."""
    r = await client.get(f"{system.url(service)}/admin/consumers", headers=OPERATOR)
    consumers = r.json()
    async with _connect(system, service) as db:
        for consumer in consumers:
            stored = {
                (row["topic"], row["partition"]): row["next_offset"]
                for row in await db.fetch(
                    "SELECT topic, partition, next_offset FROM consumer_offsets "
                    "WHERE consumer = $1",
                    consumer["name"],
                )
            }
            for topic in consumer["topics"]:
                for partition, end in (
                    await _end_offsets(system.infra.kafka_bootstrap, topic)
                ).items():
                    if end > 0 and stored.get((topic, partition), 0) < end:
                        return False
    return True


async def _end_offsets(bootstrap: str, topic: str) -> dict[int, int]:
    """The current end of each partition of `topic` (a consumer without a group is assigned
    every partition of what it subscribes to)."""
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap)
    await consumer.start()
    try:
        partitions = list(consumer.assignment())
        assert partitions, f"{topic} has no partitions: does it exist?"
        ends = await consumer.end_offsets(partitions)
        return {tp.partition: offset for tp, offset in ends.items()}
    finally:
        await consumer.stop()


async def _read_all(bootstrap: str, topic: str) -> list[Any]:
    """Every record of a topic, from the beginning to its current end."""
    total = sum((await _end_offsets(bootstrap, topic)).values())
    records = await read_topic(bootstrap, topic, expect=total, timeout=30) if total else []
    assert len(records) >= total, f"{topic}: read {len(records)} of {total} records"
    return records


async def _audited(client: httpx.AsyncClient, url: str) -> set[str]:
    """The types of every event the service's audit API lists for the employee (all pages)."""
    types: set[str] = set()
    after: int | None = None
    while True:
        params: dict[str, Any] = {"nip": NIP, "limit": 1000}
        if after is not None:
            params["after"] = after
        r = await client.get(f"{url}/audit/events", params=params, headers=AUDITOR)
        assert r.status_code == 200, r.text
        page = r.json()
        types |= {e["type"] for e in page["events"]}
        after = page.get("next_after")
        if after is None:
            return types
