"""Queries the pages and linked-data views run, through the same bounded worker pool."""

from __future__ import annotations

import json
from dataclasses import dataclass

from starlette.requests import Request

from redarmy_kg.server.settings import ServerSettings
from redarmy_kg.server.workers import QueryJob, WorkerPool

SPARQL_JSON = "application/sparql-results+json"


@dataclass(frozen=True)
class Term:
    """One RDF term of a SPARQL JSON result."""

    kind: str  # "uri", "literal", "bnode" or "triple"
    value: str
    language: str | None = None
    datatype: str | None = None

    @property
    def is_iri(self) -> bool:
        return self.kind == "uri"


Row = dict[str, Term]


def iri_literal(iri: str) -> str:
    """`<iri>` for a query; refuses characters that could break out of the IRI."""
    if any(c in iri for c in '<>"{}|^`\\') or any(ord(c) <= 0x20 for c in iri):
        raise ValueError(f"not an IRI: {iri!r}")
    return f"<{iri}>"


def string_literal(text: str) -> str:
    return json.dumps(text)  # JSON string escapes are valid SPARQL string escapes


async def select(request: Request, query: str) -> list[Row]:
    body = await _run(request, QueryJob(query, SPARQL_JSON, None))
    data = json.loads(body)
    if "boolean" in data:
        return [{"boolean": Term("literal", "true" if data["boolean"] else "false")}]
    return [
        {name: _term(value) for name, value in binding.items()}
        for binding in data["results"]["bindings"]
    ]


async def ask(request: Request, query: str) -> bool:
    body = await _run(request, QueryJob(query, SPARQL_JSON, None))
    return bool(json.loads(body)["boolean"])


async def construct(request: Request, query: str, media_type: str) -> bytes:
    return await _run(request, QueryJob(query, None, media_type))


async def _run(request: Request, job: QueryJob) -> bytes:
    settings: ServerSettings = request.app.state.settings
    pool: WorkerPool = request.app.state.pool
    job = QueryJob(
        job.query, job.solutions_media_type, job.graph_media_type,
        union_default_graph=True, max_result_bytes=settings.max_result_bytes, pretty=True,
    )
    outcome = await pool.run(job, settings.query_timeout_s, settings.queue_timeout_s)
    if outcome.error is not None:
        raise outcome.error
    return outcome.body


def _term(value: dict[str, object]) -> Term:
    kind = str(value.get("type", "literal"))
    if kind == "typed-literal":
        kind = "literal"
    return Term(
        kind=kind,
        value=str(value.get("value", "")),
        language=value.get("xml:lang") if isinstance(value.get("xml:lang"), str) else None,
        datatype=value.get("datatype") if isinstance(value.get("datatype"), str) else None,
    )
