"""OWL consistency of the ontology, and of the ontology with the data, by HermiT.

owlready2 runs HermiT in Java. The data check loads the reasoning-relevant
part of the dataset: class assertions, and object property assertions for the
properties the ontology declares as object properties (literals and
annotations carry no OWL axioms here; their form is checked by the shapes).
Without Java the check is skipped, and the report says so.
"""

from __future__ import annotations

import contextlib
import io
import resource
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph
import rdflib
from pyoxigraph import NamedNode
from rdflib import OWL, RDF, URIRef

from redarmy_kg.validate import resources

Triple = tuple[rdflib.term.Node, rdflib.term.Node, rdflib.term.Node]


@dataclass
class OwlReport:
    checked: str  # "ontology" or "ontology+data"
    consistent: bool | None  # None: not checked
    skipped_reason: str = ""
    unsatisfiable_classes: list[str] = field(default_factory=list)
    individuals: int = 0
    assertions: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # this process and the Java reasoner it ran
    detail: str = ""

    def summary_line(self) -> str:
        if self.consistent is None:
            return f"OWL ({self.checked}): SKIPPED - {self.skipped_reason}"
        verdict = "consistent" if self.consistent else "INCONSISTENT"
        line = (
            f"OWL ({self.checked}, HermiT): {verdict} "
            f"({self.seconds:.1f}s wall, {self.cpu_seconds:.1f}s CPU)"
        )
        if self.individuals:
            line += f" ({self.individuals} individuals, {self.assertions} assertions)"
        if self.unsatisfiable_classes:
            line += "; unsatisfiable: " + ", ".join(self.unsatisfiable_classes)
        if self.detail and not self.consistent:
            line += f"; {self.detail}"
        return line


def cpu_time_with_children() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def java_missing_reason() -> str:
    if shutil.which("java") is None:
        return "no 'java' on PATH: HermiT (owlready2's reasoner) needs Java 11+; install a JRE"
    return ""


def object_properties(ontology: rdflib.Graph) -> set[rdflib.term.Node]:
    kinds = (OWL.ObjectProperty, OWL.SymmetricProperty, OWL.TransitiveProperty)
    return {prop for kind in kinds for prop in ontology.subjects(RDF.type, kind)}


def iri_triples_from_nquads(nquads: bytes) -> Iterator[tuple[URIRef, URIRef, URIRef]]:
    """The union's triples whose subject and object are both IRIs (rdflib terms)."""
    for quad in pyoxigraph.parse(nquads, format=pyoxigraph.RdfFormat.N_QUADS):
        if isinstance(quad.subject, NamedNode) and isinstance(quad.object, NamedNode):
            yield (
                URIRef(quad.subject.value),
                URIRef(quad.predicate.value),
                URIRef(quad.object.value),
            )


def reasoning_subset(
    data: Iterable[Triple],
    ontology: rdflib.Graph,
) -> tuple[rdflib.Graph, int]:
    """Class assertions and declared object property assertions between IRIs."""
    declared_classes = set(ontology.subjects(RDF.type, OWL.Class))
    properties = object_properties(ontology)
    subset = rdflib.Graph()
    individuals: set[rdflib.term.Node] = set()
    for s, p, o in data:
        if not isinstance(s, rdflib.URIRef) or not isinstance(o, rdflib.URIRef):
            continue
        if (p == RDF.type and o in declared_classes) or p in properties:
            subset.add((s, p, o))
            individuals.add(s)
            if p != RDF.type:
                individuals.add(o)
    for individual in individuals:
        subset.add((individual, RDF.type, OWL.NamedIndividual))
    return subset, len(individuals)


def run_hermit(graph: rdflib.Graph) -> tuple[bool, list[str], str]:
    """(consistent, unsatisfiable class IRIs, reasoner output on failure)."""
    import owlready2

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "check.nt"
        path.write_bytes(graph.serialize(format="nt", encoding="utf-8"))
        world = owlready2.World()
        try:
            with contextlib.redirect_stderr(io.StringIO()):
                ontology = world.get_ontology(path.as_uri()).load()
                with ontology:
                    owlready2.sync_reasoner_hermit(
                        world,
                        infer_property_values=False,
                        debug=0,
                        ignore_unsupported_datatypes=True,
                    )
            unsatisfiable = sorted(
                cls.iri for cls in world.inconsistent_classes() if cls.iri != str(OWL.Nothing)
            )
        except owlready2.OwlReadyInconsistentOntologyError:
            return False, [], "the reasoner found a contradiction (owl:Nothing has a member)"
        finally:
            world.close()
    return not unsatisfiable, unsatisfiable, ""


def check(
    ontology: rdflib.Graph,
    data: Iterable[Triple] | None,
) -> OwlReport:
    checked = "ontology" if data is None else "ontology+data"
    reason = java_missing_reason()
    if reason:
        return OwlReport(checked=checked, consistent=None, skipped_reason=reason)
    started, cpu_started = time.perf_counter(), cpu_time_with_children()
    graph = rdflib.Graph()
    for triple in ontology:
        graph.add(triple)
    individuals = 0
    assertions = 0
    if data is not None:
        subset, individuals = reasoning_subset(data, ontology)
        assertions = len(subset)
        for triple in subset:
            graph.add(triple)
    consistent, unsatisfiable, detail = run_hermit(graph)
    return OwlReport(
        checked=checked,
        consistent=consistent,
        unsatisfiable_classes=unsatisfiable,
        individuals=individuals,
        assertions=assertions,
        seconds=time.perf_counter() - started,
        cpu_seconds=cpu_time_with_children() - cpu_started,
        detail=detail,
    )


def check_ontology() -> OwlReport:
    return check(resources.ontology_graph(), None)


def check_data(data: Iterable[Triple]) -> OwlReport:
    """`data`: the triples of the union of the dataset's graphs."""
    return check(resources.ontology_graph(), data)


def check_nquads(nquads: bytes) -> OwlReport:
    return check_data(iri_triples_from_nquads(nquads))
