"""CPU cost per event of each step of the kit's hot paths, without I/O (process CPU time).

The throughput benchmarks measure wall-clock time on a machine that others share; this one
measures CPU microseconds per event of the Python work the kit does per event, which is what
bounds the relay and the rebuild on one core, and compares each step with a cheaper way to
do the same work (the proposed changes in docs/benchmarks.md, "Findings"). It needs no
Kafka or PostgreSQL.

    .venv/bin/python -m bench.costs [--smoke] [--iterations N]
"""

from __future__ import annotations

import json
import time
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, cast

from bench.common import Report, employee, machine_info, parser, quiet_logs
from bench.rebuild import EmployeeDirectory, _fast_parse_event
from rangkui_contracts import Envelope, parse_event
from rangkui_contracts.events.personnel import EmployeeRegistered
from rangkui_contracts.registry import event_class
from rangkui_eventkit.auth.dev import DEV_AUDIENCE, DEV_ISSUER, dev_jwks, mint_token
from rangkui_eventkit.auth.verifier import KeySet, TokenVerifier, TrustedIssuer, static_jwks
from rangkui_eventkit.context import Cause
from rangkui_eventkit.handlers import BatchContext, Received
from rangkui_eventkit.personal_data import new_data_key, new_key_id, open_sealed, seal
from rangkui_eventkit.store import StreamWrite, _envelopes, _metadata_json, envelope_from_row


def cpu_us(fn: Callable[[], Any], iterations: int) -> float:
    """CPU microseconds per call of `fn` (best of three runs, after a warm-up)."""
    for _ in range(min(200, iterations)):
        fn()
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        for _ in range(iterations):
            fn()
        best = min(best, time.process_time() - started)
    return best / iterations * 1e6


def _row_from(env: Envelope, position: int) -> dict[str, Any]:
    """An outbox row as the relay's query returns it (jsonb decoded by the pool codec)."""
    return {
        "position": position,
        "topic": "rangkui.personnel.events",
        "global_position": position,
        "stream_id": env.subject,
        "version": env.streamversion,
        "event_id": env.id,
        "event_type": env.type,
        "data": json.loads(json.dumps(env.data)),
        "data_text": json.dumps(env.data),  # what `data::text` would return
        "metadata": json.loads(_metadata_json(env)),
        "recorded_at": env.time,
    }


def relay_record_via_envelope(
    row: dict[str, Any],
) -> tuple[bytes, bytes, list[tuple[str, bytes]]]:
    """Row -> record through the `Envelope` model (decoded jsonb, validated model, JSON
    encoded again): the relay's way until the kit's row-direct change."""
    env = envelope_from_row(row)
    return env.kafka_key(), env.kafka_value(), env.kafka_headers()


def relay_record_row_direct(
    row: dict[str, Any],
) -> tuple[bytes, bytes, list[tuple[str, bytes]]]:
    """The same key, value and headers straight from the row: `data::text` (no decode and
    re-encode of the payload) and no Envelope model (the row was validated when written)."""
    meta = row["metadata"]
    subject = row["stream_id"].encode()
    headers = [
        ("ce_id", str(row["event_id"]).encode()),
        ("ce_source", meta["source"].encode()),
        ("ce_specversion", b"1.0"),
        ("ce_type", row["event_type"].encode()),
        ("ce_time", row["recorded_at"].isoformat().replace("+00:00", "Z").encode()),
        ("ce_subject", subject),
        ("content-type", b"application/json"),
        ("ce_correlationid", meta["correlationid"].encode()),
        ("ce_actor", meta["actor"].encode()),
        ("ce_streamversion", str(row["version"]).encode()),
    ]
    if meta.get("causationid"):
        headers.append(("ce_causationid", meta["causationid"].encode()))
    return subject, row["data_text"].encode(), headers


def main(argv: list[str] | None = None) -> int:
    p = parser(__doc__.splitlines()[0])
    p.add_argument("--iterations", type=int, default=5000)
    args = p.parse_args(argv)
    if args.smoke:
        args.iterations = 200
    quiet_logs()
    n = args.iterations
    report = Report("costs", {"iterations": n})
    cause = Cause.new("bench")
    event = employee(7)
    no_email = EmployeeRegistered.model_validate(
        {**event.model_dump(), "contact": {"phone": "0812000000"}}
    )
    writes = [StreamWrite("employee-7", 0, [event])]
    env = _envelopes(writes, cause, "/rangkui/personnel")[0].envelope
    row = _row_from(env, 1)
    key, value, headers = env.kafka_key(), env.kafka_value(), env.kafka_headers()
    data = env.data
    data_no_email = no_email.model_dump(mode="json")
    ce_type = env.type

    # append: per event, inside PostgresEventStore.append
    report.figure(
        "append.envelopes_us",
        cpu_us(lambda: _envelopes(writes, cause, "/rangkui/personnel"), n),
        "us/event",
    )
    # relay: row -> Kafka record
    via_envelope_us = cpu_us(lambda: relay_record_via_envelope(row), n)
    row_direct_us = cpu_us(lambda: relay_record_row_direct(row), n)
    report.figure("relay.row_to_record_via_envelope_us", via_envelope_us, "us/event")
    report.figure("relay.row_to_record_row_direct_us", row_direct_us, "us/event")
    report.figure(
        "relay.jsonb_decode_us", cpu_us(lambda: json.loads(row["data_text"]), n), "us/event"
    )
    # consumer: Kafka record -> Received
    report.figure(
        "consume.envelope_from_kafka_us",
        cpu_us(lambda: Envelope.from_kafka(key, value, headers), n),
        "us/event",
    )
    report.figure(
        "consume.parse_event_us", cpu_us(lambda: parse_event(ce_type, data), n), "us/event"
    )
    report.figure(
        "consume.parse_event_proposed_us",
        cpu_us(lambda: _fast_parse_event(ce_type, data), n),
        "us/event",
    )
    report.figure(
        "consume.parse_event_without_email_us",
        cpu_us(lambda: parse_event(ce_type, data_no_email), n),
        "us/event",
    )
    cls = event_class(ce_type)
    report.figure(
        "consume.validate_json_bytes_us",
        cpu_us(lambda: cls.model_validate_json(value, extra="ignore"), n),
        "us/event",
    )
    # handler dispatch (Handler.handle binds the log context per event)
    handler = EmployeeDirectory()
    ctx = BatchContext(None, None, "bench")  # type: ignore[arg-type]
    received = Received(env, event, "t", 0, 0)
    batch = [received] * 100

    def handle_batch() -> None:
        _drive(handler.handle(ctx, batch))
        ctx.sql.clear()

    def dispatch_batch() -> None:
        for item in batch:
            _drive(handler.on_registered(ctx, event, item))
        ctx.sql.clear()

    per_batch = max(1, n // 100)
    report.figure(
        "consume.handler_handle_us", cpu_us(handle_batch, per_batch) / len(batch), "us/event"
    )
    report.figure(
        "consume.handler_direct_dispatch_us",
        cpu_us(dispatch_batch, per_batch) / len(batch),
        "us/event",
    )
    report.ratio("relay.via_envelope_vs_row_direct", via_envelope_us, row_direct_us)
    security_costs(report, n)
    report.write_json(args.json, machine_info())
    return 0


def security_costs(report: Report, n: int) -> None:
    """Per request and per employee costs that issue 9 added: checking a bearer token (its
    first sight, and again from the verifier's memory), sealing and opening personal data."""
    verifier = TokenVerifier(
        [TrustedIssuer(DEV_ISSUER, DEV_AUDIENCE, KeySet(static_jwks(dev_jwks())))]
    )
    count = max(50, n // 20)
    tokens = iter([mint_token(roles=["ppk"], subject=f"u{i}") for i in range(count * 4 + 400)])
    seen = mint_token(roles=["ppk"])
    _drive(verifier.verify(seen))
    report.figure(
        "auth.verify_first_sight_us",
        cpu_us(lambda: _drive(verifier.verify(next(tokens))), count),
        "us/request",
    )
    report.figure(
        "auth.verify_remembered_us",
        cpu_us(lambda: _drive(verifier.verify(seen)), n),
        "us/request",
    )
    key, key_id, nip = new_data_key(), new_key_id(), "198503152010011001"
    fields = {"birth_date": "1985-03-15", "gender": "M", "contact": {"email": "a@b.go.id"}}
    sealed = seal(key, key_id, nip, fields)
    report.figure(
        "personal_data.seal_us", cpu_us(lambda: seal(key, key_id, nip, fields), n), "us/employee"
    )
    report.figure(
        "personal_data.open_us", cpu_us(lambda: open_sealed(key, sealed, nip), n), "us/employee"
    )


def _drive(awaitable: Awaitable[Any]) -> Any:
    """Run a coroutine that never waits on I/O (handlers only queue SQL; the verifier's key
    set is already loaded) to completion, and return its value."""
    coro = cast(Coroutine[Any, Any, Any], awaitable)
    try:
        coro.send(None)
    except StopIteration as done:
        return done.value
    raise RuntimeError("the coroutine awaited I/O; this cost benchmark expects none")


if __name__ == "__main__":
    raise SystemExit(main())
