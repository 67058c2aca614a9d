"""The decider pattern: pure `decide` and `evolve`, folded by `fold`.

A decider knows nothing of storage: `evolve(state, event) -> state` folds history, and
`decide(command, state) -> [events]` returns what happens (or raises a `DomainError`).
Pure: this module imports nothing but the standard library and the contracts, so that a
service's domain can build deciders without loading any infrastructure. The impure loop
around a decider (load, fold, decide, append) is the kit's command pipeline
(`rangkui_eventkit.pipeline`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rangkui_contracts import DomainEvent, upcast

S = TypeVar("S")
C = TypeVar("C")


@dataclass(frozen=True)
class Decider(Generic[C, S]):
    initial_state: S
    evolve: Callable[[S, DomainEvent], S]
    decide: Callable[[C, S], Sequence[DomainEvent]]

    def fold(self, events: Iterable[DomainEvent]) -> S:
        state = self.initial_state
        for event in events:
            # An older version reads as the current one, whatever its source (a store, a
            # fresh decision, a test's Given): evolve matches one version of each event.
            state = self.evolve(state, upcast(event))
        return state
