"""HTTP API of bulk imports: upload a SIMPEG-shaped export, follow its progress, read the
per-row report, resume an interrupted job."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path
from typing import Any, Literal

import asyncpg
from fastapi import APIRouter, Depends, Query, Request

from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import ErrorKind, NotFound, RuleViolated
from rangkui_eventkit.http import request_cause
from rangkui_eventkit.limits import INT_MAX
from rangkui_personnel.adapters import import_jobs
from rangkui_personnel.domain.simpeg import Section
from rangkui_personnel.entrypoints.http import pool
from rangkui_personnel.service_layer.imports import ImportWorker, stage_import

router = APIRouter(prefix="/imports", tags=["imports"])


def worker(request: Request) -> ImportWorker:
    return request.app.state.service.workers["imports"]  # type: ignore[no-any-return]


async def _report(pool: asyncpg.Pool, job_id: str, limit: int, offset: int) -> dict[str, Any]:
    job = await import_jobs.job(pool, job_id)
    if job is None:
        raise NotFound(f"no import job {job_id}")
    job["problems"] = await import_jobs.problems(pool, job_id, limit, offset)
    return job


@router.post(
    "",
    status_code=202,
    summary="Import a SIMPEG-shaped export (JSON, or CSV of one section)",
    description="The body is the file itself (Content-Type application/json or text/csv). "
    "Answers at once with the job; follow it with GET /imports/{job_id}. Columns are "
    "documented in the service README.",
)
async def start_import(
    request: Request,
    format: Literal["json", "csv"] | None = Query(None, description="default: from Content-Type"),
    section: Section = Query("employees", description="for CSV: which section the file holds"),
    name: str = Query("upload", description="the file name, for the report"),
    pool: asyncpg.Pool = Depends(pool),
    imports: ImportWorker = Depends(worker),
    cause: Cause = Depends(request_cause),
) -> dict[str, Any]:
    # The body is spooled to disk as it arrives (at most http_max_upload_bytes, 413 above)
    # and read row by row from there: the file is never in memory whole.
    fmt = format or ("csv" if "csv" in request.headers.get("content-type", "") else "json")
    limit = request.app.state.service.settings.http_max_upload_bytes
    async with imports.uploads:  # a bounded number of files spooled at once
        with tempfile.NamedTemporaryFile(prefix="rangkui-import-", dir=imports.spool_dir) as f:
            size = await _spool(request, f, limit)
            if not size:
                raise RuleViolated("readable_file", "the request body (the file) is empty")
            job_id = await stage_import(
                pool, Path(f.name), fmt=fmt, section=section, source_name=name, cause=cause
            )
    imports.start(job_id)
    return await _report(pool, job_id, 0, 0)


async def _spool(request: Request, file: Any, limit: int) -> int:
    """Write the request body to `file` as it arrives; its size. Over `limit`, 413 (the
    limits middleware refuses first; this holds whatever the middleware's settings)."""
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise RuleViolated(
                "upload_size",
                f"the file is larger than the limit of {limit} bytes",
                kind=ErrorKind.TOO_LARGE,
                pesan=f"Berkas lebih besar dari batas {limit} byte. Pecah berkas menjadi "
                "beberapa bagian (misalnya per unit kerja), lalu unggah satu per satu.",
            )
        if chunk:
            await asyncio.to_thread(file.write, chunk)
    await asyncio.to_thread(file.flush)
    return size


@router.get("", summary="Recent import jobs with their progress")
async def list_imports(pool: asyncpg.Pool = Depends(pool)) -> list[dict[str, Any]]:
    """Recent import jobs, newest first, with their progress."""
    return await import_jobs.jobs(pool)


@router.get("/{job_id}", summary="One import job: progress, counts and the per-row report")
async def get_import(
    job_id: str,
    limit: int = Query(1000, ge=0, le=10000, description="report entries to return"),
    offset: int = Query(0, ge=0, le=INT_MAX),
    pool: asyncpg.Pool = Depends(pool),
) -> dict[str, Any]:
    """One import job: its progress, counts and the report of every refused row."""
    return await _report(pool, job_id, limit, offset)


@router.post("/{job_id}/resume", status_code=202, summary="Resume an interrupted import")
async def resume_import(
    job_id: str, pool: asyncpg.Pool = Depends(pool), imports: ImportWorker = Depends(worker)
) -> dict[str, Any]:
    """Resume an import interrupted by a restart, from the last row it recorded."""
    job = await import_jobs.job(pool, job_id)
    if job is None:
        raise NotFound(f"no import job {job_id}")
    if job["status"] == "DONE":
        raise RuleViolated(
            "import_unfinished", f"import {job_id} is already done", kind=ErrorKind.CONFLICT
        )
    await import_jobs.reopen(pool, job_id)
    imports.start(job_id)
    return await _report(pool, job_id, 0, 0)
