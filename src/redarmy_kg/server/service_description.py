"""The SPARQL service description (sd:Service) answered on GET /sparql without a query."""

from __future__ import annotations

from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Triple, serialize

from redarmy_kg.rdf.terms import DCTERMS, RDF, RDFS, SD, VOID
from redarmy_kg.server.negotiation import GRAPH_FORMATS, SOLUTION_FORMATS
from redarmy_kg.server.settings import ServerSettings

FORMATS_NS = "http://www.w3.org/ns/formats/"
FORMAT_NAMES = {
    "application/sparql-results+json": "SPARQL_Results_JSON",
    "application/sparql-results+xml": "SPARQL_Results_XML",
    "text/csv": "SPARQL_Results_CSV",
    "text/tab-separated-values": "SPARQL_Results_TSV",
    "text/turtle": "Turtle",
    "application/n-triples": "N-Triples",
    "application/ld+json": "JSON-LD",
    "application/rdf+xml": "RDF_XML",
    "application/n-quads": "N-Quads",
    "application/trig": "TriG",
}


def service_description(endpoint: str, settings: ServerSettings, fmt: RdfFormat) -> bytes:
    service = NamedNode(endpoint)
    dataset = BlankNode("dataset")
    default_graph = BlankNode("defaultGraph")
    triples = [
        (service, RDF.type, SD.Service),
        (service, SD.endpoint, service),
        (service, SD.supportedLanguage, SD.SPARQL11Query),
        (service, SD.feature, SD.UnionDefaultGraph),
        (service, SD.defaultDataset, dataset),
        (service, RDFS.comment, Literal(_comment(settings))),
        (dataset, RDF.type, SD.Dataset),
        (dataset, SD.defaultGraph, default_graph),
        (dataset, DCTERMS.title, Literal("redarmy-kg: The Red Army and the Terror")),
        (default_graph, RDF.type, SD.Graph),
        (default_graph, RDFS.comment, Literal(
            "The default graph is the union of all named graphs of the dataset "
            "(unless the query or the request names its own dataset).")),
        (default_graph, VOID.sparqlEndpoint, service),
    ]
    for media_type in sorted({*SOLUTION_FORMATS, *GRAPH_FORMATS} & FORMAT_NAMES.keys()):
        triples.append((service, SD.resultFormat, NamedNode(FORMATS_NS + FORMAT_NAMES[media_type])))
    prefixes = {"sd": SD.uri, "rdfs": RDFS.uri, "dcterms": DCTERMS.uri, "void": VOID.uri,
                "formats": FORMATS_NS}
    graph = [Triple(s, p, o) for s, p, o in triples]
    if fmt in (RdfFormat.TURTLE, RdfFormat.TRIG, RdfFormat.RDF_XML):
        return serialize(graph, format=fmt, prefixes=prefixes)
    return serialize(graph, format=fmt)


def _comment(settings: ServerSettings) -> str:
    federation = (
        "SERVICE is allowed only for " + ", ".join(settings.allowed_service_endpoints)
        if settings.allowed_service_endpoints else "SERVICE (federation) is refused"
    )
    return (
        "Read-only SPARQL 1.1 endpoint of redarmy-kg. The default graph is the union of all "
        f"named graphs. Queries are stopped after {settings.query_timeout_s:g} s; results are "
        f"limited to {settings.max_result_bytes} bytes and request bodies to "
        f"{settings.max_request_bytes} bytes; updates are refused; {federation}."
    )
