"""VoID/DCAT: counts equal counts computed independently (rdflib SPARQL over the
dumps), byte sizes and checksums match the files, output is deterministic."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import rdflib
from pyoxigraph import RdfFormat, parse
from rdflib import URIRef
from rdflib.namespace import OWL

from redarmy_kg.dataset import RdfDataset
from redarmy_kg.publish.dumps import write_dumps
from redarmy_kg.publish.metadata import ReleaseInfo
from redarmy_kg.publish.void import write_void

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "publish" / "sample.trig"
BASE = "https://w3id.org/redarmy-kg/"
DATASET = URIRef(BASE + "dataset")
INFO = ReleaseInfo(version="9.9.9", corpus_sha256="0f" * 32, base=BASE)
SPDX = rdflib.Namespace("http://spdx.org/rdf/terms#")
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
VOID = rdflib.Namespace("http://rdfs.org/ns/void#")


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Path], Path]:
    dataset = RdfDataset()
    dataset.add(parse(path=str(SAMPLE), format=RdfFormat.TRIG))
    out = tmp_path_factory.mktemp("release")
    dumps = write_dumps(dataset, out)
    return dumps, write_void(dumps["nq"].read_bytes(), out, dumps, INFO)


@pytest.fixture(scope="module")
def void(release: tuple[dict[str, Path], Path]) -> rdflib.Graph:
    return rdflib.Graph().parse(release[1], format="turtle")


@pytest.fixture(scope="module")
def union(release: tuple[dict[str, Path], Path]) -> rdflib.Graph:
    return rdflib.Graph().parse(release[0]["ttl"], format="turtle")


def number(graph: rdflib.Graph, subject: URIRef, predicate: URIRef) -> int:
    values = list(graph.objects(subject, predicate))
    assert len(values) == 1, f"{subject} {predicate}: {values}"
    return int(values[0])


def sparql_count(graph: rdflib.Graph, query: str) -> int:
    return int(next(iter(graph.query(query)))[0])


def test_totals_equal_sparql_counts_over_the_union_dump(
    void: rdflib.Graph, union: rdflib.Graph
) -> None:
    expected = {
        VOID.triples: "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
        VOID.distinctSubjects: "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }",
        VOID.distinctObjects: "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?s ?p ?o }",
        VOID.entities: f"""SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s ?p ?o
            FILTER(STRSTARTS(STR(?s), "{BASE}id/")) }}""",
    }
    for predicate, query in expected.items():
        assert number(void, DATASET, predicate) == sparql_count(union, query), predicate
    assert number(void, DATASET, VOID.triples) == len(union)


def test_class_partitions_equal_instance_counts(void: rdflib.Graph, union: rdflib.Graph) -> None:
    expected = {
        row[0]: int(row[1])
        for row in union.query("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) { ?s a ?c } GROUP BY ?c")
    }
    found = {
        void.value(partition, VOID["class"]): number(void, partition, VOID.entities)
        for partition in void.objects(DATASET, VOID.classPartition)
    }
    assert found == expected
    assert found[URIRef("http://xmlns.com/foaf/0.1/Person")] == 2


def test_property_partitions_equal_triple_counts(void: rdflib.Graph, union: rdflib.Graph) -> None:
    expected = {
        row[0]: int(row[1])
        for row in union.query("SELECT ?p (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?p")
    }
    found = {
        void.value(partition, VOID.property): number(void, partition, VOID.triples)
        for partition in void.objects(DATASET, VOID.propertyPartition)
    }
    assert found == expected


# rdflib's own N-Quads parser uses its deprecated Dataset.default_context.
@pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")
def test_graph_subsets_equal_graph_sizes(
    void: rdflib.Graph, release: tuple[dict[str, Path], Path]
) -> None:
    store = rdflib.Dataset()
    store.parse(release[0]["nq"], format="nquads")
    sizes = {str(g.identifier): len(g) for g in store.graphs() if len(g)}
    subset = URIRef(BASE + "dataset/graph/entities")
    assert number(void, subset, VOID.triples) == sizes[BASE + "graph/entities"]
    claims = URIRef(BASE + "dataset/graph/claims")
    claim_sizes = [n for name, n in sizes.items() if name.startswith(BASE + "graph/claims/")]
    assert len(claim_sizes) == 2
    assert number(void, claims, VOID.triples) == sum(claim_sizes)


def test_wikidata_linkset_counts_the_sameas_links(void: rdflib.Graph, union: rdflib.Graph) -> None:
    linksets = [
        ls for ls in void.subjects(VOID.linkPredicate, OWL.sameAs) if (ls, None, None) in void
    ]
    assert len(linksets) == 1
    expected = sparql_count(
        union,
        """SELECT (COUNT(*) AS ?n) WHERE { ?s <http://www.w3.org/2002/07/owl#sameAs> ?o
           FILTER(STRSTARTS(STR(?o), "http://www.wikidata.org/entity/")) }""",
    )
    assert number(void, linksets[0], VOID.triples) == expected == 1
    assert void.value(void.value(linksets[0], VOID.objectsTarget), VOID.uriSpace) is not None


def test_distributions_give_true_byte_sizes_and_checksums(
    void: rdflib.Graph, release: tuple[dict[str, Path], Path]
) -> None:
    dumps = release[0]
    distributions = list(void.objects(DATASET, DCAT.distribution))
    assert len(distributions) == 8
    for distribution in distributions:
        url = str(void.value(distribution, DCAT.downloadURL))
        path = dumps["nq"].parent / url.rsplit("/", 1)[1]
        assert number(void, distribution, DCAT.byteSize) == path.stat().st_size
        checksum = void.value(distribution, SPDX.checksum)
        digest = str(void.value(checksum, SPDX.checksumValue))
        assert digest == hashlib.sha256(path.read_bytes()).hexdigest()
        assert (DATASET, VOID.dataDump, URIRef(url)) in void
        assert void.value(distribution, DCAT.mediaType) is not None


def test_endpoint_licence_rights_citation_and_build(void: rdflib.Graph) -> None:
    assert (DATASET, VOID.sparqlEndpoint, URIRef(BASE + "sparql")) in void
    service = void.value(predicate=DCAT.servesDataset, object=DATASET)
    assert void.value(service, DCAT.endpointURL) == URIRef(BASE + "sparql")
    license_iri = URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert (DATASET, DCTERMS.license, license_iri) in void
    rights = str(void.value(DATASET, DCTERMS.rights))
    assert "University of Leeds" in rights and "copyright" in rights
    assert "9.9.9" in str(void.value(DATASET, DCTERMS.bibliographicCitation))
    activity = void.value(DATASET, PROV.wasGeneratedBy)
    corpus = void.value(activity, PROV.used)
    assert str(void.value(void.value(corpus, SPDX.checksum), SPDX.checksumValue)) == "0f" * 32
    assert (DATASET, VOID.exampleResource, URIRef(BASE + "id/person/tukhachevskii")) in void
    assert (DATASET, VOID.uriSpace, rdflib.Literal(BASE + "id/")) in void
    vocabularies = set(void.objects(DATASET, VOID.vocabulary))
    assert URIRef("http://purl.org/spar/doco/") in vocabularies
    assert URIRef("https://w3id.org/redarmy-kg/ontology#") in vocabularies


def test_no_blank_nodes_and_same_bytes_twice(release: tuple[dict[str, Path], Path]) -> None:
    dumps, void_path = release
    graph = rdflib.Graph().parse(void_path, format="turtle")
    assert not any(isinstance(term, rdflib.BNode) for triple in graph for term in triple)
    first = void_path.read_bytes()
    again = write_void(dumps["nq"], void_path.parent, dumps, INFO).read_bytes()
    assert again == first


def test_per_claim_graphs_form_one_family_wherever_they_are_named() -> None:
    from redarmy_kg.publish.graphs import group_graphs

    graphs = [
        BASE + "graph/structure",
        BASE + "graph/entities",
        BASE + "id/claim/ch1-p1-s1-1",
        BASE + "id/claim/ch5-p2-s3-1",
        BASE + "graph/claims/intro-p3-s1",
    ]
    groups = {group.key: group for group in group_graphs(graphs, BASE)}
    assert sorted(groups) == ["claims-intro-p3-s1", "entities", "id-claim", "structure"]
    assert groups["id-claim"].is_family and len(groups["id-claim"].graph_iris) == 2
    assert groups["id-claim"].member_noun == "claim"
    assert not groups["claims-intro-p3-s1"].is_family, "a lone graph is reported on its own"
    assert groups["entities"].graph_iris == (BASE + "graph/entities",)
