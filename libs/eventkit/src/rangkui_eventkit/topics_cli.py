"""`python -m rangkui_eventkit.topics_cli`: create every contract topic that is missing, with
the partitions and retention the contracts declare (the broker never auto-creates topics)."""

from __future__ import annotations

import asyncio

from rangkui_eventkit.settings import ServiceSettings, kafka_security_options


def main() -> None:
    """Connects as the environment says (`KAFKA_*`, including SASL/TLS), like a service."""
    from rangkui_eventkit.kafka import ensure_topics

    settings = ServiceSettings()
    created = asyncio.run(
        ensure_topics(
            settings.kafka_bootstrap_servers,
            settings.topic_prefix,
            **kafka_security_options(settings),
        )
    )
    print(f"topics created: {', '.join(created) if created else 'none (all exist)'}")


if __name__ == "__main__":
    main()
