"""Webhooks against a real HTTP receiver on loopback that verifies the signatures: a receiver
down for a while, then up, gets every delivery once and in order per transfer."""

from __future__ import annotations

from datetime import date
from typing import Any

import asyncpg
import httpx
import pytest

from rangkui_contracts.events.mutation import (
    MutationApproved,
    MutationEffective,
    MutationProposed,
    MutationRejected,
)
from rangkui_eventkit.testing.auth import acting, bearer
from rangkui_eventkit.testing.plugin import eventually, serve_in_process
from rangkui_notification.bootstrap import create_app
from rangkui_notification.settings import NotificationSettings

from .conftest import EMPLOYEE, HEAD_TARGET, Publish, Receiver

pytestmark = [pytest.mark.integration, pytest.mark.slow]

OTHER = "199001012015011001"


def proposed(m: str, nip: str) -> MutationProposed:
    return MutationProposed(
        mutation_id=m, nip=nip, from_unit_id="SMA1", from_position_id="GURU-1",
        to_unit_id="SMA2", to_position_id="GURU-2", kind="NEED_BASED",
        reason="Kekurangan guru", proposed_by="operator",
    )  # fmt: skip


def webhook_settings(settings: NotificationSettings) -> NotificationSettings:
    return settings.model_copy(
        update={
            "webhook_backoff_base_s": 0.1,
            "webhook_backoff_max_s": 0.4,
            "webhook_max_attempts": 100,
            "delivery_poll_interval_s": 0.05,
            "webhook_signing_key": "test-signing-key",
        }
    )


async def subscription(client: httpx.AsyncClient, sub_id: str) -> dict[str, Any]:
    r = await client.get(f"/webhooks/subscriptions/{sub_id}")
    return r.json() if r.status_code == 200 else {}


async def test_a_receiver_down_then_up_gets_every_event_once_in_order_per_transfer(
    settings: NotificationSettings, publish: Publish, receiver: Receiver, db: asyncpg.Connection
) -> None:
    async with serve_in_process(create_app(webhook_settings(settings))) as client:
        r = await client.post(
            "/webhooks/subscriptions",
            json={"url": receiver.url, "event_types": ["rangkui.mutation.Mutation*"]},
            headers=acting("admin.bkd", "bkd_operator"),
        )
        assert r.status_code == 201, r.text
        sub = r.json()
        receiver.secret = sub["secret"]
        await eventually(lambda: subscription(client, sub["subscription_id"]))

        approved = MutationApproved(
            mutation_id="M-1", nip=EMPLOYEE, to_unit_id="SMA2", to_position_id="GURU-2",
            approved_by="ppk",
        )  # fmt: skip
        m1 = [
            await publish(proposed("M-1", EMPLOYEE), "mutation-M-1"),
            await publish(approved, "mutation-M-1"),
        ]
        m2 = [
            await publish(proposed("M-2", OTHER), "mutation-M-2"),
            await publish(
                MutationRejected(mutation_id="M-2", nip=OTHER, rejected_by="ppk", reasons="Tidak"),
                "mutation-M-2",
            ),
        ]
        m1.append(
            await publish(
                MutationEffective(
                    mutation_id="M-1", nip=EMPLOYEE, from_unit_id="SMA1",
                    from_position_id="GURU-1", to_unit_id="SMA2", to_position_id="GURU-2",
                    tmt=date(2026, 12, 1),
                ),
                "mutation-M-1",
            )
        )  # fmt: skip
        # Redelivered without a stream version (past the kit's filter): still one delivery.
        again = m1[1].model_copy(update={"streamversion": None})
        await publish(approved, "mutation-M-1", envelope=again)

        async def failing() -> bool:
            health = await subscription(client, sub["subscription_id"])
            return health.get("failures_in_row", 0) >= 3

        await eventually(failing, timeout=20)
        assert receiver.received == []
        await receiver.up()

        await eventually(lambda: len(receiver.received) == 5, timeout=30)
        healthy = await eventually(lambda: _healthy(client, sub["subscription_id"]), timeout=10)
        assert healthy["last_success_at"] is not None

    assert receiver.rejected == []
    ids = [e["id"] for e in receiver.received]
    assert len(set(ids)) == 5
    for transfer in (m1, m2):
        got = [e["id"] for e in receiver.received if e["subject"] == transfer[0].subject]
        assert got == [env.id for env in transfer]
    first = receiver.received[0]
    assert first["specversion"] == "1.0"
    assert first["type"] == "rangkui.mutation.MutationProposed.v1"
    assert first["source"] == "/rangkui/mutation"
    assert first["data"]["mutation_id"] in ("M-1", "M-2")
    failed_attempts = await db.fetchval(
        "SELECT count(*) FROM events WHERE event_type = $1",
        "rangkui.notification.DeliveryAttemptFailed.v1",
    )
    assert failed_attempts >= 3


async def _healthy(client: httpx.AsyncClient, sub_id: str) -> dict[str, Any] | None:
    health = await subscription(client, sub_id)
    return health if health.get("failures_in_row") == 0 and health.get("last_success_at") else None


async def test_filters_pick_event_types_and_an_ended_subscription_gets_nothing_new(
    settings: NotificationSettings, publish: Publish, receiver: Receiver
) -> None:
    await receiver.up()
    async with serve_in_process(create_app(webhook_settings(settings))) as client:
        bad = await client.post(
            "/webhooks/subscriptions",
            json={"url": receiver.url, "event_types": ["rangkui.mutation.Nope.v1"]},
        )
        assert bad.status_code == 422
        r = await client.post(
            "/webhooks/subscriptions",
            json={"url": receiver.url, "event_types": ["rangkui.mutation.MutationRejected.v1"]},
        )
        sub = r.json()
        receiver.secret = sub["secret"]
        await eventually(lambda: subscription(client, sub["subscription_id"]))

        await publish(proposed("M-3", HEAD_TARGET), "mutation-M-3")
        rejected = await publish(
            MutationRejected(mutation_id="M-3", nip=HEAD_TARGET, rejected_by="ppk", reasons="x"),
            "mutation-M-3",
        )
        await eventually(lambda: len(receiver.received) == 1)
        assert receiver.received[0]["id"] == rejected.id

        gone = await client.delete(f"/webhooks/subscriptions/{sub['subscription_id']}")
        assert gone.status_code == 204
        await eventually(lambda: _inactive(client, sub["subscription_id"]))
        await publish(
            MutationRejected(mutation_id="M-4", nip=HEAD_TARGET, rejected_by="ppk", reasons="y"),
            "mutation-M-4",
        )
        await publish(proposed("M-5", HEAD_TARGET), "mutation-M-5")
        log = await eventually(lambda: _consumed_all(client))
        assert len(log) == 1
        assert len(receiver.received) == 1


async def _inactive(client: httpx.AsyncClient, sub_id: str) -> bool:
    return (await subscription(client, sub_id)).get("active") is False


async def _consumed_all(client: httpx.AsyncClient) -> list[dict[str, Any]] | None:
    consumers = (await client.get("/admin/consumers")).json()
    webhooks = next(c for c in consumers if c["name"] == "webhooks")
    if webhooks["applied"] < 4:
        return None
    return (await client.get("/deliveries", params={"channel": "WEBHOOK"})).json()


def _client_of(system: str) -> dict[str, str]:
    """An integration client's client-credentials token (its `azp` names the system)."""
    return bearer(roles=["integration"], sub=f"service-account-{system}", client_id=system)


async def test_an_integration_client_sees_and_ends_only_its_own_subscriptions(
    settings: NotificationSettings, receiver: Receiver
) -> None:
    simpeg, sikda = _client_of("simpeg"), _client_of("sikda")
    body = {"url": receiver.url, "event_types": ["rangkui.mutation.MutationEffective.v1"]}
    async with serve_in_process(create_app(webhook_settings(settings))) as client:
        ours = (await client.post("/webhooks/subscriptions", json=body, headers=simpeg)).json()
        theirs = (await client.post("/webhooks/subscriptions", json=body, headers=sikda)).json()
        await eventually(lambda: subscription(client, theirs["subscription_id"]))
        await eventually(lambda: subscription(client, ours["subscription_id"]))

        listed = await client.get("/webhooks/subscriptions", headers=simpeg)
        peek = await client.get(
            f"/webhooks/subscriptions/{theirs['subscription_id']}", headers=simpeg
        )
        end_theirs = await client.delete(
            f"/webhooks/subscriptions/{theirs['subscription_id']}", headers=simpeg
        )
        end_ours = await client.delete(
            f"/webhooks/subscriptions/{ours['subscription_id']}", headers=simpeg
        )
        operator_sees = await client.get(
            "/webhooks/subscriptions", headers=acting("admin.bkd", "bkd_operator")
        )
        evaluations = {**body, "event_types": ["rangkui.evaluation.*"]}
        not_entitled = await client.post(
            "/webhooks/subscriptions", json=evaluations, headers=simpeg
        )
    assert not_entitled.status_code == 403, not_entitled.text
    assert not_entitled.json()["rule"] == "webhook_events_not_entitled"
    assert [s["subscription_id"] for s in listed.json()] == [ours["subscription_id"]]
    assert peek.status_code == 404
    assert end_theirs.status_code == 404
    assert end_ours.status_code == 204
    assert {s["subscription_id"] for s in operator_sees.json()} == {
        ours["subscription_id"],
        theirs["subscription_id"],
    }
