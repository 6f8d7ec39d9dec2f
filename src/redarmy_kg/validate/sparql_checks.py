"""The fast engine: the shapes' constraints as SPARQL SELECTs on pyoxigraph.

The data is loaded into an in-memory store together with the ontology (in a
graph of its own, so that targets reach subclasses as in pySHACL, which mixes
the ontology into the data graph); every query runs on the union of all
graphs.
"""

from __future__ import annotations

import time
from functools import lru_cache

from pyoxigraph import NamedNode, QuerySolutions, RdfFormat, Store

from redarmy_kg.errors import BadInput
from redarmy_kg.validate import resources
from redarmy_kg.validate.compile import Check, compile_shapes
from redarmy_kg.validate.model import ValidationReport, ValidationResult
from redarmy_kg.validate.report_graph import engine_report

ONTOLOGY_GRAPH = NamedNode("urn:x-redarmy-kg:validation:ontology")


@lru_cache(maxsize=1)
def shape_checks() -> tuple[Check, ...]:
    return tuple(compile_shapes(resources.shapes_graph()))


def load_store(nquads: bytes) -> Store:
    """An in-memory store holding the dataset and, in a separate graph, the ontology."""
    store = Store()
    try:
        store.load(nquads, format=RdfFormat.N_QUADS)
    except SyntaxError as error:
        raise BadInput(f"the dataset does not parse as N-Quads: {error}") from error
    store.load(resources.ontology_turtle(), format=RdfFormat.TURTLE, to_graph=ONTOLOGY_GRAPH)
    return store


def run_check(store: Store, check: Check) -> list[ValidationResult]:
    solutions = store.query(check.query, use_default_graph_as_union=True)
    assert isinstance(solutions, QuerySolutions)
    has_value = "value" in [variable.value for variable in solutions.variables]
    results = []
    for row in solutions:
        value = row["value"] if has_value else None
        results.append(
            ValidationResult(
                shape=check.shape,
                component=check.component,
                focus=str(row["focus"]),
                value=str(value) if value is not None else None,
                path=check.path,
                message=check.message,
                severity=check.severity,
            )
        )
    return results


def validate_store(store: Store) -> ValidationReport:
    started = time.perf_counter()
    results: list[ValidationResult] = []
    for check in shape_checks():
        results.extend(run_check(store, check))
    return engine_report("sparql", results, time.perf_counter() - started)


def validate_nquads(nquads: bytes) -> ValidationReport:
    """Check an N-Quads dataset; the times include loading it into the store."""
    started, cpu_started = time.perf_counter(), time.process_time()
    report = validate_store(load_store(nquads))
    report.seconds = time.perf_counter() - started
    report.cpu_seconds = time.process_time() - cpu_started
    return report
