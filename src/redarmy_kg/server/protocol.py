"""The SPARQL 1.1 Protocol at `/sparql`: read the request, check it, hand it to a worker."""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from redarmy_kg.server.errors import ApiError, error_response
from redarmy_kg.server.negotiation import (
    FORMAT_ALIASES,
    GRAPH_FORMATS,
    SOLUTION_FORMATS,
    negotiate,
    prefers_html,
)
from redarmy_kg.server.query_scan import refused_services, scan_query
from redarmy_kg.server.service_description import service_description
from redarmy_kg.server.settings import ServerSettings
from redarmy_kg.server.workers import QueryJob, WorkerPool

T = TypeVar("T")
DISCONNECT_POLL_S = 0.5
FORM_TYPE = "application/x-www-form-urlencoded"
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"


@dataclass(frozen=True)
class ProtocolRequest:
    query: str | None
    update: str | None
    default_graphs: tuple[str, ...]
    named_graphs: tuple[str, ...]
    format_override: str | None


async def sparql_endpoint(request: Request) -> Response:
    settings: ServerSettings = request.app.state.settings
    parsed = await read_protocol_request(request, settings.max_request_bytes)
    if parsed.update is not None:
        raise ApiError(403, "update-refused", "this endpoint is read-only: updates are refused")
    accept = _effective_accept(request, parsed.format_override)
    if parsed.query is None:
        if request.method == "GET" and prefers_html(accept):
            return RedirectResponse("/query", status_code=303)
        return describe_service(request, accept)
    job = build_job(parsed, settings, accept)
    pool: WorkerPool = request.app.state.pool
    outcome = await until_disconnected(
        request, pool.run(job, settings.query_timeout_s, settings.queue_timeout_s))
    if outcome.error is not None:
        return error_response(outcome.error)
    return Response(outcome.body, media_type=_with_charset(outcome.media_type),
                    headers={"Vary": "Accept"})


async def until_disconnected(request: Request, work: Awaitable[T]) -> T:
    """Await `work`, but give up (and so kill its worker) if the client goes away."""
    task = asyncio.ensure_future(work)
    try:
        while True:
            done, _ = await asyncio.wait({task}, timeout=DISCONNECT_POLL_S)
            if done:
                return task.result()
            if await request.is_disconnected():
                raise ApiError(499, "client-closed-request", "the client went away")
    finally:
        if not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, ApiError):
                await task


async def read_protocol_request(request: Request, max_bytes: int) -> ProtocolRequest:
    """The protocol's parameters, from the URL and (for POST) the body; bodies are bounded."""
    url_params = parse_qsl(request.url.query, keep_blank_values=True)
    if request.method == "GET":
        return _from_params(url_params, body_query=None)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await read_bounded_body(request, max_bytes)
    if content_type == FORM_TYPE:
        form_params = parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
        return _from_params(url_params + form_params, body_query=None)
    if content_type in (QUERY_TYPE, UPDATE_TYPE):
        text = _decode(body)
        if content_type == UPDATE_TYPE:
            return ProtocolRequest(None, text, (), (), None)
        return _from_params(url_params, body_query=text)
    raise ApiError(
        415, "unsupported-media-type",
        f"POST a query as {FORM_TYPE} (query=...) or as {QUERY_TYPE}, not {content_type!r}",
    )


async def read_bounded_body(request: Request, max_bytes: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise _too_large(max_bytes)
    chunks = bytearray()
    async for chunk in request.stream():
        chunks += chunk
        if len(chunks) > max_bytes:
            raise _too_large(max_bytes)
    return bytes(chunks)


def build_job(parsed: ProtocolRequest, settings: ServerSettings, accept: str | None) -> QueryJob:
    query = parsed.query or ""
    if not query.strip():
        raise ApiError(400, "malformed-query", "the query is empty")
    scan = scan_query(query)
    if scan.form == "UPDATE":
        raise ApiError(403, "update-refused", "this endpoint is read-only: updates are refused")
    refused = refused_services(scan, settings.allowed_service_endpoints)
    if refused:
        names = ", ".join(s.written or "(nothing)" for s in refused)
        raise ApiError(
            403, "service-refused",
            f"federated queries (SERVICE) are refused for {names}; this endpoint only "
            "federates to the endpoints its operator allows"
            + (f" ({', '.join(settings.allowed_service_endpoints)})"
               if settings.allowed_service_endpoints else ""),
        )
    for iri in (*parsed.default_graphs, *parsed.named_graphs):
        if not _is_absolute_iri(iri):
            raise ApiError(400, "bad-request", f"graph IRIs must be absolute IRIs: {iri!r}")
    solutions = negotiate(accept, list(SOLUTION_FORMATS))
    graph = negotiate(accept, list(GRAPH_FORMATS))
    if solutions is None and graph is None:
        raise _not_acceptable(accept)
    return QueryJob(
        query=query,
        solutions_media_type=solutions,
        graph_media_type=graph,
        union_default_graph=settings.union_default_graph and not scan.has_dataset_clause,
        default_graphs=parsed.default_graphs,
        named_graphs=parsed.named_graphs,
        max_result_bytes=settings.max_result_bytes,
    )


def describe_service(request: Request, accept: str | None) -> Response:
    media_type = negotiate(accept, list(GRAPH_FORMATS))
    if media_type is None:
        raise _not_acceptable(accept)
    settings: ServerSettings = request.app.state.settings
    endpoint = str(request.url.replace(query="", fragment=""))
    body = service_description(endpoint, settings, GRAPH_FORMATS[media_type])
    return Response(body, media_type=_with_charset(media_type), headers={"Vary": "Accept"})


async def refuse_graph_store_write(request: Request) -> Response:
    return error_response(ApiError(
        405, "method-not-allowed",
        f"this endpoint is read-only: {request.method} (Graph Store writes) is refused",
    ), headers={"Allow": "GET, POST, OPTIONS"})


def _from_params(params: list[tuple[str, str]], body_query: str | None) -> ProtocolRequest:
    queries = [v for k, v in params if k == "query"]
    updates = [v for k, v in params if k == "update"]
    if len(queries) + (body_query is not None) > 1:
        raise ApiError(400, "bad-request", "give exactly one query")
    formats = [v for k, v in params if k == "format"]
    return ProtocolRequest(
        query=body_query if body_query is not None else (queries[0] if queries else None),
        update=updates[0] if updates else None,
        default_graphs=tuple(v for k, v in params if k == "default-graph-uri"),
        named_graphs=tuple(v for k, v in params if k == "named-graph-uri"),
        format_override=formats[0] if formats else None,
    )


def _effective_accept(request: Request, format_override: str | None) -> str | None:
    if format_override:
        return FORMAT_ALIASES.get(format_override.lower(), format_override)
    return request.headers.get("accept")


def _is_absolute_iri(iri: str) -> bool:
    return bool(_ABSOLUTE_IRI.match(iri))


_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^<>\"{}|^`\\\x00-\x20]*$")


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ApiError(400, "bad-request", f"the body is not UTF-8: {error}") from None


def _with_charset(media_type: str) -> str:
    textual = media_type.startswith("text/") or media_type.endswith(("json", "xml"))
    return f"{media_type}; charset=utf-8" if textual else media_type


def _too_large(max_bytes: int) -> ApiError:
    return ApiError(413, "request-too-large", f"request bodies are limited to {max_bytes} bytes")


def _not_acceptable(accept: str | None) -> ApiError:
    offered = ", ".join([*dict.fromkeys([*SOLUTION_FORMATS, *GRAPH_FORMATS])])
    return ApiError(406, "not-acceptable", f"nothing here matches Accept: {accept!r}; "
                    f"offered: {offered}")
