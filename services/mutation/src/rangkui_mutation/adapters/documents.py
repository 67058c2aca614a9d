"""Where decree documents live: the `DocumentStore` port on PostgreSQL (the service's own
database, in the transaction of the event that records a document's hash). An object store
(S3-compatible) is the other implementation a production deployment may choose."""

from __future__ import annotations

from typing import Any

from rangkui_mutation.service_layer.ports import StoredDocument


class PostgresDocuments:
    def __init__(self, db: Any) -> None:
        self.db = db  # the unit of work's connection, or the pool for reads

    async def put(self, document: StoredDocument) -> None:
        await self.db.execute(
            """INSERT INTO decree_documents (decree_id, sha256, kind, media_type, content)
               VALUES ($1, $2, $3, $4, $5) ON CONFLICT (decree_id, sha256) DO NOTHING""",
            document.decree_id,
            document.sha256,
            document.kind,
            document.media_type,
            document.content,
        )

    async def get(self, decree_id: str, kind: str) -> StoredDocument | None:
        row = await self.db.fetchrow(
            """SELECT decree_id, sha256, kind, media_type, content FROM decree_documents
               WHERE decree_id = $1 AND kind = $2 ORDER BY recorded_at DESC LIMIT 1""",
            decree_id,
            kind,
        )
        return StoredDocument(**dict(row)) if row else None
