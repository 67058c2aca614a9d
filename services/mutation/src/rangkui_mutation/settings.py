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
    run_scheduler: bool = True

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
