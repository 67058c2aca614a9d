"""The civil-service rules a transfer decision must respect, as one catalogue.

Every refusal of the mutation service names a rule of `RULES`: its id (the `rule` of the
HTTP body), the steps where it applies, the legal basis where there is one, the message a
person reads (Bahasa Indonesia: what is wrong and what to do), the English text for
operators' logs, and the setting that shapes it. The table in `services/mutation/README.md`
is this catalogue written out; a unit test fails when the two differ.

The checks return `Violation`s instead of raising, so a step collects every failing rule
and refuses once with all of them (`raise_violations`): an officer fixes every problem in
one go. Pure: standard library and the kit's error model only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rangkui_eventkit.catalogue import RuleCatalogue
from rangkui_eventkit.errors import ErrorKind, Violation


@dataclass(frozen=True)
class Rule:
    """One rule of the catalogue; `pesan` and `message` are `str.format` templates over the
    facts of the refusal (for example `{nip}`)."""

    id: str
    steps: tuple[str, ...]
    kind: ErrorKind
    pesan: str
    message: str
    legal_basis: str | None = None
    setting: str | None = None


# Steps of the lifecycle, as the README's table names them.
ALL_STEPS = (
    "propose",
    "documents",
    "review",
    "approve",
    "reject",
    "socialize",
    "acknowledge",
    "deemed",
    "object",
    "resolve",
    "decree",
    "effective",
    "release",
    "cancel",
)
# The Indonesian name of each action, for the messages (the English one is the key).
LANGKAH: dict[str, str] = {
    "check the documents of": "memeriksa berkas",
    "record the TPK review of": "mencatat sidang TPK",
    "review": "menilai dalam sidang TPK",
    "approve": "menyetujui",
    "reject": "menolak",
    "socialise": "menyosialisasikan",
    "acknowledge": "menyatakan menerima",
    "propose": "mengusulkan",
    "deem acknowledged": "mencatat penerimaan karena masa keberatan berakhir",
    "object to": "mengajukan keberatan",
    "resolve the objection to": "memutus keberatan",
    "resolve": "memutus keberatan",
    "decree": "menetapkan SK",
    "make effective": "memberlakukan",
    "cancel": "membatalkan",
    "release": "melepas penahanan",
}
_DECIDING = ("review", "approve", "reject", "resolve", "decree")
_R, _C, _F, _N = ErrorKind.REFUSED, ErrorKind.CONFLICT, ErrorKind.FORBIDDEN, ErrorKind.NOT_FOUND
_TENURE = "PP 11/2017 jo. PP 17/2020 Pasal 190"
_BKN = "Peraturan BKN 5/2019"
_AP = "UU 30/2014"

RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        Rule(
            "unknown_mutation",
            ALL_STEPS,
            _N,
            "Usulan mutasi tidak ditemukan. Periksa nomor usulan.",
            "no such transfer",
        ),
        Rule(
            "invalid_step",
            ALL_STEPS,
            _C,
            "Langkah '{langkah}' tidak dapat dilakukan karena usulan berstatus {status}; "
            "langkah ini hanya untuk usulan berstatus {allowed}.",
            "cannot {action} a transfer that is {status}; it must be {allowed}",
        ),
        Rule(
            "mutation_exists",
            ("propose",),
            _C,
            "Usulan mutasi {mutation_id} sudah ada. Gunakan nomor usulan lain.",
            "transfer {mutation_id} already exists",
        ),
        Rule(
            "one_open_transfer",
            ("propose",),
            _C,
            "Pegawai {nip} masih memiliki usulan mutasi yang berjalan ({open_mutation_id}). "
            "Selesaikan atau batalkan usulan itu terlebih dahulu.",
            "employee {nip} already has an open transfer ({open_mutation_id}); "
            "finish or cancel it first",
        ),
        Rule(
            "employee_not_transferable",
            ("propose", "approve", "decree", "effective", "release"),
            _R,
            "Pegawai {nip} {status_id} sehingga tidak dapat dimutasi. Mutasi dapat diusulkan "
            "kembali setelah status itu berakhir.",
            "employee {nip} {status_en} and cannot be transferred",
            _TENURE,
        ),
        Rule(
            "same_post",
            ("propose",),
            _R,
            "Pegawai {nip} sudah menduduki jabatan {position_id}. Pilih jabatan tujuan lain.",
            "employee {nip} already holds post {position_id}",
        ),
        Rule(
            "own_request_only",
            ("propose",),
            _F,
            "Pegawai hanya dapat mengusulkan mutasinya sendiri sebagai mutasi atas permintaan "
            "sendiri (OWN_REQUEST). Ubah jenis usulan, atau minta operator BKD mengusulkannya.",
            "an employee may only propose their own transfer as an own request (OWN_REQUEST)",
            _BKN,
        ),
        Rule(
            "post_not_in_unit",
            ("propose", "needs"),
            _R,
            "Jabatan {position_id} berada di unit {actual_unit_id}, bukan di unit {unit_id}. "
            "Periksa unit atau jabatan tujuan.",
            "post {position_id} belongs to unit {actual_unit_id}, not {unit_id}",
        ),
        Rule(
            "unit_closed",
            ("propose", "approve", "decree", "effective", "release"),
            _R,
            "Unit {unit_id} telah ditutup pada {closed_on} dan tidak menerima mutasi. Pilih "
            "unit tujuan lain.",
            "unit {unit_id} was closed on {closed_on} and takes no transfers",
        ),
        Rule(
            "need_not_open",
            ("propose", "needs"),
            _C,
            "Kebutuhan pegawai {need_id} berstatus {status}, tidak lagi terbuka. Usulkan "
            "mutasi tanpa kebutuhan itu atau catat kebutuhan baru.",
            "staffing need {need_id} is {status}, not OPEN",
        ),
        Rule(
            "need_other_post",
            ("propose",),
            _R,
            "Kebutuhan pegawai {need_id} adalah untuk jabatan {need_position_id}, bukan "
            "{position_id}. Pilih jabatan yang sesuai dengan kebutuhan.",
            "staffing need {need_id} is for post {need_position_id}, not {position_id}",
        ),
        Rule(
            "need_exists",
            ("needs",),
            _C,
            "Kebutuhan pegawai {need_id} sudah tercatat.",
            "staffing need {need_id} exists",
        ),
        Rule(
            "unknown_need",
            ("needs", "propose"),
            _N,
            "Kebutuhan pegawai tidak ditemukan. Periksa nomor kebutuhan.",
            "no such staffing need",
        ),
        Rule(
            "own_transfer",
            _DECIDING,
            _F,
            "Pegawai {nip} tidak boleh memutuskan mutasinya sendiri (langkah: {langkah}). "
            "Langkah ini dilakukan oleh pejabat lain.",
            "employee {nip} may not {action} their own transfer",
            f"{_AP} Pasal 42",
        ),
        Rule(
            "segregation_of_duties",
            _DECIDING,
            _F,
            "{actor} adalah pengusul mutasi ini sehingga tidak boleh juga melakukan langkah "
            "'{langkah}'. Langkah ini dilakukan oleh pejabat lain.",
            "{actor} proposed this transfer and may not also {action} it",
        ),
        Rule(
            "related_person_conflict",
            ("propose", "documents", *_DECIDING, "socialize", "cancel", "release"),
            _F,
            "{actor} tercatat memiliki hubungan keluarga dengan pegawai {nip} sehingga tidak "
            "boleh melakukan langkah '{langkah}' (konflik kepentingan). Serahkan kepada pejabat "
            "lain.",
            "{actor} is listed as related to employee {nip} and may not {action} the transfer",
            f"{_AP} Pasal 42",
        ),
        Rule(
            "target_head_related",
            ("propose", "approve", "decree"),
            _R,
            "Kepala unit tujuan {unit_id} ({head}) tercatat sebagai kerabat pegawai {nip} "
            "({hubungan}); menempatkan pegawai di bawah kerabatnya sendiri menimbulkan konflik "
            "kepentingan. Pilih unit tujuan lain.",
            "the head of the target unit {unit_id} ({head}) is registered as the employee "
            "{nip}'s relative ({relation}): a placement under one's own relative is a "
            "conflict of interest",
            "UU 28/1999 Pasal 1 angka 5; UU 30/2014 Pasal 42",
        ),
        Rule(
            "reviewer_decides",
            ("approve", "reject"),
            _F,
            "{actor} ikut dalam sidang TPK atas usulan ini sehingga tidak boleh juga "
            "memutuskannya. Keputusan diambil oleh PPK yang tidak menilai berkas ini.",
            "{actor} took part in the TPK review of this transfer and may not also decide it",
            _BKN,
        ),
        Rule(
            "no_free_place",
            ("propose", "approve", "decree"),
            _C,
            "Jabatan {position_id} tidak memiliki formasi kosong (sisa formasi: {free_places}): "
            "formasi sudah terisi oleh pemangku jabatan dan mutasi yang telah disetujui. Pilih "
            "jabatan lain atau tunggu formasi kosong.",
            "post {position_id} has no free place: its formasi is taken by its holders and "
            "the transfers already approved into it",
        ),
        Rule(
            "min_years_in_post",
            ("approve",),
            _R,
            "Pegawai {nip} baru {years_in_post} tahun pada jabatan sekarang (sejak "
            "{tmt_position}); batas minimal {minimum} tahun. PPK dapat memberi pengecualian "
            "dengan alasan tertulis (min_years_exception).",
            "employee {nip} has been {years_in_post} years in the current post (since "
            "{tmt_position}); the minimum is {minimum} years unless the PPK records an "
            "exception with a justification",
            _TENURE,
            "MUTATION_MIN_YEARS_IN_POST",
        ),
        Rule(
            "blackout_window",
            ("propose", "approve", "decree", "effective"),
            _R,
            "Mutasi antara {start} dan {end} ({label}: {reason}) memerlukan persetujuan "
            "tertulis Menteri Dalam Negeri. Cantumkan nomor dan tanggal surat persetujuan "
            "Menteri (minister_approval_ref, minister_approval_date).",
            "transfers between {start} and {end} ({kind}: {reason}) need a written approval of "
            "the Minister of Home Affairs; record its letter number and date",
            "UU 10/2016 Pasal 71 ayat (2)",
            "MUTATION_BLACKOUT_WINDOWS",
        ),
        Rule(
            "performance_below_baik",
            ("approve",),
            _R,
            "Pegawai {nip} memperoleh predikat kinerja {low} dalam dua tahun terakhir; mutasi "
            "memerlukan predikat sekurang-kurangnya Baik.",
            "employee {nip} was rated {low} in the last two annual appraisals; a transfer "
            "needs at least Baik",
            f"{_BKN}; PP 30/2019",
        ),
        Rule(
            "promotion_not_transfer",
            ("approve",),
            _R,
            "Jabatan {position_id} ({target_type}) lebih tinggi daripada jabatan pegawai {nip} "
            "sekarang ({current_type}): ini pengangkatan (promosi), bukan mutasi, dan "
            "ditempuh melalui prosedurnya sendiri.",
            "post {position_id} ({target_type}) is above the employee's current post "
            "({current_type}): that is a promotion, not a transfer, with its own procedure",
            "UU 20/2023; PP 11/2017 jo. PP 17/2020",
        ),
        Rule(
            "grade_out_of_range",
            ("approve",),
            _R,
            "Golongan pegawai {nip} ({grade}) tidak berada dalam rentang golongan jabatan "
            "{position_id} ({grade_min} s.d. {grade_max}). Pilih jabatan yang sesuai dengan "
            "golongannya.",
            "employee {nip}'s grade {grade} is outside post {position_id}'s range "
            "({grade_min} to {grade_max})",
            "PP 11/2017 jo. PP 17/2020",
        ),
        Rule(
            "education_mismatch",
            ("approve",),
            _R,
            "Pendidikan pegawai {nip} ({education}) tidak memenuhi syarat jabatan "
            "{position_id} ({required}). PPK dapat menyetujui dengan alasan tertulis "
            "(fit_override) bila kebutuhan organisasi mengharuskannya.",
            "employee {nip}'s education ({education}) does not meet post {position_id}'s "
            "requirement ({required}); the PPK may override with written reasons",
            "PP 11/2017 jo. PP 17/2020",
        ),
        Rule(
            "appraisals_missing",
            ("approve",),
            _R,
            "Pegawai {nip} hanya memiliki {found} penilaian kinerja tahunan dalam dua tahun "
            "terakhir; diperlukan dua. Catat penilaian kinerja yang belum ada.",
            "employee {nip} has {found} annual appraisals in the last two years; two are needed",
            f"{_BKN}; PP 30/2019",
            "MUTATION_MISSING_APPRAISALS",
        ),
        Rule(
            "documents_incomplete",
            ("review", "approve"),
            _R,
            "Berkas usulan belum lengkap (kurang: {missing}). Lengkapi dan periksa ulang "
            "dokumen sebelum sidang TPK.",
            "the file is incomplete (missing: {missing}); check all documents first",
            _BKN,
            "MUTATION_SKIP_STEPS",
        ),
        Rule(
            "tpk_review_required",
            ("approve",),
            _C,
            "Usulan belum dinilai dalam sidang TPK. PPK memutuskan setelah mendengar "
            "pertimbangan TPK.",
            "the TPK has not reviewed this transfer yet; the PPK decides after hearing the TPK",
            _BKN,
            "MUTATION_SKIP_STEPS",
        ),
        Rule(
            "tpk_quorum_not_met",
            ("review",),
            _R,
            "Sidang TPK dihadiri {present} anggota; kuorum {quorum} anggota. Catat anggota "
            "yang hadir atau jadwalkan ulang sidang.",
            "the TPK meeting had {present} members present; the quorum is {quorum}",
            _BKN,
            "MUTATION_TPK_QUORUM",
        ),
        Rule(
            "berita_acara_required",
            ("review",),
            _R,
            "Nomor berita acara sidang TPK wajib dicantumkan.",
            "the reference of the TPK meeting's minutes (berita acara) is required",
            _BKN,
        ),
        Rule(
            "against_recommendation_without_reasons",
            ("approve",),
            _R,
            "TPK tidak merekomendasikan mutasi ini. PPK yang tetap menyetujuinya wajib "
            "menuliskan alasannya (reasons).",
            "the TPK recommended against this transfer; approving it needs written reasons",
            _BKN,
        ),
        Rule(
            "socialization_required",
            ("decree",),
            _C,
            "Mutasi belum disosialisasikan kepada pegawai. Lakukan sosialisasi sebelum SK "
            "ditetapkan.",
            "the transfer has not been socialised to the employee; socialise it before the SK",
            "PP 79/2021",
            "MUTATION_SKIP_STEPS",
        ),
        Rule(
            "objection_window_open",
            ("decree", "deemed"),
            _C,
            "Masa keberatan pegawai berlangsung sampai {deadline}. SK dapat ditetapkan setelah "
            "pegawai menyatakan menerima atau setelah masa keberatan berakhir.",
            "the employee's objection window runs until {deadline}; the SK waits for the "
            "acknowledgement or the end of the window",
            "PP 79/2021",
            "MUTATION_OBJECTION_WINDOW_DAYS",
        ),
        Rule(
            "objection_window_closed",
            ("object",),
            _C,
            "Masa keberatan berakhir pada {deadline}; keberatan tidak dapat diajukan lagi "
            "melalui sistem. Hubungi PPK untuk upaya administratif berikutnya.",
            "the objection window closed on {deadline}; the objection is not recorded",
            "PP 79/2021",
            "MUTATION_OBJECTION_WINDOW_DAYS",
        ),
        Rule(
            "objection_pending",
            ("decree",),
            _C,
            "Keberatan pegawai belum diputus. PPK memutus keberatan sebelum SK ditetapkan.",
            "the employee's objection is not resolved yet; the PPK resolves it before the SK",
            "PP 79/2021",
        ),
        Rule(
            "objection_decided_by_ppk",
            ("resolve",),
            _F,
            "Keberatan atas mutasi diputus oleh PPK. BKD dapat menyiapkan rekomendasi.",
            "an objection is decided by the PPK; the BKD may prepare a recommendation",
            "PP 79/2021",
        ),
        Rule(
            "only_the_employee",
            ("acknowledge", "object"),
            _F,
            "Hanya pegawai yang bersangkutan ({nip}) yang dapat melakukan langkah '{langkah}', "
            "bukan {actor}.",
            "only the employee ({nip}) may {action} their transfer, not {actor}",
        ),
        Rule(
            "personal_data_key_unavailable",
            ("object",),
            _C,
            "Alasan keberatan adalah data pribadi sensitif yang hanya disimpan tersegel dengan "
            "kunci data pegawai {nip}, dan kunci itu belum tersedia (belum diterbitkan atau "
            "data pribadi telah dihapus). Keberatan belum dicatat; hubungi BKD.",
            "the reason of an objection is sensitive personal data and is stored only sealed "
            "with the employee's data key, which this service does not hold for {nip} (not "
            "issued yet, or their personal data was erased): the objection is not recorded",
            "UU 27/2022",
        ),
        Rule(
            "sk_number_in_use",
            ("decree",),
            _C,
            "Nomor SK {sk_number} sudah dipakai untuk mutasi {used_by}. Nomor SK harus unik; "
            "gunakan nomor lain.",
            "SK number {sk_number} is already used by transfer {used_by}",
        ),
        Rule(
            "sk_date_in_future",
            ("decree",),
            _R,
            "Tanggal SK {sk_date} belum tiba. SK dicatat setelah ditetapkan.",
            "the SK date {sk_date} is in the future; record the SK once it is signed",
        ),
        Rule(
            "tmt_before_sk_date",
            ("decree",),
            _R,
            "TMT {tmt} mendahului tanggal SK {sk_date}. Keputusan tidak berlaku surut, kecuali "
            "kebijakan mengizinkan paling lama {max_days} hari dengan alasan tertulis.",
            "the TMT {tmt} precedes the SK date {sk_date}; a decree is not retroactive "
            "unless policy allows it, within {max_days} days and with a written reason",
            f"{_AP} Pasal 58 ayat (6)",
            "MUTATION_RETROACTIVE_TMT_MAX_DAYS",
        ),
        Rule(
            "tmt_beyond_horizon",
            ("decree",),
            _R,
            "TMT {tmt} lebih dari {max_days} hari setelah tanggal SK {sk_date}. Periksa TMT.",
            "the TMT {tmt} is more than {max_days} days after the SK date {sk_date}",
            setting="MUTATION_TMT_HORIZON_DAYS",
        ),
        Rule(
            "tmt_not_reached",
            ("effective",),
            _C,
            "Mutasi berlaku pada TMT {tmt}, tidak sebelumnya.",
            "the transfer takes effect on its TMT {tmt}, not before",
        ),
        Rule(
            "policy_effective_in_past",
            ("policy",),
            _R,
            "Perubahan kebijakan mulai berlaku {effective_from}, sebelum hari ini ({today}). "
            "Kebijakan tidak diubah surut: keputusan yang sudah diambil tetap memakai kebijakan "
            "saat itu. Tetapkan tanggal berlaku hari ini atau sesudahnya.",
            "the policy change takes effect on {effective_from}, before today ({today}); a "
            "policy is not changed retroactively",
            f"{_AP} Pasal 58 ayat (6)",
        ),
        Rule(
            "policy_skip_needs_basis",
            ("policy",),
            _R,
            "Kebijakan yang melewati langkah proses (skip_steps) wajib menyebut peraturan "
            "provinsi yang mengizinkannya (skip_steps_basis).",
            "skipping process steps needs the provincial regulation that allows it",
            _BKN,
            "MUTATION_SKIP_STEPS",
        ),
        Rule(
            "cancel_decreed_by_ppk_only",
            ("cancel",),
            _F,
            "Mutasi yang telah ditetapkan dengan SK hanya dapat dibatalkan oleh PPK dengan SK "
            "pembatalan.",
            "a decreed transfer is cancelled by the PPK alone, with a cancelling decree",
            f"{_AP} Pasal 64",
        ),
        Rule(
            "cancelling_decree_required",
            ("cancel",),
            _R,
            "Pembatalan mutasi yang telah ditetapkan memerlukan nomor dan tanggal SK pembatalan.",
            "cancelling a decreed transfer needs the cancelling decree's number and date",
            f"{_AP} Pasal 64",
        ),
        # ------------------------------------------- the decree (Keputusan) and its lampiran
        Rule(
            "decree_without_rows",
            ("decree",),
            _R,
            "Keputusan harus memuat sedikitnya satu mutasi dalam lampirannya.",
            "a decree lists at least one transfer in its lampiran",
        ),
        Rule(
            "decree_too_many_rows",
            ("decree",),
            _R,
            "Lampiran memuat {rows} mutasi, paling banyak {max_rows}. Terbitkan beberapa "
            "keputusan.",
            "the lampiran lists {rows} transfers, at most {max_rows}; issue several decrees",
        ),
        Rule(
            "decree_row_repeated",
            ("decree",),
            _R,
            "Mutasi {mutation_ids} tercantum lebih dari sekali dalam lampiran. Cantumkan "
            "setiap mutasi sekali.",
            "transfers {mutation_ids} are listed more than once in the lampiran",
        ),
        Rule(
            "decree_already_issued",
            ("decree",),
            _C,
            "Keputusan {decree_id} sudah diterbitkan. Keputusan tidak diubah: perbaikan "
            "dilakukan dengan keputusan ralat.",
            "decree {decree_id} is already issued; a decree is corrected by a new one, never "
            "edited",
        ),
        Rule(
            "decree_file_too_large",
            ("decree",),
            ErrorKind.TOO_LARGE,
            "Berkas yang diperiksa melebihi {max_mb} MB. Periksa berkas PDF keputusan itu sendiri.",
            "the file to verify exceeds {max_mb} MB",
        ),
        Rule(
            "revoke_by_ppk_only",
            ("cancel",),
            _F,
            "Keputusan hanya dapat dibatalkan oleh PPK dengan keputusan pembatalan.",
            "a decree is revoked by the PPK alone, with a revoking decree",
            f"{_AP} Pasal 64",
        ),
        Rule(
            "row_not_in_decree",
            ("cancel",),
            _R,
            "Mutasi {mutation_id} tidak tercantum dalam lampiran keputusan ini.",
            "transfer {mutation_id} is not a row of this decree",
        ),
        Rule(
            "row_already_revoked",
            ("cancel",),
            _C,
            "Mutasi {mutation_id} sudah dibatalkan oleh keputusan pembatalan sebelumnya.",
            "transfer {mutation_id} was already revoked",
        ),
        Rule(
            "row_not_revocable",
            ("cancel",),
            _C,
            "Mutasi berstatus {status} tidak dapat dibatalkan dengan keputusan pembatalan; "
            "hanya mutasi yang telah ditetapkan atau telah berlaku.",
            "a transfer in step {status} is not revoked by a decree; only a decreed or "
            "effective one",
        ),
        Rule(
            "signed_copy_type",
            ("decree",),
            _R,
            "Salinan bertanda tangan harus berupa berkas PDF (TTE) atau hasil pindai PDF, PNG "
            "atau JPEG. Unggah berkas keputusan yang telah ditandatangani.",
            "a signed copy is a PDF (TTE) or a scan as PDF, PNG or JPEG",
        ),
        Rule(
            "correct_by_ppk_only",
            ("decree",),
            _F,
            "Keputusan hanya dapat diralat oleh PPK dengan keputusan ralat.",
            "a decree is corrected by the PPK alone, with a correcting decree",
            f"{_AP} Pasal 63",
        ),
        Rule(
            "correcting_decree_required",
            ("decree",),
            _R,
            "Ralat keputusan memerlukan nomor dan tanggal keputusan ralat serta alasannya.",
            "a correction needs the correcting decree's number and date, and the reason",
            f"{_AP} Pasal 63",
        ),
        Rule(
            "correction_without_changes",
            ("decree",),
            _R,
            "Ralat harus menyebut sedikitnya satu isian baris lampiran yang diperbaiki.",
            "a correction names at least one field of a lampiran row",
        ),
        Rule(
            "field_not_correctable",
            ("decree",),
            _R,
            "Isian {field} tidak dapat diralat. Yang dapat diralat: nama, golongan, pangkat, "
            "jabatan dan unit lama atau baru, keterangan; TMT diubah dengan keputusan baru.",
            "field {field} is not corrected by a ralat",
        ),
        Rule(
            "correction_changes_nothing",
            ("decree",),
            _R,
            "Ralat isian {field} tidak mengubah apa pun atau mengosongkannya. Tuliskan isian "
            "yang benar.",
            "the correction of {field} changes nothing or empties it",
        ),
        # ------------------------------------------- after the decree: swearing-in and SPMT
        Rule(
            "unknown_induction",
            ("effective",),
            _N,
            "Pelantikan dan SPMT mutasi ini belum dijadwalkan: mutasi belum ditetapkan dengan SK.",
            "no induction is scheduled for this transfer (it has no decree yet)",
        ),
        Rule(
            "induction_cancelled",
            ("effective",),
            _C,
            "Mutasi ini telah dibatalkan; pelantikan dan SPMT tidak lagi dicatat.",
            "the transfer was cancelled or revoked: its induction is not recorded",
        ),
        Rule(
            "induction_date_in_future",
            ("effective",),
            _R,
            "Tanggal {on} belum tiba. Catat pelantikan atau SPMT setelah terlaksana.",
            "the date {on} is in the future; record it once it happened",
        ),
        Rule(
            "swearing_in_not_required",
            ("effective",),
            _R,
            "Jabatan baru ini tidak memerlukan pelantikan menurut kebijakan provinsi; cukup "
            "catat SPMT.",
            "the new post needs no swearing-in under the province's policy; record the SPMT",
            setting="MUTATION_SWEARING_IN_POST_TYPES",
        ),
        Rule(
            "duty_before_tmt",
            ("effective",),
            _R,
            "Tugas pada jabatan baru dimulai pada atau setelah TMT {tmt}. Periksa tanggal SPMT.",
            "the duty begins on or after the TMT {tmt}",
        ),
        Rule(
            "token_without_nip",
            ("acknowledge", "object"),
            _F,
            "Akun Anda tidak memuat NIP, sehingga tidak dapat menanggapi mutasi atas nama "
            "pegawai. Hubungi pengelola akun (BKD) agar NIP dicantumkan.",
            "the token carries no NIP claim: nobody answers for an employee without one",
        ),
        Rule(
            "unknown_decree",
            ("decree",),
            _N,
            "Keputusan {decree_id} tidak ditemukan. Periksa tautan atau kode verifikasinya.",
            "there is no decree {decree_id}",
        ),
    )
}


def _langkah(facts: dict[str, object]) -> None:
    """The Indonesian name of the step a refusal is about, beside its English one."""
    if "action" in facts:
        facts.setdefault("langkah", LANGKAH.get(str(facts["action"]), facts["action"]))


CATALOGUE = RuleCatalogue(RULES, prepare=_langkah)
violation = CATALOGUE.violation
refusal = CATALOGUE.refusal
refuse = CATALOGUE.refuse
rule_error = CATALOGUE.rule_error


# ------------------------------------------------------------------------------ checks
@dataclass(frozen=True)
class FitFacts:
    """The employee against the target post (and the post they hold now), as of deciding."""

    grade: str
    education: tuple[tuple[str, str], ...]  # (level, field)
    current_type: str
    target_type: str
    target_grade_min: str | None = None
    target_grade_max: str | None = None
    current_grade_max: str | None = None
    required_levels: tuple[str, ...] = ()
    required_fields: tuple[str, ...] = ()


# Post types from the lowest: a move up the list is a promotion, not a transfer.
POST_TYPE_RANK = {"PELAKSANA": 0, "FUNGSIONAL": 1, "STRUKTURAL": 2}
LEVEL_RANK = {"SMA": 0, "D3": 1, "S1": 2, "S2": 3, "S3": 4}


def grade_rank(grade: str) -> int:
    """III/b -> 11: golongan I..IV times five plus ruang a..e."""
    roman, _, letter = grade.partition("/")
    return {"I": 0, "II": 1, "III": 2, "IV": 3}[roman] * 5 + "abcde".index(letter)


def check_fit(nip: str, position_id: str, fit: FitFacts, override: str | None) -> list[Violation]:
    """Fit when deciding: not a promotion in disguise (post type or grade band above the
    current post), the grade within the post's range, the education the post requires
    (the one requirement the PPK may override, with written reasons)."""
    found: list[Violation] = []
    higher_type = POST_TYPE_RANK.get(fit.target_type, 0) > POST_TYPE_RANK.get(fit.current_type, 0)
    higher_band = (
        fit.target_grade_min is not None
        and fit.current_grade_max is not None
        and grade_rank(fit.target_grade_min) > grade_rank(fit.current_grade_max)
    )
    if higher_type or higher_band:
        found.append(
            violation(
                "promotion_not_transfer",
                nip=nip,
                position_id=position_id,
                target_type=fit.target_type
                + (f", mulai {fit.target_grade_min}" if higher_band else ""),
                current_type=fit.current_type
                + (f", sampai {fit.current_grade_max}" if higher_band else ""),
            )
        )
    low, high = fit.target_grade_min, fit.target_grade_max
    if (low and grade_rank(fit.grade) < grade_rank(low)) or (
        high and grade_rank(fit.grade) > grade_rank(high)
    ):
        found.append(
            violation(
                "grade_out_of_range",
                nip=nip,
                grade=fit.grade,
                position_id=position_id,
                grade_min=low or "—",
                grade_max=high or "—",
            )
        )
    if (fit.required_levels or fit.required_fields) and not (override and override.strip()):
        minimum = min((LEVEL_RANK.get(x, 0) for x in fit.required_levels), default=0)
        wanted = {f.lower() for f in fit.required_fields}
        meets = any(
            LEVEL_RANK.get(level, -1) >= minimum and (not wanted or field.lower() in wanted)
            for level, field in fit.education
        )
        if not meets:
            required = ", ".join([*fit.required_levels, *fit.required_fields])
            held = ", ".join(f"{lv} {fd}" for lv, fd in fit.education) or "tidak tercatat"
            found.append(
                violation(
                    "education_mismatch",
                    nip=nip,
                    position_id=position_id,
                    education=held,
                    required=required,
                )
            )
    return found


@dataclass(frozen=True)
class Blackout:
    """A blackout window from the configured calendar (Minister's approval needed): before
    a regional-head election, after an inauguration, or while an acting head (Pj) holds
    office; its scope is the post types and transfer kinds it covers (empty: all)."""

    start: date
    end: date
    reason: str
    kind: str = "ELECTION"
    post_types: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()

    def covers(self, day: date, post_type: str | None, kind: str | None) -> bool:
        return (
            self.start <= day <= self.end
            and (not self.post_types or post_type in self.post_types)
            and (not self.kinds or kind in self.kinds)
        )


BLACKOUT_KINDS: dict[str, tuple[str, str]] = {
    "ELECTION": ("menjelang pemilihan kepala daerah", "UU 10/2016 Pasal 71 ayat (2)"),
    "INAUGURATION": ("enam bulan setelah pelantikan", "UU 10/2016 Pasal 162 ayat (3)"),
    "ACTING_HEAD": ("masa Penjabat (Pj) kepala daerah", "PP 49/2008 Pasal 132A"),
}


def find_blackout(
    windows: Sequence[Blackout],
    day: date,
    *,
    post_type: str | None = None,
    kind: str | None = None,
) -> Blackout | None:
    """The first window that covers `day` and this transfer (its target post type, kind)."""
    return next((w for w in windows if w.covers(day, post_type, kind)), None)


def years_between(start: date, end: date) -> float:
    """Whole days / 365.25: precise enough for a minimum expressed in (half) years."""
    return (end - start).days / 365.25


def check_can_decide(
    nip: str, proposed_by: str, related: Sequence[str], actor: str, action: str
) -> Violation | None:
    """Segregation of duties and conflict of interest: nobody decides on their own proposal,
    the employee never decides on their own transfer, nor does a declared relative."""
    if actor == nip:
        return violation("own_transfer", nip=nip, action=action)
    if actor == proposed_by:
        return violation("segregation_of_duties", actor=actor, action=action)
    if actor in related:
        return violation("related_person_conflict", actor=actor, nip=nip, action=action)
    return None


HUBUNGAN = {
    "SPOUSE": "suami/istri",
    "PARENT": "orang tua",
    "CHILD": "anak",
    "SIBLING": "saudara kandung",
    "IN_LAW": "keluarga semenda",
}


def check_target_head(
    nip: str, unit_id: str, head: str | None, relatives: Sequence[tuple[str, str]]
) -> Violation | None:
    """Nobody is placed under a relative: the head of the target unit may not be one of the
    employee's relatives in personnel's registry."""
    relation = dict(relatives).get(head or "")
    if head is None or relation is None:
        return None
    return violation(
        "target_head_related",
        unit_id=unit_id,
        head=head,
        nip=nip,
        relation=relation,
        hubungan=HUBUNGAN.get(relation, relation),
        details={"head": head, "relation": relation},
    )


def check_free_place(position_id: str, free_places: int) -> Violation | None:
    """formasi − occupancy − transfers already approved into the post must leave a place."""
    if free_places > 0:
        return None
    return violation(
        "no_free_place",
        position_id=position_id,
        free_places=free_places,
        details={"free_places": free_places},
    )


def check_min_years(
    nip: str, tmt_position: date, today: date, min_years: float, exception: str | None
) -> Violation | None:
    """At least `min_years` in the current post, unless the PPK records a justification."""
    years = years_between(tmt_position, today)
    if years >= min_years or (exception and exception.strip()):
        return None
    return violation(
        "min_years_in_post",
        nip=nip,
        years_in_post=round(years, 1),
        tmt_position=tmt_position,
        minimum=min_years,
        details={"years_in_post": round(years, 2), "minimum": min_years},
    )


def check_not_in_blackout(
    blackout: Blackout | None,
    minister_approval_ref: str | None,
    minister_approval_date: date | None = None,
) -> Violation | None:
    """Inside a blackout window a transfer needs the Minister of Home Affairs' written
    approval: its letter number and its date, both recorded."""
    if blackout is None:
        return None
    if minister_approval_ref and minister_approval_ref.strip() and minister_approval_date:
        return None
    label, basis = BLACKOUT_KINDS.get(blackout.kind, BLACKOUT_KINDS["ELECTION"])
    return violation(
        "blackout_window",
        start=blackout.start,
        end=blackout.end,
        reason=blackout.reason,
        kind=blackout.kind,
        label=label,
        legal_basis=basis,
        details={
            "start": blackout.start.isoformat(),
            "end": blackout.end.isoformat(),
            "kind": blackout.kind,
        },
    )


BELOW_BAIK = frozenset({"BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG"})
_PREDIKAT_ID = {
    "BUTUH_PERBAIKAN": "Butuh Perbaikan",
    "KURANG": "Kurang",
    "SANGAT_KURANG": "Sangat Kurang",
}


def appraisal_window_start(decision_date: date) -> date:
    """ "The last two years" as calendar dates: appraisals whose period ended on or after
    this day, two years before the decision (29 February falls back to the 28th)."""
    try:
        return decision_date.replace(year=decision_date.year - 2)
    except ValueError:
        return decision_date.replace(year=decision_date.year - 2, day=28)


def check_appraisals_present(
    nip: str, recent_annual_predikat: Sequence[str], policy: str
) -> Violation | None:
    """Fewer than two annual appraisals in the window: a rule outcome of its own, refusing
    under the BLOCK policy, a warning recorded on the decision under WARN."""
    if len(recent_annual_predikat) >= 2:
        return None
    return violation(
        "appraisals_missing",
        nip=nip,
        found=len(recent_annual_predikat),
        details={"found": len(recent_annual_predikat), "policy": policy},
    )


def check_recent_performance(nip: str, recent_annual_predikat: Sequence[str]) -> Violation | None:
    """The last two annual ratings (within the window, corrections honoured) must be at
    least Baik."""
    low = [p for p in recent_annual_predikat[:2] if p in BELOW_BAIK]
    if not low:
        return None
    return violation(
        "performance_below_baik", nip=nip, low=", ".join(_PREDIKAT_ID.get(p, p) for p in low)
    )


NOT_TRANSFERABLE_STATUSES: dict[str, tuple[str, str]] = {
    "DISCIPLINARY": (
        "sedang menjalani proses hukuman disiplin",
        "is under disciplinary proceedings",
    ),
    "STUDY_ASSIGNMENT": ("sedang tugas belajar", "is on study assignment (tugas belajar)"),
    "RETIRED": ("telah pensiun", "is retired"),
    "COURT_PROCEEDINGS": ("sedang menjalani proses peradilan", "is under court proceedings"),
    "SERVICE_OBLIGATION": (
        "masih terikat ikatan dinas",
        "is bound by a service obligation (ikatan dinas)",
    ),
    "DECEASED": ("telah meninggal dunia", "is deceased"),
}


def check_transferable(nip: str, status: str) -> Violation | None:
    """No transfer while under disciplinary or court proceedings, on study assignment, bound
    by a service obligation, retired or deceased."""
    found = NOT_TRANSFERABLE_STATUSES.get(status)
    if found is None:
        return None
    return violation(
        "employee_not_transferable",
        nip=nip,
        status_id=found[0],
        status_en=found[1],
        details={"status": status},
    )
