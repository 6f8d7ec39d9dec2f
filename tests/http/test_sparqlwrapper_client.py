"""SPARQLWrapper, a widely used client, talking to the endpoint."""

from __future__ import annotations

import pytest
from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

pytestmark = pytest.mark.http


@pytest.fixture()
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


def test_select_as_json(server, no_proxy) -> None:  # noqa: ANN001
    sparql = SPARQLWrapper(server.url + "/sparql")
    sparql.setQuery("""PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?label WHERE { ?org a <http://www.w3.org/ns/org#Organization> ;
        skos:prefLabel ?label } ORDER BY ?label""")
    sparql.setReturnFormat(JSON)
    bindings = sparql.queryAndConvert()["results"]["bindings"]
    assert [b["label"]["value"] for b in bindings] == [
        "People's Commissariat for Defence",
        "People's Commissariat for Internal Affairs (NKVD)",
    ]


def test_construct_as_an_rdflib_graph(server, no_proxy) -> None:  # noqa: ANN001
    from rdflib import URIRef
    from rdflib.namespace import SKOS

    sparql = SPARQLWrapper(server.url + "/sparql")
    sparql.setMethod("POST")
    sparql.setQuery("""PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        CONSTRUCT { ?p skos:altLabel ?l } WHERE { ?p skos:altLabel ?l }""")
    sparql.setReturnFormat(TURTLE)
    graph = sparql.queryAndConvert()
    from rdflib import Graph

    if not isinstance(graph, Graph):
        graph = Graph().parse(data=graph, format="turtle")
    person = URIRef("https://w3id.org/redarmy-kg/id/person/ezhov")
    assert {str(o) for o in graph.objects(person, SKOS.altLabel)} == {"Yezhov"}
