"""Template previews over HTTP: a sample event, or a supplied one resolved against the
service's own directory."""

from __future__ import annotations

import asyncpg
import pytest

from rangkui_eventkit.testing.plugin import eventually, serve_in_process
from rangkui_notification.bootstrap import create_app
from rangkui_notification.settings import NotificationSettings

from .conftest import EMPLOYEE, HEAD_TARGET, Publish, directory_ready, seed_province

pytestmark = pytest.mark.integration


async def test_previews_render_a_sample_or_a_supplied_event(
    settings: NotificationSettings, publish: Publish, db: asyncpg.Connection
) -> None:
    async with serve_in_process(create_app(settings)) as client:
        listed = (await client.get("/templates")).json()
        assert {
            "template": "mutation_effective",
            "event_type": "rangkui.mutation.MutationEffective.v1",
        } in listed

        assert {
            "template": "checkpoint_due_soon",
            "event_type": "rangkui.evaluation.MonitoringScheduled.v1",
        } in listed
        reminder = await client.post("/templates/checkpoint_due_soon/preview", json={"role": "bkd"})
        assert reminder.status_code == 200, reminder.text
        assert reminder.json()[0]["subject"].startswith("Pengingat: penilaian pemantauan")
        assert "Mohon tetapkan penilai" in reminder.json()[0]["body"]

        sample = await client.post("/templates/mutation_socialized/preview")
        assert sample.status_code == 200, sample.text
        [notice] = sample.json()
        assert notice["role"] == "employee"
        assert "berhak mengajukan keberatan" in notice["body"]

        await seed_province(publish)
        await eventually(lambda: directory_ready(db))
        data = {
            "plan_id": "P-9",
            "mutation_id": "M-9",
            "nip": EMPLOYEE,
            "unit_id": "SMA2",
            "position_id": "GURU-2",
            "evaluator_nip": HEAD_TARGET,
            "tmt": "2026-12-01",
            "checkpoints": [{"checkpoint_id": "C3", "months_after": 3, "due_date": "2027-03-01"}],
        }
        real = await client.post("/templates/monitoring_scheduled/preview", json={"data": data})
        assert real.status_code == 200, real.text
        [notice] = real.json()
        assert notice["recipient"] == HEAD_TARGET
        assert notice["body"].startswith("Yth. Dewi Lestari,")
        assert "Guru Matematika, SMA Negeri 2 Tanjung Batu" in notice["body"]
        assert "1 Maret 2027" in notice["body"]

        bad = await client.post(
            "/templates/monitoring_scheduled/preview", json={"data": {"nip": "1"}}
        )
        assert bad.status_code == 422
        assert bad.json()["rule"] == "invalid_sample_event"
        unknown = await client.post("/templates/nothing/preview")
        assert unknown.status_code == 404
