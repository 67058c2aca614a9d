"""Every refusal of the evaluation service, as one catalogue.

Each rule has its id (the `rule` of the HTTP body), the kind of answer (its HTTP status),
the message a person reads (Bahasa Indonesia: what is wrong and what to do), the English
text for operators' logs, and the legal basis where there is one. The table in
`services/evaluation/README.md` is this catalogue written out; a unit test fails when the
two differ, or when the code raises a refusal that is not in it.

Checks that can fail together return `Violation`s and refuse once with all of them
(`refuse`). Pure: standard library and the kit's error model only.
"""

from __future__ import annotations

from dataclasses import dataclass

from rangkui_eventkit.catalogue import RuleCatalogue
from rangkui_eventkit.errors import ErrorKind

SKP = "PermenPANRB 6/2022"
PDP = "UU 27/2022"
_R, _C, _F = ErrorKind.REFUSED, ErrorKind.CONFLICT, ErrorKind.FORBIDDEN


@dataclass(frozen=True)
class Rule:
    """One rule; `pesan` and `message` are `str.format` templates over the refusal's facts."""

    id: str
    kind: ErrorKind
    pesan: str
    message: str
    legal_basis: str | None = None


RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        Rule(
            "period_in_order",
            _R,
            "Masa penilaian berakhir ({period_end}) sebelum dimulai ({period_start}). "
            "Periksa tanggal awal dan akhir masa penilaian.",
            "the period ends ({period_end}) before it starts ({period_start})",
        ),
        Rule(
            "period_required",
            _R,
            "Penilaian {jenis} memerlukan masa penilaian (period_start dan period_end).",
            "a {kind} evaluation needs its period",
        ),
        Rule(
            "annual_within_year",
            _R,
            "Penilaian kinerja tahunan mencakup satu tahun kalender; masa {period_start} s.d. "
            "{period_end} melewati batas tahun.",
            "an annual appraisal covers one calendar year",
            "PP 30/2019",
        ),
        Rule(
            "no_self_evaluation",
            _R,
            "Pegawai {nip} tidak dapat menilai kinerjanya sendiri; penilaian dilakukan oleh "
            "atasan langsungnya.",
            "employee {nip} cannot evaluate their own performance",
            SKP,
        ),
        Rule(
            "evaluator_required",
            _R,
            "Penilaian {jenis} memerlukan NIP pejabat penilai (evaluator_nip).",
            "a {kind} evaluation needs the evaluator's NIP",
            SKP,
        ),
        Rule(
            "evaluator_own_name",
            _F,
            "Pejabat penilai mencatat penilaian atas namanya sendiri: evaluator_nip harus NIP "
            "Anda.",
            "an evaluator records evaluations in their own name (evaluator_nip)",
            SKP,
        ),
        Rule(
            "adaptation_required",
            _R,
            "Penilaian titik pantau memerlukan daftar periksa adaptasi (adaptation).",
            "a checkpoint evaluation needs the adaptation checklist",
        ),
        Rule(
            "checkpoint_kind",
            _R,
            "Hanya penilaian titik pantau (CHECKPOINT) yang menyebut titik pantau dan masuk "
            "ke rencana pemantauan. Ubah jenis penilaian atau hapus checkpoint_id.",
            "only checkpoint evaluations name a checkpoint and belong to a plan",
        ),
        Rule(
            "checkpoint_required",
            _R,
            "Penilaian titik pantau harus menyebut titik pantaunya (checkpoint_id).",
            "a checkpoint evaluation names its checkpoint",
        ),
        Rule(
            "checkpoint_in_plan",
            _R,
            "Penilaian titik pantau dicatat pada rencana pemantauannya, bukan sebagai "
            "penilaian tahunan atau berkala.",
            "checkpoint evaluations belong to their plan",
        ),
        Rule(
            "plan_of_employee",
            _R,
            "Rencana pemantauan {plan_id} untuk pegawai {plan_nip}, bukan {nip}. Periksa NIP "
            "atau titik pantau.",
            "plan {plan_id} follows {plan_nip}, not {nip}",
        ),
        Rule(
            "plan_cancelled",
            _C,
            "Rencana pemantauan {plan_id} telah dibatalkan; penilaian tidak lagi dicatat padanya.",
            "monitoring plan {plan_id} was cancelled",
        ),
        Rule(
            "evaluation_exists",
            _C,
            "Penilaian {evaluation_id} sudah tercatat. Gunakan nomor penilaian lain, atau "
            "koreksi penilaian itu dengan supersedes_evaluation_id.",
            "evaluation {evaluation_id} is already recorded",
        ),
        Rule(
            "supersedes_current",
            _C,
            "{what_id} belum memiliki penilaian, sehingga {superseded} tidak dapat dikoreksi. "
            "Catat penilaian tanpa supersedes_evaluation_id.",
            "{what} has no evaluation yet; {superseded} cannot be corrected",
        ),
        Rule(
            "one_evaluation_per_period",
            _C,
            "{what_id} sudah memiliki penilaian {current}. Untuk mengoreksinya, sebutkan "
            "supersedes_evaluation_id={current}.",
            "{what} already has evaluation {current}; to correct it, send "
            "supersedes_evaluation_id={current}",
            SKP,
        ),
        Rule(
            "one_evaluation_per_checkpoint",
            _C,
            "{what_id} sudah memiliki penilaian {current}. Untuk mengoreksinya, sebutkan "
            "supersedes_evaluation_id={current}.",
            "{what} already has evaluation {current}; to correct it, send "
            "supersedes_evaluation_id={current}",
        ),
        Rule(
            "outside_evaluator_reach",
            _F,
            "Pegawai {nip} tidak bekerja di unit yang Anda pimpin dan tidak ada rencana "
            "pemantauan yang ditugaskan kepada Anda untuknya; penilaian kinerjanya dilakukan "
            "oleh atasan langsungnya.",
            "employee {nip} works outside the units of evaluator {evaluator_nip} and no "
            "monitoring plan of theirs is assigned to them",
            SKP,
        ),
        Rule(
            "correction_by_author_only",
            _F,
            "Penilaian yang akan dikoreksi dibuat oleh pejabat penilai lain; koreksi hanya "
            "dapat dilakukan oleh pembuatnya atau oleh BKD.",
            "the evaluation being corrected was made by {author}; only its author or the BKD "
            "may correct it",
            SKP,
        ),
        Rule(
            "evaluation_of_others",
            _F,
            "Pejabat penilai hanya dapat melihat penilaian yang dibuatnya sendiri.",
            "an evaluator sees the evaluations they made",
            PDP,
        ),
        Rule(
            "plan_outside_reach",
            _F,
            "Mutasi ini menuju unit yang bukan tanggung jawab Anda; rencana pemantauannya "
            "dikelola oleh pimpinan unit tujuan.",
            "this transfer went to a unit you are not responsible for",
        ),
        Rule(
            "checkpoint_not_due",
            _R,
            "Titik pantau {checkpoint_id} mencakup masa sampai {due_date}; penilaiannya dapat "
            "dicatat mulai {opens}.",
            "checkpoint {checkpoint_id} covers the period up to {due_date}; it can be "
            "evaluated from {opens}",
            SKP,
        ),
        Rule(
            "personal_data_key_unavailable",
            _C,
            "Catatan adaptasi adalah data pribadi yang hanya disimpan tersegel dengan kunci "
            "data pegawai {nip}, dan kunci itu belum tersedia (belum diterbitkan atau data "
            "pribadi telah dihapus). Catat penilaian tanpa catatan, atau coba lagi nanti.",
            "adaptation notes are personal data and are stored only sealed with the "
            "employee's data key, which this service does not hold for {nip} (not issued "
            "yet, or their personal data was erased): record the evaluation without notes, "
            "or try again later",
            PDP,
        ),
        Rule(
            "readable_export",
            _R,
            "Berkas ekspor penilaian tahunan tidak dapat dibaca ({problem}). Kirim berkas CSV "
            "UTF-8 dengan kolom nip, tahun, hasil_kerja, perilaku_kerja.",
            "cannot read the export: {problem}",
        ),
    )
}


CATALOGUE = RuleCatalogue(RULES)
violation = CATALOGUE.violation
refusal = CATALOGUE.refusal
refuse = CATALOGUE.refuse
rule_error = CATALOGUE.rule_error


JENIS = {"ANNUAL": "tahunan", "CHECKPOINT": "titik pantau", "PERIODIC": "berkala"}
