"""The event-sourcing kit that every Rangkui service uses the same way.

- `store`: append-only event store with optimistic concurrency, and a transactional outbox.
- `outbox`: the relay that publishes committed events to Kafka, in order per stream.
- `consumer`: runs projections and reactions with exactly-once effects in PostgreSQL.
- `deadletter`: where messages that cannot be handled go, with the reason.
- `decider`: the load -> decide -> append loop for pure deciders.
- `http`, `runtime`, `settings`, `logging`, `migrations`: the service chassis.
"""

from rangkui_eventkit.errors import ConcurrencyConflict, NotFound, RuleViolated

__all__ = ["ConcurrencyConflict", "NotFound", "RuleViolated"]
