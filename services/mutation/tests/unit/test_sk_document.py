"""The SK document of a 50-row decree: every part a Keputusan has, every lampiran row, a
petikan per person, the QR's link on every page; the same decree gives the same bytes. The
first page is kept as a PNG (`services/mutation/test-results/`) to look at."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from rangkui_contracts.events.mutation import DecreeIssued, DecreeRow, DecreeSigner
from rangkui_mutation.adapters.sk_document import Letterhead, SkRenderer
from rangkui_mutation.domain.decree import content_code
from rangkui_mutation.settings import MutationSettings

pytestmark = [pytest.mark.unit, pytest.mark.slow]

RESULTS = Path(__file__).resolve().parents[2] / "test-results"
SETTINGS = MutationSettings(development_mode=True)


def decree(rows: int) -> DecreeIssued:
    return DecreeIssued(
        decree_id="d-50",
        sk_number="800/1207/BKD/2026",
        sk_date=date(2026, 12, 1),
        tmt=date(2027, 1, 4),
        title="Pemindahan Guru di Lingkungan Pemerintah Provinsi Rangkui",
        considerations=SETTINGS.decree_considerations,
        legal_bases=SETTINGS.decree_legal_bases,
        place=SETTINGS.decree_place,
        signer=DecreeSigner(name="Drs. H. Arif Rangkuti, M.Si.", post="GUBERNUR RANGKUI"),
        copies_to=SETTINGS.decree_copies_to,
        rows=[
            DecreeRow(
                number=i + 1,
                mutation_id=f"m-{i:02d}",
                nip=f"1990031520150320{i:02d}",
                name=f"Guru Nomor {i + 1:02d}",
                grade="III/c",
                rank_name="Penata",
                from_position="Guru Matematika Ahli Pertama",
                from_unit=f"SMA Negeri {i % 7 + 1} Rangkui",
                to_position="Guru Matematika Ahli Muda",
                to_unit=f"SMA Negeri {i % 5 + 8} Tanjung Batu",
                remarks="Pemenuhan kebutuhan guru" if i % 2 else "",
            )
            for i in range(rows)
        ],
        document_sha256="0" * 64,
        template_version="test",
        issued_by="ppk.gubernur",
    )


def pdftotext(pdf: Path) -> str:
    if not shutil.which("pdftotext"):
        pytest.fail("poppler-utils is missing: scripts/test.sh installs it (apt-get)")
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True)
    return out.stdout.decode()


def test_a_fifty_row_decree_holds_every_part_every_row_and_fifty_petikan(tmp_path: Path) -> None:
    renderer = SkRenderer(Letterhead.of(SETTINGS))
    d = decree(50)

    pdf = renderer.pdf(d)

    path = tmp_path / "sk.pdf"
    path.write_bytes(pdf)
    pages = pdftotext(path).split("\f")[:-1]
    text = " ".join(" ".join(pages).split())  # words as read, whatever the line breaks
    for part in (
        "KEPUTUSAN GUBERNUR RANGKUI",
        "NOMOR 800/1207/BKD/2026",
        "TENTANG",
        "PEMINDAHAN GURU DI LINGKUNGAN PEMERINTAH PROVINSI RANGKUI",
        "Menimbang",
        "Mengingat",
        "MEMUTUSKAN",
        "Menetapkan",
        "KESATU",
        "KEDUA",
        "KETIGA",
        "akan diadakan perbaikan sebagaimana mestinya",
        "Ditetapkan di Kota Rangkui",
        "pada tanggal 1 Desember 2026",
        "mulai berlaku pada tanggal 4 Januari 2027",
        "Drs. H. Arif Rangkuti, M.Si.",
        "Tembusan",
        "LAMPIRAN",
        "NAMA / NIP",
        "PANGKAT / GOL. RUANG",
        "JABATAN LAMA",
        "JABATAN BARU",
        "KETERANGAN",
        "Petikan sesuai dengan aslinya",
    ):
        assert part in text, part
    for row in d.rows:
        assert text.count(row.nip) >= 3  # lampiran, petikan, its address
        assert f"Yth. Sdr. {row.name}, NIP {row.nip}" in text
    assert text.count("PETIKAN KEPUTUSAN") == 50
    code = content_code(d)
    assert all(code in "".join(page.split()) for page in pages), "a page without its QR link"


def test_the_first_page_looks_like_a_decree_and_renders_the_same_twice(tmp_path: Path) -> None:
    if not shutil.which("pdftoppm"):
        pytest.fail("poppler-utils is missing: scripts/test.sh installs it (apt-get)")
    renderer = SkRenderer(Letterhead.of(SETTINGS))
    pdf = tmp_path / "sk.pdf"
    pdf.write_bytes(renderer.pdf(decree(3)))
    again = renderer.pdf(decree(3))
    assert hashlib.sha256(again).digest() == hashlib.sha256(pdf.read_bytes()).digest()
    RESULTS.mkdir(exist_ok=True)

    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
         str(RESULTS / "sk-first-page")],
        check=True,
    )  # fmt: skip

    png = (RESULTS / "sk-first-page.png").read_bytes()
    assert png.startswith(b"\x89PNG")
    assert len(png) > 20_000


def test_a_province_template_replaces_the_shipped_one(tmp_path: Path) -> None:
    (tmp_path / "sk.html.j2").write_text(
        "<html><body><p>KEPUTUSAN {{ head.issuer }} NOMOR {{ d.sk_number }}</p>"
        "{% for r in rows %}<p>{{ r.name }}</p>{% endfor %}</body></html>",
        encoding="utf-8",
    )
    own = SkRenderer(Letterhead.of(SETTINGS), str(tmp_path))
    shipped = SkRenderer(Letterhead.of(SETTINGS))

    html = own.html(decree(2))

    assert html.startswith("<html><body><p>KEPUTUSAN GUBERNUR RANGKUI NOMOR 800/1207/BKD/2026")
    assert own.template_version != shipped.template_version
