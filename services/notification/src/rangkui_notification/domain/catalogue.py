"""Which events are notified, with which template, to whom: the one table to extend.

Adding a notice for a new event type is one entry here plus one template file
`templates/<template>.j2` (with `subject` and `body` blocks). The reaction subscribes to
every topic that an entry's event class is published on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rangkui_contracts import DomainEvent
from rangkui_contracts.events import evaluation, mutation
from rangkui_notification.domain.directory import Directory
from rangkui_notification.domain.recipients import (
    Mailboxes,
    Recipient,
    bkd,
    bkd_and_head_of_target,
    bkd_if_monitoring,
    employee_and_heads,
    employee_if_told_and_heads,
    employee_only,
    evaluator_or_bkd,
    heads_of_both_units,
    next_actor_if_complete,
    ppk_and_employee,
    ppk_only,
)

RecipientRule = Callable[[Any, Directory, Mailboxes], list[Recipient]]


@dataclass(frozen=True)
class NoticeRule:
    """An event kind is told with `template` to the people `recipients` picks."""

    template: str
    recipients: RecipientRule


CATALOGUE: dict[type[DomainEvent], NoticeRule] = {
    # The employee is not told of a proposal: they hear of it when it is approved (or they
    # asked for it themselves).
    mutation.MutationProposed: NoticeRule("mutation_proposed", heads_of_both_units),
    # A complete file: ready for the TPK's sidang (or the PPK's decision, review skipped).
    mutation.MutationDocumentsChecked: NoticeRule(
        "mutation_documents_checked", next_actor_if_complete
    ),
    # The TPK's review is done: the file is ready for the PPK's decision.
    mutation.MutationReviewed: NoticeRule("mutation_reviewed", ppk_only),
    mutation.MutationApproved: NoticeRule("mutation_approved", employee_and_heads),
    mutation.MutationRejected: NoticeRule("mutation_rejected", employee_if_told_and_heads),
    mutation.MutationSocialized: NoticeRule("mutation_socialized", employee_only),
    # The notice never quotes the employee's reason (sealed; in clear in version 1).
    mutation.MutationObjectedV2: NoticeRule("mutation_objected", ppk_and_employee),
    mutation.MutationObjectionResolved: NoticeRule("mutation_objection_resolved", ppk_and_employee),
    mutation.MutationDecreed: NoticeRule("mutation_decreed", employee_and_heads),
    mutation.MutationEffective: NoticeRule("mutation_effective", employee_and_heads),
    mutation.MutationCancelled: NoticeRule("mutation_cancelled", employee_if_told_and_heads),
    # An effective transfer revoked by decree: the person goes back, both heads are told.
    mutation.MutationRevoked: NoticeRule("mutation_revoked", employee_and_heads),
    # The swearing-in or the SPMT is late: the BKD and the new unit's head must act.
    mutation.InductionOverdue: NoticeRule("induction_overdue", bkd_and_head_of_target),
    # A transfer held on its TMT: the BKD must act (release it, or ask the PPK to cancel).
    mutation.MutationHeld: NoticeRule("mutation_held", bkd),
    mutation.StaffingNeedIdentified: NoticeRule("staffing_need_identified", bkd),
    evaluation.MonitoringScheduled: NoticeRule("monitoring_scheduled", evaluator_or_bkd),
    evaluation.MonitoringOverdue: NoticeRule("monitoring_overdue", evaluator_or_bkd),
    evaluation.MonitoringEvaluatorAssigned: NoticeRule(
        "monitoring_evaluator_assigned", evaluator_or_bkd
    ),
    evaluation.EvaluationRecordedV2: NoticeRule("evaluation_recorded", bkd_if_monitoring),
    evaluation.MutationOutcomeAssessed: NoticeRule("mutation_outcome_assessed", bkd),
}


@dataclass(frozen=True)
class Notice:
    """One notice to write: a recipient in a role, told about an event with a template."""

    recipient: Recipient
    template: str


def plan_notices(event: DomainEvent, directory: Directory, mailboxes: Mailboxes) -> list[Notice]:
    """The notices an event calls for (none if the catalogue does not list its type)."""
    rule = CATALOGUE.get(type(event))
    if rule is None:
        return []
    return [Notice(r, rule.template) for r in rule.recipients(event, directory, mailboxes)]
