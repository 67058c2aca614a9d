"""Signed seals, anchored outside PostgreSQL on the `rangkui.audit.seals` topic.

A seal kept in the database it seals proves nothing against that database's owner, and an
unsigned one proves nothing against whoever can write where it is kept. So a seal is signed
with an Ed25519 key that only the sealing job holds (the services never see it: they hold at
most the public key), and published to a Kafka topic that keeps every record. `latest`
reads the topic back and returns the newest seal of a service whose every part carries a
valid signature and whose heads match its digest; anything else on the topic (a forged
record, a half-written seal, a seal of another service) is ignored and logged.

A seal of a large store has tens of thousands of heads: it is written as several records
(`PART_HEADS` heads each, well under the broker's message limit), each signed on its own and
naming the seal (`seal_id`), the part and the count; a seal is whole when every part arrived.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from rangkui_contracts import AUDIT_SEALS
from rangkui_eventkit.audit.chain import Head, Seal
from rangkui_eventkit.kafka import make_producer
from rangkui_eventkit.logging import get_logger

ANCHOR_FORMAT = "rangkui-audit-anchor/1"
PART_HEADS = 4_000  # ~110 bytes per head: a part stays far below the broker's message limit
log = get_logger(__name__)


class SealRejected(ValueError):
    """A record on the seals topic that is not a genuine part of a seal."""


def load_private_key(path: str | Path) -> Ed25519PrivateKey:
    return load_private_key_pem(Path(path).read_bytes())


def load_private_key_pem(pem: bytes) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(pem, password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("not an Ed25519 private key")
    return key


def load_public_key(path: str | Path) -> Ed25519PublicKey:
    key = serialization.load_pem_public_key(Path(path).read_bytes())
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError(f"{path}: not an Ed25519 public key")
    return key


def generate_key_pair() -> tuple[bytes, bytes]:
    """A new signing key pair as PEM: (private, public)."""
    private = Ed25519PrivateKey.generate()
    return (
        private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
        private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        ),
    )


def key_id(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def _signed_bytes(doc: Mapping[str, Any]) -> bytes:
    body = {k: v for k, v in doc.items() if k != "signature"}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def sign_parts(seal: Seal, service: str, private: Ed25519PrivateKey) -> list[dict[str, Any]]:
    """The seal as signed records, `PART_HEADS` heads each (at least one record)."""
    streams = sorted(seal.heads)
    chunks = [streams[i : i + PART_HEADS] for i in range(0, len(streams), PART_HEADS)] or [[]]
    seal_id = str(uuid.uuid4())
    parts = []
    for n, chunk in enumerate(chunks):
        doc: dict[str, Any] = {
            "format": ANCHOR_FORMAT,
            "service": service,
            "seal_id": seal_id,
            "taken_at": seal.taken_at.isoformat(),
            "digest": seal.digest,
            "streams": len(streams),
            "part": n,
            "parts": len(chunks),
            "key_id": key_id(private.public_key()),
            "heads": {s: [seal.heads[s].version, seal.heads[s].hash] for s in chunk},
        }
        doc["signature"] = base64.b64encode(private.sign(_signed_bytes(doc))).decode()
        parts.append(doc)
    return parts


def check_part(doc: Mapping[str, Any], public: Ed25519PublicKey) -> None:
    """Raise `SealRejected` unless `doc` is a part signed by `public`'s key."""
    if doc.get("format") != ANCHOR_FORMAT:
        raise SealRejected(f"not an anchored seal part: {doc.get('format')!r}")
    try:
        public.verify(base64.b64decode(str(doc["signature"])), _signed_bytes(doc))
    except (InvalidSignature, KeyError, ValueError) as exc:
        raise SealRejected("the signature does not verify with the sealing key") from exc


def assemble(parts: Iterable[Mapping[str, Any]]) -> Seal:
    """One seal from its verified parts; `SealRejected` when parts are missing or disagree."""
    parts = sorted(parts, key=lambda p: int(p["part"]))
    first = parts[0]
    if [int(p["part"]) for p in parts] != list(range(int(first["parts"]))):
        raise SealRejected("the seal is incomplete: parts are missing")
    for p in parts:
        if (p["digest"], p["taken_at"], p["streams"]) != (
            first["digest"],
            first["taken_at"],
            first["streams"],
        ):
            raise SealRejected("the parts of the seal disagree")
    heads = {s: Head(int(v), str(h)) for p in parts for s, (v, h) in p["heads"].items()}
    seal = Seal(datetime.fromisoformat(str(first["taken_at"])), heads, str(first["digest"]))
    if len(heads) != int(first["streams"]) or not seal.intact:
        raise SealRejected("the heads of the seal do not match its digest")
    return seal


async def publish(
    bootstrap: str,
    parts: list[dict[str, Any]],
    *,
    prefix: str = "",
    **connection: Any,
) -> None:
    """Publish every part, keyed by the service, and wait for the broker's acknowledgement."""
    producer = make_producer(bootstrap, client_id="rangkui-audit", **connection)
    await producer.start()
    try:
        topic = AUDIT_SEALS.qualified(prefix)
        for doc in parts:
            value = json.dumps(doc, separators=(",", ":"), ensure_ascii=False).encode()
            await producer.send_and_wait(topic, key=str(doc["service"]).encode(), value=value)
    finally:
        await producer.stop()


async def latest(
    bootstrap: str,
    service: str,
    public: Ed25519PublicKey,
    *,
    prefix: str = "",
    **connection: Any,
) -> Seal | None:
    """The newest whole, genuinely signed seal of `service` on the topic (None: there is none).

    Reads the topic from its start to the end offsets of the moment it was called."""
    topic = AUDIT_SEALS.qualified(prefix)
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        client_id="rangkui-audit",
        **connection,
    )
    await consumer.start()
    by_seal: dict[str, list[dict[str, Any]]] = {}
    try:
        partitions = [
            TopicPartition(topic, p) for p in await _partitions(bootstrap, topic, connection)
        ]
        if not partitions:
            return None
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        remaining = {tp for tp in partitions if ends[tp] > 0}
        while remaining:
            batches = await consumer.getmany(*remaining, timeout_ms=1000)
            for tp, records in batches.items():
                for record in records:
                    _take(record, service, public, by_seal)
                    if record.offset + 1 >= ends[tp]:
                        remaining.discard(tp)
    finally:
        await consumer.stop()
    seals = []
    for seal_id, parts in by_seal.items():
        try:
            seals.append(assemble(parts))
        except SealRejected as exc:
            log.warning("audit.seal_ignored", seal_id=seal_id, reason=str(exc))
    return max(seals, key=lambda s: s.taken_at, default=None)


async def _partitions(bootstrap: str, topic: str, connection: Mapping[str, Any]) -> list[int]:
    admin = AIOKafkaAdminClient(
        bootstrap_servers=bootstrap, client_id="rangkui-audit", **connection
    )
    await admin.start()
    try:
        described = await admin.describe_topics([topic])
    finally:
        await admin.close()
    return sorted(
        p["partition"] for t in described if t.get("error_code", 0) == 0 for p in t["partitions"]
    )


def _take(
    record: Any,
    service: str,
    public: Ed25519PublicKey,
    by_seal: dict[str, list[dict[str, Any]]],
) -> None:
    if record.key != service.encode():
        return
    try:
        doc = json.loads(record.value)
        check_part(doc, public)
        if doc["service"] != service:
            raise SealRejected("the part names another service")
    except (SealRejected, ValueError, TypeError, KeyError) as exc:
        log.warning("audit.seal_part_ignored", offset=record.offset, reason=str(exc))
        return
    by_seal.setdefault(str(doc["seal_id"]), []).append(doc)
