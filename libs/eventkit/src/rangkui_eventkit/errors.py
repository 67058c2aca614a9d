"""Typed errors that the domain and the kit raise; each service maps them to HTTP once."""

from __future__ import annotations


class DomainError(Exception):
    """Base of errors that a caller can act on; `message` is meant for a person."""

    status_code = 400
    code = "domain_error"
    headers: dict[str, str] | None = None

    def __init__(self, message: str, *, details: dict[str, object] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or {}


class ConcurrencyConflict(DomainError):
    """A stream changed since it was read: the command must be retried on fresh state."""

    status_code = 409
    code = "concurrency_conflict"


class RuleViolated(DomainError):
    """A business rule forbids the command; `rule` names it (e.g. `one_open_transfer`)."""

    status_code = 422
    code = "rule_violated"

    def __init__(
        self,
        rule: str,
        message: str,
        *,
        status_code: int = 422,
        details: dict[str, object] | None = None,
    ) -> None:
        super().__init__(message, details=details)
        self.rule = rule
        self.status_code = status_code


class NotFound(DomainError):
    status_code = 404
    code = "not_found"


class AlreadyExists(DomainError):
    status_code = 409
    code = "already_exists"


class Unauthenticated(DomainError):
    """No valid bearer token: the caller must (re)authenticate with the identity provider."""

    status_code = 401
    code = "unauthenticated"

    def __init__(self, message: str, *, details: dict[str, object] | None = None) -> None:
        super().__init__(message, details=details)
        description = message.replace('"', "'")
        self.headers = {
            "WWW-Authenticate": f'Bearer error="invalid_token", error_description="{description}"'
        }


class Forbidden(DomainError):
    """A valid caller whose roles or scope do not allow this request."""

    status_code = 403
    code = "forbidden"
