"""Only confirmed Wikidata links become quads of the `entities` graph."""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import RdfFormat, serialize

from redarmy_kg.links.rdf import emit_links, links_report, linkset_counts
from redarmy_kg.links.sssom import load_mappings

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "links" / "mini.sssom.tsv"
OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
SKOS_EXACT = "http://www.w3.org/2004/02/skos/core#exactMatch"
SKOS_CLOSE = "http://www.w3.org/2004/02/skos/core#closeMatch"
PERSON = "https://w3id.org/redarmy-kg/id/person/"
ORG = "https://w3id.org/redarmy-kg/id/org/"
WD = "http://www.wikidata.org/entity/"


def triples() -> list[tuple[str, str, str, str]]:
    return [
        (q.subject.value, q.predicate.value, q.object.value, q.graph_name.value)
        for q in emit_links(load_mappings(MINI).links)
    ]


def test_emits_one_quad_per_confirmed_link_in_the_entities_graph() -> None:
    graph = "https://w3id.org/redarmy-kg/graph/entities"
    assert triples() == [
        (ORG + "nkvd", SKOS_EXACT, WD + "Q182449", graph),
        (ORG + "rvs", SKOS_CLOSE, WD + "Q2703181", graph),
        (PERSON + "stalin", OWL_SAME_AS, WD + "Q855", graph),
        (PERSON + "trotsky", OWL_SAME_AS, WD + "Q33391", graph),
    ]


def test_unconfirmed_and_not_found_rows_emit_nothing() -> None:
    subjects = {subject for subject, *_ in triples()}
    assert PERSON + "voroshilov" not in subjects  # unconfirmed QID
    assert PERSON + "tukhachevskii" not in subjects  # sssom:NoTermFound
    assert ORG + "rvsr" not in subjects  # unconfirmed, same item as rvs


def test_output_is_byte_identical_whatever_the_row_order() -> None:
    links = load_mappings(MINI).links
    forward = serialize(emit_links(links), format=RdfFormat.N_QUADS)
    backward = serialize(emit_links(reversed(links)), format=RdfFormat.N_QUADS)
    assert forward == backward


def test_linkset_counts_per_predicate() -> None:
    assert linkset_counts(load_mappings(MINI).links) == {
        OWL_SAME_AS: 2,
        SKOS_CLOSE: 1,
        SKOS_EXACT: 1,
    }


def test_report_counts_confirmed_unconfirmed_and_not_found_per_kind() -> None:
    report = links_report(load_mappings(MINI).links)
    assert report["mappings"] == 7
    assert report["published"] == 4
    assert report["by_kind"] == {
        "org": {"confirmed": 2, "unconfirmed": 1, "no_item_found": 0},
        "person": {"confirmed": 2, "unconfirmed": 1, "no_item_found": 1},
    }
