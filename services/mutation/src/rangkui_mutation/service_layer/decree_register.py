"""The decree register: every decree issued, newest first, for the BKD's list (the decree
itself is read from its own stream)."""

from __future__ import annotations

from rangkui_contracts.events.mutation import DecreeIssued, DecreeRevoked
from rangkui_contracts.topics import MUTATION
from rangkui_eventkit.handlers import BatchContext, Projection, Received, handles


class DecreeRegister(Projection):
    name = "decree_register"
    topics = (MUTATION,)
    tables = ("decrees",)

    @handles(DecreeIssued)
    async def on_issued(self, ctx: BatchContext, e: DecreeIssued, r: Received) -> None:
        ctx.sql.add(
            """INSERT INTO decrees (decree_id, sk_number, sk_date, tmt, title, rows, signer_post,
                   document_sha256, issued_by, issued_at, version)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
               ON CONFLICT (decree_id) DO NOTHING""",
            e.decree_id, e.sk_number, e.sk_date, e.tmt, e.title, len(e.rows), e.signer.post,
            e.document_sha256, e.issued_by, r.envelope.time, r.envelope.streamversion or 0,
        )  # fmt: skip

    @handles(DecreeRevoked)
    async def on_revoked(self, ctx: BatchContext, e: DecreeRevoked, r: Received) -> None:
        ctx.sql.add(
            """UPDATE decrees SET status = $2, version = $3
               WHERE decree_id = $1 AND version < $3""",
            e.decree_id,
            "DIBATALKAN" if e.whole else "DIBATALKAN SEBAGIAN",
            r.envelope.streamversion or 0,
        )
