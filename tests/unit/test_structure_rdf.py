"""RDF of the structure layer on a small hand-made thesis."""

from __future__ import annotations

from pyoxigraph import BlankNode, NamedNode, RdfFormat, Store, serialize

from redarmy_kg.rdf.structure import emit_structure
from redarmy_kg.rdf.terms import ALL_NAMESPACES
from redarmy_kg.structure import parse_document

from .test_structure_footnotes import THESIS

PREFIXES = """
PREFIX doco: <http://purl.org/spar/doco/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX c4o: <http://purl.org/spar/c4o/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rkg: <https://w3id.org/redarmy-kg/ontology#>
PREFIX id: <https://w3id.org/redarmy-kg/id/>
"""


def _store(corpus: str) -> Store:
    store = Store()
    store.extend(emit_structure(parse_document(corpus)))
    return store


def _select(store: Store, query: str) -> list[dict[str, str]]:
    rows = store.query(PREFIXES + query, use_default_graph_as_union=True)
    return [{v.value: row[v].value for v in rows.variables} for row in rows]


def test_deterministic_no_blank_nodes_known_vocabularies() -> None:
    corpus = THESIS + "\n"
    first = serialize(emit_structure(parse_document(corpus)), format=RdfFormat.N_QUADS)
    second = serialize(emit_structure(parse_document(corpus)), format=RdfFormat.N_QUADS)
    assert first == second
    namespaces = tuple(ns.uri for ns in ALL_NAMESPACES)
    for quad in emit_structure(parse_document(corpus)):
        assert not isinstance(quad.subject, BlankNode) and not isinstance(quad.object, BlankNode)
        assert quad.predicate.value.startswith(namespaces)
        assert quad.graph_name == NamedNode("https://w3id.org/redarmy-kg/graph/structure")


def test_footnotes_linked_to_sentences_and_anchored() -> None:
    corpus = THESIS + "\n"
    store = _store(corpus)
    rows = _select(
        store,
        """SELECT ?fn ?n ?s ?start ?end WHERE {
            ?fn a doco:Footnote ; rkg:number ?n ; rkg:markedIn ?s ; rkg:textAnchor ?a .
            ?s rkg:hasFootnote ?fn .
            ?a oa:hasSelector ?sel . ?sel oa:start ?start ; oa:end ?end .
        } ORDER BY ?fn""",
    )
    assert [r["fn"].rsplit("/thesis/", 1)[1] for r in rows] == [
        "ch1/fn/1",
        "intro/fn/1",
        "intro/fn/2",
        "intro/fn/3",
    ]
    first = corpus[int(rows[1]["start"]) : int(rows[1]["end"])]
    assert first == "Conquest, The Great Terror, p. 12."


def test_interrupted_footnote_has_anchored_segments() -> None:
    corpus = THESIS + "\n"
    store = _store(corpus)
    rows = _select(
        store,
        """SELECT ?seg ?i ?exact WHERE {
            id:thesis\\/intro\\/fn\\/3 rkg:hasSegment ?seg .
            ?seg rkg:index ?i ; rkg:textAnchor/oa:hasSelector/oa:exact ?exact .
        } ORDER BY ?i""",
    )
    assert len(rows) == 2
    assert rows[0]["exact"].startswith("This footnote has a long first part")
    assert rows[1]["exact"].startswith("on the foot of the next page")


def test_abbreviations_are_skos_concepts() -> None:
    store = _store(THESIS + "\n")
    rows = _select(
        store,
        """SELECT ?notation ?label WHERE {
            ?c skos:inScheme id:thesis\\/abbreviations ; skos:notation ?notation ;
               skos:prefLabel ?label .
        } ORDER BY ?notation""",
    )
    assert {r["notation"]: r["label"] for r in rows}["GUGB"] == "Main Directorate of State Security"
    members = _select(
        store,
        """SELECT ?c WHERE { id:thesis\\/abbreviations\\/military-districts skos:member ?c }""",
    )
    assert [m["c"].rsplit("/", 1)[1] for m in members] == ["kvo"]
