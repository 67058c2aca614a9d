"""Who may call which endpoint of the notification service (issue 9's role × endpoint
table).

An inbox and its preferences belong to their recipient: an employee reaches their own
(recipient = their NIP), the PPK their own and the PPK mailbox, a TPK member their own and
the TPK mailbox; BKD operators reach every
inbox (the BKD mailbox among them) and run deliveries, templates and webhook subscriptions
with the provincial systems.
"""

from rangkui_eventkit.auth import AccessTable, Role, Rule, own, rule
from rangkui_notification.settings import NotificationSettings

BKD, PPK, TPK, EMPLOYEE, AUDITOR, INTEGRATION = (
    Role.BKD_OPERATOR,
    Role.PPK,
    Role.TPK_MEMBER,
    Role.EMPLOYEE,
    Role.AUDITOR,
    Role.INTEGRATION,
)


def access_for(settings: NotificationSettings) -> AccessTable:
    """The table, with the PPK mailbox's name as the service is configured."""
    own_inbox = rule(
        BKD,
        own(EMPLOYEE),
        own(PPK),
        own(TPK),
        person="recipient",
        mailboxes={PPK: settings.ppk_mailbox, TPK: settings.tpk_mailbox},
    )
    return AccessTable(_table(own_inbox))


def _table(own_inbox: Rule) -> dict[str, Rule]:
    return {
        "GET /inbox/{recipient}": own_inbox,
        "GET /inbox/{recipient}/unread-count": own_inbox,
        "POST /inbox/{recipient}/{notification_id}/read": own_inbox,
        "GET /preferences/{recipient}": own_inbox,
        "PUT /preferences/{recipient}": own_inbox,
        "GET /deliveries": rule(BKD, AUDITOR),
        "GET /deliveries/{notification_id}": rule(BKD, AUDITOR),
        "POST /deliveries/{notification_id}/retry": rule(BKD),
        "POST /webhooks/subscriptions": rule(BKD, INTEGRATION),
        "GET /webhooks/subscriptions": rule(BKD, INTEGRATION, AUDITOR),
        "GET /webhooks/subscriptions/{subscription_id}": rule(BKD, INTEGRATION, AUDITOR),
        "DELETE /webhooks/subscriptions/{subscription_id}": rule(BKD, INTEGRATION),
        "GET /templates": rule(BKD),
        "POST /templates/{template}/preview": rule(BKD),
    }


ACCESS = access_for(NotificationSettings.model_construct())
"""With the default mailbox names: what docs/access-matrix.md shows."""
