"""Dereferencing `<base>id/...` IRIs: HTML for browsers, RDF by Accept or suffix, 404 if unknown.

A resource is described by the triples about it and about its hash IRIs
(`X#anchor`, `X#position`, `X#quote`), which a browser can never ask for
separately because the fragment stays on the client.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from redarmy_kg.server import graph_access, pages
from redarmy_kg.server.errors import ApiError
from redarmy_kg.server.negotiation import SUFFIX_FORMATS, negotiate, prefers_html
from redarmy_kg.server.settings import ServerSettings

LINKED_DATA_FORMATS = [
    "text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml",
]


async def resource(request: Request) -> Response:
    settings: ServerSettings = request.app.state.settings
    path: str = request.path_params["path"]
    iri, forced_format = await _resolve(request, settings, path)
    if iri is None:
        raise ApiError(404, "not-found", f"the graph holds nothing about <{settings.public_base}"
                       f"id/{path}>")
    if forced_format is None and prefers_html(request.headers.get("accept")):
        return await pages.resource_page(request, iri)
    media_type = forced_format or negotiate(request.headers.get("accept"), LINKED_DATA_FORMATS)
    if media_type is None:
        raise ApiError(406, "not-acceptable", "this resource is available as text/html, "
                       + ", ".join(LINKED_DATA_FORMATS))
    body = await graph_access.construct(request, describe_query(iri), media_type)
    charset = "" if media_type == "application/n-triples" else "; charset=utf-8"
    return Response(body, media_type=media_type + charset, headers={"Vary": "Accept"})


async def named_graph(request: Request) -> Response:
    """`<base>graph/<name>` (a layer, or one claim's assertion): its triples, as RDF."""
    settings: ServerSettings = request.app.state.settings
    path: str = request.path_params["path"]
    forced = next((t for suffix, t in SUFFIX_FORMATS.items() if path.endswith(suffix)), None)
    if forced is not None:
        path = path.rsplit(".", 1)[0]
    iri = settings.public_base + "graph/" + path
    try:
        node = graph_access.iri_literal(iri)
    except ValueError:
        node = None
    exists = f"ASK {{ GRAPH {node} {{ ?s ?p ?o }} }}"
    if node is None or not await graph_access.ask(request, exists):
        raise ApiError(404, "not-found", f"the dataset has no graph <{iri}>")
    media_type = forced or negotiate(request.headers.get("accept"), LINKED_DATA_FORMATS)
    if media_type is None:
        raise ApiError(406, "not-acceptable", "graphs are available as " +
                       ", ".join(LINKED_DATA_FORMATS))
    body = await graph_access.construct(
        request, f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {node} {{ ?s ?p ?o }} }}", media_type)
    charset = "" if media_type == "application/n-triples" else "; charset=utf-8"
    return Response(body, media_type=media_type + charset, headers={"Vary": "Accept"})


async def _resolve(
    request: Request, settings: ServerSettings, path: str
) -> tuple[str | None, str | None]:
    """The IRI a path names (and a format its suffix picks), or None if the graph lacks it."""
    iri = settings.public_base + "id/" + path
    if await is_known(request, iri):
        return iri, None
    for suffix, media_type in SUFFIX_FORMATS.items():
        if path.endswith(suffix) and await is_known(request, iri[: -len(suffix)]):
            return iri[: -len(suffix)], media_type
    return None, None


async def is_known(request: Request, iri: str) -> bool:
    try:
        node = graph_access.iri_literal(iri)
    except ValueError:
        return False
    return await graph_access.ask(
        request, f"ASK {{ {{ {node} ?p ?o }} UNION {{ ?s ?p {node} }} }}"
    )


def describe_query(iri: str) -> str:
    """The triples about `iri`, about its hash IRIs, and (if it has none) those pointing to it."""
    node = graph_access.iri_literal(iri)
    hash_prefix = graph_access.string_literal(iri + "#")
    return f"""
CONSTRUCT {{ ?s ?p ?o }} WHERE {{
  {{ VALUES ?s {{ {node} }} ?s ?p ?o }}
  UNION
  {{ {node} ?p1 ?s . FILTER(isIRI(?s) && STRSTARTS(STR(?s), {hash_prefix})) ?s ?p ?o }}
  UNION
  {{ {node} ?p1 ?x . FILTER(isIRI(?x) && STRSTARTS(STR(?x), {hash_prefix}))
     ?x ?p2 ?s . FILTER(isIRI(?s) && STRSTARTS(STR(?s), {hash_prefix})) ?s ?p ?o }}
  UNION
  {{ FILTER NOT EXISTS {{ {node} ?anyP ?anyO }} ?s ?p ?o . VALUES ?o {{ {node} }} }}
}}"""


