"""Audit trail: the events' hash chain checked (`verify`), anchored outside the database
(`seal`), and queried by employee, transfer, actor and period (`audit_router`)."""

from rangkui_eventkit.audit.chain import (
    Problem,
    Seal,
    VerifyReport,
    format_report,
    seal,
    verify,
    verify_stream,
)
from rangkui_eventkit.audit.query import AuditFilter, AuditPage, audit_events

__all__ = [
    "AuditFilter",
    "AuditPage",
    "Problem",
    "Seal",
    "VerifyReport",
    "audit_events",
    "format_report",
    "seal",
    "verify",
    "verify_stream",
]
