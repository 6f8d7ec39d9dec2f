"""The dataset description (VoID + DCAT), computed from the data: `build/void.ttl`.

Counts come from SPARQL over the union of the graphs (see `statistics.py`);
byte sizes and checksums from the dump files. No timestamps: the same data and
dumps give the same bytes.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import Store

from redarmy_kg.publish import dcat
from redarmy_kg.publish.files import write_atomically
from redarmy_kg.publish.graphs import GraphGroup, group_graphs
from redarmy_kg.publish.metadata import ReleaseInfo, load_metadata
from redarmy_kg.publish.statistics import (
    DatasetStatistics,
    as_store,
    compute_statistics,
    resource_exists,
)
from redarmy_kg.publish.triples import FORMATS, TripleSet, count_literal
from redarmy_kg.rdf.terms import DCTERMS, FOAF, OWL, RDF, SD, VOID, prefixes

VOID_FILE = "void.ttl"
DUMP_FEATURES = ("N-Quads", "TriG", "Turtle", "JSON-LD")
NOT_VOCABULARY = ("id", "wd")


def write_void(
    store_or_nquads: Store | bytes | Path,
    out_dir: Path,
    dumps: dict[str, Path],
    info: ReleaseInfo | None = None,
) -> Path:
    """Describe the dataset in `out_dir/void.ttl`; `dumps` is what `write_dumps` returned."""
    from redarmy_kg.publish.dumps import dump_files

    info = info or ReleaseInfo()
    store = as_store(store_or_nquads)
    statistics = compute_statistics(store, info.uri_space)
    examples = [
        info.iri(str(path))
        for path in load_metadata()["example_resources"]
        if resource_exists(store, info.iri(str(path)))
    ]
    turtle = void_turtle(statistics, info, dump_files(dumps), examples)
    return write_atomically(out_dir / VOID_FILE, turtle)


def void_turtle(
    statistics: DatasetStatistics, info: ReleaseInfo, files: list[Path], examples: list[str]
) -> bytes:
    out = TripleSet()
    describe_void_dataset(out, info, statistics, examples)
    dcat.describe_catalog(out, info)
    dcat.describe_dataset_terms(out, info)
    dcat.describe_service(out, info)
    for url in dcat.describe_distributions(out, info, files):
        out.add_iri(dcat.dataset_iri(info), VOID.dataDump, url)
    dcat.describe_build(out, info)
    describe_partitions(out, info, statistics)
    describe_graph_subsets(out, info, statistics.graphs)
    describe_wikidata_linksets(out, info, statistics.wikidata_links)
    return out.turtle(info.base)


def describe_void_dataset(
    out: TripleSet, info: ReleaseInfo, statistics: DatasetStatistics, examples: list[str]
) -> None:
    dataset = dcat.dataset_iri(info)
    out.add_iri(dataset, RDF.type, VOID.Dataset.value)
    out.add(dataset, VOID.triples, count_literal(statistics.triples))
    out.add(dataset, VOID.entities, count_literal(statistics.entities))
    out.add(dataset, VOID.distinctSubjects, count_literal(statistics.distinct_subjects))
    out.add(dataset, VOID.distinctObjects, count_literal(statistics.distinct_objects))
    out.add(dataset, VOID.classes, count_literal(len(statistics.classes)))
    out.add(dataset, VOID.properties, count_literal(len(statistics.properties)))
    out.add_iri(dataset, VOID.sparqlEndpoint, info.sparql_endpoint)
    out.add(dataset, VOID.uriSpace, info.uri_space)
    out.add_iri(dataset, FOAF.homepage, info.base)
    root = info.iri(str(load_metadata()["root_resource"]))
    if root in examples:
        out.add_iri(dataset, VOID.rootResource, root)
    for example in examples:
        out.add_iri(dataset, VOID.exampleResource, example)
    for feature in DUMP_FEATURES:
        out.add_iri(dataset, VOID.feature, FORMATS[feature].value)
    for namespace in vocabularies([*statistics.classes, *statistics.properties]):
        out.add_iri(dataset, VOID.vocabulary, namespace)


def describe_partitions(out: TripleSet, info: ReleaseInfo, statistics: DatasetStatistics) -> None:
    dataset = dcat.dataset_iri(info)
    class_slugs = unique_slugs(statistics.classes)
    for class_iri, entities in statistics.classes.items():
        partition = info.iri("dataset/class/" + class_slugs[class_iri])
        out.add_iri(dataset, VOID.classPartition, partition)
        out.add_iri(partition, VOID["class"], class_iri)
        out.add(partition, VOID.entities, count_literal(entities))
    property_slugs = unique_slugs(statistics.properties)
    for property_iri, triples in statistics.properties.items():
        partition = info.iri("dataset/property/" + property_slugs[property_iri])
        out.add_iri(dataset, VOID.propertyPartition, partition)
        out.add_iri(partition, VOID.property, property_iri)
        out.add(partition, VOID.triples, count_literal(triples))


def describe_graph_subsets(out: TripleSet, info: ReleaseInfo, graphs: dict[str, int]) -> None:
    """One void:subset per layer graph; a family of per-claim graphs is summed into one."""
    for group in group_graphs(list(graphs), info.base):
        subset = info.iri("dataset/graph/" + group.key)
        out.add_iri(dcat.dataset_iri(info), VOID.subset, subset)
        out.add_iri(subset, RDF.type, VOID.Dataset.value)
        triples = sum(graphs[iri] for iri in group.graph_iris)
        out.add(subset, VOID.triples, count_literal(triples))
        if group.is_family:
            count = len(group.graph_iris)
            out.add(subset, DCTERMS.title, f"{count} named graphs {group.family_prefix}...")
            out.add(subset, DCTERMS.description, family_description(group))
        else:
            out.add_iri(subset, RDF.type, SD.NamedGraph.value)
            out.add_iri(subset, SD.name, group.graph_iris[0])
            out.add(subset, DCTERMS.title, f"named graph {group.key}")


def family_description(group: GraphGroup) -> str:
    return (
        f"{len(group.graph_iris)} named graphs whose IRIs start with {group.family_prefix}"
        f" (one per {group.member_noun}); void:triples sums their sizes."
    )


def describe_wikidata_linksets(
    out: TripleSet, info: ReleaseInfo, links: dict[str, int]
) -> None:
    """One void:Linkset per link predicate into Wikidata (owl:sameAs always, with its count)."""
    wikidata = describe_wikidata(out, info)
    counts = {OWL.sameAs.value: 0, **links}
    for predicate, triples in sorted(counts.items()):
        linkset = info.iri("dataset/links/wikidata-" + partition_slug(predicate))
        out.add_iri(dcat.dataset_iri(info), VOID.subset, linkset)
        out.add_iri(linkset, RDF.type, VOID.Linkset.value)
        out.add_iri(linkset, VOID.linkPredicate, predicate)
        out.add_iri(linkset, VOID.subjectsTarget, dcat.dataset_iri(info))
        out.add_iri(linkset, VOID.objectsTarget, wikidata)
        out.add(linkset, VOID.triples, count_literal(triples))


def describe_wikidata(out: TripleSet, info: ReleaseInfo) -> str:
    metadata = load_metadata()["wikidata"]
    wikidata = info.iri("dataset/wikidata")
    out.add_iri(wikidata, RDF.type, VOID.Dataset.value)
    out.add(wikidata, DCTERMS.title, str(metadata["title"]))
    out.add_iri(wikidata, FOAF.homepage, str(metadata["homepage"]))
    out.add_iri(wikidata, VOID.sparqlEndpoint, str(metadata["sparql_endpoint"]))
    out.add(wikidata, VOID.uriSpace, str(metadata["uri_space"]))
    return wikidata


def vocabularies(term_iris: list[str]) -> list[str]:
    """The namespace of every class and property used (known prefixes first, else split)."""
    known = sorted(
        (uri for prefix, uri in prefixes().items() if prefix not in NOT_VOCABULARY),
        key=len,
        reverse=True,
    )
    found = set()
    for term in term_iris:
        namespace = next((uri for uri in known if term.startswith(uri)), None)
        found.add(namespace or split_namespace(term))
    return sorted(found)


def split_namespace(term_iri: str) -> str:
    cut = max(term_iri.rfind("#"), term_iri.rfind("/"))
    return term_iri[: cut + 1]


def partition_slug(term_iri: str) -> str:
    """`http://purl.org/spar/doco/Paragraph` -> `doco-Paragraph` (readable and stable)."""
    for prefix, uri in sorted(prefixes().items(), key=lambda item: -len(item[1])):
        if term_iri.startswith(uri) and len(term_iri) > len(uri):
            return prefix + "-" + _safe(term_iri[len(uri) :])
    return _safe(term_iri.split("://", 1)[-1])


def unique_slugs(term_iris: Iterable[str]) -> dict[str, str]:
    """A slug per IRI; IRIs whose slugs collide get a short hash of the IRI appended."""
    slugs = {term: partition_slug(term) for term in term_iris}
    taken = Counter(slugs.values())
    return {
        term: slug if taken[slug] == 1 else f"{slug}-{hashlib.sha1(term.encode()).hexdigest()[:8]}"
        for term, slug in slugs.items()
    }


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-")
