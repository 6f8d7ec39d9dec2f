"""Published Wikidata links as quads of the `entities` graph, and their counts.

Only confirmed mappings become triples: a wrong `owl:sameAs` would merge two
different people for every consumer of the graph, so an unconfirmed QID stays
in the mapping file and out of the data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import NamedNode, Quad

from redarmy_kg.links.sssom import MAPPINGS_FILE, WikidataLink, load_mappings
from redarmy_kg.rdf.terms import graph

ENTITIES_GRAPH = "entities"


def emit_links(links: Iterable[WikidataLink]) -> list[Quad]:
    """One quad per confirmed link, sorted by subject so dumps are byte-identical."""
    target = graph(ENTITIES_GRAPH)
    quads = [
        Quad(
            NamedNode(link.subject_iri),
            NamedNode(link.predicate_iri),
            NamedNode(link.object_iri),
            target,
        )
        for link in links
        if link.published and link.object_iri is not None
    ]
    return sorted(quads, key=lambda quad: (quad.subject.value, quad.predicate.value))


def linkset_counts(links: Iterable[WikidataLink]) -> dict[str, int]:
    """Published links per predicate IRI: the `void:triples` of one `void:Linkset` each."""
    counts = Counter(link.predicate_iri for link in links if link.published)
    return dict(sorted(counts.items()))


def links_report(links: Iterable[WikidataLink]) -> dict[str, object]:
    """Counts for `report.json`: confirmed vs unconfirmed, per kind, and per predicate."""
    rows = list(links)
    by_kind: dict[str, dict[str, int]] = {}
    for link in rows:
        kind_counts = by_kind.setdefault(
            link.subject_kind, {"confirmed": 0, "unconfirmed": 0, "no_item_found": 0}
        )
        if link.qid is None:
            kind_counts["no_item_found"] += 1
        else:
            kind_counts[link.status] += 1
    return {
        "mappings": len(rows),
        "published": sum(1 for link in rows if link.published),
        "by_kind": dict(sorted(by_kind.items())),
        "linksets": linkset_counts(rows),
    }


def build_links(mappings_dir: Path) -> tuple[list[Quad], dict[str, object]]:
    """The pipeline's entry point: load `wikidata.sssom.tsv`, emit its quads and counts."""
    mapping_set = load_mappings(mappings_dir / MAPPINGS_FILE)
    return emit_links(mapping_set.links), links_report(mapping_set.links)
