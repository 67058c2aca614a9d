"""Work too heavy for the event loop, done beside it: candidate matching.

Matching a need against a province (25,000 employees: building their facts, excluding by
the hard rules, scoring and sorting) is some 60 ms of pure Python per need; `GET /needs`
does it for every open need. On the event loop that stalls every other request and every
consumer for as long. `OffLoop` runs such a function in worker threads, at most
`concurrency` at once (more wait their turn, so a burst of requests cannot take every
core): the loop keeps scheduling its other coroutines meanwhile, since a thread running
Python gives the interpreter lock up every few milliseconds. Only pure functions of their
arguments go here (no connection, no loop object): they share nothing with the loop.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


class OffLoop:
    def __init__(self, concurrency: int = 1, *, name: str = "matching") -> None:
        self.concurrency = concurrency
        self._name = name
        self._executor: ThreadPoolExecutor | None = None  # started at the first use

    async def run(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """`fn(*args, **kwargs)` in a worker thread; its result (or its exception)."""
        if self._executor is None:
            self._executor = ThreadPoolExecutor(
                max_workers=self.concurrency, thread_name_prefix=self._name
            )
        loop = asyncio.get_running_loop()
        call: Callable[[], Any] = functools.partial(fn, *args, **kwargs)
        return await loop.run_in_executor(self._executor, call)  # type: ignore[no-any-return]

    def close(self) -> None:
        """Let the worker threads go (a later `run` starts new ones)."""
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
