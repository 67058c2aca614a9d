"""Settings and policies of the mutation service, from `MUTATION_*` environment variables."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Literal

from pydantic import BaseModel, Field, model_validator
from pydantic_settings import SettingsConfigDict

from rangkui_contracts.events.mutation import PolicyApplied, PolicyValues
from rangkui_eventkit.personal_data import PersonalDataTransportSettings
from rangkui_eventkit.settings import ServiceSettings
from rangkui_mutation.domain.mutation import ProcessPolicy


class BlackoutWindow(BaseModel):
    """A period in which transfers need the Minister of Home Affairs' written approval:
    before a regional-head election (`ELECTION`, UU 10/2016 Pasal 71 ayat (2)), six months
    after an inauguration (`INAUGURATION`, Pasal 162 ayat (3)), or while an acting head
    holds office (`ACTING_HEAD`, PP 49/2008 Pasal 132A); `post_types` and `kinds` scope it
    to the transfers it covers (empty: all)."""

    start: date
    end: date
    reason: str
    kind: Literal["ELECTION", "INAUGURATION", "ACTING_HEAD"] = "ELECTION"
    post_types: list[Literal["STRUKTURAL", "FUNGSIONAL", "PELAKSANA"]] = Field(default_factory=list)
    kinds: list[Literal["NEED_BASED", "OWN_REQUEST", "ROTATION", "OTHER"]] = Field(
        default_factory=list
    )


# Check each year against the SKB 3 Menteri on national holidays and cuti bersama.
NATIONAL_HOLIDAYS = (
    "2026-01-01", "2026-01-16", "2026-02-17", "2026-03-19", "2026-03-20", "2026-03-21",
    "2026-04-03", "2026-05-01", "2026-05-14", "2026-05-27", "2026-05-31", "2026-06-01",
    "2026-06-16", "2026-08-17", "2026-08-25", "2026-12-24", "2026-12-25",
    "2027-01-01", "2027-02-06", "2027-03-08", "2027-03-10", "2027-03-11", "2027-03-26",
    "2027-05-01", "2027-05-06", "2027-05-17", "2027-05-20", "2027-06-01", "2027-06-06",
    "2027-08-14", "2027-08-17", "2027-12-25",
)  # fmt: skip


class MutationSettings(ServiceSettings, PersonalDataTransportSettings):
    """`RANGKUI_PERSONAL_DATA_TRANSPORT_KEY` (shared with personnel) unwraps the employees'
    data keys, with which an objection's reason is sealed; required unless in development."""

    model_config = SettingsConfigDict(env_prefix="MUTATION_", extra="ignore")

    service_name: str = "mutation"
    http_port: int = 8102

    # Policies (DOMAIN.md marks some as "check": they are settings, not constants).
    min_years_in_post: float = Field(
        default=2.0, ge=0, description="PP 11/2017 art. 190; BKN announced 0.5 in 2025"
    )
    max_years_in_post: float = Field(default=5.0, ge=0)
    matching_concurrency: int = Field(
        default=1,
        ge=1,
        le=8,
        description="candidate matchings run at once, off the event loop, in worker threads; "
        "more wait their turn (each is ~60 ms of CPU for 25,000 employees)",
    )
    skip_steps: list[Literal["DOCUMENTS", "TPK_REVIEW", "SOCIALIZATION"]] = Field(
        default_factory=list,
        description="process steps this province lets a file go without; empty (the default) "
        "is the full process: documents check, TPK review, socialisation with its objection "
        "window (Peraturan BKN 5/2019). Each decision records what it skipped and why",
    )
    skip_steps_basis: str = Field(
        default="",
        description="the provincial regulation that allows skipping them (required with "
        "skip_steps); recorded on every decision that skipped a step",
    )
    missing_appraisals: Literal["WARN", "BLOCK"] = Field(
        default="WARN",
        description="fewer than two annual appraisals in the two years before the decision: "
        "BLOCK refuses the approval (appraisals_missing), WARN approves and records the "
        "warning on the decision (Peraturan BKN 5/2019 asks for the last two; check)",
    )
    tpk_quorum: int = Field(
        default=3, ge=1, description="TPK members present for a valid review (sidang)"
    )
    objection_window_days: int = Field(
        default=14,
        ge=1,
        description="days the employee has to object after socialisation (PP 79/2021; check)",
    )
    retroactive_tmt_max_days: int = Field(
        default=0,
        ge=0,
        description="how many days a TMT may precede its SK date, with a reason (UU 30/2014 "
        "Pasal 58 ayat (6): not retroactive unless to avoid a greater loss); 0 forbids it",
    )
    tmt_horizon_days: int = Field(
        default=365, ge=0, description="how far after the SK date a TMT may lie"
    )
    blackout_windows: list[BlackoutWindow] = Field(default_factory=list)
    scheduler_interval_s: float = Field(default=0.25, gt=0)
    scheduler_chunk_size: int = Field(
        default=500, ge=1, le=5000, description="transfers made effective per unit of work"
    )
    scheduler_pool_size: int = Field(
        default=2,
        ge=2,
        le=20,
        description="the TMT scheduler's own connections (one holds its leader lock), apart "
        "from the HTTP pool",
    )
    run_scheduler: bool = True

    # After the decree: the swearing-in and the SPMT, within working days of the SK date.
    swearing_in_post_types: list[str] = Field(
        default_factory=lambda: ["STRUKTURAL"],
        description="post types whose holders are sworn in (pelantikan) on a transfer (check: "
        "PP 11/2017 jo. PP 17/2020 and Peraturan BKN 5/2019 for the province's practice)",
    )
    induction_working_days: int = Field(
        default=30,
        ge=1,
        le=365,
        description="working days after the SK date for the swearing-in and the SPMT (the "
        "receiving side appoints within 30 working days, Peraturan BKN 5/2019)",
    )
    non_working_days: list[date] = Field(
        default_factory=lambda: [date.fromisoformat(d) for d in NATIONAL_HOLIDAYS],
        description="national holidays and collective leave days (cuti bersama), which the "
        "province updates each year from the joint ministerial decree (SKB 3 Menteri)",
    )
    induction_watch_interval_s: float = Field(default=60.0, gt=0)

    # The decree document (SK): what the province prints on every Keputusan it issues.
    decree_issuer: str = Field(
        default="GUBERNUR RANGKUI", description="the office that decides, as the title names it"
    )
    decree_letterhead: list[str] = Field(
        default_factory=lambda: ["GUBERNUR RANGKUI"],
        description="lines of the letterhead (kop), top to bottom",
    )
    decree_place: str = Field(default="Kota Rangkui", description="Ditetapkan di ...")
    decree_signer_name: str = Field(default="Gubernur Rangkui", min_length=1)
    decree_signer_post: str = Field(default="GUBERNUR RANGKUI", min_length=1)
    decree_signer_nip: str | None = Field(default=None, pattern=r"^\d{18}$")
    decree_considerations: list[str] = Field(
        default_factory=lambda: [
            "bahwa dalam rangka pembinaan karier serta pemenuhan kebutuhan organisasi "
            "perangkat daerah, dipandang perlu memindahkan Pegawai Negeri Sipil yang namanya "
            "tercantum dalam lampiran Keputusan ini;",
            "bahwa Pegawai Negeri Sipil yang namanya tercantum dalam lampiran Keputusan ini "
            "dipandang memenuhi syarat untuk dipindahkan;",
            "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, "
            "perlu menetapkan Keputusan Gubernur tentang Pemindahan Pegawai Negeri Sipil;",
        ],
        description="Menimbang: the considerations printed when a decree names none",
    )
    decree_legal_bases: list[str] = Field(
        default_factory=lambda: [
            "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara;",
            "Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil "
            "sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 17 Tahun 2020;",
            "Peraturan Badan Kepegawaian Negara Nomor 5 Tahun 2019 tentang Tata Cara "
            "Pelaksanaan Mutasi;",
        ],
        description="Mengingat: the legal bases printed when a decree names none",
    )
    decree_copies_to: list[str] = Field(
        default_factory=lambda: [
            "Kepala Badan Kepegawaian Negara di Jakarta;",
            "Kepala Kantor Regional Badan Kepegawaian Negara;",
            "Kepala PT Taspen (Persero);",
            "Kepala Kantor Pelayanan Perbendaharaan Negara;",
            "Kepala Badan Pengelolaan Keuangan dan Aset Daerah Provinsi Rangkui;",
            "Pegawai Negeri Sipil yang bersangkutan;",
            "Arsip.",
        ],
        description="Tembusan",
    )
    decree_certifier_name: str = Field(
        default="Kepala Badan Kepegawaian Daerah", description="who certifies each petikan"
    )
    decree_certifier_post: str = Field(default="KEPALA BADAN KEPEGAWAIAN DAERAH PROVINSI RANGKUI")
    decree_certifier_nip: str | None = Field(default=None, pattern=r"^\d{18}$")
    decree_verify_url: str = Field(
        default="https://mutasi.rangkuiprov.go.id/verifikasi",
        description="the public verification page the QR code of every page links to",
    )
    decree_template_dir: str | None = Field(
        default=None,
        description="a directory with the province's own sk.html.j2 / sk.css (else the "
        "templates shipped with the service)",
    )

    @model_validator(mode="after")
    def _skipping_needs_a_basis(self) -> MutationSettings:
        if self.skip_steps and not self.skip_steps_basis.strip():
            raise ValueError(
                "MUTATION_SKIP_STEPS needs MUTATION_SKIP_STEPS_BASIS: the provincial "
                "regulation that lets a file go without these steps"
            )
        return self

    def policy_values(self) -> PolicyValues:
        """The configured baseline, in force until an administrator records a change."""
        return PolicyValues(
            min_years_in_post=self.min_years_in_post,
            max_years_in_post=self.max_years_in_post,
            tpk_quorum=self.tpk_quorum,
            objection_window_days=self.objection_window_days,
            missing_appraisals=self.missing_appraisals,
            skip_steps=sorted(self.skip_steps),
            skip_steps_basis=self.skip_steps_basis.strip() or None,
            retroactive_tmt_max_days=self.retroactive_tmt_max_days,
            tmt_horizon_days=self.tmt_horizon_days,
        )

    def process_policy(self) -> ProcessPolicy:
        """The process policy the deciders apply (pure value, from these settings)."""
        values = {
            "min_years_in_post": self.min_years_in_post,
            "max_years_in_post": self.max_years_in_post,
            "tpk_quorum": self.tpk_quorum,
            "objection_window_days": self.objection_window_days,
            "missing_appraisals": self.missing_appraisals,
            "skip_steps": sorted(self.skip_steps),
            "skip_steps_basis": self.skip_steps_basis.strip() or None,
            "blackout_windows": [w.model_dump(mode="json") for w in self.blackout_windows],
            "retroactive_tmt_max_days": self.retroactive_tmt_max_days,
            "tmt_horizon_days": self.tmt_horizon_days,
        }
        digest = hashlib.sha256(json.dumps(values, sort_keys=True).encode()).hexdigest()[:12]
        applied = PolicyApplied(
            version=digest,
            **{k: v for k, v in values.items() if k in PolicyApplied.model_fields},
        )
        return ProcessPolicy(
            skip_steps=frozenset(self.skip_steps),
            basis=self.skip_steps_basis.strip(),
            tpk_quorum=self.tpk_quorum,
            objection_window_days=self.objection_window_days,
            applied=applied,
        )
