"""The people who must act are told, and nobody about a proposal they never heard of,
against the real Kafka and PostgreSQL: a complete file reaches the TPK's inbox; the
cancellation of a proposal the BKD made is told to the heads only; the rejection of an
employee's own request is told to the employee."""

from __future__ import annotations

import asyncpg
import httpx
import pytest

from rangkui_contracts.events.mutation import (
    DocumentItem,
    MutationCancelled,
    MutationDocumentsChecked,
    MutationProposed,
    MutationRejected,
)
from rangkui_eventkit.testing.plugin import eventually, serve_in_process
from rangkui_notification.bootstrap import create_app
from rangkui_notification.settings import NotificationSettings

from .conftest import EMPLOYEE, HEAD_ORIGIN, Publish, directory_ready, seed_province

pytestmark = pytest.mark.integration
MOVE = dict(
    nip=EMPLOYEE, from_unit_id="SMA1", from_position_id="GURU-1", to_unit_id="SMA2",
    to_position_id="GURU-2",
)  # fmt: skip


async def subjects(client: httpx.AsyncClient, recipient: str) -> list[str]:
    r = await client.get(f"/inbox/{recipient}")
    assert r.status_code == 200, r.text
    return sorted(n["subject"] for n in r.json())


async def test_the_tpk_hears_of_a_complete_file_and_the_employee_of_no_unknown_proposal(
    settings: NotificationSettings, publish: Publish, db: asyncpg.Connection
) -> None:
    async with serve_in_process(create_app(settings)) as client:
        await seed_province(publish)
        await eventually(lambda: directory_ready(db))
        bkd_made = [
            MutationProposed(
                mutation_id="M-9", **MOVE, kind="NEED_BASED", reason="Kekurangan guru",
                proposed_by="operator.bkd",
            ),
            MutationDocumentsChecked(
                mutation_id="M-9", nip=EMPLOYEE, checked_by="operator.bkd", complete=True,
                items=[DocumentItem(code="REQUEST_LETTER", present=True, reference="1/2026")],
            ),
            MutationCancelled(
                mutation_id="M-9", nip=EMPLOYEE, reason="Formasi terisi", cancelled_by="bkd"
            ),
        ]  # fmt: skip
        for e in bkd_made:
            await publish(e, "mutation-M-9")
        own_request = [
            MutationProposed(
                mutation_id="M-10", **MOVE, kind="OWN_REQUEST", reason="Ikut suami",
                proposed_by=EMPLOYEE,
            ),
            MutationRejected(
                mutation_id="M-10", nip=EMPLOYEE, rejected_by="ppk", reasons="Belum 2 tahun"
            ),
        ]  # fmt: skip
        for e in own_request:
            await publish(e, "mutation-M-10")
        review_skipped = [
            MutationProposed(
                mutation_id="M-11", **MOVE, kind="ROTATION", reason="Rotasi",
                proposed_by="operator.bkd",
            ),
            MutationDocumentsChecked(
                mutation_id="M-11", nip=EMPLOYEE, checked_by="operator.bkd", complete=True,
                ready_for="DECISION", items=[],
            ),
        ]  # fmt: skip
        for e in review_skipped:
            await publish(e, "mutation-M-11")

        async def origin_told_everything() -> list[str] | None:
            found = await subjects(client, HEAD_ORIGIN)
            return found if len(found) == 5 else None  # 3 proposals, a cancellation, a rejection

        told = await eventually(origin_told_everything, timeout=30)
        assert "Mutasi dibatalkan: Siti Rahma" in told
        assert await subjects(client, "TPK") == [
            f"Berkas usulan mutasi siap dinilai TPK: Siti Rahma (NIP {EMPLOYEE})"
        ]

        async def ppk_told() -> list[str] | None:  # M-11's check follows its proposal
            found = await subjects(client, "PPK")
            return found or None

        assert await eventually(ppk_told, timeout=30) == [
            f"Usulan mutasi siap diputuskan: Siti Rahma (NIP {EMPLOYEE})"
        ]
        # Of the BKD's proposal the employee heard nothing, not even of its end; of their
        # own request they hear the answer.
        assert await subjects(client, EMPLOYEE) == ["Usulan mutasi Anda tidak disetujui"]
