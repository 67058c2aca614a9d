"""Acceptance: one transfer driven from proposal to effective, then monitored, gives each
party exactly the notices of issue 6, in the inbox, by e-mail (respecting preferences) and
at a webhook receiver that verifies signatures."""

from __future__ import annotations

from datetime import date

import asyncpg
import httpx
import pytest

from rangkui_contracts.events.evaluation import (
    Checkpoint,
    EvaluationRecordedV2,
    MonitoringScheduled,
)
from rangkui_contracts.events.mutation import (
    MutationApproved,
    MutationDecreed,
    MutationEffective,
    MutationProposed,
)
from rangkui_eventkit.testing.plugin import eventually, serve_in_process
from rangkui_notification.bootstrap import create_app
from rangkui_notification.settings import NotificationSettings

from .conftest import (
    EMPLOYEE,
    HEAD_ORIGIN,
    HEAD_TARGET,
    Mailbox,
    Publish,
    Receiver,
    directory_ready,
    seed_province,
    with_email,
)

pytestmark = [pytest.mark.integration, pytest.mark.slow]
MOVE = dict(
    mutation_id="M-1", nip=EMPLOYEE, from_unit_id="SMA1", from_position_id="GURU-1",
    to_unit_id="SMA2", to_position_id="GURU-2",
)  # fmt: skip


async def inbox_subjects(client: httpx.AsyncClient, recipient: str) -> list[str]:
    r = await client.get(f"/inbox/{recipient}")
    assert r.status_code == 200, r.text
    return sorted(n["subject"] for n in r.json())


async def test_one_transfer_from_proposal_to_effective_tells_each_party_exactly_once(
    settings: NotificationSettings,
    publish: Publish,
    db: asyncpg.Connection,
    smtp: tuple[Mailbox, int],
    receiver: Receiver,
) -> None:
    mailbox, port = smtp
    await receiver.up()
    app = create_app(
        with_email(
            settings, port, webhook_signing_key="k", webhook_backoff_base_s=0.1,
        )
    )  # fmt: skip
    async with serve_in_process(app) as client:
        pref = await client.put(f"/preferences/{HEAD_TARGET}", json={"email": False})
        assert pref.status_code == 200, pref.text
        sub = (
            await client.post(
                "/webhooks/subscriptions",
                json={"url": receiver.url, "event_types": ["rangkui.mutation.*"]},
            )
        ).json()
        receiver.secret = sub["secret"]

        async def ready() -> bool:
            p = (await client.get(f"/preferences/{HEAD_TARGET}")).json()
            s = (await client.get("/webhooks/subscriptions")).json()
            return p == {"email": False} and len(s) == 1

        await eventually(ready)
        await seed_province(publish)
        await eventually(lambda: directory_ready(db))

        flow = [
            MutationProposed(
                **MOVE, kind="NEED_BASED", reason="Kekurangan guru matematika",
                proposed_by="operator",
            ),
            MutationApproved(
                mutation_id="M-1", nip=EMPLOYEE, to_unit_id="SMA2", to_position_id="GURU-2",
                approved_by="ppk", reasons="Sesuai kebutuhan",
            ),
            MutationDecreed(
                mutation_id="M-1", nip=EMPLOYEE, sk_number="800/17/BKD/2026",
                sk_date=date(2026, 11, 20), tmt=date(2026, 12, 1), decreed_by="ppk",
            ),
            MutationEffective(**MOVE, tmt=date(2026, 12, 1), sk_number="800/17/BKD/2026"),
        ]  # fmt: skip
        published = [await publish(e, "mutation-M-1") for e in flow]
        await publish(
            MonitoringScheduled(
                plan_id="P-1", mutation_id="M-1", nip=EMPLOYEE, unit_id="SMA2",
                position_id="GURU-2", evaluator_nip=HEAD_TARGET, tmt=date(2026, 12, 1),
                checkpoints=[
                    Checkpoint(checkpoint_id="C3", months_after=3, due_date=date(2027, 3, 1))
                ],
            ),
            "plan-P-1",
        )  # fmt: skip
        await publish(
            EvaluationRecordedV2(  # as evaluation records it now (notes, if any, sealed)
                evaluation_id="E-1", nip=EMPLOYEE, kind="CHECKPOINT",
                period_start=date(2026, 12, 1), period_end=date(2027, 3, 1),
                hasil_kerja="SESUAI", perilaku_kerja="SESUAI", predikat="BAIK",
                evaluator_nip=HEAD_TARGET, plan_id="P-1", checkpoint_id="C3",
            ),
            "evaluation-E-1",
        )  # fmt: skip

        async def everything_delivered() -> bool:
            rows = (await client.get("/deliveries", params={"limit": 1000})).json()
            pending = [d for d in rows if d["status"] not in ("DISPATCHED", "SKIPPED")]
            return len(rows) == 30 and not pending  # 5 + 7 + 7 + 7 + 2 + 2

        await eventually(everything_delivered, timeout=30)

        employee = await inbox_subjects(client, EMPLOYEE)
        assert employee == sorted(
            [
                "Anda akan dimutasi ke SMA Negeri 2 Tanjung Batu",  # the BKD proposed it
                "SK mutasi Anda telah terbit: berlaku mulai 1 Desember 2026",
                "Mutasi Anda berlaku mulai 1 Desember 2026",
            ]
        )
        for head in (HEAD_ORIGIN, HEAD_TARGET):
            subjects = await inbox_subjects(client, head)
            expected = 4 + (1 if head == HEAD_TARGET else 0)  # the evaluator's plan
            assert len(subjects) == expected, subjects
            assert "Usulan mutasi: Siti Rahma ke SMA Negeri 2 Tanjung Batu" in subjects
        assert "Jadwal pemantauan kinerja pascamutasi: Siti Rahma" in await inbox_subjects(
            client, HEAD_TARGET
        )
        assert await inbox_subjects(client, "BKD") == [
            "Hasil penilaian kinerja pemantauan pascamutasi: Siti Rahma (Baik)"
        ]

        assert len(mailbox.to("siti@example.id")) == 3
        assert len(mailbox.to("budi@example.id")) == 4
        assert mailbox.to("dewi@example.id") == []  # opted out of e-mail
        assert len(mailbox.to("bkd@rangkui.test")) == 1
        opted_out = (
            await client.get("/deliveries", params={"recipient": HEAD_TARGET, "channel": "EMAIL"})
        ).json()
        assert {(d["status"], d["last_error"]) for d in opted_out} == {("SKIPPED", "OPTED_OUT")}
        decree = next(m for m in mailbox.to("siti@example.id") if "SK mutasi" in m["Subject"])
        assert "Nomor SK     : 800/17/BKD/2026" in decree.get_content()

    assert [e["id"] for e in receiver.received] == [p.id for p in published]
    assert receiver.rejected == []
