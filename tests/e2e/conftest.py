from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from rangkui_eventkit.testing.infra import Infra
from rangkui_eventkit.testing.system import System


@pytest.fixture
async def system(infra: Infra, topic_prefix: str, tmp_path: Path) -> AsyncIterator[System]:
    """All four services as separate processes on this test's topics and databases."""
    system = System(infra, topic_prefix, tmp_path)
    try:
        await system.start()
        yield system
    finally:
        await system.close()
