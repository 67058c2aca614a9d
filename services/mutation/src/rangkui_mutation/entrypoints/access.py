"""Who may call which endpoint of the mutation service (issue 9's role × endpoint table).

Each lifecycle step belongs to the official the process gives it to: BKD proposes,
completes, socialises and records the SK; the review team (TPK/Baperjakat) reviews; the PPK
approves or rejects and signs the SK. The employee acknowledges or objects (the domain also
checks that it is their own transfer) and may ask for their own transfer. Auditors read
everything.
"""

from rangkui_eventkit.auth import AccessTable, Role, own, rule

BKD, TPK, PPK = Role.BKD_OPERATOR, Role.TPK_MEMBER, Role.PPK
EMPLOYEE, AUDITOR, INTEGRATION = Role.EMPLOYEE, Role.AUDITOR, Role.INTEGRATION
DECIDERS = (BKD, TPK, PPK, AUDITOR)

ACCESS = AccessTable(
    {
        "POST /mutations": rule(BKD, own(EMPLOYEE)),
        "POST /mutations/{mutation_id}/documents": rule(BKD),
        "POST /mutations/{mutation_id}/review": rule(TPK),
        "POST /mutations/{mutation_id}/approve": rule(PPK),
        "POST /mutations/{mutation_id}/reject": rule(PPK),
        "POST /mutations/{mutation_id}/socialize": rule(BKD),
        "POST /mutations/{mutation_id}/acknowledge": rule(own(EMPLOYEE)),
        "POST /mutations/{mutation_id}/object": rule(own(EMPLOYEE)),
        "POST /mutations/{mutation_id}/objection/resolve": rule(BKD, PPK),
        "POST /mutations/{mutation_id}/decree": rule(BKD, PPK),
        "POST /mutations/{mutation_id}/cancel": rule(BKD, PPK),
        "POST /mutations/{mutation_id}/release": rule(BKD, PPK),
        "GET /mutations/{mutation_id}": rule(*DECIDERS, INTEGRATION, own(EMPLOYEE)),
        "GET /employees/{nip}": rule(*DECIDERS, own(EMPLOYEE), person="nip"),
        "GET /employees/{nip}/mutations": rule(*DECIDERS, own(EMPLOYEE), person="nip"),
        "GET /pipeline": rule(*DECIDERS, INTEGRATION),
        "GET /needs/suggestions": rule(*DECIDERS),
        "POST /needs": rule(BKD),
        "POST /policy": rule(BKD),
        "GET /policy": rule(*DECIDERS, INTEGRATION),
        "GET /needs": rule(*DECIDERS, INTEGRATION),
        "GET /needs/{need_id}": rule(*DECIDERS, INTEGRATION),
        "POST /needs/{need_id}/close": rule(BKD),
        "GET /needs/{need_id}/candidates": rule(*DECIDERS),
        # The decree (Keputusan) for one or many transfers, recorded by the BKD or the PPK.
        "GET /mutations": rule(*DECIDERS, INTEGRATION),
        # After the decree: the swearing-in and the SPMT, recorded by the BKD.
        "GET /mutations/{mutation_id}/induction": rule(*DECIDERS, INTEGRATION),
        "POST /mutations/{mutation_id}/swearing-in": rule(BKD),
        "POST /mutations/{mutation_id}/spmt": rule(BKD),
        "POST /decrees": rule(BKD, PPK),
        "GET /decrees": rule(*DECIDERS, INTEGRATION),
        "GET /decrees/{decree_id}": rule(*DECIDERS, INTEGRATION),
        # Revocation is the PPK's alone: a BKD caller is refused by the domain, with its rule.
        "POST /decrees/{decree_id}/revoke": rule(BKD, PPK),
        "POST /decrees/{decree_id}/correct": rule(BKD, PPK),
        "GET /decrees/{decree_id}/document": rule(*DECIDERS),
        "POST /decrees/{decree_id}/signed-copies": rule(BKD, PPK),
        "GET /decrees/{decree_id}/signed-copy": rule(*DECIDERS),
        "GET /decrees/{decree_id}/petikan/{nip}": rule(*DECIDERS, own(EMPLOYEE), person="nip"),
    }
)
