"""`python -m rangkui_eventkit.topics_cli`: create every contract topic that is missing, with
the partitions and retention the contracts declare (the broker never auto-creates topics)."""

from __future__ import annotations

import asyncio

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings


class _KafkaSettings(BaseSettings):
    kafka_bootstrap_servers: str = Field(
        default="127.0.0.1:19092",
        validation_alias=AliasChoices("KAFKA_BOOTSTRAP_SERVERS", "kafka_bootstrap_servers"),
    )
    topic_prefix: str = Field(
        default="", validation_alias=AliasChoices("RANGKUI_TOPIC_PREFIX", "topic_prefix")
    )


def main() -> None:
    from rangkui_eventkit.kafka import ensure_topics

    settings = _KafkaSettings()
    created = asyncio.run(ensure_topics(settings.kafka_bootstrap_servers, settings.topic_prefix))
    print(f"topics created: {', '.join(created) if created else 'none (all exist)'}")


if __name__ == "__main__":
    main()
