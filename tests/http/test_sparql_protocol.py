"""The SPARQL 1.1 Protocol at /sparql, over HTTP against a running server."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import httpx
import pytest
from pyoxigraph import RdfFormat, parse

pytestmark = pytest.mark.http

ID = "https://w3id.org/redarmy-kg/id/"
PEOPLE = """PREFIX foaf: <http://xmlns.com/foaf/0.1/>
SELECT ?person WHERE { ?person a foaf:Person } ORDER BY ?person"""
PEOPLE_IRIS = [ID + "person/ezhov", ID + "person/tukhachevskii", ID + "person/whitewood"]
CONSTRUCT_LABELS = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
CONSTRUCT { ?s skos:prefLabel ?l } WHERE { ?s a <http://xmlns.com/foaf/0.1/Person> ;
  skos:prefLabel ?l }"""
RDF_MEDIA_TYPES = {
    "text/turtle": RdfFormat.TURTLE,
    "application/n-triples": RdfFormat.N_TRIPLES,
    "application/ld+json": RdfFormat.JSON_LD,
    "application/rdf+xml": RdfFormat.RDF_XML,
}


def assert_error(response: httpx.Response, status: int, error_type: str) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "type", "message"}
    assert body["error"]["status"] == status
    assert body["error"]["type"] == error_type
    assert body["error"]["message"]
    return body["error"]["message"]


def json_people(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    data = response.json()
    return [b["person"]["value"] for b in data["results"]["bindings"]]


def test_get_returns_sparql_json_by_default(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": PEOPLE})
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    assert json_people(response) == PEOPLE_IRIS


def test_post_form_and_post_direct_give_the_same_answer(client: httpx.Client) -> None:
    form = client.post("/sparql", data={"query": PEOPLE})
    direct = client.post("/sparql", content=PEOPLE.encode(),
                         headers={"Content-Type": "application/sparql-query"})
    assert json_people(form) == json_people(direct) == PEOPLE_IRIS


def test_xml_results(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": PEOPLE},
                          headers={"Accept": "application/sparql-results+xml"})
    assert response.headers["content-type"].startswith("application/sparql-results+xml")
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    uris = [e.text for e in ET.fromstring(response.content).findall(".//r:uri", ns)]
    assert uris == PEOPLE_IRIS


def test_csv_and_tsv_results(client: httpx.Client) -> None:
    csv_response = client.get("/sparql", params={"query": PEOPLE}, headers={"Accept": "text/csv"})
    assert csv_response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(csv_response.text)))
    assert rows == [["person"], *[[iri] for iri in PEOPLE_IRIS]]
    tsv = client.get("/sparql", params={"query": PEOPLE},
                     headers={"Accept": "text/tab-separated-values"})
    assert tsv.headers["content-type"].startswith("text/tab-separated-values")
    assert tsv.text.splitlines() == ["?person", *[f"<{iri}>" for iri in PEOPLE_IRIS]]


def test_accept_quality_values_pick_the_preferred_format(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": PEOPLE},
                          headers={"Accept": "application/sparql-results+json;q=0.5, text/csv"})
    assert response.headers["content-type"].startswith("text/csv")


def test_ask_answers_a_boolean(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": f"ASK {{ <{ID}person/ezhov> ?p ?o }}"})
    assert response.json()["boolean"] is True


@pytest.mark.parametrize("media_type", list(RDF_MEDIA_TYPES))
def test_construct_in_every_rdf_format(client: httpx.Client, media_type: str) -> None:
    response = client.post("/sparql", data={"query": CONSTRUCT_LABELS},
                           headers={"Accept": media_type})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(media_type)
    triples = list(parse(response.content, format=RDF_MEDIA_TYPES[media_type]))
    labels = sorted(t.object.value for t in triples)
    assert labels == ["Mikhail Tukhachevskii", "Nikolai Ezhov", "Peter Whitewood"]


def test_describe_returns_turtle_by_default(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": f"DESCRIBE <{ID}org/nkvd>"})
    assert response.headers["content-type"].startswith("text/turtle")
    assert "NKVD" in response.text


def test_default_graph_is_the_union_of_all_graphs(client: httpx.Client) -> None:
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    union = int(client.get("/sparql", params={"query": query}).json()
                ["results"]["bindings"][0]["n"]["value"])
    per_graph = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    quads = int(client.get("/sparql", params={"query": per_graph}).json()
                ["results"]["bindings"][0]["n"]["value"])
    assert union > 100 and union <= quads


def test_default_graph_uri_restricts_the_default_graph(client: httpx.Client) -> None:
    graph = "https://w3id.org/redarmy-kg/graph/entities"
    query = "SELECT DISTINCT ?s WHERE { ?s a <http://xmlns.com/foaf/0.1/Person> } ORDER BY ?s"
    only_entities = client.get("/sparql", params={"query": query, "default-graph-uri": graph})
    elsewhere = client.get("/sparql", params={
        "query": query, "default-graph-uri": "https://w3id.org/redarmy-kg/graph/events"})
    assert len(only_entities.json()["results"]["bindings"]) == 3
    assert elsewhere.json()["results"]["bindings"] == []


def test_named_graph_uri_limits_graph_patterns(client: httpx.Client) -> None:
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
    graph = "https://w3id.org/redarmy-kg/id/claim/ch5-p40-s2"
    response = client.post("/sparql", data={"query": query, "named-graph-uri": graph})
    assert [b["g"]["value"] for b in response.json()["results"]["bindings"]] == [graph]


def test_from_clause_chooses_its_own_default_graph(client: httpx.Client) -> None:
    query = ("SELECT (COUNT(*) AS ?n) FROM <https://w3id.org/redarmy-kg/id/claim/ch5-p41-s1>"
             " WHERE { ?s ?p ?o }")
    rows = client.get("/sparql", params={"query": query}).json()["results"]["bindings"]
    assert rows[0]["n"]["value"] == "1"


def test_service_description_without_a_query(client: httpx.Client) -> None:
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    triples = list(parse(response.content, format=RdfFormat.TURTLE))
    predicates = {t.predicate.value.rsplit("#", 1)[-1] for t in triples}
    assert {"endpoint", "supportedLanguage", "resultFormat", "defaultDataset"} <= predicates
    features = {t.object.value for t in triples if t.predicate.value.endswith("#feature")}
    assert "http://www.w3.org/ns/sparql-service-description#UnionDefaultGraph" in features
    assert "union of all named graphs" in response.text


def test_browsers_asking_the_endpoint_are_sent_to_the_query_page(client: httpx.Client) -> None:
    response = client.get("/sparql", headers={"Accept": "text/html,*/*;q=0.8"})
    assert response.status_code == 303 and response.headers["location"] == "/query"


def test_cors_headers(client: httpx.Client) -> None:
    simple = client.get("/sparql", params={"query": "ASK {}"},
                        headers={"Origin": "https://yasgui.example"})
    assert simple.headers["access-control-allow-origin"] == "*"
    preflight = client.options("/sparql", headers={
        "Origin": "https://yasgui.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "Content-Type"})
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["access-control-allow-methods"]


def test_malformed_query_gets_400_with_the_parser_message(client: httpx.Client) -> None:
    message = assert_error(client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x"}),
                           400, "malformed-query")
    assert "error at" in message or "expected" in message


def test_empty_query_is_malformed(client: httpx.Client) -> None:
    assert_error(client.get("/sparql", params={"query": "  "}), 400, "malformed-query")


def test_two_queries_are_refused(client: httpx.Client) -> None:
    response = client.get("/sparql?query=ASK%7B%7D&query=ASK%7B%7D")
    assert_error(response, 400, "bad-request")


def test_unacceptable_accept_gets_406(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": PEOPLE}, headers={"Accept": "image/png"})
    assert_error(response, 406, "not-acceptable")


def test_graph_result_with_only_solution_formats_acceptable_gets_406(
    client: httpx.Client,
) -> None:
    response = client.post("/sparql", data={"query": CONSTRUCT_LABELS},
                           headers={"Accept": "text/csv"})
    assert_error(response, 406, "not-acceptable")


def test_request_body_over_the_bound_gets_413(client: httpx.Client) -> None:
    padding = "#" + "x" * (1024 * 1024) + "\n"
    response = client.post("/sparql", content=(padding + PEOPLE).encode(),
                           headers={"Content-Type": "application/sparql-query"})
    assert_error(response, 413, "request-too-large")


def test_unsupported_post_content_type_gets_415(client: httpx.Client) -> None:
    response = client.post("/sparql", content=b"{}", headers={"Content-Type": "application/json"})
    assert_error(response, 415, "unsupported-media-type")


@pytest.mark.parametrize("update", [
    "INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }",
    "PREFIX e: <http://e/> DELETE WHERE { ?s ?p ?o }",
    "LOAD <http://127.0.0.1:9/evil.ttl>",
    "drop all",
])
def test_updates_are_refused(client: httpx.Client, update: str) -> None:
    assert_error(client.post("/sparql", data={"update": update}), 403, "update-refused")
    assert_error(client.post("/sparql", content=update.encode(),
                             headers={"Content-Type": "application/sparql-update"}),
                 403, "update-refused")
    assert_error(client.get("/sparql", params={"query": update}), 403, "update-refused")


def test_graph_store_writes_are_refused(client: httpx.Client) -> None:
    assert_error(client.put("/sparql?default", content=b"<a> <b> <c> ."), 405,
                 "method-not-allowed")
    assert_error(client.delete("/sparql?graph=x"), 405, "method-not-allowed")
    assert_error(client.post("/id/person/ezhov", content=b"<a> <b> <c> ."), 405,
                 "method-not-allowed")


def test_unknown_paths_get_404_in_the_error_shape(client: httpx.Client) -> None:
    assert_error(client.get("/no/such/page"), 404, "not-found")


def test_result_bytes_bound(launch) -> None:  # noqa: ANN001
    """A server with a tiny result bound refuses a big result, and still answers small ones."""
    small = launch("--max-result-bytes", "2000")
    with small.client() as http:
        big = http.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
        assert_error(big, 413, "result-too-large")
        assert json_people(http.get("/sparql", params={"query": PEOPLE})) == PEOPLE_IRIS


def test_format_parameter_overrides_accept(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": PEOPLE, "format": "csv"},
                          headers={"Accept": "application/sparql-results+json"})
    assert response.headers["content-type"].startswith("text/csv")
    assert json.loads(client.get("/sparql", params={"query": PEOPLE, "format": "json"}).text)


@pytest.mark.parametrize("graph", ["", "not an iri", "relative/graph", "http://a/<b>"])
def test_bad_graph_iris_are_400_and_cost_no_worker(server, graph: str) -> None:  # noqa: ANN001
    before = server.worker_pids()
    with server.client() as http:
        response = http.get("/sparql", params={"query": PEOPLE, "default-graph-uri": graph})
        assert_error(response, 400, "bad-request")
        response = http.post("/sparql", data={"query": PEOPLE, "named-graph-uri": graph})
        assert_error(response, 400, "bad-request")
    assert server.worker_pids() == before


def test_a_preflight_with_any_request_header_is_allowed(client: httpx.Client) -> None:
    preflight = client.options("/sparql", headers={
        "Origin": "https://yasgui.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type, x-requested-with"})
    assert preflight.status_code == 200
