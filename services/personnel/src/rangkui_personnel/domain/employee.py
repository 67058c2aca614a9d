"""The employee decider: one civil servant's personnel record, keyed by NIP.

Registration checks the NIP and that the gender and birth date given agree with it; that
the unit and post exist is checked by the service layer (it needs their streams). Every
change command that would change nothing decides nothing: reassignment is idempotent per
transfer, and re-importing the same record writes no events.

Personal data: the decider decides in plaintext (`EmployeeRegistered`,
`EmployeeContactChanged`, the version-1 shapes), and the service layer seals those into
their version-2 events before they are stored (`adapters.personal_data`): a decider has no
keys. `evolve` sees the current versions only (the fold upcasts; the plaintext of an upcast
event is its `plaintext`). On the way back the service layer opens the sealed values it can
and hands them to `evolve` as `PersonalDataOpened`; after `EmployeePersonalDataErased`
nothing opens, the personal fields of the state stay unknown, and a new contact is refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from rangkui_contracts import DomainEvent
from rangkui_contracts.events.common import Education
from rangkui_contracts.events.personnel import (
    Contact,
    EmployeeCompetenciesUpdated,
    EmployeeContactChanged,
    EmployeeContactChangedV2,
    EmployeeEducationUpdated,
    EmployeeGradeChanged,
    EmployeePersonalDataErased,
    EmployeeReassigned,
    EmployeeRegistered,
    EmployeeRegisteredV2,
    EmployeeRelativesDeclared,
    EmployeeStatus,
    EmployeeStatusChanged,
    Gender,
    PersonalData,
    Relative,
)
from rangkui_eventkit.decider import Decider
from rangkui_eventkit.errors import (
    AlreadyExists,
    ErrorKind,
    NotFound,
    RuleViolated,
    Violation,
    raise_violations,
)
from rangkui_personnel.domain.grade import check_grade
from rangkui_personnel.domain.nip import identity_problems


@dataclass(frozen=True)
class EmployeeState:
    registered: bool = False
    nip: str = ""
    name: str = ""
    gender: str = ""
    birth_date: date | None = None
    status: str = "ACTIVE"
    grade: str = ""
    unit_id: str = ""
    position_id: str = ""
    tmt_position: date | None = None
    education: tuple[Education, ...] = ()
    competencies: tuple[str, ...] = ()
    contact: Contact = field(default_factory=Contact)
    applied_mutations: frozenset[str] = frozenset()
    key_id: str | None = None  # the data key that sealed the personal data, if any
    personal_erased: bool = False
    relatives: tuple[tuple[str, str], ...] = ()  # (nip, relation): the conflict registry


@dataclass(frozen=True)
class PersonalDataOpened:
    """Not a stored event: the content of a sealed value of the stream, opened by the service
    layer with the employee's key and given to `evolve` right after the event carrying it."""

    nip: str
    data: PersonalData


@dataclass(frozen=True)
class RegisterEmployee:
    nip: str
    name: str
    gender: Gender
    birth_date: date
    grade: str
    unit_id: str
    position_id: str
    tmt_position: date
    status: EmployeeStatus = "ACTIVE"
    education: tuple[Education, ...] = ()
    competencies: tuple[str, ...] = ()
    contact: Contact = field(default_factory=Contact)


@dataclass(frozen=True)
class ReassignEmployee:
    """Move the employee to a post (verified to exist by the caller) from `tmt`."""

    nip: str
    to_unit_id: str
    to_position_id: str
    tmt: date
    mutation_id: str | None = None
    revokes_mutation_id: str | None = None  # a move back: the revoked transfer it undoes


@dataclass(frozen=True)
class ChangeStatus:
    nip: str
    status: EmployeeStatus
    since: date
    reason: str = ""


@dataclass(frozen=True)
class ChangeGrade:
    nip: str
    grade: str
    tmt: date
    sk_number: str | None = None


@dataclass(frozen=True)
class UpdateEducation:
    nip: str
    education: tuple[Education, ...]


@dataclass(frozen=True)
class UpdateCompetencies:
    nip: str
    competencies: tuple[str, ...]


@dataclass(frozen=True)
class ChangeContact:
    nip: str
    contact: Contact


@dataclass(frozen=True)
class EraseEmployeePersonalData:
    """Crypto-shred the employee's personal data (UU 27/2022). `key_id` names the key when
    the stream has none yet (an employee registered before sealing): the service layer
    supplies it, so that the erasure also blocks any future key for the NIP."""

    nip: str
    reason: str
    erased_at: datetime
    key_id: str
    open_objections: tuple[str, ...] = ()  # fact: transfers with the employee's objection open


@dataclass(frozen=True)
class DeclareRelatives:
    """Record the employee's relatives in the civil service (the whole list): spouse,
    parent, child, sibling or in-law, each by NIP; the BKD keeps this registry."""

    nip: str
    relatives: tuple[tuple[str, str], ...]  # (nip, relation)
    declared_by: str


@dataclass(frozen=True)
class SyncEmployee:
    """Make the record what an import row says: register the employee, or decide only the
    changes (status, grade, post, education, competencies, contact) as of `as_of`."""

    record: RegisterEmployee
    as_of: date


EmployeeCommand = (
    RegisterEmployee
    | ReassignEmployee
    | ChangeStatus
    | ChangeGrade
    | UpdateEducation
    | UpdateCompetencies
    | ChangeContact
    | EraseEmployeePersonalData
    | DeclareRelatives
    | SyncEmployee
)


def _registered(event: EmployeeRegisteredV2, key_id: str | None) -> EmployeeState:
    """The state a registration starts, from its public fields."""
    return EmployeeState(
        registered=True,
        nip=event.nip,
        name=event.name,
        status=event.status,
        grade=event.grade,
        unit_id=event.unit_id,
        position_id=event.position_id,
        tmt_position=event.tmt_position,
        education=tuple(event.education),
        competencies=tuple(event.competencies),
        key_id=key_id,
    )


def _with_personal(state: EmployeeState, data: PersonalData) -> EmployeeState:
    """Personal data that was opened, or that an event carried in plaintext (one decided just
    now, before the service layer seals it, or one written before sealing)."""
    if state.personal_erased:
        return state
    return replace(
        state,
        gender=data.gender or state.gender,
        birth_date=data.birth_date or state.birth_date,
        contact=data.contact if data.contact is not None else state.contact,
    )


def _plaintext(event: DomainEvent) -> PersonalData | None:
    return PersonalData.model_validate(event.plaintext) if event.plaintext else None


def evolve(state: EmployeeState, event: DomainEvent | PersonalDataOpened) -> EmployeeState:
    match event:
        case EmployeeRegisteredV2():
            key_id = event.personal.key_id if event.personal else None
            state = _registered(event, key_id)  # sealed personal data: opened separately
            plain = _plaintext(event)
            return _with_personal(state, plain) if plain else state
        case PersonalDataOpened():
            return _with_personal(state, event.data)
        case EmployeeContactChangedV2():
            if event.personal is not None:
                state = replace(state, key_id=event.personal.key_id)
            plain = _plaintext(event)
            return _with_personal(state, plain) if plain else state
        case EmployeePersonalDataErased():
            return replace(
                state,
                gender="",
                birth_date=None,
                contact=Contact(),
                key_id=event.key_id,
                personal_erased=True,
            )
        case EmployeeReassigned():
            applied = state.applied_mutations
            if event.mutation_id:
                applied = applied | {event.mutation_id}
            if event.revokes_mutation_id:
                applied = applied | {_undo(event.revokes_mutation_id)}
            return replace(
                state,
                unit_id=event.to_unit_id,
                position_id=event.to_position_id,
                tmt_position=event.tmt,
                applied_mutations=applied,
            )
        case EmployeeStatusChanged():
            return replace(state, status=event.status)
        case EmployeeGradeChanged():
            return replace(state, grade=event.grade)
        case EmployeeEducationUpdated():
            return replace(state, education=tuple(event.education))
        case EmployeeCompetenciesUpdated():
            return replace(state, competencies=tuple(event.competencies))
        case EmployeeRelativesDeclared():
            return replace(state, relatives=tuple((r.nip, r.relation) for r in event.relatives))
    return state


def registration_problems(command: RegisterEmployee) -> list[str]:
    """Everything wrong with the identity and grade of a registration (empty: fine)."""
    problems = identity_problems(command.nip, birth_date=command.birth_date, gender=command.gender)
    if not command.name.strip():
        problems.append("name must not be empty")
    try:
        check_grade(command.grade)
    except RuleViolated as exc:
        problems.append(exc.message)
    return problems


def _refuse(problems: list[str]) -> RuleViolated:
    rule = "valid_employee"
    if any(p.startswith("NIP") for p in problems):
        rule = "valid_nip"
    if any("contradicts the NIP" in p for p in problems):
        rule = "identity_matches_nip"
    return RuleViolated(rule, "; ".join(problems), details={"problems": problems})


def _register(command: RegisterEmployee) -> list[DomainEvent]:
    problems = registration_problems(command)
    if problems:
        raise _refuse(problems)
    return [
        EmployeeRegistered(
            nip=command.nip,
            name=command.name.strip(),
            gender=command.gender,
            birth_date=command.birth_date,
            status=command.status,
            grade=command.grade,
            unit_id=command.unit_id,
            position_id=command.position_id,
            tmt_position=command.tmt_position,
            education=list(command.education),
            competencies=list(command.competencies),
            contact=command.contact,
        )
    ]


def _existing(nip: str, state: EmployeeState) -> EmployeeState:
    if not state.registered:
        raise NotFound(f"no employee with NIP {nip} is registered")
    return state


def _reassign(command: ReassignEmployee, state: EmployeeState) -> list[DomainEvent]:
    if command.mutation_id and command.mutation_id in state.applied_mutations:
        return []
    undo = command.revokes_mutation_id
    if undo and _undo(undo) in state.applied_mutations:
        return []
    if (state.unit_id, state.position_id) == (command.to_unit_id, command.to_position_id):
        return []
    return [
        EmployeeReassigned(
            nip=command.nip,
            from_unit_id=state.unit_id,
            from_position_id=state.position_id,
            to_unit_id=command.to_unit_id,
            to_position_id=command.to_position_id,
            tmt=command.tmt,
            mutation_id=command.mutation_id,
            revokes_mutation_id=command.revokes_mutation_id,
        )
    ]


def _undo(mutation_id: str) -> str:
    """How a move back is remembered among the applied transfers (once per revocation)."""
    return f"revoked:{mutation_id}"


def _change_status(c: ChangeStatus, state: EmployeeState) -> list[DomainEvent]:
    if c.status == state.status:
        return []
    return [
        EmployeeStatusChanged(
            nip=c.nip,
            previous_status=state.status,  # type: ignore[arg-type]
            status=c.status,
            since=c.since,
            reason=c.reason,
        )
    ]


def _change_grade(c: ChangeGrade, state: EmployeeState) -> list[DomainEvent]:
    check_grade(c.grade)
    if c.grade == state.grade:
        return []
    return [
        EmployeeGradeChanged(
            nip=c.nip, previous_grade=state.grade, grade=c.grade, tmt=c.tmt, sk_number=c.sk_number
        )
    ]


def _update_education(c: UpdateEducation, state: EmployeeState) -> list[DomainEvent]:
    if tuple(c.education) == state.education:
        return []
    return [EmployeeEducationUpdated(nip=c.nip, education=list(c.education))]


def _update_competencies(c: UpdateCompetencies, state: EmployeeState) -> list[DomainEvent]:
    if tuple(c.competencies) == state.competencies:
        return []
    return [EmployeeCompetenciesUpdated(nip=c.nip, competencies=list(c.competencies))]


def _change_contact(c: ChangeContact, state: EmployeeState) -> list[DomainEvent]:
    if c.contact == state.contact:
        return []
    if state.personal_erased:
        raise _erased(c.nip, "new contact details cannot be stored")
    return [EmployeeContactChanged(nip=c.nip, contact=c.contact)]


def _erased(nip: str, consequence: str) -> RuleViolated:
    return RuleViolated(
        "personal_data_erased",
        f"the personal data of employee {nip} was erased; {consequence}",
        kind=ErrorKind.CONFLICT,
        details={"nip": nip},
    )


# An erasure waits while a proceeding about the employee is open: its file (the objection's
# reason, the disciplinary record) is needed to decide it. UU 27/2022 Pasal 15 ayat (1)
# excepts the right to erasure for law enforcement and the administration of the state.
_ERASURE_WAITS = "UU 27/2022 Pasal 15 ayat (1)"
PROCEEDINGS_STATUSES: dict[str, tuple[str, str, str]] = {
    "DISCIPLINARY": (
        "sedang menjalani proses hukuman disiplin",
        "is under disciplinary proceedings",
        "PP 94/2021",
    ),
    "COURT_PROCEEDINGS": (
        "sedang menjalani proses peradilan",
        "is under court proceedings",
        "PP 11/2017 Pasal 276",
    ),
}


def check_erasure_may_proceed(
    nip: str, status: str, open_objections: tuple[str, ...]
) -> list[Violation]:
    """Every proceeding that keeps an erasure waiting: an objection to a transfer not yet
    resolved by the PPK, a status that is a proceeding (disciplinary)."""
    found: list[Violation] = []
    if open_objections:
        ids = ", ".join(open_objections)
        found.append(
            Violation(
                "erasure_objection_pending",
                f"employee {nip}'s objection to transfer {ids} is not resolved yet; its "
                "reason is needed to decide it, so the personal data is erased only after the "
                "PPK's decision",
                pesan=f"Data pribadi pegawai {nip} belum dapat dihapus karena keberatannya "
                f"atas mutasi {ids} belum diputus; alasan keberatan itu diperlukan untuk "
                "memutusnya. Ajukan penghapusan kembali setelah PPK memutus keberatan.",
                legal_basis=f"{_ERASURE_WAITS}; UU 30/2014 Pasal 77",
                details={"open_objections": list(open_objections)},
            )
        )
    proceeding = PROCEEDINGS_STATUSES.get(status)
    if proceeding is not None:
        pesan, message, basis = proceeding
        found.append(
            Violation(
                "erasure_proceedings_open",
                f"employee {nip} {message}; their personal data is erased only once the "
                "proceedings are closed",
                pesan=f"Data pribadi pegawai {nip} belum dapat dihapus karena pegawai itu "
                f"{pesan}; berkasnya diperlukan sampai proses itu selesai. Ajukan penghapusan "
                "kembali setelah status pegawai berubah.",
                legal_basis=f"{_ERASURE_WAITS}; {basis}",
                details={"status": status},
            )
        )
    return found


def _erase(c: EraseEmployeePersonalData, state: EmployeeState) -> list[DomainEvent]:
    if state.personal_erased:
        raise _erased(c.nip, "it cannot be erased twice")
    if not c.reason.strip():
        raise RuleViolated(
            "erasure_reason",
            "an erasure needs a reason (its legal basis)",
            pesan="Penghapusan data pribadi memerlukan alasan (dasar hukumnya).",
        )
    raise_violations(
        check_erasure_may_proceed(c.nip, state.status, c.open_objections),
        kind=ErrorKind.CONFLICT,
    )
    return [
        EmployeePersonalDataErased(
            nip=c.nip,
            key_id=state.key_id or c.key_id,
            erased_at=c.erased_at,
            reason=c.reason.strip(),
        )
    ]


def _declare_relatives(c: DeclareRelatives, state: EmployeeState) -> list[DomainEvent]:
    """The registry as declared now; nobody is their own relative, each NIP once; the same
    list again changes nothing."""
    found: list[Violation] = []
    nips = [nip for nip, _ in c.relatives]
    if c.nip in nips:
        found.append(
            Violation(
                "relative_is_self",
                f"employee {c.nip} cannot be listed as their own relative",
                pesan=f"Pegawai {c.nip} tidak dapat dicatat sebagai kerabatnya sendiri. Hapus "
                "NIP itu dari daftar.",
            )
        )
    twice = sorted({nip for nip in nips if nips.count(nip) > 1})
    if twice:
        found.append(
            Violation(
                "relative_listed_twice",
                f"each relative is listed once: {', '.join(twice)} appear more than once",
                pesan=f"Setiap kerabat dicatat satu kali; NIP {', '.join(twice)} tercantum "
                "lebih dari sekali.",
            )
        )
    raise_violations(found)
    if tuple(sorted(c.relatives)) == tuple(sorted(state.relatives)):
        return []
    return [
        EmployeeRelativesDeclared(
            nip=c.nip,
            relatives=[Relative(nip=nip, relation=rel) for nip, rel in c.relatives],  # type: ignore[arg-type]
            declared_by=c.declared_by,
        )
    ]


def _sync(c: SyncEmployee, state: EmployeeState) -> list[DomainEvent]:
    r = c.record
    if not state.registered:
        return _register(r)
    identity: list[tuple[str, object, object]] = [("name", r.name.strip(), state.name)]
    if not state.personal_erased:  # erased: unknown, and the NIP itself was checked
        identity += [
            ("gender", r.gender, state.gender),
            ("birth date", r.birth_date, state.birth_date),
        ]
    problems = [
        f"{name} {given} differs from the registered {known}; identity corrections are not imported"
        for name, given, known in identity
        if given != known
    ]
    if problems:
        raise RuleViolated("identity_unchanged", "; ".join(problems))
    return [
        *_change_status(ChangeStatus(r.nip, r.status, c.as_of, "import"), state),
        *_change_grade(ChangeGrade(r.nip, r.grade, c.as_of), state),
        *_reassign(ReassignEmployee(r.nip, r.unit_id, r.position_id, r.tmt_position), state),
        *_update_education(UpdateEducation(r.nip, r.education), state),
        *_update_competencies(UpdateCompetencies(r.nip, r.competencies), state),
        *_change_contact(ChangeContact(r.nip, r.contact), state),
    ]


def decide(command: EmployeeCommand, state: EmployeeState) -> Sequence[DomainEvent]:
    match command:
        case RegisterEmployee():
            if state.registered:
                raise AlreadyExists(
                    f"an employee with NIP {command.nip} is already registered",
                    details={"nip": command.nip},
                )
            return _register(command)
        case SyncEmployee():
            return _sync(command, state)
        case ReassignEmployee():
            return _reassign(command, _existing(command.nip, state))
        case ChangeStatus():
            return _change_status(command, _existing(command.nip, state))
        case ChangeGrade():
            return _change_grade(command, _existing(command.nip, state))
        case UpdateEducation():
            return _update_education(command, _existing(command.nip, state))
        case UpdateCompetencies():
            return _update_competencies(command, _existing(command.nip, state))
        case ChangeContact():
            return _change_contact(command, _existing(command.nip, state))
        case EraseEmployeePersonalData():
            return _erase(command, _existing(command.nip, state))
        case DeclareRelatives():
            return _declare_relatives(command, _existing(command.nip, state))
    raise TypeError(f"not an employee command: {command!r}")


employee_decider: Decider[EmployeeCommand, EmployeeState] = Decider(EmployeeState(), evolve, decide)
