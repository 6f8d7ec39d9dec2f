"""Publication of the real build: a second build in another process gives the same
bytes, the VoID counts match counts taken independently from the dumps, and the
dumps load into rdflib and pyoxigraph without a warning."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
import rdflib
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store, parse

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGER_DERIVED = {
    XSD + name
    for name in ("nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
                 "negativeInteger", "long", "int", "short", "byte", "unsignedLong",
                 "unsignedInt", "unsignedShort", "unsignedByte")
}
DUMPS = [f"redarmy-kg.{fmt}{gz}" for fmt in ("nq", "trig", "ttl", "jsonld") for gz in ("", ".gz")]
COMPARED = [*DUMPS, "SHA256SUMS", "void.ttl"]


def test_a_second_build_in_another_process_gives_identical_files(
    build_dir: Path, tmp_path: Path
) -> None:
    env = {**os.environ, "PYTHONHASHSEED": "4242"}
    out = tmp_path / "again"
    result = subprocess.run(
        [sys.executable, "-m", "redarmy_kg", "build", "--quiet", "--out", str(out)],
        check=False, env=env, capture_output=True, text=True, timeout=1200,
    )
    assert (out / "void.ttl").exists(), result.stderr
    for name in COMPARED:
        assert (out / name).read_bytes() == (build_dir / name).read_bytes(), name


@pytest.fixture(scope="module")
def void(build_dir: Path) -> Store:
    store = Store()
    store.load(path=str(build_dir / "void.ttl"), format=RdfFormat.TURTLE)
    return store


@pytest.fixture(scope="module")
def union(build_dir: Path) -> Store:
    """The flattened Turtle dump in a plain store (its default graph, no union mode)."""
    store = Store()
    store.bulk_load(path=str(build_dir / "redarmy-kg.ttl"), format=RdfFormat.TURTLE)
    return store


def void_number(void: Store, query: str) -> dict[str, int]:
    return {
        row["key"].value: int(row["n"].value)
        for row in void.query(f"PREFIX void: <{VOID}> PREFIX dcat: <{DCAT}> {query}")
    }


def test_void_totals_equal_counts_over_the_union_dump(void: Store, union: Store) -> None:
    stated = void_number(
        void,
        """SELECT ?key ?n WHERE { ?d a dcat:Dataset ; ?key ?n
           FILTER(?key IN (void:triples, void:distinctSubjects, void:distinctObjects)) }""",
    )
    count = lambda q: int(next(union.query(q))["n"].value)  # noqa: E731
    assert stated[VOID + "triples"] == len(union)
    assert stated[VOID + "distinctSubjects"] == count(
        "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }"
    )
    assert stated[VOID + "distinctObjects"] == count(
        "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?s ?p ?o }"
    )


def test_void_partitions_equal_counts_over_the_union_dump(void: Store, union: Store) -> None:
    classes = void_number(void, "SELECT ?key ?n WHERE { ?p void:class ?key ; void:entities ?n }")
    properties = void_number(
        void, "SELECT ?key ?n WHERE { ?p void:property ?key ; void:triples ?n }"
    )
    assert classes == {
        row["c"].value: int(row["n"].value)
        for row in union.query("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) { ?s a ?c } GROUP BY ?c")
    }
    assert properties == {
        row["p"].value: int(row["n"].value)
        for row in union.query("SELECT ?p (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?p")
    }


def test_distribution_sizes_match_the_files(void: Store, build_dir: Path) -> None:
    sizes = void_number(
        void, "SELECT ?key ?n WHERE { ?d dcat:downloadURL ?key ; dcat:byteSize ?n }"
    )
    assert len(sizes) == len(DUMPS)
    for url, size in sizes.items():
        assert (build_dir / url.rsplit("/", 1)[1]).stat().st_size == size


@pytest.fixture(scope="module")
def nquads(build_dir: Path) -> set[Quad]:
    return set(parse(path=str(build_dir / "redarmy-kg.nq"), format=RdfFormat.N_QUADS))


def test_the_nquads_dump_holds_what_the_store_holds(nquads: set[Quad], built_store: Store):
    """Same quads, up to the datatype of integer literals: pyoxigraph 0.5.13 stores
    xsd:nonNegativeInteger (and the other integer-derived types) as xsd:integer."""
    assert {_integer_as_integer(q) for q in nquads} == set(built_store)


@pytest.mark.parametrize(
    ("name", "fmt", "all_graphs"),
    [
        ("redarmy-kg.trig", RdfFormat.TRIG, True),
        ("redarmy-kg.ttl", RdfFormat.TURTLE, False),
        ("redarmy-kg.jsonld", RdfFormat.JSON_LD, False),
    ],
)
def test_pyoxigraph_reads_every_dump_to_the_same_statements(
    name: str, fmt: RdfFormat, all_graphs: bool, build_dir: Path, nquads: set[Quad]
) -> None:
    """TriG holds every graph; Turtle and JSON-LD hold their union."""
    statements = set(parse(path=str(build_dir / name), format=fmt))
    if all_graphs:
        assert statements == nquads
    else:
        assert {(q.subject, q.predicate, q.object) for q in statements} == {
            (q.subject, q.predicate, q.object) for q in nquads
        }


def _integer_as_integer(quad: Quad) -> Quad:
    value = quad.object
    if isinstance(value, Literal) and value.datatype.value in INTEGER_DERIVED:
        value = Literal(value.value, datatype=NamedNode(XSD + "integer"))
    return Quad(quad.subject, quad.predicate, value, quad.graph_name)


def test_rdflib_loads_the_nquads_without_warnings_or_logged_messages(
    build_dir: Path, built_store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    with warnings.catch_warnings(record=True) as caught, caplog.at_level(logging.WARNING):
        warnings.simplefilter("always")
        dataset = rdflib.Dataset(default_union=True)
        dataset.parse(build_dir / "redarmy-kg.nq", format="nquads")
    about_data = [
        w for w in caught
        if not (issubclass(w.category, DeprecationWarning) and "rdflib" in w.filename)
    ]
    assert about_data == []
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
    graphs = {str(g.identifier) for g in dataset.graphs() if len(g)}
    ours = {q.graph_name.value for q in built_store if isinstance(q.graph_name, NamedNode)}
    assert graphs == ours
