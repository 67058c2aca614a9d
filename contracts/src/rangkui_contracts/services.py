"""The service catalogue: the four services of the platform, each owning the bounded context
of its name (its topic, its `ce_source` `/rangkui/<name>`), with its local HTTP port.

One place: Python reads `SERVICES`; the shell scripts ask `python -m rangkui_contracts.services`
(and `tests/architecture` checks the lists the scripts that run before Python keep).
"""

from __future__ import annotations

SERVICES: tuple[str, ...] = ("personnel", "mutation", "evaluation", "notification")
LOCAL_HTTP_PORTS: dict[str, int] = {
    "personnel": 8101,
    "mutation": 8102,
    "evaluation": 8103,
    "notification": 8104,
}

if __name__ == "__main__":
    print(" ".join(SERVICES))
