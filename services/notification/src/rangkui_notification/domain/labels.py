"""Indonesian words for the codes that events carry (kinds, ratings, roles)."""

from __future__ import annotations

MUTATION_KIND = {
    "NEED_BASED": "berdasarkan kebutuhan organisasi",
    "OWN_REQUEST": "atas permintaan sendiri",
    "ROTATION": "rotasi",
    "OTHER": "lainnya",
}

RATING = {
    "DI_ATAS": "Di Atas Ekspektasi",
    "SESUAI": "Sesuai Ekspektasi",
    "DI_BAWAH": "Di Bawah Ekspektasi",
}

PREDIKAT = {
    "SANGAT_BAIK": "Sangat Baik",
    "BAIK": "Baik",
    "BUTUH_PERBAIKAN": "Butuh Perbaikan",
    "KURANG": "Kurang",
    "SANGAT_KURANG": "Sangat Kurang",
}

EVALUATION_KIND = {
    "ANNUAL": "tahunan",
    "CHECKPOINT": "pemantauan pascamutasi",
    "PERIODIC": "periodik",
}

VERDICT = {
    "ACHIEVED": "Tercapai",
    "PARTLY_ACHIEVED": "Tercapai Sebagian",
    "NOT_ACHIEVED": "Tidak Tercapai",
}

CRITERION = {
    "PLACEMENT": "Penempatan",
    "PERFORMANCE": "Kinerja",
    "ADAPTATION": "Adaptasi",
}

PRIORITY = {"LOW": "Rendah", "MEDIUM": "Sedang", "HIGH": "Tinggi", "URGENT": "Mendesak"}


def label(table: dict[str, str], code: str | None) -> str:
    """The Indonesian label of a code, or the code itself if the table does not know it."""
    if code is None:
        return "-"
    return table.get(code, code)
