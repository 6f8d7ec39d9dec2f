"""IRIs dereference by content negotiation; the HTML pages show what a historian needs."""

from __future__ import annotations

import httpx
import pytest
from pyoxigraph import NamedNode, RdfFormat, parse

pytestmark = pytest.mark.http

ID = "https://w3id.org/redarmy-kg/id/"
HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
FORMATS = {
    "text/turtle": RdfFormat.TURTLE,
    "application/n-triples": RdfFormat.N_TRIPLES,
    "application/ld+json": RdfFormat.JSON_LD,
    "application/rdf+xml": RdfFormat.RDF_XML,
}
SUFFIXES = {".ttl": RdfFormat.TURTLE, ".nt": RdfFormat.N_TRIPLES, ".jsonld": RdfFormat.JSON_LD,
            ".rdf": RdfFormat.RDF_XML}


@pytest.mark.parametrize("media_type", list(FORMATS))
def test_an_iri_gives_rdf_by_accept(client: httpx.Client, media_type: str) -> None:
    response = client.get("/id/person/tukhachevskii", headers={"Accept": media_type})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)
    assert "accept" in response.headers["vary"].lower()
    triples = list(parse(response.content, format=FORMATS[media_type]))
    subjects = {t.subject for t in triples}
    assert subjects == {NamedNode(ID + "person/tukhachevskii")}
    labels = {t.object.value for t in triples if t.predicate.value.endswith("altLabel")}
    assert labels == {"Tukhachevsky", "M. N. Tukhachevskii"}


@pytest.mark.parametrize("suffix", list(SUFFIXES))
def test_a_suffix_picks_the_format(client: httpx.Client, suffix: str) -> None:
    response = client.get(f"/id/org/nkvd{suffix}", headers={"Accept": HTML})
    assert response.status_code == 200
    triples = list(parse(response.content, format=SUFFIXES[suffix]))
    assert {t.subject.value for t in triples} == {ID + "org/nkvd"}


def test_hash_iris_are_described_with_their_document(client: httpx.Client) -> None:
    response = client.get("/id/thesis/intro/p/1/s/3", headers={"Accept": "application/n-triples"})
    triples = list(parse(response.content, format=RdfFormat.N_TRIPLES))
    subjects = {t.subject.value.removeprefix(ID + "thesis/intro/p/1/s/3") for t in triples}
    assert subjects == {"", "#anchor", "#position", "#quote"}


def test_an_iri_known_only_as_an_object_is_described_by_what_points_to_it(
    client: httpx.Client,
) -> None:
    response = client.get("/id/thesis/text", headers={"Accept": "application/n-triples"})
    assert response.status_code == 200
    triples = list(parse(response.content, format=RdfFormat.N_TRIPLES))
    assert triples and all(t.object.value == ID + "thesis/text" for t in triples)


def test_unknown_iris_get_404(client: httpx.Client) -> None:
    for accept in ("text/turtle", "application/json"):
        response = client.get("/id/person/nobody", headers={"Accept": accept})
        assert response.status_code == 404
        assert response.json()["error"]["type"] == "not-found"
    page = client.get("/id/person/nobody", headers={"Accept": HTML})
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]


def test_unacceptable_formats_get_406(client: httpx.Client) -> None:
    response = client.get("/id/person/ezhov", headers={"Accept": "image/png"})
    assert response.status_code == 406


def test_iris_with_characters_that_could_inject_sparql_are_404(client: httpx.Client) -> None:
    response = client.get("/id/person/x%3E%20%3Fp%20%3Fo%20%7D%20%23", headers={"Accept": HTML})
    assert response.status_code == 404


def test_person_page_has_timeline_posts_and_sources(client: httpx.Client) -> None:
    page = client.get("/id/person/tukhachevskii", headers={"Accept": HTML})
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    html = page.text
    assert "<h1>Mikhail Tukhachevskii</h1>" in html
    assert "Also written: M. N. Tukhachevskii, Tukhachevsky" in html
    assert "Deputy People&#39;s Commissar for Defence" in html
    # Events in date order, each with its quoted sentence and its sources.
    arrest = html.index("Arrest of Mikhail Tukhachevskii")
    execution = html.index("Execution of the military-fascist plot defendants")
    assert arrest < execution
    assert "Tukhachevskii was arrested on 22 May 1937." in html
    assert 'href="/id/archive/rgva/f4/op19/d16">RGVA, f. 4, op. 19, d. 16, l. 265</a>' in html
    assert "The Road to Terror: Stalin and the Self-Destruction of the Bolsheviks, 1932-1939, " \
           "p. 276" in html


def test_claim_page_shows_the_conflict(client: httpx.Client) -> None:
    html = client.get("/id/claim/intro-p1-s3", headers={"Accept": HTML}).text
    assert "<h1>Claim intro-p1-s3</h1>" in html
    assert "Timeline" not in html  # a claim attests an event; it takes no part in it
    assert "Conflicts with" in html
    assert "all were immediately executed after the trial" in html
    assert "The sentences were carried out on 12 June." in html
    assert "1937-06-11" in html and "1937-06-12" in html


def test_archival_file_page_lists_the_claims_resting_on_it(client: httpx.Client) -> None:
    html = client.get("/id/archive/rgva/f4/op19/d16", headers={"Accept": HTML}).text
    assert "Claims resting on this source" in html
    assert "Tukhachevskii was arrested on 22 May 1937." in html
    assert "l. 265" in html


def test_footnote_and_work_pages(client: httpx.Client) -> None:
    footnote = client.get("/id/thesis/ch5/fn/2", headers={"Accept": HTML}).text
    assert "RGVA, f. 4, op. 19, d. 16, l. 265" in footnote
    work = client.get("/id/work/getty-naumov-1999-road-to-terror", headers={"Accept": HTML}).text
    assert "p. 276" in work and "p. 280" in work


def test_event_page_shows_the_attesting_claims(client: httpx.Client) -> None:
    html = client.get("/id/event/military-trial-execution-1937", headers={"Accept": HTML}).text
    assert "Execution of the military-fascist plot defendants" in html
    assert 'href="/id/claim/intro-p1-s3"' in html and 'href="/id/claim/ch5-p41-s1"' in html


def test_home_page_counts_and_links(client: httpx.Client) -> None:
    html = client.get("/").text
    assert "The Red Army and the Terror" in html
    assert '<th scope="row">people</th><td>3</td>' in html
    assert "CC BY 4.0" in html and "how to cite" in html.lower()
    assert 'href="/query"' in html


def test_search_finds_spelling_variants(client: httpx.Client) -> None:
    for needle in ("Tukhachevsky", "tukhachevskii"):
        html = client.get("/search", params={"q": needle}).text
        assert 'href="/id/person/tukhachevskii"' in html
    assert "Nothing matches" in client.get("/search", params={"q": "zzzz-none"}).text
    quoted = client.get("/search", params={"q": 'x" } ?s ?p ?o . FILTER("'}).text
    assert "Nothing matches" in quoted


def test_ontology_page(client: httpx.Client) -> None:
    response = client.get("/ontology")
    assert response.status_code == 200
    assert "ontology#" in response.text or "Ontology" in response.text


def test_query_page_and_its_static_files_are_served_locally(client: httpx.Client) -> None:
    html = client.get("/query").text
    assert '<textarea id="query"' in html and 'src="/static/query.js"' in html
    assert "https://" not in html.split("<main>")[0].replace("https://w3id.org", "")
    assert client.get("/static/query.js").status_code == 200
    assert client.get("/static/style.css").status_code == 200


def test_named_graph_iris_give_their_triples(client: httpx.Client) -> None:
    response = client.get("/graph/citations", headers={"Accept": "application/n-triples"})
    assert response.status_code == 200
    triples = list(parse(response.content, format=RdfFormat.N_TRIPLES))
    assert {t.subject.value.rsplit("/", 1)[-1] for t in triples} == {
        "ch5-fn2-1", "ch5-fn2-2", "ch5-fn3-1"}
    assert client.get("/graph/citations.ttl").headers["content-type"].startswith("text/turtle")
    assert client.get("/graph/no-such-graph").status_code == 404


def test_a_claim_iri_is_also_its_assertion_graph(client: httpx.Client) -> None:
    query = ("SELECT ?o WHERE { GRAPH <https://w3id.org/redarmy-kg/id/claim/ch5-p41-s1> "
             "{ ?s ?p ?o } }")
    rows = client.get("/sparql", params={"query": query}).json()["results"]["bindings"]
    assert [r["o"]["value"] for r in rows] == ["1937-06-12"]


def test_event_page_shows_participants_and_the_statements_behind_it(client: httpx.Client) -> None:
    html = client.get("/id/event/tukhachevskii-arrest-1937-05-22", headers={"Accept": HTML}).text
    assert "Who and what took part" in html
    assert 'href="/id/org/nkvd"' in html and 'href="/id/person/tukhachevskii"' in html
    assert "What the thesis says, and on what evidence" in html
    assert "Tukhachevskii was arrested on 22 May 1937." in html


def test_home_page_counts_archival_files(client: httpx.Client) -> None:
    assert '<th scope="row">archival files</th><td>1</td>' in client.get("/").text


def test_institution_page_lists_people_in_posts(client: httpx.Client) -> None:
    html = client.get("/id/org/narkomoborony", headers={"Accept": HTML}).text
    assert "People in posts here" in html
    assert 'href="/id/person/tukhachevskii">Mikhail Tukhachevskii</a>' in html
    assert "Deputy People&#39;s Commissar for Defence" in html


def test_sentence_and_footnote_pages_show_their_text(client: httpx.Client) -> None:
    sentence = client.get("/id/thesis/ch5/p/40/s/2", headers={"Accept": HTML}).text
    assert '<blockquote class="quote">Tukhachevskii was arrested on 22 May 1937.</blockquote>' \
        in sentence
