"""Configuration of the notification service, from `NOTIFICATION_*` environment variables."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from rangkui_eventkit.personal_data import PersonalDataTransportSettings
from rangkui_eventkit.settings import ServiceSettings

DEVELOPMENT_SIGNING_KEY = "change-me-in-production"


class NotificationSettings(ServiceSettings, PersonalDataTransportSettings):
    """`RANGKUI_PERSONAL_DATA_TRANSPORT_KEY` (shared with personnel) unwraps the employees'
    data keys, which open their sealed e-mail addresses; required unless in development."""

    model_config = SettingsConfigDict(env_prefix="NOTIFICATION_", extra="ignore")

    service_name: str = "notification"
    http_port: int = 8104
    bkd_mailbox: str = "BKD"
    bkd_email: str | None = None
    ppk_mailbox: str = "PPK"
    tpk_mailbox: str = "TPK"  # the review team's office: told when a file is ready for review
    objection_days: int = 14  # policy: days the employee has to object after sosialisasi
    ppk_email: str | None = None
    tpk_email: str | None = None

    # e-mail over SMTP
    email_enabled: bool = False
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 25
    smtp_from: str = "Mutasi ASN Provinsi Rangkui <notifikasi@rangkui.go.id>"
    smtp_timeout_s: float = 10.0
    smtp_require_starttls: bool | None = None  # None: required outside development mode

    @property
    def smtp_tls_required(self) -> bool:
        """STARTTLS is required unless said otherwise, and always outside development."""
        if not self.development_mode:
            return True
        return bool(self.smtp_require_starttls)

    message_id_domain: str = "notifikasi.rangkui.go.id"
    email_max_attempts: int = 5
    email_backoff_base_s: float = 2.0
    email_backoff_max_s: float = 600.0

    # webhooks
    webhook_signing_key: str = DEVELOPMENT_SIGNING_KEY
    webhook_allow_private_targets: bool = False  # loopback/private addresses (tests, labs)
    webhook_timeout_s: float = 5.0
    webhook_max_attempts: int = 8
    webhook_backoff_base_s: float = 2.0
    webhook_backoff_max_s: float = 600.0

    # "checkpoint due soon" reminders
    run_reminders: bool = True
    reminder_days_before: int = 7
    reminder_interval_s: float = 3600.0

    # the delivery worker (e-mail and webhooks)
    run_delivery_worker: bool = True
    delivery_poll_interval_s: float = 0.5
    delivery_batch_size: int = 50

    def require_production_secrets(self) -> None:
        """Refuse to run outside development with the public default signing key: anyone
        could then sign webhook calls that subscribers trust."""
        if not self.development_mode and self.webhook_signing_key == DEVELOPMENT_SIGNING_KEY:
            raise ValueError(
                "NOTIFICATION_WEBHOOK_SIGNING_KEY is not set (the default is public); set it "
                "from a Secret, or NOTIFICATION_DEVELOPMENT_MODE=true for local use"
            )
        if not self.development_mode and len(self.webhook_signing_key.encode()) < 32:
            raise ValueError(
                "NOTIFICATION_WEBHOOK_SIGNING_KEY must be at least 32 bytes (every "
                "subscription's secret derives from it): e.g. `openssl rand -base64 32`"
            )
