"""A SHACL validation report graph (sh:ValidationReport) as deterministic Turtle."""

from __future__ import annotations

from collections.abc import Sequence

from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Triple, parse, serialize

from redarmy_kg.validate.model import SH, ValidationReport, ValidationResult, split_by_severity

RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD_BOOLEAN = NamedNode("http://www.w3.org/2001/XMLSchema#boolean")
PREFIXES = {
    "sh": SH,
    "rkgsh": "https://w3id.org/redarmy-kg/shapes#",
    "rkg": "https://w3id.org/redarmy-kg/ontology#",
    "id": "https://w3id.org/redarmy-kg/id/",
}


def sh(name: str) -> NamedNode:
    return NamedNode(SH + name)


def ntriples_term(text: str) -> NamedNode | BlankNode | Literal:
    """Read back a term written in N-Triples form (as results store them)."""
    triple = next(iter(parse(f"<urn:s> <urn:p> {text} .", format=RdfFormat.N_TRIPLES)))
    return triple.object


def result_triples(node: BlankNode, result: ValidationResult) -> list[Triple]:
    triples = [
        Triple(node, RDF_TYPE, sh("ValidationResult")),
        Triple(node, sh("resultSeverity"), sh(result.severity)),
        Triple(node, sh("sourceShape"), NamedNode(result.shape)),
        Triple(node, sh("sourceConstraintComponent"), sh(result.component)),
        Triple(node, sh("focusNode"), ntriples_term(result.focus)),
        Triple(node, sh("resultMessage"), Literal(result.message)),
    ]
    if result.value is not None:
        triples.append(Triple(node, sh("value"), ntriples_term(result.value)))
    return triples


def report_turtle(conforms: bool, results: Sequence[ValidationResult]) -> bytes:
    """The report, results in sorted order with numbered blank nodes: byte-stable."""
    report = BlankNode("report")
    triples = [
        Triple(report, RDF_TYPE, sh("ValidationReport")),
        Triple(report, sh("conforms"), Literal(str(conforms).lower(), datatype=XSD_BOOLEAN)),
    ]
    for number, result in enumerate(sorted(results), start=1):
        node = BlankNode(f"r{number}")
        triples.append(Triple(report, sh("result"), node))
        triples.extend(result_triples(node, result))
    return serialize(triples, format=RdfFormat.TURTLE, prefixes=PREFIXES)


def engine_report(engine: str, results: list[ValidationResult], seconds: float) -> ValidationReport:
    """One engine's outcome: violations decide conformance, warnings are only reported."""
    violations, warnings = split_by_severity(results)
    return ValidationReport(
        engine=engine,
        conforms=not violations,
        results=violations,
        warnings=warnings,
        seconds=seconds,
        report_turtle=report_turtle(not violations, results),
    )
