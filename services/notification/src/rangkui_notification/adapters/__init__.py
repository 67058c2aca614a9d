"""adapters of the notification service."""
