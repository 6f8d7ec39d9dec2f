"""RDF of entities and mentions on a hand-made document."""

from __future__ import annotations

import re

import pyoxigraph
import pytest

from redarmy_kg.entities.catalog import load_catalog
from redarmy_kg.entities.mentions import find_mentions
from redarmy_kg.rdf.entities import emit_entities

from .entities_fixtures import MAPPINGS, make_document

PREFIXES = """
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rkg: <https://w3id.org/redarmy-kg/ontology#>
"""
ID = "https://w3id.org/redarmy-kg/id/"


def expand(query: str) -> str:
    """`id:person/ezhov` -> a full IRI (slashes are not allowed in prefixed names)."""
    return re.sub(r"\bid:([\w/-]+)", lambda m: f"<{ID}{m.group(1)}>", query)


@pytest.fixture(scope="module")
def store_and_corpus() -> tuple[pyoxigraph.Store, str]:
    document = make_document(
        [["Tukhachevskiis arrest was ordered by Ezhov.", "Kamenev wrote."]],
        [("The OGPU became the Peoples Commissariat for Internal Affairs, Narodnyi komissariat "
          "vnutrennykh del (NKVD) in 1934.", None)],
    )
    catalog = load_catalog(MAPPINGS)
    quads = emit_entities(catalog, find_mentions(document, catalog), document)
    store = pyoxigraph.Store()
    store.extend(quads)
    return store, document.corpus


def ask(store: pyoxigraph.Store, body: str) -> bool:
    query = PREFIXES + expand("ASK { " + body + " }")
    return bool(store.query(query, use_default_graph_as_union=True))


def select(store: pyoxigraph.Store, query: str) -> list[tuple[str, ...]]:
    rows = store.query(PREFIXES + expand(query), use_default_graph_as_union=True)
    return [tuple(term.value for term in row) for row in rows]


def test_person_has_one_pref_label_and_alt_labels(store_and_corpus) -> None:
    store, _ = store_and_corpus
    labels = select(store, "SELECT ?l WHERE { id:person/ezhov skos:prefLabel ?l }")
    assert labels == [("Nikolai Ezhov",)]
    assert ask(store, 'id:person/ezhov a foaf:Person, rkg:PoliceOfficer ; '
                      'skos:altLabel "Yezhov"@en')
    assert ask(store, "id:person/getty a rkg:Historian")


def test_organisation_types_notation_and_abbreviation(store_and_corpus) -> None:
    store, _ = store_and_corpus
    assert ask(store, 'id:org/nkvd a org:Organization, rkg:PoliticalPolice ; skos:notation "NKVD"')
    assert ask(store, "id:org/lvo a rkg:MilitaryDistrict")


def test_mention_annotation_anchored_in_corpus(store_and_corpus) -> None:
    store, corpus = store_and_corpus
    rows = select(store, """
        SELECT ?body ?start ?end ?exact ?scope WHERE {
          id:mention/ch1/p/1/s/1/m/1 a oa:Annotation ; oa:hasBody ?body ;
              oa:motivatedBy oa:identifying ; oa:hasTarget ?t .
          ?t a oa:SpecificResource ; oa:hasScope ?scope ; oa:hasSelector ?p, ?q .
          ?p oa:start ?start ; oa:end ?end . ?q oa:exact ?exact }""")
    assert len(rows) == 1
    body, start, end, exact, scope = rows[0]
    assert body.endswith("id/person/tukhachevskii")
    assert scope.endswith("id/thesis/ch1/p/1/s/1")
    assert exact == "Tukhachevskiis" == corpus[int(start) : int(end)]


def test_ambiguous_mention_points_to_flagged_node(store_and_corpus) -> None:
    store, _ = store_and_corpus
    assert ask(store, "?a oa:hasBody id:ambiguous/kamenev ; rkg:resolution 'unresolved'")
    candidates = select(store, "SELECT ?c WHERE { id:ambiguous/kamenev a rkg:AmbiguousName ; "
                               "rkg:candidate ?c } ORDER BY ?c")
    assert [c[0].rsplit("/", 1)[1] for c in candidates] == ["kamenev-lev", "kamenev-sergei"]


def test_renaming_is_a_change_event_stated_in_the_footnote(store_and_corpus) -> None:
    store, _ = store_and_corpus
    assert ask(store, """id:event/renaming-ogpu-nkvd a org:ChangeEvent ;
        org:originalOrganization id:org/ogpu ; org:resultingOrganization id:org/nkvd ;
        rkg:statedIn id:thesis/ch1/fn/1""")
    # a statement not in this document leaves the renaming without rkg:statedIn
    assert not ask(store, "id:event/renaming-cheka-gpu rkg:statedIn ?x")


def test_output_is_deterministic() -> None:
    document = make_document([["Stalin and Kamenev met the NKVD in Moscow."]])
    catalog = load_catalog(MAPPINGS)
    first = emit_entities(catalog, find_mentions(document, catalog), document)
    second = emit_entities(catalog, find_mentions(document, catalog), document)
    assert [str(q) for q in first] == [str(q) for q in second]
