"""The SHACL-to-SPARQL translation, on small ad-hoc shapes beyond the ones the
shapes file uses today: the two engines must report the same results."""

from __future__ import annotations

from collections import Counter

import pyoxigraph
import pyshacl
import pytest
import rdflib

from redarmy_kg.validate.compile import UnsupportedShape, compile_shapes
from redarmy_kg.validate.shacl import results_from_report

PREFIXES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""

DATA = (
    PREFIXES
    + """
ex:Child rdfs:subClassOf ex:Thing .
ex:a a ex:Thing ; ex:part ex:p1 , ex:p2 ; ex:name "Alpha" ; ex:parent ex:b .
ex:b a ex:Child ; ex:part ex:p3 ; ex:name "beta" .
ex:c a ex:Thing ; ex:name "Gamma" , "G7" , "Z" .
ex:p1 a ex:Wheel .
ex:p2 a ex:Wheel .
ex:p3 a ex:Door .
"""
)

SHAPES = {
    "qualified counts": """
ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:property ex:S-wheels .
ex:S-wheels a sh:PropertyShape ; sh:path ex:part ;
    sh:qualifiedValueShape [ sh:class ex:Wheel ] ; sh:qualifiedMinCount 1 ; sh:qualifiedMaxCount 1 .
""",
    "inverse path": """
ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:property ex:S-children .
ex:S-children a sh:PropertyShape ; sh:path [ sh:inversePath ex:parent ] ; sh:minCount 1 .
""",
    "zero-or-more path": """
ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:property ex:S-up .
ex:S-up a sh:PropertyShape ; sh:path [ sh:zeroOrMorePath ex:parent ] ; sh:maxCount 1 .
""",
    "pattern with flags": """
ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:property ex:S-name .
ex:S-name a sh:PropertyShape ; sh:path ex:name ; sh:pattern "^[a-z]+$" ; sh:flags "i" .
""",
    "node-level class and not": """
ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:part ; sh:not [ sh:class ex:Child ] .
""",
    "minimum length and in": """
ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:property ex:S-name .
ex:S-name a sh:PropertyShape ; sh:path ex:name ; sh:minLength 2 ; sh:in ( "Alpha" "beta" ) .
""",
}


def pyshacl_counts(shapes: rdflib.Graph) -> Counter[tuple[str, str]]:
    data = rdflib.Graph().parse(data=DATA, format="turtle")
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    return Counter(result.key for result in results_from_report(report, shapes))


def sparql_counts(shapes: rdflib.Graph) -> Counter[tuple[str, str]]:
    store = pyoxigraph.Store()
    store.load(DATA.encode(), format=pyoxigraph.RdfFormat.TURTLE)
    counts: Counter[tuple[str, str]] = Counter()
    for check in compile_shapes(shapes):
        rows = list(store.query(check.query))
        counts[(check.shape, check.component)] += len(rows)
    return +counts


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_engines_agree_on_ad_hoc_shapes(name: str) -> None:
    shapes = rdflib.Graph().parse(data=PREFIXES + SHAPES[name], format="turtle")
    expected = pyshacl_counts(shapes)
    assert expected, "the ad-hoc shape should find something in the data"
    assert sparql_counts(shapes) == expected


def test_unsupported_constraint_is_refused() -> None:
    shapes = rdflib.Graph().parse(
        data=PREFIXES + "ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:closed true .",
        format="turtle",
    )
    with pytest.raises(UnsupportedShape):
        compile_shapes(shapes)


def test_blank_property_shape_is_refused() -> None:
    shapes = rdflib.Graph().parse(
        data=PREFIXES
        + "ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:property [ sh:path ex:name ] .",
        format="turtle",
    )
    with pytest.raises(UnsupportedShape):
        compile_shapes(shapes)
