"""The real build conforms to the shapes, is OWL-consistent, and uses only terms
the ontology defines or reuses."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner

from redarmy_kg.validate import owl, shacl, sparql_checks
from redarmy_kg.validate.resources import full_ontology_graph

pytestmark = pytest.mark.e2e

RKG = "https://w3id.org/redarmy-kg/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def allowed_namespaces() -> tuple[str, ...]:
    path = Path(__file__).resolve().parents[1] / "unit" / "test_ontology_terms.py"
    spec = importlib.util.spec_from_file_location("ontology_terms", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.ALLOWED_NAMESPACES


def known(term: str, defined: set[str], allowed: tuple[str, ...]) -> bool:
    return term in defined if term.startswith(RKG) else term.startswith(allowed)


@pytest.fixture(scope="module")
def nquads(build_dir: Path) -> bytes:
    return (build_dir / "redarmy-kg.nq").read_bytes()


def test_build_gate_passed_and_wrote_the_report(full_build, build_dir: Path) -> None:
    assert full_build.report["validation"] == {"conforms": True, "violations": 0}
    report = (build_dir / "shacl-report.ttl").read_text()
    assert "sh:conforms true" in report


def test_sparql_engine_finds_the_build_conforming(nquads: bytes) -> None:
    report = sparql_checks.validate_nquads(nquads)
    assert report.conforms, [group.shape for group in report.groups()]


def test_data_uses_only_defined_or_reused_terms(nquads: bytes) -> None:
    defined = {str(s) for s in full_ontology_graph().subjects() if str(s).startswith(RKG)}
    allowed = allowed_namespaces()
    unknown: set[str] = set()
    for quad in pyoxigraph.parse(nquads, format=pyoxigraph.RdfFormat.N_QUADS):
        terms = [quad.predicate.value]
        if quad.predicate.value == RDF_TYPE and isinstance(quad.object, pyoxigraph.NamedNode):
            terms.append(quad.object.value)
        unknown |= {term for term in terms if not known(term, defined, allowed)}
    assert sorted(unknown) == []


@pytest.mark.skipif(bool(owl.java_missing_reason()), reason="Java is needed for HermiT")
@pytest.mark.slow
def test_build_is_owl_consistent(nquads: bytes) -> None:
    report = owl.check_nquads(nquads)
    assert report.consistent, report.summary_line()
    assert report.individuals > 10_000


@pytest.mark.slow
def test_pyshacl_agrees_with_the_sparql_engine_on_the_build(nquads: bytes) -> None:
    reference = shacl.validate_nquads(nquads)
    fast = sparql_checks.validate_nquads(nquads)
    assert reference.counts() == fast.counts()
    assert reference.conforms


def test_validate_command_on_the_build(build_dir: Path, tmp_path: Path) -> None:
    from redarmy_kg.cli import main

    result = CliRunner().invoke(
        main,
        [
            "validate",
            str(build_dir),
            "--engine",
            "sparql",
            "--no-owl",
            "--report-dir",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "SHACL (sparql): conforms" in result.output
    assert (tmp_path / "shacl-report.ttl").is_file()


def test_every_anchor_quotes_the_corpus_exactly(build_dir: Path, corpus_text: str) -> None:
    """What SHACL cannot see: corpus[oa:start:oa:end] == oa:exact for every anchor."""
    store = pyoxigraph.Store()
    store.load((build_dir / "redarmy-kg.nq").read_bytes(), format=pyoxigraph.RdfFormat.N_QUADS)
    query = """PREFIX oa: <http://www.w3.org/ns/oa#>
    SELECT ?start ?end ?exact WHERE {
      ?anchor oa:hasSelector ?position , ?quote .
      ?position oa:start ?start ; oa:end ?end .
      ?quote oa:exact ?exact }"""
    rows = list(store.query(query, use_default_graph_as_union=True))
    assert len(rows) > 15_000
    wrong = [
        (row["start"].value, row["exact"].value[:40])
        for row in rows
        if corpus_text[int(row["start"].value) : int(row["end"].value)] != row["exact"].value
    ]
    assert wrong == []
