"""The decree document (SK) as a PDF: the Keputusan with its lampiran and one petikan per row.

HTML and CSS templates in Bahasa Indonesia (`templates/sk.html.j2`, `templates/sk.css`; a
province puts its own in `MUTATION_DECREE_TEMPLATE_DIR`) rendered by WeasyPrint. Every page
carries a QR code linking to the public verification page with the decree's id and its
content code (the SHA-256 of the decree's content: a document cannot hold its own hash; the
PDF's hash is recorded in `DecreeIssued.document_sha256` instead).

Rendering is deterministic: the same decree and templates give the same bytes (fixed
metadata dates, a PDF identifier derived from the content), so a presented copy can be
checked against the recorded hash. CPU-heavy: callers run it off the event loop.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlencode

import jinja2
import segno

from rangkui_contracts.events.mutation import DecreeIssued
from rangkui_eventkit.indonesian import tanggal
from rangkui_mutation.domain.decree import content_code
from rangkui_mutation.settings import MutationSettings

PACKAGED = Path(__file__).resolve().parent.parent / "templates"
TEMPLATE = "sk.html.j2"
STYLESHEET = "sk.css"
DICTA = ("KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH")
_RENDER = threading.Lock()  # one render at a time per process: a bound on memory


@dataclass(frozen=True)
class Letterhead:
    """What the province prints on every decree, from its settings."""

    lines: tuple[str, ...]
    issuer: str
    certifier_name: str
    certifier_post: str
    certifier_nip: str | None
    verify_url: str

    @classmethod
    def of(cls, s: MutationSettings) -> Letterhead:
        return cls(
            tuple(s.decree_letterhead),
            s.decree_issuer,
            s.decree_certifier_name,
            s.decree_certifier_post,
            s.decree_certifier_nip,
            s.decree_verify_url,
        )


def verification_link(head: Letterhead, decree: DecreeIssued) -> str:
    query = urlencode({"kode": content_code(decree)})
    return f"{head.verify_url.rstrip('/')}/{decree.decree_id}?{query}"


class SkRenderer:
    """Renders decrees from the province's templates (its own directory first, then the
    service's)."""

    def __init__(self, head: Letterhead, template_dir: str | None = None) -> None:
        self.head = head
        dirs = [str(Path(template_dir))] if template_dir else []
        self._env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([*dirs, str(PACKAGED)]),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
        )
        self._env.filters["tanggal"] = tanggal
        source = self._env.loader.get_source(self._env, TEMPLATE)[0]  # type: ignore[union-attr]
        css = self._env.loader.get_source(self._env, STYLESHEET)[0]  # type: ignore[union-attr]
        self._css = css
        self.template_version = hashlib.sha256((source + css).encode()).hexdigest()[:12]

    def html(
        self,
        decree: DecreeIssued,
        *,
        petikan_for: str | None = None,
        corrected_by: Sequence[tuple[str, date]] = (),
    ) -> str:
        """The decree as HTML (the whole decree, or only `petikan_for`'s petikan)."""
        link = verification_link(self.head, decree)
        rows = [r for r in decree.rows if petikan_for in (None, r.nip)]
        return self._env.get_template(TEMPLATE).render(
            d=decree,
            head=self.head,
            rows=rows,
            petikan_only=petikan_for is not None,
            ralat=[(number, tanggal(day)) for number, day in corrected_by],
            labels=DICTA,
            qr=_qr_data_uri(link),
            link=link,
            code=content_code(decree),
            css=self._css,
        )

    def pdf(
        self,
        decree: DecreeIssued,
        *,
        petikan_for: str | None = None,
        corrected_by: Sequence[tuple[str, date]] = (),
    ) -> bytes:
        """The PDF; the same decree (and templates) always gives the same bytes. A corrected
        decree is rendered as corrected, naming its correcting decrees (`corrected_by`)."""
        import weasyprint  # heavy (Pango): loaded only where documents are rendered

        html = self.html(decree, petikan_for=petikan_for, corrected_by=corrected_by)
        identifier = hashlib.sha256(html.encode()).hexdigest()[:32].encode()
        with _RENDER, _reproducible(decree.sk_date):
            document = weasyprint.HTML(string=html, base_url=str(PACKAGED)).render()
            document.metadata.created = _pdf_date(decree.sk_date)
            document.metadata.modified = _pdf_date(decree.sk_date)
            return document.write_pdf(identifier=identifier, pdf_variant="pdf/a-3b")


@contextlib.contextmanager
def _reproducible(day: date) -> Iterator[None]:
    """The embedded font subsets carry a timestamp, which fontTools takes from
    SOURCE_DATE_EPOCH (the reproducible-builds convention) when it is set: the SK date then,
    so that the same decree gives the same bytes. Held only while rendering (under `_RENDER`)."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(
        int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())
    )
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def _qr_data_uri(link: str) -> str:
    svg = segno.make(link, error="m").svg_inline(scale=2, border=1)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def _pdf_date(d: date) -> str:
    return f"{d.isoformat()}T00:00:00+07:00"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
