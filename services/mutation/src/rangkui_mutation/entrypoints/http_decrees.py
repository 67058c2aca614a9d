"""HTTP API for decrees (Keputusan Gubernur): issue one for many transfers, read it, fetch its
document (the whole decree, or one person's petikan), and verify a presented copy.

Verification is public (`public_router`): a school or a bank shown a petikan checks it with
the QR code's link, without an account, and learns only whether it is genuine and what the
decree's number, date and standing are.
"""

from __future__ import annotations

import asyncio
import hashlib
from datetime import date, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import HTMLResponse
from jinja2 import Environment, select_autoescape
from pydantic import BaseModel, Field

from rangkui_contracts.events.common import Nip
from rangkui_contracts.events.mutation import (
    CorrectableField,
    DecreeCorrected,
    DecreeIssued,
    DecreeRow,
    DecreeSigner,
)
from rangkui_eventkit.api_types import IdPath, NipPath
from rangkui_eventkit.auth import Access, Role, authorize
from rangkui_eventkit.context import Cause
from rangkui_eventkit.http import request_cause
from rangkui_eventkit.indonesian import tanggal
from rangkui_eventkit.limits import StrictBody
from rangkui_eventkit.problems import errors
from rangkui_mutation.adapters import read_models
from rangkui_mutation.domain.decree import (
    MAX_ROWS,
    CorrectDecree,
    DecreeState,
    RevokeDecree,
)
from rangkui_mutation.domain.rules import rule_error
from rangkui_mutation.entrypoints.http import deps
from rangkui_mutation.service_layer import decrees
from rangkui_mutation.service_layer.commands import Deps

router = APIRouter(prefix="/decrees", tags=["decrees"])
public_router = APIRouter(tags=["decree verification"])

PDF = {200: {"content": {"application/pdf": {}}, "description": "the PDF"}}
MAX_VERIFIED_BYTES = 20 * 1024 * 1024
"""The largest file `POST /decrees/{id}/verify` reads (a 200-row decree is about 2 MB)."""
PUBLIC = {"security": []}  # OpenAPI: this operation needs no credentials
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-fA-F]{64}$", description="SHA-256, hex")]


class SignerBody(StrictBody):
    name: str = Field(min_length=1, max_length=200)
    post: str = Field(min_length=1, max_length=300)
    nip: Nip | None = None
    on_behalf: str | None = Field(default=None, max_length=300)


class DecreeBody(StrictBody):
    """A decree for the listed transfers (each approved and past its objection window).
    Considerations, legal bases, signer and copies default to the province's settings."""

    mutation_ids: list[str] = Field(min_length=1, max_length=MAX_ROWS)
    sk_number: str = Field(min_length=1, max_length=100)
    sk_date: date
    tmt: date
    title: str = Field(
        default="Pemindahan Pegawai Negeri Sipil di Lingkungan Pemerintah Provinsi Rangkui",
        min_length=1,
        max_length=500,
    )
    considerations: list[str] = Field(default_factory=list, max_length=20)
    legal_bases: list[str] = Field(default_factory=list, max_length=30)
    signer: SignerBody | None = None
    copies_to: list[str] = Field(default_factory=list, max_length=30)
    remarks: dict[str, str] = Field(
        default_factory=dict, description="KETERANGAN per transfer id", max_length=MAX_ROWS
    )
    retroactive_reason: str | None = None
    minister_approval_ref: str | None = None
    minister_approval_date: date | None = None


class DecreeView(BaseModel):
    """A decree as issued (its content, the document's hash, where to fetch it)."""

    decree_id: str
    sk_number: str
    sk_date: date
    tmt: date
    title: str
    considerations: list[str]
    legal_bases: list[str]
    place: str
    signer: DecreeSigner
    copies_to: list[str]
    rows: list[DecreeRow]
    document_sha256: str
    template_version: str
    issued_by: str
    document_url: str
    verify_url: str
    status: str = Field(
        default="BERLAKU", description="BERLAKU, DIRALAT, DIBATALKAN SEBAGIAN or DIBATALKAN"
    )
    corrections: list[DecreeCorrected] = Field(
        default_factory=list, description="the correcting decrees (ralat), oldest first"
    )

    @classmethod
    def of(cls, d: DecreeIssued, state: DecreeState | None = None) -> DecreeView:
        current = (state.current if state else None) or d
        return cls(
            **current.model_dump(),
            document_url=f"/decrees/{d.decree_id}/document",
            verify_url=f"/decrees/{d.decree_id}/verify",
            status=state.standing if state else "BERLAKU",
            corrections=list(state.corrections) if state else [],
        )


class VerificationView(BaseModel):
    """Whether a presented copy is genuine, and the decree's standing; nothing about the
    people it names."""

    genuine: bool
    matched: str | None = Field(
        description="DOCUMENT (the current one), SUPERSEDED_DOCUMENT (before a ralat), "
        "SIGNED_COPY or CONTENT_CODE (the QR's); null: not a copy of this decree"
    )
    status: str = Field(description="BERLAKU, DIRALAT, DIBATALKAN SEBAGIAN or DIBATALKAN")
    sk_number: str
    sk_date: date
    tmt: date
    title: str
    signer_post: str
    rows: int
    pesan: str


class DecreeSummary(BaseModel):
    decree_id: str
    sk_number: str
    sk_date: date
    tmt: date
    title: str
    rows: int
    signer_post: str
    document_sha256: str
    issued_by: str
    issued_at: datetime
    status: str = Field(description="BERLAKU, DIBATALKAN SEBAGIAN or DIBATALKAN")


class DecreePage(BaseModel):
    """One page of the decree register (newest SK date first), and how many there are."""

    items: list[DecreeSummary]
    total: int
    limit: int
    offset: int


@router.get("", response_model=DecreePage)
async def list_decrees(
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    d: Deps = Depends(deps),
) -> DecreePage:
    """The decree register, page by page, newest SK date first."""
    total, rows = await read_models.decrees_page(d.pool, limit=limit, offset=offset)
    items = [DecreeSummary.model_validate(r) for r in rows]
    return DecreePage(items=items, total=total, limit=limit, offset=offset)


@router.post("", status_code=201, response_model=DecreeView, openapi_extra=errors(404, 409))
async def issue(
    body: DecreeBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
) -> DecreeView:
    """Issue one decree for the listed transfers (DecreeIssued, and MutationDecreed for each
    row): all rows or none, every failing rule of every row listed at once. The response
    carries the decree as issued, with its document's SHA-256."""
    issued = await decrees.issue_decree(
        d,
        decrees.DecreeRequest(
            mutation_ids=body.mutation_ids,
            sk_number=body.sk_number,
            sk_date=body.sk_date,
            tmt=body.tmt,
            title=body.title,
            considerations=body.considerations,
            legal_bases=body.legal_bases,
            signer=DecreeSigner(**body.signer.model_dump()) if body.signer else None,
            copies_to=body.copies_to,
            remarks=body.remarks,
            retroactive_reason=body.retroactive_reason,
            minister_approval_ref=body.minister_approval_ref,
            minister_approval_date=body.minister_approval_date,
        ),
        cause=cause,
    )
    return DecreeView.of(issued)


class RevokeBody(StrictBody):
    """The PPK's revoking decree (*SK pembatalan*) for some rows of the decree, or all."""

    sk_number: str = Field(min_length=1, max_length=100)
    sk_date: date
    reason: str = Field(min_length=1)
    mutation_ids: list[str] | None = Field(
        default=None, max_length=MAX_ROWS, description="the rows revoked (default: all)"
    )
    revoked_from: date | None = Field(
        default=None, description="the day people are back in their old posts (default: sk_date)"
    )


class RevocationView(BaseModel):
    decree_id: str
    revoking_sk_number: str
    revoking_sk_date: date
    mutation_ids: list[str]
    whole: bool
    status: str


@router.post(
    "/{decree_id}/revoke",
    response_model=RevocationView,
    openapi_extra=errors(404, 409),
)
async def revoke(
    decree_id: IdPath,
    body: RevokeBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
    access: Access = Depends(authorize),
) -> RevocationView:
    """Revoke rows of the decree by the PPK's revoking decree (DecreeRevoked): an effective
    row's person goes back to the post they left (MutationRevoked; personnel moves them, the
    monitoring plan is cancelled, they are told), a row not yet effective is cancelled."""
    command = RevokeDecree(
        actor=cause.actor,
        by_ppk=Role.PPK in access.roles,
        sk_number=body.sk_number,
        sk_date=body.sk_date,
        reason=body.reason,
        mutation_ids=tuple(body.mutation_ids) if body.mutation_ids is not None else None,
        revoked_from=body.revoked_from,
    )
    revoked = await decrees.revoke_decree(d, decree_id, command, cause=cause)
    return RevocationView(
        decree_id=decree_id,
        revoking_sk_number=revoked.revoking_sk_number,
        revoking_sk_date=revoked.revoking_sk_date,
        mutation_ids=revoked.mutation_ids,
        whole=revoked.whole,
        status="DIBATALKAN" if revoked.whole else "DIBATALKAN SEBAGIAN",
    )


class SignedCopyView(BaseModel):
    decree_id: str
    sha256: str
    media_type: str
    size_bytes: int
    signature: str
    recorded: bool = Field(description="false: this very file was recorded before")


@router.post(
    "/{decree_id}/signed-copies",
    status_code=201,
    response_model=SignedCopyView,
    openapi_extra={
        **errors(404, 413),
        "requestBody": {"content": {"application/octet-stream": {"schema": {
            "type": "string", "format": "binary"}}}},
    },
)  # fmt: skip
async def upload_signed_copy(
    decree_id: IdPath,
    request: Request,
    signature: Annotated[
        Literal["TTE", "WET_SIGNATURE_SCAN"],
        Query(description="signed electronically (BSrE), or a scan of the signed paper"),
    ] = "TTE",
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
) -> SignedCopyView:
    """Record the decree as signed outside the system (the PDF with its TTE, or a scan as
    PDF, PNG or JPEG, at most 20 MB): its SHA-256 goes into the decree's events, so a
    verifier shown that copy is answered `SIGNED_COPY`."""
    content = await _body(request)
    recorded = await decrees.record_signed_copy(d, decree_id, content, signature, cause=cause)
    digest = hashlib.sha256(content).hexdigest()
    return SignedCopyView(
        decree_id=decree_id,
        sha256=digest,
        media_type=recorded.media_type if recorded else "-",
        size_bytes=len(content),
        signature=signature,
        recorded=recorded is not None,
    )


@router.get("/{decree_id}/signed-copy", response_class=Response, responses=PDF,
            openapi_extra=errors(404))  # fmt: skip
async def signed_copy(decree_id: IdPath, d: Deps = Depends(deps)) -> Response:
    """The latest signed copy recorded for the decree."""
    stored = await d.documents(d.pool).get(decree_id, "SIGNED")  # type: ignore[misc]
    if stored is None:
        raise rule_error("unknown_decree", decree_id=f"{decree_id} (salinan bertanda tangan)")
    return Response(stored.content, media_type=stored.media_type)


async def _body(request: Request) -> bytes:
    """The request body, refused past `MAX_VERIFIED_BYTES` while it is read."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_VERIFIED_BYTES:
            raise rule_error("decree_file_too_large", max_mb=MAX_VERIFIED_BYTES // 2**20)
        chunks.append(chunk)
    return b"".join(chunks)


_state = decrees.decree_state


async def _issued(d: Deps, decree_id: str) -> DecreeIssued:
    issued = (await _state(d, decree_id)).current
    assert issued is not None
    return issued


@router.get("/{decree_id}", response_model=DecreeView, openapi_extra=errors(404))
async def get_decree(decree_id: IdPath, d: Deps = Depends(deps)) -> DecreeView:
    """The decree as it stands, corrections applied (read from its own stream: there from
    the moment it is issued)."""
    state = await _state(d, decree_id)
    assert state.issued is not None
    return DecreeView.of(state.issued, state)


class CorrectionBody(StrictBody):
    mutation_id: str = Field(min_length=1)
    field: CorrectableField
    after: str = Field(max_length=500, description="the field as it should read")


class CorrectBody(StrictBody):
    """The PPK's correcting decree (*ralat*): which fields of which rows it puts right."""

    sk_number: str = Field(min_length=1, max_length=100)
    sk_date: date
    reason: str = Field(min_length=1)
    corrections: list[CorrectionBody] = Field(min_length=1, max_length=MAX_ROWS)


@router.post(
    "/{decree_id}/correct", response_model=DecreeView, openapi_extra=errors(404, 409)
)
async def correct(
    decree_id: IdPath,
    body: CorrectBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
    access: Access = Depends(authorize),
) -> DecreeView:
    """Correct rows of the decree by the PPK's ralat (DecreeCorrected): the decree is
    re-issued with the corrections (a new document and hash), and so is each petikan of a
    corrected row; the first document stays genuine but reads as superseded."""
    command = CorrectDecree(
        actor=cause.actor,
        by_ppk=Role.PPK in access.roles,
        sk_number=body.sk_number,
        sk_date=body.sk_date,
        reason=body.reason,
        changes=tuple((c.mutation_id, c.field, c.after) for c in body.corrections),
    )
    await decrees.correct_decree(d, decree_id, command, cause=cause)
    state = await _state(d, decree_id)
    assert state.issued is not None
    return DecreeView.of(state.issued, state)


@router.get("/{decree_id}/document", response_class=Response, responses=PDF,
            openapi_extra=errors(404))  # fmt: skip
async def document(decree_id: IdPath, d: Deps = Depends(deps)) -> Response:
    """The decree's PDF as rendered at issue (its SHA-256 is the one recorded)."""
    issued = await _issued(d, decree_id)
    stored = await d.documents(d.pool).get(decree_id, "GENERATED")  # type: ignore[misc]
    if stored is None:  # pragma: no cover - written in the decree's own transaction
        raise rule_error("unknown_decree", decree_id=decree_id)
    return _pdf(stored.content, f"SK-{issued.sk_number}.pdf")


@router.get("/{decree_id}/petikan/{nip}", response_class=Response, responses=PDF,
            openapi_extra=errors(404))  # fmt: skip
async def petikan(
    decree_id: IdPath,
    nip: NipPath,
    d: Deps = Depends(deps),
    access: Access = Depends(authorize),
) -> Response:
    """One person's petikan (extract) as a PDF; an employee fetches their own."""
    state = await _state(d, decree_id)
    issued = state.current
    assert issued is not None
    if not any(r.nip == nip for r in issued.rows):
        raise rule_error("unknown_decree", decree_id=f"{decree_id} (NIP {nip})")
    render = d.renderer.pdf  # type: ignore[union-attr]
    by = decrees.corrected_by(state)
    pdf = await asyncio.to_thread(render, issued, petikan_for=nip, corrected_by=by)
    return _pdf(pdf, f"Petikan-{issued.sk_number}-{nip}.pdf")


def _pdf(content: bytes, filename: str) -> Response:
    safe = "".join(c if c.isalnum() or c in "-._" else "_" for c in filename)
    return Response(
        content,
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="{safe}"'},
    )


# -------------------------------------------------------------- public verification
@public_router.get(
    "/decrees/{decree_id}/verify",
    response_model=VerificationView,
    openapi_extra={**errors(404), **PUBLIC},
)
async def verify_hash(
    decree_id: IdPath,
    sha256: Annotated[Sha256, Query(description="of the presented file, or the QR's code")],
    d: Deps = Depends(deps),
) -> VerificationView:
    """Whether a document whose SHA-256 (or the content code its QR carries) is given is a
    genuine copy of the decree. No sign-in."""
    return VerificationView(**vars(await decrees.verify(d, decree_id, sha256=sha256)))


@public_router.post(
    "/decrees/{decree_id}/verify",
    response_model=VerificationView,
    openapi_extra={
        **errors(404, 413),
        **PUBLIC,
        # The file as bytes, whatever it is (a verifier may be shown anything).
        "requestBody": {"content": {"application/octet-stream": {"schema": {
            "type": "string", "format": "binary"}}}},
    },
)  # fmt: skip
async def verify_file(
    decree_id: IdPath, request: Request, d: Deps = Depends(deps)
) -> VerificationView:
    """Whether the uploaded file (the PDF as received) is a genuine copy of the decree."""
    digest = hashlib.sha256(await _body(request)).hexdigest()
    return VerificationView(**vars(await decrees.verify(d, decree_id, sha256=digest)))


_PAGE = Environment(autoescape=select_autoescape(default=True)).from_string(
    """<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Verifikasi Keputusan</title>
<style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#222}
.ok{color:#135200}.no{color:#a8071a}dt{font-weight:bold;margin-top:.6rem}</style></head><body>
<h1>Verifikasi Keputusan</h1>
<p class="{{ 'ok' if v.genuine else 'no' }}"><strong>{{ v.pesan }}</strong></p>
<dl><dt>Nomor</dt><dd>{{ v.sk_number }}</dd><dt>Tanggal</dt><dd>{{ sk_date }}</dd>
<dt>Tentang</dt><dd>{{ v.title }}</dd><dt>TMT</dt><dd>{{ tmt }}</dd>
<dt>Ditandatangani oleh</dt><dd>{{ v.signer_post }}</dd>
<dt>Status</dt><dd>{{ v.status }}</dd>
<dt>Jumlah pegawai dalam lampiran</dt><dd>{{ v.rows }}</dd></dl>
</body></html>"""
)


@public_router.get(
    "/verifikasi/{decree_id}",
    response_class=HTMLResponse,
    openapi_extra={**errors(404), **PUBLIC},
)
async def verification_page(
    decree_id: IdPath,
    kode: Annotated[Sha256, Query(description="the code the QR carries")],
    d: Deps = Depends(deps),
) -> HTMLResponse:
    """The page the QR code of every page of a decree opens, in Bahasa Indonesia."""
    v = await decrees.verify(d, decree_id, sha256=kode)
    html = _PAGE.render(v=v, sk_date=tanggal(v.sk_date), tmt=tanggal(v.tmt))
    return HTMLResponse(html)
