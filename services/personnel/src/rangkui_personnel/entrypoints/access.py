"""Who may call which endpoint of the personnel service (issue 9's role × endpoint table).

BKD operators keep the master data; provincial systems (integration) may synchronise it.
The organisation and its staffing are public within the province, so every role reads
them. An employee's record is open to the officials who decide about them, to the
employee themself, and to an evaluator for the people of their units.
"""

from rangkui_eventkit.auth import AccessTable, Role, in_units, own, rule

BKD, TPK, PPK = Role.BKD_OPERATOR, Role.TPK_MEMBER, Role.PPK
EVALUATOR, EMPLOYEE, AUDITOR, INTEGRATION = (
    Role.EVALUATOR,
    Role.EMPLOYEE,
    Role.AUDITOR,
    Role.INTEGRATION,
)
MASTER_DATA = rule(BKD, INTEGRATION)
EVERYONE = rule(*Role)
PEOPLE_READERS = (BKD, TPK, PPK, AUDITOR, INTEGRATION, in_units(EVALUATOR))

ACCESS = AccessTable(
    {
        "POST /units": MASTER_DATA,
        "POST /units/{unit_id}/rename": MASTER_DATA,
        "POST /units/{unit_id}/move": MASTER_DATA,
        "POST /units/{unit_id}/close": MASTER_DATA,
        "POST /positions": MASTER_DATA,
        "POST /positions/{position_id}/formation": MASTER_DATA,
        "GET /positions": EVERYONE,
        "GET /units": EVERYONE,
        "GET /units/tree": EVERYONE,
        "GET /units/{unit_id}": EVERYONE,
        "GET /staffing": EVERYONE,
        "GET /staffing/summary": EVERYONE,
        "POST /employees": MASTER_DATA,
        "POST /employees/{nip}/status": MASTER_DATA,
        "POST /employees/{nip}/grade": MASTER_DATA,
        "PUT /employees/{nip}/education": MASTER_DATA,
        "PUT /employees/{nip}/competencies": MASTER_DATA,
        "PUT /employees/{nip}/relatives": rule(BKD),
        "PUT /employees/{nip}/contact": rule(BKD, INTEGRATION, own(EMPLOYEE), person="nip"),
        # Erasure (UU 27/2022) is the data controller's act: BKD, on a request it verified.
        "POST /employees/{nip}/personal-data/erasure": rule(BKD),
        "GET /employees": rule(*PEOPLE_READERS),
        "GET /employees/{nip}": rule(*PEOPLE_READERS, own(EMPLOYEE), person="nip"),
        "POST /imports": MASTER_DATA,
        "GET /imports": MASTER_DATA,
        "GET /imports/{job_id}": MASTER_DATA,
        "POST /imports/{job_id}/resume": MASTER_DATA,
    }
)
