"""Prometheus metrics the kit exposes on each service's `/metrics`."""

from __future__ import annotations

from prometheus_client import Counter, Enum, Gauge

OUTBOX_BACKLOG = Gauge(
    "rangkui_outbox_backlog", "Events committed but not yet acknowledged by Kafka", ["service"]
)
OUTBOX_PUBLISHED = Counter(
    "rangkui_outbox_published_total", "Events published by the outbox relay", ["service"]
)
OUTBOX_QUARANTINED = Counter(
    "rangkui_outbox_quarantined_total",
    "Events the broker refused as too large, moved to outbox_quarantine (alert on any)",
    ["service"],
)
CONSUMER_LAG = Gauge(
    "rangkui_consumer_lag",
    "Records behind the end of the partition",
    ["service", "consumer", "topic", "partition"],
)
EVENTS_CONSUMED = Counter(
    "rangkui_events_consumed_total", "Records processed by a consumer", ["service", "consumer"]
)
DEAD_LETTERS = Counter(
    "rangkui_dead_letters_total", "Records sent to the dead-letter topic", ["service", "consumer"]
)
WORKER_STATE = Enum(
    "rangkui_worker_state",
    "State of a background loop (consumer, relay, scheduler, worker) under supervision",
    ["service", "worker"],
    states=["running", "restarting", "stopped"],
)
WORKER_RESTARTS = Counter(
    "rangkui_worker_restarts_total",
    "Background loops restarted after they died",
    ["service", "worker"],
)
