"""entrypoints of the notification service."""
