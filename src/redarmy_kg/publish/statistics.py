"""Counts that describe the dataset, computed with SPARQL over a pyoxigraph store.

Every query runs over the union of the named graphs (oxigraph's union default
graph repeats a triple once per graph that holds it, hence the DISTINCTs),
except the per-graph counts, which use `GRAPH ?g`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import NamedNode, QuerySolutions, RdfFormat, Store

from redarmy_kg.rdf.terms import WD

WIKIDATA_ENTITY = WD.uri

DISTINCT_SUBJECTS = "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }"
DISTINCT_OBJECTS = "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?s ?p ?o }"
ENTITIES = """SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {
  ?s ?p ?o FILTER(isIRI(?s) && STRSTARTS(STR(?s), "%s")) }"""
CLASSES = "SELECT ?key (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?key } GROUP BY ?key"
PROPERTIES = """SELECT ?key (COUNT(*) AS ?n) WHERE {
  SELECT DISTINCT ?s ?key ?o WHERE { ?s ?key ?o } } GROUP BY ?key"""
GRAPHS = "SELECT ?key (COUNT(*) AS ?n) WHERE { GRAPH ?key { ?s ?p ?o } } GROUP BY ?key"
LINKS = """SELECT ?key (COUNT(*) AS ?n) WHERE {
  SELECT DISTINCT ?s ?key ?o WHERE {
    ?s ?key ?o FILTER(isIRI(?o) && STRSTARTS(STR(?o), "%s")) } } GROUP BY ?key"""
EXISTS = "ASK WHERE { { <%s> ?p ?o } UNION { ?s ?p <%s> } }"


@dataclass(frozen=True)
class DatasetStatistics:
    """What VoID says about the data: totals, partitions and per-graph sizes."""

    triples: int
    entities: int
    distinct_subjects: int
    distinct_objects: int
    classes: dict[str, int] = field(default_factory=dict)
    properties: dict[str, int] = field(default_factory=dict)
    graphs: dict[str, int] = field(default_factory=dict)
    wikidata_links: dict[str, int] = field(default_factory=dict)


def as_store(store_or_nquads: Store | bytes | Path) -> Store:
    """A store to query: the one given, or an in-memory one loaded from N-Quads."""
    if isinstance(store_or_nquads, Store):
        return store_or_nquads
    store = Store()
    if isinstance(store_or_nquads, Path):
        store.bulk_load(path=str(store_or_nquads), format=RdfFormat.N_QUADS)
    else:
        store.bulk_load(store_or_nquads, format=RdfFormat.N_QUADS)
    return store


def compute_statistics(store: Store, uri_space: str) -> DatasetStatistics:
    # Every predicate is an IRI, so the distinct triples are partitioned by their
    # predicate: the property partitions sum to the total (one scan fewer).
    properties = counts_by_iri(store, PROPERTIES)
    return DatasetStatistics(
        triples=sum(properties.values()),
        entities=count(store, ENTITIES % uri_space),
        distinct_subjects=count(store, DISTINCT_SUBJECTS),
        distinct_objects=count(store, DISTINCT_OBJECTS),
        classes=counts_by_iri(store, CLASSES),
        properties=properties,
        graphs=counts_by_iri(store, GRAPHS),
        wikidata_links=counts_by_iri(store, LINKS % WIKIDATA_ENTITY),
    )


def resource_exists(store: Store, iri: str) -> bool:
    return bool(store.query(EXISTS % (iri, iri), use_default_graph_as_union=True))


def count(store: Store, query: str) -> int:
    solutions = _select(store, query)
    return sum(int(solution["n"].value) for solution in solutions)


def counts_by_iri(store: Store, query: str) -> dict[str, int]:
    """`?key ?n` rows -> {IRI: n}, sorted by IRI; non-IRI keys are left out."""
    rows = {
        solution["key"].value: int(solution["n"].value)
        for solution in _select(store, query)
        if isinstance(solution["key"], NamedNode)
    }
    return dict(sorted(rows.items()))


def _select(store: Store, query: str) -> QuerySolutions:
    result = store.query(query, use_default_graph_as_union=True)
    if not isinstance(result, QuerySolutions):
        raise TypeError(f"expected SELECT results for {query!r}")
    return result
