"""Who may call which endpoint of the evaluation service (issue 9's role × endpoint table).

Evaluators (heads of units) monitor and evaluate the people moved into their units and see
only those; BKD runs the monitoring for the whole province; the e-Kinerja system
(integration) delivers annual appraisals; employees see their own evaluations; reports
serve the officials and auditors.
"""

from rangkui_eventkit.auth import AccessTable, Role, in_units, own, rule

BKD, TPK, PPK = Role.BKD_OPERATOR, Role.TPK_MEMBER, Role.PPK
EVALUATOR, EMPLOYEE, AUDITOR, INTEGRATION = (
    Role.EVALUATOR,
    Role.EMPLOYEE,
    Role.AUDITOR,
    Role.INTEGRATION,
)
MONITORS = (BKD, AUDITOR, in_units(EVALUATOR))
REPORT_READERS = rule(BKD, TPK, PPK, AUDITOR, INTEGRATION)

ACCESS = AccessTable(
    {
        "GET /monitoring/plans": rule(*MONITORS),
        "GET /monitoring/plans/{plan_id}": rule(*MONITORS),
        "POST /monitoring/plans/{plan_id}/assess": rule(BKD, in_units(EVALUATOR)),
        "POST /monitoring/plans/{plan_id}/cancel": rule(BKD),
        "GET /monitoring/worklist": rule(*MONITORS),
        "POST /evaluations": rule(BKD, in_units(EVALUATOR)),
        "POST /evaluations/annual/import": rule(BKD, INTEGRATION),
        "GET /evaluations/{evaluation_id}": rule(*MONITORS, own(EMPLOYEE)),
        "GET /employees/{nip}/evaluations": rule(
            BKD, PPK, AUDITOR, in_units(EVALUATOR), own(EMPLOYEE), person="nip"
        ),
        "GET /reports/effectiveness": REPORT_READERS,
        "GET /reports/early-warning": rule(BKD, TPK, PPK, AUDITOR),
    }
)
