"""A small province for the unit tests: two units with their heads and one employee."""

from __future__ import annotations

import pytest

from rangkui_notification.adapters.templates import TemplateRenderer
from rangkui_notification.domain.directory import Directory, Person, Transfer

EMPLOYEE = "198609262015051001"
HEAD_ORIGIN = "197501012000031002"
HEAD_TARGET = "197802022003122003"


@pytest.fixture
def directory() -> Directory:
    return Directory(
        people={
            # a sealed contact (the address is opened only when sending), ...
            EMPLOYEE: Person(EMPLOYEE, "Siti Rahma", "SMA1", "GURU-MTK-1", sealed_contact=True),
            # ... no contact, and an address from an event published before sealing
            HEAD_ORIGIN: Person(HEAD_ORIGIN, "Budi Santoso", "SMA1", "KEPSEK-1", None),
            HEAD_TARGET: Person(HEAD_TARGET, "Dewi Lestari", "SMA2", "KEPSEK-2", "dewi@x.id"),
        },
        units={"SMA1": "SMA Negeri 1 Kota Rangkui", "SMA2": "SMA Negeri 2 Tanjung Batu"},
        positions={
            "GURU-MTK-1": "Guru Matematika Ahli Muda",
            "GURU-MTK-2": "Guru Matematika Ahli Muda",
            "KEPSEK-1": "Kepala Sekolah",
            "KEPSEK-2": "Kepala Sekolah",
        },
        heads={"SMA1": HEAD_ORIGIN, "SMA2": HEAD_TARGET},
        transfers={
            "M-1": Transfer(
                "M-1", EMPLOYEE, "SMA1", "GURU-MTK-1", "SMA2", "GURU-MTK-2", "Kekurangan guru"
            )
        },
    )


@pytest.fixture(scope="session")
def renderer() -> TemplateRenderer:
    return TemplateRenderer()
