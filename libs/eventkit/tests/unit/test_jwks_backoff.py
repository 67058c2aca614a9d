"""During an identity-provider outage, unknown key ids do not turn into a fetch each."""

import asyncio
from typing import Any

import pytest

from rangkui_eventkit.auth.verifier import KeySet
from rangkui_eventkit.errors import Unauthenticated

pytestmark = pytest.mark.unit


class FlakyIdP:
    def __init__(self) -> None:
        self.calls = 0
        self.up = False

    async def fetch(self) -> dict[str, Any]:
        self.calls += 1
        await asyncio.sleep(0)  # let concurrent requests pile up behind the lock
        if not self.up:
            raise OSError("connection refused")
        return {
            "keys": [{"kty": "oct", "kid": "k1", "k": "c2VjcmV0LWtleS1vZi0zMi1ieXRlcy1sb25nIQ"}]
        }


async def test_concurrent_requests_share_one_fetch_and_a_failure_backs_off() -> None:
    idp = FlakyIdP()
    keys = KeySet(idp.fetch, refetch_interval_s=0)
    results = await asyncio.gather(*(keys.key(f"k-{n}") for n in range(50)), return_exceptions=True)
    assert all(isinstance(r, Unauthenticated) for r in results)
    assert idp.calls == 1  # single flight, then the backoff holds the rest off
    for n in range(20):
        with pytest.raises(Unauthenticated, match="try again later"):
            await keys.key(f"again-{n}")
    assert idp.calls == 1
    keys._failed_at -= 1.5  # the first backoff (1 s) has passed
    idp.up = True
    assert (await keys.key("k1")).key_id == "k1"
    assert idp.calls == 2


async def test_the_backoff_doubles_while_the_idp_stays_down() -> None:
    idp = FlakyIdP()
    keys = KeySet(idp.fetch, refetch_interval_s=0, max_backoff_s=4)
    backoffs = []
    for _ in range(5):
        with pytest.raises(Unauthenticated):
            await keys.key("k1")
        backoffs.append(keys._backoff_s)
        keys._failed_at = float("-inf")  # let the next attempt through
    assert backoffs == [1.0, 2.0, 4.0, 4.0, 4.0]
