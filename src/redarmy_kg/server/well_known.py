"""`/.well-known/void`: the dataset description (VoID + DCAT) of the served build.

The build writes it as Turtle (`void.ttl`); other RDF formats are converted on
request by content negotiation.
"""

from __future__ import annotations

from pyoxigraph import RdfFormat, parse, serialize
from starlette.requests import Request
from starlette.responses import Response

from redarmy_kg.publish.void import VOID_FILE
from redarmy_kg.server.errors import ApiError
from redarmy_kg.server.negotiation import negotiate
from redarmy_kg.server.settings import ServerSettings

VOID_FORMATS = {
    "text/turtle": RdfFormat.TURTLE,
    "application/n-triples": RdfFormat.N_TRIPLES,
    "application/ld+json": RdfFormat.JSON_LD,
    "application/rdf+xml": RdfFormat.RDF_XML,
}


async def void_description(request: Request) -> Response:
    settings: ServerSettings = request.app.state.settings
    path = settings.build_dir / VOID_FILE
    if not path.is_file():
        raise ApiError(404, "not-found", "this build has no void.ttl: run `redarmy-kg build`")
    media_type = negotiate(request.headers.get("accept"), list(VOID_FORMATS))
    if media_type is None:
        raise ApiError(406, "not-acceptable", "the dataset description is available as "
                       + ", ".join(VOID_FORMATS))
    body = path.read_bytes()
    if media_type != "text/turtle":
        triples = parse(body, format=RdfFormat.TURTLE)
        body = serialize(triples, format=VOID_FORMATS[media_type])
    charset = "" if media_type == "application/n-triples" else "; charset=utf-8"
    return Response(body, media_type=media_type + charset, headers={"Vary": "Accept"})
