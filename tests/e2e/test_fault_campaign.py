"""A fault campaign: the four services as processes under a steady load of transfers, killed
(SIGKILL) at random moments and restarted as an operator would, with the broker stopped for
20 s and PostgreSQL restarted in the middle of it. Afterwards every transfer had each of its
effects exactly once (one move in personnel, its history rows, one monitoring plan, each
notice once to each recipient), every read model equals its rebuild from Kafka row for row,
and every service is ready again without a hand.

The run is random but replayable: the seed is printed and taken from `RANGKUI_FAULT_SEED`
when set. The broker and PostgreSQL are stopped only where they are the project's own local
processes (`RANGKUI_INFRA_ORIGIN=local`, as `scripts/test.sh` and CI run them), as the
relay's broker fault test does; elsewhere (given addresses, testcontainers) the campaign
kills only the services, and says so.
"""

from __future__ import annotations

import asyncio
import collections
import importlib
import json
import os
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import asyncpg
import httpx
import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition

from rangkui_eventkit.handlers import Handler
from rangkui_eventkit.testing.auth import acting, bearer
from rangkui_eventkit.testing.infra import REPO_ROOT, Infra
from rangkui_eventkit.testing.plugin import eventually
from rangkui_eventkit.testing.system import SERVICES, System, province_today
from rangkui_mutation.domain.mutation import REQUIRED_DOCUMENTS

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

OPERATOR = acting("operator.bkd", "bkd_operator")
PPK = acting("ppk.gubernur", "ppk")
VERIFIER = acting("verifikator.bkd", "bkd_operator")
TPK_MEMBERS = ("tpk.sekda", "tpk.inspektur", "tpk.kepala-bkd")
TPK = acting(TPK_MEMBERS[0], "tpk_member")
READER = bearer(roles=["bkd_operator", "auditor"], sub="e2e.reader")
SEED_VARIABLE = "RANGKUI_FAULT_SEED"
LANES = 3  # transfers driven at once
KILLS_PER_SERVICE = 3  # at least two, as the campaign promises; a few more at random
MAX_DOWN = 2  # services killed and not yet back at one time
BROKER_OUTAGE_S = 20.0
HEAD = "197501012000031002"
# The notices of the full process: the mover hears of the approval, the socialisation, the
# decree and the effect; the head of the new school of the proposal, the approval, the decree,
# the effect and the monitoring plan (the TPK's review goes to the PPK only).
MOVER_TEMPLATES = {
    "mutation_approved",
    "mutation_socialized",
    "mutation_decreed",
    "mutation_effective",
}
HEAD_TEMPLATES = {
    "mutation_proposed",
    "mutation_approved",
    "mutation_decreed",
    "mutation_effective",
    "monitoring_scheduled",
}
INFRA_SH = REPO_ROOT / "deploy" / "local" / "infra.sh"


def nip_for(i: int) -> str:
    """A valid NIP, different for each `i` (birth day, then a sequence number)."""
    birth = date(1980, 1, 1).toordinal() + (i * 37) % 1500
    born = date.fromordinal(birth)
    return f"{born:%Y%m%d}201003{1 + i % 2}{i % 1000:03d}"


# ----------------------------------------------------------------------------- the load
@dataclass
class Load:
    """Transfers driven over HTTP, each call retried as a client would while a service is
    down (connection refused, 5xx), and each step recognised as done when its answer was
    lost (the retry then meets the transfer already in that state)."""

    province: Any
    client: httpx.AsyncClient
    rng: random.Random
    stop: asyncio.Event = field(default_factory=asyncio.Event)
    done: dict[str, str] = field(default_factory=dict)  # nip -> mutation id
    started: int = 0
    retries: int = 0

    def url(self, service: str, path: str) -> str:
        return f"{self.province.system.url(service)}{path}"

    async def send(
        self, method: str, url: str, headers: dict[str, str], body: Any = None
    ) -> httpx.Response | None:
        """One attempt; None when the service did not answer or answered 5xx."""
        try:
            r = await self.client.request(method, url, json=body, headers=headers)
        except httpx.TransportError:
            self.retries += 1
            return None
        if r.status_code >= 500:
            self.retries += 1
            return None
        return r

    async def register(self, nip: str) -> None:
        p = self.province
        body = {
            "nip": nip,
            "name": f"Pegawai {nip[-4:]}",
            "gender": "M" if nip[14] == "1" else "F",
            "birth_date": f"{nip[0:4]}-{nip[4:6]}-{nip[6:8]}",
            "grade": "III/b",
            "unit_id": p.id("sma-1"),
            "position_id": p.id("guru-a"),
            "tmt_position": "2019-01-02",
            "education": [{"level": "S1", "field": "Pendidikan Matematika"}],
            "contact": {"email": f"{nip}@mail.rangkuiprov.go.id"},
        }

        async def attempt() -> bool:
            r = await self.send("POST", self.url("personnel", "/employees"), OPERATOR, body)
            if r is None:
                return False
            assert r.status_code in (201, 409), r.text  # 409: registered, the answer lost
            return True

        await eventually(attempt, timeout=180, interval=0.25)

    async def propose(self, nip: str) -> str:
        p = self.province
        body = {
            "nip": nip,
            "to_unit_id": p.id("sma-2"),
            "to_position_id": p.id("guru-b"),
            "kind": "NEED_BASED",
            "reason": "SMA Negeri 2 kekurangan guru matematika",
        }

        async def attempt() -> str | None:
            r = await self.send("POST", self.url("mutation", "/mutations"), OPERATOR, body)
            if r is None or r.status_code == 404:  # down, or the registration not yet there
                return None
            if r.status_code == 201:
                return str(r.json()["mutation_id"])
            # Refused as a second open transfer: ours, proposed by an attempt whose answer
            # was lost (the refusal names it).
            assert r.status_code == 409, r.text
            assert r.json()["rule"] == "one_open_transfer", r.text
            return str(r.json()["details"]["open_mutation_id"])

        return str(await eventually(attempt, timeout=180, interval=0.25))

    async def status(self, mutation_id: str) -> str | None:
        r = await self.send("GET", self.url("mutation", f"/mutations/{mutation_id}"), READER)
        return r.json()["status"] if r is not None and r.status_code == 200 else None

    async def step(
        self,
        mutation_id: str,
        verb: str,
        body: Any,
        reached: set[str],
        who: dict[str, str] = PPK,
    ) -> None:
        """One step of the process; done once the transfer shows one of the `reached` states
        (an answer lost to a kill is recognised by the state the step left)."""

        async def attempt() -> bool:
            url = self.url("mutation", f"/mutations/{mutation_id}/{verb}")
            r = await self.send("POST", url, who, body)
            if r is not None and r.status_code == 200:
                return True
            if r is not None and r.status_code not in (404, 409, 422):
                raise AssertionError(f"{verb} {mutation_id}: {r.status_code} {r.text}")
            return await self.status(mutation_id) in reached

        await eventually(attempt, timeout=180, interval=0.25)

    async def transfer(self, nip: str) -> None:
        await self.register(nip)
        mutation_id = await self.propose(nip)
        later = ["REVIEWED", "APPROVED", "SOCIALIZED", "ACKNOWLEDGED", "DECREED", "EFFECTIVE"]
        items = [{"code": c, "present": True, "reference": f"B-{c}"} for c in REQUIRED_DOCUMENTS]
        await self.step(
            mutation_id, "documents", {"items": items}, {"DOCUMENTS_CHECKED", *later}, VERIFIER
        )
        sidang = {
            "recommended": True,
            "notes": "sesuai kebutuhan",
            "members_present": list(TPK_MEMBERS),
            "berita_acara_ref": f"BA/TPK/{mutation_id[:8]}",
        }
        await self.step(mutation_id, "review", sidang, set(later), TPK)
        await self.step(mutation_id, "approve", {"reasons": "sesuai kebutuhan"}, set(later[1:]))
        told = {"message": "Anda dibutuhkan di SMA Negeri 2"}
        await self.step(mutation_id, "socialize", told, set(later[2:]), OPERATOR)
        employee = acting(nip, "employee")
        await self.step(mutation_id, "acknowledge", None, set(later[3:]), employee)
        today = province_today().isoformat()
        decree = {"sk_number": f"800/{mutation_id[:8]}/BKD/2026", "sk_date": today, "tmt": today}
        await self.step(mutation_id, "decree", decree, set(later[4:]))
        self.done[nip] = mutation_id

    async def lane(self) -> None:
        while not self.stop.is_set():
            i = self.started
            self.started += 1
            await self.transfer(nip_for(i))


# --------------------------------------------------------------------------- the faults
@dataclass
class Faults:
    system: System
    rng: random.Random
    infrastructure: bool = True  # the broker and PostgreSQL are ours to stop (local ones)
    log: list[str] = field(default_factory=list)
    kills: collections.Counter[str] = field(default_factory=collections.Counter)

    def note(self, what: str) -> None:
        self.log.append(what)
        print(f"[fault campaign] {what}", flush=True)

    async def kill_and_restart(self, name: str) -> None:
        """SIGKILL, then start again as an operator (or Kubernetes) would, until ready."""
        svc = self.system.services[name]
        loop = asyncio.get_running_loop()
        svc.kill()
        self.kills[name] += 1
        self.note(f"killed {name} ({self.kills[name]})")
        await asyncio.sleep(self.rng.uniform(0.0, 1.0))  # the time it lies dead
        began = loop.time()
        for attempt in range(3):
            svc.start()
            try:
                await svc.wait_ready(timeout=120)
                self.note(f"{name} ready again after {loop.time() - began:.1f} s")
                return
            except RuntimeError:  # it exited while starting: start it again
                self.note(f"{name} exited while starting (attempt {attempt + 1})")
        raise AssertionError(f"{name} did not come back after three starts")

    async def infra(self, *actions: str) -> None:
        for action in actions:
            process = await asyncio.create_subprocess_exec(
                str(INFRA_SH), action,
                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
            )  # fmt: skip
            output, _ = await process.communicate()
            if process.returncode != 0:
                raise RuntimeError(f"infra.sh {action} failed:\n{output.decode()[-2000:]}")

    async def broker_outage(self) -> None:
        self.note(f"broker stopped for {BROKER_OUTAGE_S:.0f} s")
        await self.infra("kafka-stop")
        try:
            await asyncio.sleep(BROKER_OUTAGE_S)  # the outage itself, not a wait for a result
        finally:
            await self.infra("kafka-start")
        self.note("broker started again")

    async def postgres_restart(self) -> None:
        self.note("PostgreSQL restarted")
        await self.infra("pg-stop", "pg-start")

    def plan(self) -> list[tuple[Callable[[], Awaitable[None]], str | None]]:
        """The campaign: every service killed KILLS_PER_SERVICE times (plus up to two extra
        kills), the broker outage and the PostgreSQL restart, in a random order; each step
        with the service it kills (None for the infrastructure's faults)."""
        names = [n for n in SERVICES for _ in range(KILLS_PER_SERVICE)]
        names += self.rng.sample(SERVICES, self.rng.randint(0, 2))
        self.rng.shuffle(names)
        steps: list[tuple[Callable[[], Awaitable[None]], str | None]] = [
            ((lambda n=n: self.kill_and_restart(n)), n) for n in names
        ]
        # Not first: the broker and the database fail under a load already running.
        for fault in (self.broker_outage, self.postgres_restart):
            position = self.rng.randint(2, len(steps))  # drawn either way: one seed, one run
            if self.infrastructure:
                steps.insert(position, (fault, None))
        if not self.infrastructure:
            self.note(
                "the broker and PostgreSQL are not the local processes (deploy/local/infra.sh):"
                " only the services are killed in this run"
            )
        return steps

    async def run(self) -> None:
        """Each fault at a random moment; a killed service comes back while the next fault
        strikes another (at most MAX_DOWN down at once; never itself again before it is
        ready, nor during the broker's or the database's outage: those are faults of their
        own)."""
        coming_back: dict[str, asyncio.Task[None]] = {}
        try:
            for step, target in self.plan():
                await asyncio.sleep(self.rng.uniform(0.5, 3.0))  # a random moment under load
                if target is None or target in coming_back:
                    await asyncio.gather(*coming_back.values())
                    coming_back.clear()
                elif len(coming_back) >= MAX_DOWN:  # keep the load flowing through the rest
                    await asyncio.wait(coming_back.values(), return_when=asyncio.FIRST_COMPLETED)
                    for task in [t for t in coming_back.values() if t.done()]:
                        task.result()  # a service that did not come back fails the campaign
                    coming_back = {n: t for n, t in coming_back.items() if not t.done()}
                if target is None:
                    await step()
                else:
                    coming_back[target] = asyncio.create_task(step())
            await asyncio.gather(*coming_back.values())
        finally:
            for task in coming_back.values():
                task.cancel()


# ------------------------------------------------------------------------ the verdicts
def projections(service: str) -> dict[str, tuple[str, ...]]:
    """The service's projections (rebuildable consumers) and the tables each one owns."""
    importlib.import_module(f"rangkui_{service}.bootstrap")
    found: dict[str, tuple[str, ...]] = {}
    pending = list(Handler.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.startswith(f"rangkui_{service}.") and cls.tables:
            found[cls.name] = cls.tables
    return found


async def end_offsets(bootstrap: str, topics: list[str]) -> dict[tuple[str, int], int]:
    """The next offset of every partition of `topics` now (what a caught-up consumer has
    stored as its position)."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        partitions = [
            TopicPartition(t, p) for t in topics for p in consumer.partitions_for_topic(t) or ()
        ]
        if not partitions:  # metadata not yet fetched for these topics
            await consumer.topics()
            partitions = [
                TopicPartition(t, p) for t in topics for p in consumer.partitions_for_topic(t) or ()
            ]
        ends = await consumer.end_offsets(partitions)
    finally:
        await consumer.stop()
    return {(tp.topic, tp.partition): offset for tp, offset in ends.items()}


async def caught_up(
    conn: asyncpg.Connection, consumer: str, ends: dict[tuple[str, int], int]
) -> bool:
    """Whether `consumer` has stored positions at or past `ends` on every partition."""
    rows = await conn.fetch(
        "SELECT topic, partition, next_offset FROM consumer_offsets WHERE consumer = $1",
        consumer,
    )
    stored = {(r["topic"], r["partition"]): r["next_offset"] for r in rows}
    return all(stored.get(tp, 0) >= end for tp, end in ends.items() if end > 0)


async def snapshot(conn: asyncpg.Connection, tables: tuple[str, ...]) -> dict[str, list[str]]:
    """Every row of `tables`, as sorted JSON texts (so two snapshots compare row for row)."""
    out: dict[str, list[str]] = {}
    for table in tables:
        rows = await conn.fetch(f"SELECT to_jsonb(t)::text AS row FROM {table} t")
        out[table] = sorted(r["row"] for r in rows)
    return out


def difference(before: dict[str, list[str]], after: dict[str, list[str]]) -> str:
    lines = []
    for table in before:
        lost = sorted(set(before[table]) - set(after[table]))[:3]
        new = sorted(set(after[table]) - set(before[table]))[:3]
        if lost or new or len(before[table]) != len(after[table]):
            lines.append(f"{table}: {len(before[table])} rows, rebuilt {len(after[table])}")
            lines += [f"  only before: {r}" for r in lost] + [f"  only rebuilt: {r}" for r in new]
    return "\n".join(lines)


async def test_a_fault_campaign_loses_and_doubles_nothing(
    system: System, province: Any, infra: Infra
) -> None:
    seed = int(os.environ.get(SEED_VARIABLE) or random.SystemRandom().randrange(2**32))
    print(f"\n[fault campaign] seed {seed} (replay: {SEED_VARIABLE}={seed})", flush=True)
    rng = random.Random(seed)
    loop = asyncio.get_running_loop()
    began = loop.time()
    databases = dict(zip(SERVICES, system.databases, strict=True))
    p = province
    await setup_campaign_posts(p)
    await p.register(HEAD, "Drs. Bambang Sutrisno", "sma-2", "kepsek-2")
    await head_known_everywhere(system, infra, databases)

    async with httpx.AsyncClient(timeout=10) as client:
        load = Load(p, client, random.Random(rng.random()))
        faults = Faults(system, random.Random(rng.random()), infrastructure=infra.origin == "local")
        lanes = asyncio.gather(*(load.lane() for _ in range(LANES)))
        try:
            await eventually(lambda: len(load.done) >= LANES or lanes.done(), timeout=120)
            await faults.run()
            load.stop.set()
            await lanes  # each lane finishes the transfer it is driving
        finally:
            load.stop.set()
            if not lanes.done():
                lanes.cancel()
    faulted = loop.time()
    kills = sum(faults.kills.values())
    print(
        f"[fault campaign] {len(load.done)} transfers, {kills} kills {dict(faults.kills)}, "
        f"{load.retries} client retries, {faulted - began:.0f} s"
    )
    assert kills >= 12
    assert all(faults.kills[n] >= 2 for n in SERVICES)

    # Every service is ready again, with no hand on it.
    await asyncio.gather(*(s.wait_ready(timeout=120) for s in system.services.values()))

    async def connect(service: str) -> asyncpg.Connection:
        return await asyncpg.connect(infra.database_url(databases[service]))

    conns = {s: await connect(s) for s in SERVICES}
    try:
        await every_effect_exactly_once(conns, load.done, p)
        counted = loop.time()
        await read_models_equal_their_rebuild(conns, system)
    finally:
        for conn in conns.values():
            await conn.close()
    print(f"[fault campaign] effects counted in {counted - faulted:.0f} s, read models "
          f"rebuilt in {loop.time() - counted:.0f} s; total {loop.time() - began:.0f} s, "
          f"seed {seed}")  # fmt: skip


async def head_known_everywhere(system: System, infra: Infra, databases: dict[str, str]) -> None:
    """Notices and plans go to the head of the new school: let evaluation and notification
    know who that is before the first transfer (their directories come from another topic
    than the transfers, so no order between the two is promised)."""
    for service, query in (
        ("notification", "SELECT count(*) FROM directory_employees WHERE nip = $1"),
        ("evaluation", "SELECT count(*) FROM personnel_employees WHERE nip = $1"),
    ):
        conn = await asyncpg.connect(infra.database_url(databases[service]))
        try:
            await eventually(lambda c=conn, q=query: c.fetchval(q, HEAD), timeout=60)
        finally:
            await conn.close()


async def setup_campaign_posts(p: Any) -> None:
    """Two posts with room for every transfer of the campaign."""
    for pid, unit in (("guru-a", "sma-1"), ("guru-b", "sma-2")):
        r = await p.client.post(
            f"{p.system.url('personnel')}/positions",
            json={
                "position_id": p.id(pid),
                "unit_id": p.id(unit),
                "title": "Guru Matematika",
                "jabatan_type": "FUNGSIONAL",
                "formasi": 500,
                "is_head_of_unit": False,
                "required_education_levels": ["S1"],
                "required_education_fields": ["Pendidikan Matematika"],
            },
            headers=OPERATOR,
        )
        assert r.status_code == 201, r.text


async def every_effect_exactly_once(
    conns: dict[str, asyncpg.Connection], done: dict[str, str], p: Any
) -> None:
    target = p.id("sma-2")
    by_mutation = {m: nip for nip, m in done.items()}

    async def settled() -> str | None:
        """None once every effect is there; else what is still missing (for the message)."""
        moves = await conns["personnel"].fetch(
            "SELECT data->>'mutation_id' AS m, count(*) AS n FROM events "
            "WHERE data->>'mutation_id' = ANY($1::text[]) AND event_type LIKE '%Reassigned%' "
            "GROUP BY 1",
            list(by_mutation),
        )
        if len(moves) < len(by_mutation):
            return f"{len(by_mutation) - len(moves)} transfers not yet moved in personnel"
        plans = await conns["evaluation"].fetchval(
            "SELECT count(*) FROM monitoring_plans WHERE mutation_id = ANY($1::text[])",
            list(by_mutation),
        )
        if plans < len(by_mutation):
            return f"{plans} plans of {len(by_mutation)}"
        placed = await conns["personnel"].fetchval(
            "SELECT count(*) FROM employees WHERE nip = ANY($1::text[]) AND unit_id = $2",
            list(done),
            target,
        )
        if placed < len(done):
            return f"{placed} of {len(done)} employees shown in the new unit"
        notices = await conns["notification"].fetchval(
            "SELECT count(*) FROM inbox WHERE recipient = ANY($1::text[])", list(done)
        )
        expected = len(done) * len(MOVER_TEMPLATES)
        if notices < expected:
            return f"{notices} of {expected} notices to the movers"
        heads = await conns["notification"].fetchval(
            "SELECT count(*) FROM inbox WHERE recipient = $1", HEAD
        )
        if heads < len(done) * len(HEAD_TEMPLATES):
            return f"{heads} of {len(done) * len(HEAD_TEMPLATES)} notices to the head"
        return None

    async def nothing_missing() -> bool:
        missing = await settled()
        assert missing is None, missing
        return True

    await eventually(nothing_missing, timeout=180, interval=0.5)

    # One move per transfer in personnel's event store, and its history rows once each.
    moves = await conns["personnel"].fetch(
        "SELECT data->>'mutation_id' AS m, count(*) AS n FROM events "
        "WHERE data ? 'mutation_id' AND event_type LIKE '%Reassigned%' GROUP BY 1"
    )
    assert {r["m"]: r["n"] for r in moves} == dict.fromkeys(by_mutation, 1)
    history = await conns["personnel"].fetch(
        "SELECT mutation_id, kind, count(*) AS n FROM employee_history "
        "WHERE mutation_id IS NOT NULL GROUP BY 1, 2"
    )
    assert {r["mutation_id"] for r in history} == set(by_mutation)
    assert all(r["n"] == 1 for r in history), [dict(r) for r in history if r["n"] != 1]
    kinds = collections.Counter(r["mutation_id"] for r in history)
    assert len(set(kinds.values())) == 1, kinds  # every transfer wrote the same history rows

    # One monitoring plan per transfer.
    plans = await conns["evaluation"].fetch(
        "SELECT mutation_id, nip, count(*) OVER (PARTITION BY mutation_id) AS n "
        "FROM monitoring_plans"
    )
    assert {r["mutation_id"]: r["nip"] for r in plans} == by_mutation
    assert all(r["n"] == 1 for r in plans)

    # Each notice once: no recipient holds two notices of one source event, each mover has
    # the three decisions told, and the head of the new school every notice of every transfer.
    doubled = await conns["notification"].fetch(
        "SELECT recipient, source_event_id, count(*) AS n FROM inbox "
        "GROUP BY 1, 2 HAVING count(*) > 1"
    )
    assert doubled == [], [dict(r) for r in doubled]
    movers = await conns["notification"].fetch(
        "SELECT recipient, array_agg(template ORDER BY template) AS t FROM inbox "
        "WHERE recipient = ANY($1::text[]) GROUP BY 1",
        list(done),
    )
    assert {r["recipient"]: sorted(r["t"]) for r in movers} == dict.fromkeys(
        done, sorted(MOVER_TEMPLATES)
    )
    head = await conns["notification"].fetch(
        "SELECT template, count(*) AS n FROM inbox WHERE recipient = $1 GROUP BY 1", HEAD
    )
    assert {r["template"]: r["n"] for r in head} == dict.fromkeys(HEAD_TEMPLATES, len(done))


async def read_models_equal_their_rebuild(
    conns: dict[str, asyncpg.Connection], system: System
) -> None:
    """Each projection of each service, emptied and replayed from Kafka, gives back exactly
    the rows it had (through the admin route an operator uses)."""
    async with httpx.AsyncClient(timeout=30, headers=OPERATOR) as client:
        for service in SERVICES:
            conn = conns[service]
            r = await client.get(f"{system.url(service)}/admin/consumers")
            running = {c["name"]: c["topics"] for c in r.json()}
            owned = {n: t for n, t in projections(service).items() if n in running}
            assert owned, f"{service} shows no projection"
            for name, tables in owned.items():
                # A projection's consumer may still be catching up (after a kill, a partition
                # waits for the dead member's session to expire): compare what it shows once
                # it has applied everything on its topics, not while it lags.
                ends = await end_offsets(system.infra.kafka_bootstrap, running[name])
                await eventually(
                    lambda c=conn, n=name, e=ends: caught_up(c, n, e), timeout=120, interval=0.5
                )
                before = await snapshot(conn, tables)
                r = await client.post(f"{system.url(service)}/admin/projections/{name}/rebuild")
                assert r.status_code == 202, r.text

                async def rebuilt(
                    tables: tuple[str, ...] = tables,
                    before: dict[str, list[str]] = before,
                    conn: asyncpg.Connection = conn,
                ) -> bool:
                    after = await snapshot(conn, tables)
                    assert after == before, difference(before, after)
                    return True

                await eventually(rebuilt, timeout=120, interval=0.5)
                counts = {t: len(rows) for t, rows in before.items()}
                print(f"[fault campaign] {service}.{name} rebuilt equal: {json.dumps(counts)}")
