"""`infra.sh start` upgrades a local broker that an older infra.sh formatted and started
(no SASL listener, no SCRAM users) in place, keeping its data.

A machine keeps its state directory between runs, so the first run of a new infra.sh meets
the old storage: without this upgrade every SASL test failed until someone ran `reset`. The
test builds that old state for real (the old configuration, a storage formatted without
`--add-scram`, a broker running it) on its own ports and directory, then runs `kafka-start`.
"""

from __future__ import annotations

import base64
import os
import shutil
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from rangkui_deploy.catalogue import SERVICES

from rangkui_contracts.topics import TopicSpec
from rangkui_eventkit.kafka import ensure_topics
from rangkui_eventkit.testing.infra import Infra

pytestmark = pytest.mark.integration

INFRA_SH = Path(__file__).resolve().parents[1] / "local" / "infra.sh"
USERS = ("admin", *(s.kafka_user for s in SERVICES))
KEPT_TOPIC = TopicSpec("rangkui.upgrade-test.kept", 1)

# What infra.sh wrote before it had a SASL listener: PLAINTEXT and the controller only.
OLD_CONFIG = """\
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:{controller}
listeners=PLAINTEXT://127.0.0.1:{kafka},CONTROLLER://127.0.0.1:{controller}
advertised.listeners=PLAINTEXT://127.0.0.1:{kafka}
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs={data}
num.partitions=1
auto.create.topics.enable=false
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
"""


def _free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def _wait_for_port(port: int, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"nothing listens on 127.0.0.1:{port} after {seconds} s")


def _infra(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(INFRA_SH), *args], env=env, capture_output=True, text=True, timeout=300
    )


def _share_kafka_jars(state: Path) -> None:
    """Reuse the project broker's jars when it has them (else infra.sh fetches its own)."""
    printed = subprocess.run(
        [str(INFRA_SH), "env"], capture_output=True, text=True, check=True
    ).stdout
    for line in printed.splitlines():
        if line.startswith("export RANGKUI_KAFKA_LIB="):
            lib = Path(line.split("=", 1)[1])
            if any(lib.glob(".stamp-*")):
                (state / "kafka").mkdir(parents=True)
                (state / "kafka" / "lib").symlink_to(lib)


@pytest.fixture
def old_broker(infra: Infra, tmp_path: Path) -> Iterator[dict[str, str]]:
    """A broker as an older infra.sh left it, running; yields the environment naming it."""
    if infra.origin != "local" and not (shutil.which("java") and shutil.which("mvn")):
        pytest.skip("the local broker needs Java and Maven, which this machine lacks")
    state = tmp_path / "state"
    kafka_port, controller_port, sasl_port = _free_ports(3)
    env = {
        **os.environ,
        "RANGKUI_STATE_DIR": str(state),
        "RANGKUI_KAFKA_PORT": str(kafka_port),
        "RANGKUI_KAFKA_CONTROLLER_PORT": str(controller_port),
        "RANGKUI_KAFKA_SASL_PORT": str(sasl_port),
    }
    _share_kafka_jars(state)
    old_config = tmp_path / "old-server.properties"
    old_config.write_text(
        OLD_CONFIG.format(
            kafka=kafka_port, controller=controller_port, data=state / "kafka" / "data"
        )
    )
    # A URL-safe base64 id may begin with "-" (1 in 32): given as `--cluster-id=...` it is
    # never read as an option (as `-t <id>` it was, now and then).
    cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
    formatted = _infra(
        env, "kafka-class", "kafka.tools.StorageTool", "format", "--standalone",
        f"--cluster-id={cluster_id}", "-c", str(old_config),
    )  # fmt: skip
    assert formatted.returncode == 0, formatted.stdout + formatted.stderr
    with (tmp_path / "old-broker.log").open("w") as log:
        broker = subprocess.Popen(
            ["java", "-Xmx512m", "-cp", f"{state}/kafka/lib/*", "kafka.Kafka", str(old_config)],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    (state / "kafka" / "pid").write_text(str(broker.pid))  # as the older infra.sh recorded it
    try:
        _wait_for_port(kafka_port, 90)
        yield env
    finally:
        _infra(env, "kafka-stop")
        if broker.poll() is None:
            broker.kill()
        broker.wait(timeout=30)


def _password(env: dict[str, str], user: str) -> str:
    return env.get(f"RANGKUI_KAFKA_{user.upper()}_PASSWORD", f"{user}-local")


def _sasl(sasl_port: str, user: str, password: str) -> dict[str, str]:
    return {
        "bootstrap_servers": f"127.0.0.1:{sasl_port}",
        "security_protocol": "SASL_PLAINTEXT",
        "sasl_mechanism": "SCRAM-SHA-512",
        "sasl_plain_username": user,
        "sasl_plain_password": password,
    }


async def test_start_gives_an_old_broker_its_sasl_listener_users_and_acls_and_keeps_its_data(
    old_broker: dict[str, str],
) -> None:
    env = old_broker
    plaintext = f"127.0.0.1:{env['RANGKUI_KAFKA_PORT']}"
    sasl_port = env["RANGKUI_KAFKA_SASL_PORT"]
    await ensure_topics(plaintext, specs=[KEPT_TOPIC])
    producer = AIOKafkaProducer(bootstrap_servers=plaintext)
    await producer.start()
    try:
        await producer.send_and_wait(KEPT_TOPIC.name, b"written before the upgrade")
    finally:
        await producer.stop()
    assert "no SCRAM users" in _infra(env, "status").stdout

    upgraded = _infra(env, "kafka-start")

    assert upgraded.returncode == 0, upgraded.stderr
    assert "has no SASL listener" in upgraded.stderr  # the old broker was restarted
    assert "adding admin personnel" in upgraded.stderr
    assert "SCRAM users admin personnel" in _infra(env, "status").stdout
    for user in USERS:  # every user logs in with the password infra.sh env names
        producer = AIOKafkaProducer(**_sasl(sasl_port, user, _password(env, user)))
        await producer.start()  # raises if the broker refuses the login
        await producer.stop()
    await ensure_topics(plaintext)  # the catalogue's topics, as the test suite creates them
    svc = SERVICES[0]
    consumer = AIOKafkaConsumer(**_sasl(sasl_port, svc.kafka_user, _password(env, svc.kafka_user)))
    await consumer.start()
    try:  # the ACLs were granted: the user sees exactly its topics
        assert set(await consumer.topics()) == {t.name for t in (*svc.writes, *svc.consumes)}
    finally:
        await consumer.stop()
    kept = AIOKafkaConsumer(
        KEPT_TOPIC.name, bootstrap_servers=plaintext, auto_offset_reset="earliest"
    )
    await kept.start()
    try:
        record = await kept.getone()
    finally:
        await kept.stop()
    assert record.value == b"written before the upgrade"

    again = _infra(env, "kafka-start")  # idempotent: nothing left to upgrade
    assert again.returncode == 0, again.stderr
    assert "already running" in again.stderr
    assert "adding" not in again.stderr
