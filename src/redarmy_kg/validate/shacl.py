"""The reference engine: pySHACL on the union of all named graphs.

pySHACL validates the union when given an rdflib Dataset (claims refer to
entities in other graphs); the ontology is its ontology graph, mixed into the
data so that sh:targetClass reaches subclasses. No RDFS/OWL inference is run:
the shapes state what the emitters must write explicitly.
"""

from __future__ import annotations

import time

import pyshacl
import rdflib
from rdflib import RDF

from redarmy_kg.errors import BadInput
from redarmy_kg.validate import resources
from redarmy_kg.validate.compile import compile_path
from redarmy_kg.validate.model import SH, ValidationReport, ValidationResult
from redarmy_kg.validate.report_graph import report_turtle

SHACL = rdflib.Namespace(SH)


def dataset_from_nquads(nquads: bytes) -> rdflib.Dataset:
    dataset = rdflib.Dataset()
    try:
        dataset.parse(data=nquads, format="nquads")
    except Exception as error:  # rdflib's parser raises several exception types
        raise BadInput(f"the dataset does not parse as N-Quads: {error}") from error
    return dataset


def local_name(iri: rdflib.term.Node) -> str:
    return str(iri).rsplit("#", 1)[-1]


def results_from_report(report: rdflib.Graph, shapes: rdflib.Graph) -> list[ValidationResult]:
    results = []
    for node in report.subjects(RDF.type, SHACL.ValidationResult):
        shape = report.value(node, SHACL.sourceShape)
        path = shapes.value(shape, SHACL.path)
        value = report.value(node, SHACL.value)
        results.append(
            ValidationResult(
                shape=str(shape),
                component=local_name(report.value(node, SHACL.sourceConstraintComponent)),
                focus=report.value(node, SHACL.focusNode).n3(),
                value=value.n3() if value is not None else None,
                path=compile_path(shapes, path) if path is not None else None,
                message=str(report.value(node, SHACL.resultMessage) or ""),
                severity=local_name(report.value(node, SHACL.resultSeverity)),
            )
        )
    return sorted(results)


def validate_dataset(dataset: rdflib.Dataset) -> ValidationReport:
    started = time.perf_counter()
    shapes = resources.shapes_graph()
    conforms, report_graph, _ = pyshacl.validate(
        data_graph=dataset,
        shacl_graph=shapes,
        ont_graph=resources.ontology_graph(),
        inference="none",
        advanced=False,
        abort_on_first=False,
        allow_warnings=False,
    )
    results = results_from_report(report_graph, shapes)
    return ValidationReport(
        engine="shacl",
        conforms=bool(conforms),
        results=results,
        seconds=time.perf_counter() - started,
        report_turtle=report_turtle(bool(conforms), results),
    )


def validate_nquads(nquads: bytes) -> ValidationReport:
    """Check an N-Quads dataset; `seconds` includes parsing it with rdflib."""
    started = time.perf_counter()
    report = validate_dataset(dataset_from_nquads(nquads))
    report.seconds = time.perf_counter() - started
    return report
