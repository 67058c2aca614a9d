"""Benchmark 4, end to end: from `MutationEffective` committed to the employee moved in
personnel's read model and to the notice in the employee's inbox, at a steady offered load
of transfers, with the four services running as separate processes.

Setup (not timed): the services started as the e2e tests start them; a source and a
target school imported through `POST /imports` (employees with years in post, a target
post with room for every one of them, a head of the target school to evaluate them); every
transfer proposed and approved beforehand; then the system is left to go quiet.

Load: decrees with TMT today at `--rate` per second for `--seconds`, sent on schedule
whether or not earlier requests answered (open loop); the mutation service's scheduler
(every 0.25 s) makes each transfer effective. The clock of a transfer starts at its
`MutationEffective`'s `ce_time` (taken just before the append commits), read from the
mutation topic. Per transfer, observed:

- read model: the employee's row in personnel's read model shows the new unit (one SQL
  query every `--poll-ms` over all transfers in flight; for every `--http-every`'th
  transfer also `GET /employees/{nip}`, the API a user reads);
- inbox: the notice caused by that `MutationEffective` in the notification read model
  (same two ways, `GET /inbox/{nip}`);
- the hops on the topics: `EmployeeReassigned` and the inbox `NotificationDispatched`
  (their `ce_time`), which split each latency into "react" and "project".

The first `--warmup` seconds of decrees are not counted.

    .venv/bin/python -m bench.e2e_latency [--smoke] [--rate 100] [--seconds 20]
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import asyncpg
import httpx
from aiokafka import AIOKafkaConsumer, TopicPartition

from bench.common import (
    Report,
    bench_env,
    machine_info,
    maybe_profile,
    parser,
    percentile,
    quiet_logs,
)
from bench.system_tools import (
    EVERY_ROLE,
    MIB,
    OPERATOR,
    PPK,
    RssSampler,
    at_most,
    consumers_of,
    import_document,
    load_average,
    partitions_of,
    poll,
    py_spy,
    running_system,
    service_pools,
    wait_quiet,
)
from rangkui_contracts.topics import MUTATION, NOTIFICATION, PERSONNEL
from rangkui_eventkit.testing.system import System

TARGET_P99_MS = 250.0
TARGET_RATE = 100.0
SRC, DST = "bench-src", "bench-dst"
SRC_POST, DST_POST, DST_HEAD = "bench-src-guru", "bench-dst-guru", "bench-dst-kepala"
HEAD_NIP = "197001011995031001"
STAGE_CONCURRENCY = 8


# --------------------------------------------------------------------------- province
def transfer_nip(i: int) -> str:
    """A valid, unique NIP: birth date, TMT CPNS after the 18th birthday, gender, sequence."""
    birth = date(1980, 1, 1) + timedelta(days=i // 1998)
    gender = 1 + i % 2
    return f"{birth:%Y%m%d}200503{gender}{(i // 2) % 999 + 1:03d}"


def _employee_row(nip: str, name: str, unit: str, post: str) -> dict[str, Any]:
    return {
        "nip": nip,
        "nama": name,
        "jenis_kelamin": "L" if nip[14] == "1" else "P",
        "tanggal_lahir": f"{nip[0:4]}-{nip[4:6]}-{nip[6:8]}",
        "status_pegawai": "AKTIF",
        "gol_ruang": "III/b",
        "unor_id": unit,
        "jabatan_id": post,
        "tmt_jabatan": "2019-01-02",
        "pendidikan_tingkat": "S1",
        "pendidikan_jurusan": "Pendidikan Matematika",
        "pendidikan_institusi": "Universitas Rangkui",
        "pendidikan_tahun": 2004,
        "kompetensi": "",
        "email": f"{nip}@mail.rangkui.example",
        "no_hp": "081200000000",
    }


def province(count: int) -> dict[str, Any]:
    """Two schools; `count` teachers in the first, a post with room for all in the second."""

    def post(pid: str, unit: str, title: str, formasi: int, head: bool) -> dict[str, Any]:
        return {
            "jabatan_id": pid,
            "unor_id": unit,
            "nama_jabatan": title,
            "jenis_jabatan": "STRUKTURAL" if head else "FUNGSIONAL",
            "formasi": formasi,
            "kepala_unit": head,
            "syarat_pendidikan_tingkat": ["S1"],
            "syarat_pendidikan_jurusan": ["Pendidikan Matematika"],
            "gol_min": "III/a",
            "gol_max": "IV/b",
        }

    units = [
        {"unor_id": uid, "nama_unor": name, "jenis_unor": "SMA", "wilayah": region}
        for uid, name, region in (
            (SRC, "SMA Negeri 1 Rangkui", "Kota Rangkui"),
            (DST, "SMA Negeri 2 Tanjung Batu", "Kabupaten Tanjung Batu"),
        )
    ]
    positions = [
        post(SRC_POST, SRC, "Guru Matematika", count + 10, False),
        post(DST_POST, DST, "Guru Matematika", count + 10, False),
        post(DST_HEAD, DST, "Kepala Sekolah", 1, True),
    ]
    employees = [_employee_row(HEAD_NIP, "Drs. Bambang Sutrisno", DST, DST_HEAD)]
    employees += [
        _employee_row(transfer_nip(i), f"Guru Nomor {i}", SRC, SRC_POST) for i in range(count)
    ]
    return {"units": units, "positions": positions, "employees": employees}


# --------------------------------------------------------------------------- transfers
@dataclass
class Transfer:
    """One transfer and the instants (time.time(), seconds) at which it was seen."""

    index: int
    nip: str
    mutation_id: str = ""
    decree_sent: float = 0.0
    decree_answered: float = 0.0
    sampled: bool = False
    effective: float | None = None
    effective_event_id: str = ""
    effective_on_topic: float | None = None
    reassigned: float | None = None
    dispatched: float | None = None
    read_model: float | None = None
    inbox: float | None = None
    http_read_model: float | None = None
    http_inbox: float | None = None

    @property
    def done(self) -> bool:
        seen = self.effective is not None and self.read_model is not None and self.inbox
        http = not self.sampled or (self.http_read_model and self.http_inbox)
        return bool(seen and http)


async def stage(client: httpx.AsyncClient, system: System, transfers: list[Transfer]) -> None:
    """Propose and approve every transfer (not timed): the load is then only decrees."""
    mutation = system.url("mutation")
    gate = asyncio.Semaphore(STAGE_CONCURRENCY)

    async def one(t: Transfer) -> None:
        async with gate:
            r = await client.post(
                f"{mutation}/mutations",
                json={
                    "nip": t.nip,
                    "to_unit_id": DST,
                    "to_position_id": DST_POST,
                    "kind": "NEED_BASED",
                    "reason": "SMA Negeri 2 kekurangan guru matematika",
                },
                headers=OPERATOR,
            )
            if r.status_code != 201:
                raise RuntimeError(f"propose {t.nip}: {r.status_code} {r.text[:300]}")
            t.mutation_id = r.json()["mutation_id"]
            r = await client.post(
                f"{mutation}/mutations/{t.mutation_id}/approve",
                json={"reasons": "sesuai kebutuhan"},
                headers=PPK,
            )
            if r.status_code != 200:
                raise RuntimeError(f"approve {t.nip}: {r.status_code} {r.text[:300]}")

    await asyncio.gather(*(one(t) for t in transfers))


def _ce_time(headers: dict[str, str]) -> float:
    return datetime.fromisoformat(headers["ce_time"].replace("Z", "+00:00")).timestamp()


class TopicWatch:
    """Reads the mutation, personnel and notification topics from their ends (as they
    are when `start` returns) and notes the events of the transfers."""

    def __init__(self, bootstrap: str, prefix: str, transfers: list[Transfer]) -> None:
        self.bootstrap = bootstrap
        self.topics = [t.qualified(prefix) for t in (MUTATION, PERSONNEL, NOTIFICATION)]
        self.by_mutation = {t.mutation_id: t for t in transfers}
        self.by_effective_id: dict[str, Transfer] = {}
        self.consumer: AIOKafkaConsumer | None = None

    async def start(self) -> None:
        self.consumer = AIOKafkaConsumer(bootstrap_servers=self.bootstrap, enable_auto_commit=False)
        await self.consumer.start()
        parts = [
            TopicPartition(t, p) for t in self.topics for p in await partitions_of(self.consumer, t)
        ]
        self.consumer.assign(parts)
        await self.consumer.seek_to_end(*parts)
        for tp in parts:  # resolve the positions now, not lazily after the load began
            await self.consumer.position(tp)

    async def run(self, stop: asyncio.Event) -> None:
        assert self.consumer is not None
        try:
            while not stop.is_set():
                polled = await self.consumer.getmany(timeout_ms=50, max_records=5000)
                for records in polled.values():
                    for r in records:
                        self._note(r)
        finally:
            await self.consumer.stop()

    def _note(self, record: Any) -> None:
        headers = {k: v.decode() for k, v in record.headers or ()}
        ce_type = headers.get("ce_type", "")
        if ce_type.endswith(".MutationEffective.v1"):
            data = json.loads(record.value)
            t = self.by_mutation.get(data["mutation_id"])
            if t is not None:
                t.effective = _ce_time(headers)
                t.effective_on_topic = time.time()
                t.effective_event_id = headers["ce_id"]
                self.by_effective_id[t.effective_event_id] = t
        elif ce_type.endswith(".EmployeeReassigned.v1"):
            data = json.loads(record.value)
            t = self.by_mutation.get(data.get("mutation_id") or "")
            if t is not None:
                t.reassigned = _ce_time(headers)
        elif ce_type.endswith(".NotificationDispatched.v1"):
            data = json.loads(record.value)
            t = self.by_effective_id.get(data["source_event_id"])
            if t is not None and str(data.get("channel")).lower() == "inbox":
                t.dispatched = _ce_time(headers)


async def watch_read_models(
    pools: dict[str, asyncpg.Pool], transfers: list[Transfer], poll_s: float, stop: asyncio.Event
) -> None:
    """One query per read model every `poll_s` over the transfers in flight; a row found
    counts from the instant the query started (its snapshot is at least that recent)."""
    personnel, notification = pools["personnel"], pools["notification"]
    while not stop.is_set():
        started = time.time()
        moving = [t for t in transfers if t.decree_sent and t.read_model is None]
        if moving:
            rows = await personnel.fetch(
                "SELECT nip FROM employees WHERE nip = ANY($1::text[]) AND unit_id = $2",
                [t.nip for t in moving],
                DST,
            )
            found = {r["nip"] for r in rows}
            for t in moving:
                if t.nip in found:
                    t.read_model = started
        waiting = [t for t in transfers if t.decree_sent and t.inbox is None]
        if waiting:
            rows = await notification.fetch(
                "SELECT recipient FROM inbox WHERE recipient = ANY($1::text[]) "
                "AND source_event_type LIKE '%MutationEffective%'",
                [t.nip for t in waiting],
            )
            found = {r["recipient"] for r in rows}
            for t in waiting:
                if t.nip in found:
                    t.inbox = started
        await asyncio.sleep(max(0.0, poll_s - (time.time() - started)))


async def watch_over_http(
    client: httpx.AsyncClient, system: System, t: Transfer, poll_s: float, deadline: float
) -> None:
    """What a user sees: GET /employees/{nip} and GET /inbox/{nip} until both changed."""
    personnel, notification = system.url("personnel"), system.url("notification")
    while time.time() < deadline and not (t.http_read_model and t.http_inbox):
        started = time.time()
        if t.http_read_model is None:
            r = await client.get(f"{personnel}/employees/{t.nip}")
            if r.status_code == 200 and r.json().get("unit_id") == DST:
                t.http_read_model = started
        if t.http_inbox is None:
            r = await client.get(f"{notification}/inbox/{t.nip}")
            if r.status_code == 200 and any(
                "MutationEffective" in n["source_event_type"] for n in r.json()
            ):
                t.http_inbox = started
        await asyncio.sleep(max(0.0, poll_s - (time.time() - started)))


async def offer_load(
    client: httpx.AsyncClient,
    system: System,
    transfers: list[Transfer],
    *,
    rate: float,
    http_poll_s: float,
    drain_s: float,
) -> float:
    """Send the decrees on schedule; seconds it took to send them all."""
    mutation = system.url("mutation")
    today = datetime.now(ZoneInfo("Asia/Jakarta")).date().isoformat()  # the service's today
    tasks: list[asyncio.Task[None]] = []

    async def decree(t: Transfer) -> None:
        t.decree_sent = time.time()
        r = await client.post(
            f"{mutation}/mutations/{t.mutation_id}/decree",
            json={"sk_number": f"800/{t.index}/BKD/2026", "sk_date": today, "tmt": today},
            headers=PPK,
        )
        t.decree_answered = time.time()
        if r.status_code != 200:
            raise RuntimeError(f"decree {t.nip}: {r.status_code} {r.text[:300]}")
        if t.sampled:
            await watch_over_http(client, system, t, http_poll_s, time.time() + drain_s)

    start = time.perf_counter()
    for i, t in enumerate(transfers):
        delay = start + i / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(decree(t)))
    sent_in = time.perf_counter() - start
    await asyncio.gather(*tasks)
    return sent_in


# --------------------------------------------------------------------------- figures
def _ms(values: list[float]) -> list[float]:
    return [v * 1000 for v in values]


def latency_figures(report: Report, name: str, values_ms: list[float]) -> None:
    report.figure(f"{name}.p50_ms", percentile(values_ms, 50), "ms")
    report.figure(f"{name}.p95_ms", percentile(values_ms, 95), "ms")
    report.figure(f"{name}.p99_ms", percentile(values_ms, 99), "ms")


def report_transfers(
    report: Report, transfers: list[Transfer], counted_from: int, sent_in: float
) -> None:
    counted = transfers[counted_from:]
    complete = [t for t in counted if t.effective and t.read_model and t.inbox]
    effective = sorted(t.effective for t in counted if t.effective)

    def since_effective(attr: str) -> list[float]:
        return _ms([getattr(t, attr) - t.effective for t in complete if getattr(t, attr)])

    report.figure("e2e.transfers.counted", len(counted), "transfers")
    report.figure("e2e.transfers.missing", len(counted) - len(complete), "transfers")
    report.figure("e2e.offered.transfers_per_s", len(transfers) / sent_in, "transfers/s")
    span = effective[-1] - effective[0] if len(effective) > 1 else 0.0
    rate = (len(effective) - 1) / span if span else 0.0
    report.figure("e2e.effective.transfers_per_s", rate, "transfers/s")
    done_at = sorted(max(t.read_model or 0, t.inbox or 0) for t in complete)
    done_span = done_at[-1] - done_at[0] if len(done_at) > 1 else 0.0
    done_rate = (len(done_at) - 1) / done_span if done_span else 0.0
    report.figure("e2e.completed.transfers_per_s", done_rate, "transfers/s")
    latency_figures(
        report,
        "e2e.decree_to_effective",
        _ms([t.effective - t.decree_sent for t in complete if t.effective]),
    )
    read_model, inbox = since_effective("read_model"), since_effective("inbox")
    latency_figures(report, "e2e.read_model", read_model)
    latency_figures(report, "e2e.inbox", inbox)
    latency_figures(
        report, "e2e.topic.mutation_effective_read", since_effective("effective_on_topic")
    )
    latency_figures(report, "e2e.topic.employee_reassigned", since_effective("reassigned"))
    latency_figures(report, "e2e.topic.notification_dispatched", since_effective("dispatched"))
    latency_figures(report, "e2e.http_sample.read_model", since_effective("http_read_model"))
    latency_figures(report, "e2e.http_sample.inbox", since_effective("http_inbox"))
    report.figure(
        "e2e.http_sample.count", len([t for t in complete if t.http_read_model]), "transfers"
    )
    at_most(report, "e2e.read_model.p99_vs_target", percentile(read_model, 99), TARGET_P99_MS, "ms")
    at_most(report, "e2e.inbox.p99_vs_target", percentile(inbox, 99), TARGET_P99_MS, "ms")
    report.absolute_target("e2e.effective_rate_vs_target", rate, TARGET_RATE, "transfers/s")


# --------------------------------------------------------------------------- main
async def run(args: Any, report: Report) -> None:
    count = round(args.rate * (args.seconds + args.warmup))
    transfers = [Transfer(i, transfer_nip(i)) for i in range(count)]
    for t in transfers[:: max(1, args.http_every)]:
        t.sampled = True
    async with (
        bench_env() as env,
        running_system(env, keep_logs=args.keep_logs) as system,
        service_pools(system) as pools,
        httpx.AsyncClient(
            timeout=30,
            limits=httpx.Limits(max_connections=args.connections),
            headers=EVERY_ROLE,
        ) as client,
    ):
        bootstrap = env.infra.kafka_bootstrap
        consumers = await consumers_of(client, system)
        with RssSampler(system) as rss:
            with rss.phase("setup"):
                body = json.dumps(province(count)).encode()
                job = await import_document(client, system, body, timeout=600)
                if job["rejected_rows"]:
                    raise RuntimeError(f"import refused rows: {job['problems'][:5]}")
                await wait_quiet(bootstrap, pools, consumers, timeout=600)
                await stage(client, system, transfers)
                report.note(
                    f"staged {count} approved transfers; system quiet after "
                    f"{await wait_quiet(bootstrap, pools, consumers, timeout=600):.1f} s"
                )
            watch = TopicWatch(bootstrap, env.prefix, transfers)
            await watch.start()
            stop = asyncio.Event()
            watchers = [
                asyncio.create_task(watch.run(stop)),
                asyncio.create_task(watch_read_models(pools, transfers, args.poll_ms / 1000, stop)),
            ]
            with (
                rss.phase("load"),
                maybe_profile(args.profile),
                py_spy(system, args.py_spy, args.seconds + args.warmup + args.drain_timeout),
            ):
                sent_in = await offer_load(
                    client,
                    system,
                    transfers,
                    rate=args.rate,
                    http_poll_s=args.http_poll_ms / 1000,
                    drain_s=args.drain_timeout,
                )
                deadline = time.time() + args.drain_timeout

                async def settled() -> bool:
                    return time.time() > deadline or all(t.done for t in transfers)

                await poll(settled, timeout=args.drain_timeout + 10, interval=0.1)
            stop.set()
            await asyncio.gather(*watchers)
        report_transfers(report, transfers, round(args.rate * args.warmup), sent_in)
        rss.report(report, target_mib=200e6 / MIB)  # 200 MB = 190.7 MiB
        report.params["postgresql"] = await pools["personnel"].fetchval("SHOW server_version")


async def main(argv: list[str] | None = None) -> int:
    p = parser(__doc__.splitlines()[0])
    p.add_argument("--rate", type=float, default=TARGET_RATE, help="decrees per second")
    p.add_argument("--seconds", type=float, default=20.0, help="duration of the counted load")
    p.add_argument("--warmup", type=float, default=2.0, help="seconds of load not counted")
    p.add_argument("--poll-ms", type=float, default=10.0, help="read-model SQL poll interval")
    p.add_argument("--http-every", type=int, default=50, help="also poll the API for every Nth")
    p.add_argument("--http-poll-ms", type=float, default=25.0, help="API poll interval")
    p.add_argument("--connections", type=int, default=64, help="HTTP connections to services")
    p.add_argument("--drain-timeout", type=float, default=60.0, help="wait after the load")
    p.add_argument("--py-spy", metavar="DIR", help="py-spy each service during the load")
    p.add_argument("--keep-logs", action="store_true", help="keep the services' logs")
    args = p.parse_args(argv)
    if args.smoke:
        args.rate, args.seconds, args.warmup, args.http_every = 5.0, 2.0, 0.0, 3
    quiet_logs()
    report = Report(
        "e2e_latency", {k: v for k, v in vars(args).items() if k not in ("json", "profile")}
    )
    report.note(f"load average before: {load_average()}")
    await run(args, report)
    report.note(f"load average after: {load_average()}")
    report.write_json(args.json, machine_info())
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
