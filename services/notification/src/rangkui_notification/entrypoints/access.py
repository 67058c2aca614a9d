"""Who may call which endpoint of the notification service (issue 9's role × endpoint
table).

An inbox and its preferences belong to their recipient: an employee reaches their own
(recipient = their NIP); the role mailboxes (BKD, PPK) are read by BKD operators, who also
run deliveries, templates and webhook subscriptions with the provincial systems.
"""

from rangkui_eventkit.auth import AccessTable, Role, own, rule

BKD, EMPLOYEE, AUDITOR, INTEGRATION = (
    Role.BKD_OPERATOR,
    Role.EMPLOYEE,
    Role.AUDITOR,
    Role.INTEGRATION,
)
OWN_INBOX = rule(BKD, own(EMPLOYEE), person="recipient")

ACCESS = AccessTable(
    {
        "GET /inbox/{recipient}": OWN_INBOX,
        "GET /inbox/{recipient}/unread-count": OWN_INBOX,
        "POST /inbox/{recipient}/{notification_id}/read": OWN_INBOX,
        "GET /preferences/{recipient}": OWN_INBOX,
        "PUT /preferences/{recipient}": OWN_INBOX,
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
)
