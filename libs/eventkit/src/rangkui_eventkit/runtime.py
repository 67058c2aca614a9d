"""A service process: PostgreSQL pool, event store, outbox relay and consumers, started and
stopped together with the FastAPI app (its lifespan), so that one process serves HTTP and
runs its Kafka side, and a test can build as many independent services as it likes."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

import asyncpg
import uvicorn
from fastapi import APIRouter, Depends, FastAPI
from fastapi.responses import JSONResponse

from rangkui_eventkit import bounds
from rangkui_eventkit.audit.http import audit_router
from rangkui_eventkit.auth import AccessTable, Role, rule
from rangkui_eventkit.auth.dependencies import authorize, current_principal, undeclared_routes
from rangkui_eventkit.auth.principal import Principal
from rangkui_eventkit.auth.verifier import verifier_from_settings
from rangkui_eventkit.consumer import ConsumerRunner, reset_consumer
from rangkui_eventkit.db import create_pool
from rangkui_eventkit.handlers import Handler
from rangkui_eventkit.http import (
    CorrelationMiddleware,
    health_router,
    install_error_handlers,
    kafka_reachable,
)
from rangkui_eventkit.kafka import ensure_topics, make_producer
from rangkui_eventkit.limits import RequestLimits
from rangkui_eventkit.logging import configure_logging, get_logger
from rangkui_eventkit.metrics import OUTBOX_BACKLOG, OUTBOX_PUBLISHED, OUTBOX_QUARANTINED
from rangkui_eventkit.migrations import ensure_migrated, migrate_as_owner
from rangkui_eventkit.outbox import OutboxRelay
from rangkui_eventkit.pipeline import EventCodec, InlineProjection, PoolPipeline
from rangkui_eventkit.settings import ServiceSettings, kafka_security_options
from rangkui_eventkit.store import PostgresEventStore
from rangkui_eventkit.supervision import RestartPolicy, Supervisor

log = get_logger(__name__)


class Worker(Protocol):
    """A background loop of a service (a scheduler, a delivery worker): runs until `stop`."""

    async def run(self, stop: asyncio.Event) -> None: ...


class Service:
    """The wiring every service shares; the service adds its handlers, workers and routes.

    `handlers` and `workers` are factories called once the pool and store exist, so what they
    build can use them; the workers are reachable afterwards as `service.workers[name]`.
    """

    def __init__(
        self,
        settings: ServiceSettings,
        *,
        migrations: Path | None,
        handlers: Callable[[Service], Sequence[Handler]] = lambda _: (),
        workers: Callable[[Service], Mapping[str, Worker]] = lambda _: {},
        create_topics: bool = True,
    ) -> None:
        self.settings = settings
        self.name = settings.service_name
        bounds.configure(settings.max_event_bytes)
        self.migrations = migrations
        self._handler_factory = handlers
        self._worker_factory = workers
        self.workers: dict[str, Worker] = {}
        self.create_topics = create_topics
        self.pool: asyncpg.Pool | None = None
        self.store: PostgresEventStore | None = None
        self.relay: OutboxRelay | None = None
        self.runners: list[ConsumerRunner] = []
        self.handlers: list[Handler] = []
        self.supervisor = Supervisor(self.name, restart_policy(settings))
        # Set by a service whose events carry sealed payloads (personnel's vault).
        self.codec: EventCodec | None = None
        # Write-side indexes kept in the transaction of the events they follow.
        self.inline: list[InlineProjection] = []

    @property
    def pipeline(self) -> PoolPipeline:
        """The one way this service's HTTP commands and workers run a command."""
        if self.pool is None or self.store is None:
            raise RuntimeError(f"the {self.name} service is not started")
        return PoolPipeline(
            self.pool,
            self.store,
            codec=self.codec,
            inline=self.inline,
            on_committed=lambda _: self._wake_relay(),
        )

    @property
    def source(self) -> str:
        return f"/rangkui/{self.name}"

    def producer(self) -> Any:
        return make_producer(
            self.settings.kafka_bootstrap_servers,
            client_id=self.name,
            **kafka_security_options(self.settings),
        )

    async def start(self) -> None:
        s = self.settings
        self.pool = await create_pool(
            s.database_url, min_size=s.database_pool_min, max_size=s.database_pool_max
        )
        if s.migrate_on_start:
            await migrate_as_owner(s.database_url, s.database_owner_url, self.migrations)
        async with self.pool.acquire() as conn:
            await ensure_migrated(conn, self.migrations)
        if self.create_topics and s.create_topics:
            await ensure_topics(
                s.kafka_bootstrap_servers, s.topic_prefix, **kafka_security_options(s)
            )
        self.store = PostgresEventStore(
            self.pool, self.source, s.topic_prefix, on_appended=self._wake_relay
        )
        self.handlers = list(self._handler_factory(self))
        if s.run_relay:
            self.relay = OutboxRelay(
                self.pool,
                self.producer,
                batch_size=s.relay_batch_size,
                poll_interval_s=s.relay_poll_interval_s,
                on_published=OUTBOX_PUBLISHED.labels(self.name).inc,
                on_quarantined=OUTBOX_QUARANTINED.labels(self.name).inc,
            )
            self.supervisor.spawn("relay", self.relay.run)
            self.supervisor.spawn("backlog", self._watch_backlog)
        if s.run_consumers:
            for handler in self.handlers:
                runner = ConsumerRunner(
                    pool=self.pool,
                    handler=handler,
                    bootstrap_servers=s.kafka_bootstrap_servers,
                    service=self.name,
                    producer_factory=self.producer,
                    store=self.store,
                    topic_prefix=s.topic_prefix,
                    batch_size=s.consumer_batch_size,
                    poll_timeout_ms=s.consumer_poll_timeout_ms,
                    connection=kafka_security_options(s),
                    on_appended=self._wake_relay,
                    inline=self.inline,
                )
                self.runners.append(runner)
                self.supervisor.spawn(f"consumer:{handler.name}", runner.run)
        self.workers = dict(self._worker_factory(self))
        for name, worker in self.workers.items():
            self.supervisor.spawn(name, worker.run)
        log.info(
            "service.started",
            consumers=[h.name for h in self.handlers],
            workers=list(self.workers),
        )

    def _wake_relay(self) -> None:
        if self.relay is not None:
            self.relay.wake()

    async def _watch_backlog(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            with contextlib.suppress(Exception):  # a gauge: the relay reports the outage
                if self.relay is not None:
                    OUTBOX_BACKLOG.labels(self.name).set(await self.relay.backlog())
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=5)

    async def stop(self) -> None:
        await self.supervisor.stop(timeout=15)
        self.runners.clear()
        if self.pool is not None:
            await self.pool.close()
            self.pool = None
        log.info("service.stopped")

    async def rebuild(self, name: str) -> None:
        """Empty one projection and let it replay from the beginning of its topics."""
        handler = next((h for h in self.handlers if h.name == name), None)
        if handler is None:
            raise KeyError(name)
        assert self.pool is not None
        await reset_consumer(self.pool, handler)

    # ------------------------------------------------------------------ HTTP
    async def _pg_ready(self) -> None:
        assert self.pool is not None
        await self.pool.fetchval("SELECT 1")

    async def _kafka_ready(self) -> None:
        await kafka_reachable(self.settings.kafka_bootstrap_servers)

    def create_app(
        self,
        routers: Sequence[APIRouter],
        *,
        title: str,
        access: AccessTable,
        description: str = "",
        upload_paths: Sequence[str] = (),
        public_routers: Sequence[APIRouter] = (),
    ) -> FastAPI:
        """The service's app. Every route of `routers` (and the kit's admin and audit routes)
        needs a bearer token and is open only to the roles `access` declares for it; building
        the app fails if a route is missing from the table. `public_routers` need no token:
        only for what anyone may ask (whether a decree someone shows is genuine), answering
        no more than that."""

        @contextlib.asynccontextmanager
        async def lifespan(_: FastAPI) -> AsyncIterator[None]:
            await self.start()
            try:
                yield
            finally:
                await self.stop()

        closed = self.settings.http_docs_require_sign_in
        app = FastAPI(
            title=title,
            description=description,
            lifespan=lifespan,
            version="0.1.0",
            # Signed-in callers only: the description maps every route for an attacker.
            **({"docs_url": None, "redoc_url": None, "openapi_url": None} if closed else {}),
        )
        if closed:
            _serve_openapi_to_signed_in_callers(app)
        app.state.service = self
        app.state.token_verifier = verifier_from_settings(self.settings)
        app.state.access_table = table = KIT_ACCESS | access
        # Added before the correlation middleware, so that it wraps this one: refusals of
        # oversized requests carry a correlation id too. Uploads get the larger limit.
        app.add_middleware(
            RequestLimits,
            max_bytes=self.settings.http_max_body_bytes,
            path_limits={p: self.settings.http_max_upload_bytes for p in upload_paths},
        )
        app.add_middleware(CorrelationMiddleware)
        install_error_handlers(app)
        app.include_router(
            health_router(
                {"postgresql": self._pg_ready, "kafka": self._kafka_ready},
                workers=self.supervisor,
            )
        )
        secured = [Depends(authorize)]
        app.include_router(_admin_router(self), dependencies=secured)
        app.include_router(audit_router(), dependencies=secured)
        for router in routers:
            app.include_router(router, dependencies=secured)
        for router in public_routers:
            app.include_router(router)
        missing = undeclared_routes(app.routes, table)
        if missing:
            raise ValueError(f"routes missing from the access table: {missing}")
        return app


def restart_policy(settings: ServiceSettings) -> RestartPolicy:
    """How the service's background loops are restarted, from its settings."""
    return RestartPolicy(
        initial_s=settings.worker_restart_initial_s,
        max_s=settings.worker_restart_max_s,
        stable_s=settings.worker_stable_s,
        grace_s=settings.worker_grace_s,
    )


KIT_ACCESS = AccessTable(
    {
        "GET /admin/consumers": rule(Role.BKD_OPERATOR, Role.AUDITOR),
        "POST /admin/projections/{name}/rebuild": rule(Role.BKD_OPERATOR),
        "GET /audit/events": rule(Role.AUDITOR),
        "GET /audit/streams/{stream_id}/verify": rule(Role.AUDITOR),
    }
)
"""The kit's own endpoints; a service's table is added to it."""


def _serve_openapi_to_signed_in_callers(app: FastAPI) -> None:
    """`/openapi.json` for any caller with a valid token (any role), 401 without one."""

    @app.get("/openapi.json", include_in_schema=False)
    async def openapi(_: Principal = Depends(current_principal)) -> JSONResponse:
        return JSONResponse(app.openapi())


def _admin_router(service: Service) -> APIRouter:
    router = APIRouter(prefix="/admin", tags=["operations"])

    @router.get("/consumers")
    async def consumers() -> list[dict[str, Any]]:
        """The service's consumers: topics and how many events each applied."""
        return [
            {"name": r.handler.name, "topics": r.topics, "applied": r.applied, "group": r.group_id}
            for r in service.runners
        ]

    @router.post("/projections/{name}/rebuild", status_code=202)
    async def rebuild(name: str) -> dict[str, str]:
        """Empty one projection and replay it from the beginning of its topics (202)."""
        from rangkui_eventkit.errors import NotFound

        try:
            await service.rebuild(name)
        except KeyError:
            raise NotFound(f"no projection named {name!r}") from None
        except ValueError as exc:
            raise NotFound(str(exc)) from None
        return {"status": "rebuilding", "projection": name}

    return router


def serve(app: FastAPI, settings: ServiceSettings) -> None:
    """Run the app with uvicorn until SIGTERM/SIGINT (graceful: the lifespan stops the rest)."""
    configure_logging(settings.service_name, settings.log_level, settings.log_json)
    uvicorn.run(
        app,
        host=settings.http_host,
        port=settings.http_port,
        log_level="warning",
        access_log=False,
        lifespan="on",
    )
