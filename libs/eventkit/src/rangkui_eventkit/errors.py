"""Typed errors that the domain and the kit raise; the HTTP status is chosen once, from the
error's kind, in `rangkui_eventkit.http`.

Pure: this module imports nothing but the standard library, so that every service's domain
can raise these errors without loading any infrastructure.

A refusal by the rules (`RuleViolated`) carries every rule that failed at once (an officer
fixes all problems in one go, not one per attempt), each with its rule id, a message for a
person in Bahasa Indonesia (`pesan`), the English text for operators' logs (`message`) and the
legal basis where there is one (for example `PP 11/2017 Pasal 190`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class ErrorKind(StrEnum):
    """What kind of answer an error is; the kit maps each kind to one HTTP status."""

    INVALID = "invalid"  # the request itself is malformed or incomplete
    REFUSED = "refused"  # well-formed, but a rule refuses it
    NOT_FOUND = "not_found"  # it names something that does not exist
    CONFLICT = "conflict"  # the current state does not allow it (exists, moved on, wrong step)
    FORBIDDEN = "forbidden"  # the caller may not do this
    UNAUTHENTICATED = "unauthenticated"  # no valid credentials
    TOO_LARGE = "too_large"  # over a size bound
    UNAVAILABLE = "unavailable"  # a dependency is down: try again later


class DomainError(Exception):
    """Base of errors that a caller can act on; `message` is meant for a person."""

    kind: ErrorKind = ErrorKind.INVALID
    code = "domain_error"
    headers: dict[str, str] | None = None

    def __init__(
        self,
        message: str,
        *,
        details: Mapping[str, object] | None = None,
        kind: ErrorKind | None = None,
        pesan: str | None = None,
        rule: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.details: dict[str, object] = dict(details or {})
        if kind is not None:
            self.kind = kind
        # What a person reads, in Bahasa Indonesia (`message` stays the English for logs),
        # and the rule that refuses, where the error has them.
        self.pesan = pesan
        self.rule = rule


class ConcurrencyConflict(DomainError):
    """A stream changed since it was read: the command must be retried on fresh state."""

    kind = ErrorKind.CONFLICT
    code = "concurrency_conflict"


@dataclass(frozen=True)
class Violation:
    """One rule that refuses a command: its id, what a person reads (Bahasa Indonesia),
    the English text for logs, its legal basis, and the figures behind it."""

    rule: str
    message: str
    pesan: str | None = None
    legal_basis: str | None = None
    details: Mapping[str, object] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"rule": self.rule, "message": self.pesan or self.message}
        if self.pesan:
            out["message_en"] = self.message
        if self.legal_basis:
            out["legal_basis"] = self.legal_basis
        if self.details:
            out["details"] = dict(self.details)
        return out


class RuleViolated(DomainError):
    """One or more business rules forbid the command; `rule` names the first, `violations`
    holds them all (e.g. `min_years_in_post` and `performance_below_baik` together)."""

    kind = ErrorKind.REFUSED
    code = "rule_violated"

    def __init__(
        self,
        rule: str,
        message: str,
        *,
        kind: ErrorKind | None = None,
        pesan: str | None = None,
        legal_basis: str | None = None,
        details: Mapping[str, object] | None = None,
        violations: Iterable[Violation] = (),
    ) -> None:
        first = Violation(rule, message, pesan, legal_basis, dict(details or {}))
        rest = [v for v in violations if v != first]
        super().__init__(pesan or message, details=details, kind=kind)
        self.rule = rule
        self.message_en = message
        self.pesan = pesan
        self.legal_basis = legal_basis
        self.violations: tuple[Violation, ...] = (first, *rest)

    @classmethod
    def of(cls, violations: Iterable[Violation], *, kind: ErrorKind | None = None) -> RuleViolated:
        """One error for several failing rules (at least one)."""
        found = list(violations)
        if not found:
            raise ValueError("RuleViolated.of needs at least one violation")
        first = found[0]
        return cls(
            first.rule,
            first.message,
            kind=kind,
            pesan=first.pesan,
            legal_basis=first.legal_basis,
            details=first.details,
            violations=found[1:],
        )


def raise_violations(violations: Iterable[Violation], *, kind: ErrorKind | None = None) -> None:
    """Raise one `RuleViolated` listing every violation, or return if there is none."""
    found = list(violations)
    if found:
        raise RuleViolated.of(found, kind=kind)


class NotFound(DomainError):
    kind = ErrorKind.NOT_FOUND
    code = "not_found"


class AlreadyExists(DomainError):
    kind = ErrorKind.CONFLICT
    code = "already_exists"


class Unauthenticated(DomainError):
    """No valid bearer token: the caller must (re)authenticate with the identity provider."""

    kind = ErrorKind.UNAUTHENTICATED
    code = "unauthenticated"

    def __init__(self, message: str, *, details: Mapping[str, object] | None = None) -> None:
        super().__init__(message, details=details)
        description = message.replace('"', "'")
        self.headers = {
            "WWW-Authenticate": f'Bearer error="invalid_token", error_description="{description}"'
        }


class Forbidden(DomainError):
    """A valid caller whose roles or scope do not allow this request."""

    kind = ErrorKind.FORBIDDEN
    code = "forbidden"


# The one mapping from an error's kind to its HTTP status (used by `rangkui_eventkit.http`;
# kept here, beside the kinds, so that a new kind cannot be added without its status).
HTTP_STATUS: Mapping[ErrorKind, int] = {
    ErrorKind.INVALID: 422,
    ErrorKind.REFUSED: 422,
    ErrorKind.NOT_FOUND: 404,
    ErrorKind.CONFLICT: 409,
    ErrorKind.FORBIDDEN: 403,
    ErrorKind.UNAUTHENTICATED: 401,
    ErrorKind.TOO_LARGE: 413,
    ErrorKind.UNAVAILABLE: 503,
}


def http_status(error: DomainError) -> int:
    return HTTP_STATUS[error.kind]
