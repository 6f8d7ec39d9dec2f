"""The ASGI application: routes, middleware, error handlers and the worker pool's lifetime."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from redarmy_kg.server import linked_data, pages
from redarmy_kg.server.errors import (
    ApiError,
    handle_api_error,
    handle_http_exception,
    handle_unexpected,
)
from redarmy_kg.server.negotiation import prefers_html
from redarmy_kg.server.protocol import refuse_graph_store_write, sparql_endpoint
from redarmy_kg.server.release_files import checksums, gzipped_dump
from redarmy_kg.server.settings import ServerSettings
from redarmy_kg.server.well_known import void_description
from redarmy_kg.server.workers import WorkerPool

STATIC_DIR = Path(__file__).resolve().parent / "static"


def create_app(settings: ServerSettings) -> Starlette:
    store_path = settings.store_path
    if not store_path.exists():
        raise FileNotFoundError(f"no store at {store_path}: run `redarmy-kg build` first")

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        pool = WorkerPool(str(store_path.absolute()), settings.workers, settings.worker_memory_mb)
        await pool.start()
        app.state.pool = pool
        try:
            yield
        finally:
            await pool.close()

    routes = [
        Route("/sparql", sparql_endpoint, methods=["GET", "POST"]),
        Route("/sparql", refuse_graph_store_write, methods=["PUT", "DELETE", "PATCH"]),
        Route("/", pages.home, methods=["GET"]),
        Route("/search", pages.search, methods=["GET"]),
        Route("/query", pages.query_page, methods=["GET"]),
        Route("/ontology", pages.ontology, methods=["GET"]),
        Route("/dumps/{name}.gz", gzipped_dump, methods=["GET"]),
        Route("/dumps/SHA256SUMS", checksums, methods=["GET"]),
        Route("/dumps/{name}", pages.dump, methods=["GET"]),
        Route("/.well-known/void", void_description, methods=["GET"]),
        Route("/id/{path:path}", linked_data.resource, methods=["GET"]),
        Route("/graph/{path:path}", linked_data.named_graph, methods=["GET"]),
        Route("/id/{path:path}", refuse_graph_store_write,
              methods=["PUT", "POST", "DELETE", "PATCH"]),
        Mount("/static", app=StaticFiles(directory=STATIC_DIR), name="static"),
    ]
    middleware = []
    if settings.cors:
        middleware.append(Middleware(
            CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["*"], max_age=86400,
        ))
    app = Starlette(
        routes=routes,
        middleware=middleware,
        lifespan=lifespan,
        exception_handlers={
            ApiError: _for_browsers(handle_api_error),
            HTTPException: _for_browsers(handle_http_exception),
            Exception: handle_unexpected,
        },
    )
    app.state.settings = settings
    return app


def _for_browsers(handler):  # noqa: ANN001, ANN202
    """Browsers asking a page get the error as HTML; everyone else the JSON error shape."""

    async def handle(request: Request, exc: Exception) -> Response:
        response = await handler(request, exc)
        if request.url.path.startswith("/sparql") or not prefers_html(
            request.headers.get("accept")
        ):
            return response
        import json

        error = json.loads(bytes(response.body))["error"]
        return pages.render(
            request, "error.html", status=error["status"], error_type=error["type"],
            message=error["message"],
        )

    return handle
