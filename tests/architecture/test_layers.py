"""The shape every service shares, checked on the source itself: a pure domain, events
appended only through the kit's pipeline, no SQL on the kit's tables outside the kit, and
the time read from the clock."""

from __future__ import annotations

import json
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

from rangkui_contracts.services import SERVICES

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]
INFRASTRUCTURE = ("asyncpg", "aiokafka", "fastapi", "httpx", "structlog", "starlette", "uvicorn")


def _sources(pattern: str) -> list[Path]:
    return sorted(ROOT.glob(pattern))


def _domain_modules(service: str) -> list[str]:
    package = ROOT / "services" / service / "src" / f"rangkui_{service}" / "domain"
    return [f"rangkui_{service}.domain"] + [
        f"rangkui_{service}.domain.{m.name}" for m in pkgutil.iter_modules([str(package)])
    ]


@pytest.mark.parametrize("service", SERVICES)
def test_importing_the_domain_loads_no_infrastructure(service: str) -> None:
    modules = _domain_modules(service)
    assert len(modules) > 2
    probe = (
        "import importlib, json, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        f"print(json.dumps(sorted(n for n in {INFRASTRUCTURE!r} if n in sys.modules)))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(loaded) == [], f"{service}'s domain imports infrastructure"


# SQL keywords are written in capitals throughout (prose says "built from events").
_KIT_TABLES = re.compile(
    r"\b(FROM|INTO|UPDATE|JOIN|TRUNCATE)\s+(events|outbox|consumer_offsets|consumer_streams)\b"
)


def test_no_service_module_runs_sql_on_the_kits_tables() -> None:
    offending = [
        str(p.relative_to(ROOT))
        for p in _sources("services/*/src/**/*.py")
        if _KIT_TABLES.search(p.read_text(encoding="utf-8"))
    ]
    assert offending == []


_APPEND = re.compile(r"\.append\(\s*\[\s*StreamWrite|store\.append\(|ctx\.append\(")


def test_no_service_appends_events_outside_the_kits_pipeline() -> None:
    offending = [
        str(p.relative_to(ROOT))
        for p in _sources("services/*/src/**/*.py")
        if _APPEND.search(p.read_text(encoding="utf-8"))
    ]
    assert offending == []


_WALL_CLOCK = re.compile(r"date\.today\(\)|datetime\.now\(|datetime\.utcnow\(")


def test_the_time_is_read_from_the_clock_only() -> None:
    offending = [
        str(p.relative_to(ROOT))
        for p in [*_sources("services/*/src/**/*.py"), *_sources("libs/eventkit/src/**/*.py")]
        if p.name != "clock.py" and _WALL_CLOCK.search(p.read_text(encoding="utf-8"))
    ]
    assert offending == []


_ENTRYPOINT_FILE = re.compile(r"^(__init__|access|cli|scope|http|http_[a-z_]+)\.py$")


def test_router_files_are_named_one_way() -> None:
    """`http.py` for a service's main routes, `http_<topic>.py` for the others."""
    offending = [
        str(p.relative_to(ROOT))
        for p in _sources("services/*/src/*/entrypoints/*.py")
        if not _ENTRYPOINT_FILE.match(p.name)
    ]
    assert offending == []


def _older_version_uses(names: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(names)
    return re.compile(rf"(@handles\(|isinstance\(|case |\| )[^\n]*\b({alternatives})\b(?!V\d)")


# The personnel decider decides in the plaintext (version-1) shape, which its vault adapter
# seals into the current version before the append: producers, not readers.
_PLAINTEXT_PRODUCERS = {
    "services/personnel/src/rangkui_personnel/domain/employee.py",
    "services/personnel/src/rangkui_personnel/adapters/personal_data.py",
}


def test_no_consumer_handles_two_versions_of_one_event() -> None:
    from rangkui_contracts.upcasting import UPCASTERS

    pattern = _older_version_uses([cls.__name__ for cls in UPCASTERS])
    offending = [
        f"{p.relative_to(ROOT)}: {m.group(0).strip()}"
        for p in _sources("services/*/src/**/*.py")
        if str(p.relative_to(ROOT)) not in _PLAINTEXT_PRODUCERS
        for m in pattern.finditer(p.read_text(encoding="utf-8"))
    ]
    assert offending == []


def test_the_checks_above_can_fail() -> None:
    """Each pattern finds what it is meant to find (a check that cannot fail proves nothing)."""
    older = _older_version_uses(["MutationObjected"])
    assert older.search("    @handles(MutationObjected, MutationObjectedV2)")
    assert older.search("        case MutationObjected() | MutationObjectedV2():")
    assert not older.search("    @handles(MutationObjectedV2)")
    assert not _ENTRYPOINT_FILE.match("needs_http.py")
    assert _KIT_TABLES.search("SELECT * FROM events WHERE stream_id = $1")
    assert _APPEND.search("await store.append([StreamWrite(sid, 0, events)], cause)")
    assert _WALL_CLOCK.search("today = date.today()")
    assert not _KIT_TABLES.search("SELECT * FROM mutation_events_log")


def test_the_scripts_that_run_before_python_list_the_catalogues_services() -> None:
    infra = (ROOT / "deploy" / "local" / "infra.sh").read_text(encoding="utf-8")
    docker = (ROOT / "deploy" / "docker" / "service.sh").read_text(encoding="utf-8")
    listed = re.search(r"^services=\(([^)]*)\)", infra, re.M)
    quoted = re.search(r'^services="([^"]*)"', docker, re.M)
    assert listed is not None
    assert quoted is not None
    assert tuple(listed.group(1).split()) == SERVICES
    assert tuple(quoted.group(1).split()) == SERVICES
