"""Who is calling: the roles of the platform and the principal a verified token describes."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    """The roles a token can carry; each maps onto steps of the transfer process."""

    BKD_OPERATOR = "bkd_operator"  # BKD staff: master data, proposals, decrees, operations
    TPK_MEMBER = "tpk_member"  # member of the review team (Baperjakat / TPK)
    PPK = "ppk"  # the official who approves or rejects (Pejabat Pembina Kepegawaian)
    EVALUATOR = "evaluator"  # head of a unit: monitors and evaluates who was moved there
    EMPLOYEE = "employee"  # an ASN: their own records and inbox
    AUDITOR = "auditor"  # reads the audit trail, changes nothing
    INTEGRATION = "integration"  # a provincial system with a client-credentials token


ALL_ROLES: frozenset[Role] = frozenset(Role)


@dataclass(frozen=True)
class Principal:
    """The verified caller. `nip` and `units` bound what an employee or an evaluator sees."""

    subject: str
    issuer: str
    roles: frozenset[Role]
    nip: str | None = None
    units: frozenset[str] = field(default_factory=frozenset)
    username: str | None = None
    client_id: str | None = None

    @property
    def actor(self) -> str:
        """The name events record as their actor: a person's NIP when the token carries one
        (an official is an ASN too), else their user name; a system as `client:<id>`."""
        if self.nip:
            return self.nip
        if Role.INTEGRATION in self.roles and self.client_id:
            return f"client:{self.client_id}"
        return self.username or self.subject

    def has_any(self, roles: frozenset[Role]) -> bool:
        return bool(self.roles & roles)
