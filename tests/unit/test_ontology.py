"""The ontology loads cleanly, is consistent, documents every term, and the
consistency check catches a planted contradiction."""

from __future__ import annotations

import logging

import pyoxigraph
import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, SKOS, URIRef

from redarmy_kg.validate import owl, resources

RKG = "https://w3id.org/redarmy-kg/ontology#"
ID = "https://w3id.org/redarmy-kg/id/"
GRAPH = "https://w3id.org/redarmy-kg/graph/test"
TERM_KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)

needs_java = pytest.mark.skipif(
    bool(owl.java_missing_reason()), reason=owl.java_missing_reason() or "java present"
)


def our_terms(graph: rdflib.Graph) -> list[URIRef]:
    return sorted(
        {
            subject
            for kind in TERM_KINDS
            for subject in graph.subjects(RDF.type, kind)
            if isinstance(subject, URIRef) and str(subject).startswith(RKG)
        }
    )


def test_ontology_parses_in_rdflib_without_warnings(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        graph = rdflib.Graph().parse(resources.ONTOLOGY_FILE, format="turtle")
    assert not caplog.records
    assert (URIRef(resources.ONTOLOGY_IRI), RDF.type, OWL.Ontology) in graph


def test_ontology_header_is_complete() -> None:
    graph = resources.ontology_graph()
    ontology = URIRef(resources.ONTOLOGY_IRI)
    dcterms = rdflib.Namespace("http://purl.org/dc/terms/")
    assert graph.value(ontology, OWL.versionIRI) is not None
    for prop in ("title", "description", "creator", "license", "created", "modified"):
        assert graph.value(ontology, dcterms[prop]) is not None, prop
    assert str(graph.value(ontology, dcterms.license)).startswith("https://creativecommons.org/")


def test_every_term_is_labelled_and_defined() -> None:
    graph = resources.ontology_graph()
    terms = our_terms(graph)
    assert len(terms) > 80
    for term in terms:
        assert graph.value(term, RDFS.label) is not None, f"{term} has no rdfs:label"
        definition = graph.value(term, SKOS.definition) or graph.value(term, RDFS.comment)
        assert definition is not None, f"{term} has no skos:definition or rdfs:comment"


def test_every_class_of_ours_is_aligned_to_a_reused_vocabulary() -> None:
    """Each rkg: class reaches a class outside rkg: through rdfs:subClassOf."""
    graph = resources.ontology_graph()
    for cls in graph.subjects(RDF.type, OWL.Class):
        if not str(cls).startswith(RKG):
            continue
        ancestors = set(graph.transitive_objects(cls, RDFS.subClassOf)) - {cls}
        assert any(not str(a).startswith(RKG) for a in ancestors), f"{cls} is not aligned"


def test_event_types_scheme_mirrors_the_event_classes() -> None:
    graph = resources.full_ontology_graph()
    event = URIRef(RKG + "Event")
    classes = set(graph.transitive_subjects(RDFS.subClassOf, event))
    concepts = set(graph.subjects(SKOS.inScheme, URIRef(RKG + "EventTypes")))
    assert classes == concepts
    for cls in classes - {event}:
        assert graph.value(cls, SKOS.broader) == graph.value(cls, RDFS.subClassOf), cls


def test_participant_roles_in_the_shapes_match_the_ontology() -> None:
    """The shape's list of participant properties is the ontology's sub-property tree."""
    ontology = resources.ontology_graph()
    roles = set(ontology.transitive_subjects(RDFS.subPropertyOf, URIRef(RKG + "participant")))
    shapes = resources.shapes_graph()
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    path = shapes.value(URIRef(resources.SHAPES_NS + "Event-participant"), sh.path)
    listed = set(rdflib.collection.Collection(shapes, shapes.value(path, sh.alternativePath)))
    assert listed == roles


def test_ontology_loads_in_owlready2_without_warnings(capfd: pytest.CaptureFixture[str]) -> None:
    import owlready2

    graph = resources.ontology_graph()
    world = owlready2.World()
    ontology = world.get_ontology("http://example.org/unused").load(
        fileobj=__import__("io").BytesIO(graph.serialize(format="nt", encoding="utf-8")),
        format="ntriples",
    )
    captured = capfd.readouterr()
    assert "warning" not in (captured.out + captured.err).lower()
    classes = {cls.iri for cls in ontology.classes()}
    assert RKG + "Event" in classes
    assert RKG + "Claim" in classes


@needs_java
def test_ontology_is_consistent() -> None:
    report = owl.check_ontology()
    assert report.consistent, report.summary_line()
    assert report.unsatisfiable_classes == []


def quads(*triples: tuple[str, str, str]) -> bytes:
    graph = pyoxigraph.NamedNode(GRAPH)
    return pyoxigraph.serialize(
        [
            pyoxigraph.Quad(
                pyoxigraph.NamedNode(s), pyoxigraph.NamedNode(p), pyoxigraph.NamedNode(o), graph
            )
            for s, p, o in triples
        ],
        format=pyoxigraph.RdfFormat.N_QUADS,
    )


TYPE = str(RDF.type)
PERSON = "http://xmlns.com/foaf/0.1/Person"


@needs_java
def test_consistent_data_passes() -> None:
    data = quads(
        (ID + "event/a", TYPE, RKG + "Arrest"),
        (ID + "event/a", RKG + "victim", ID + "person/p"),
        (ID + "person/p", TYPE, PERSON),
        (ID + "claim/c", TYPE, RKG + "SourcedStatement"),
        (ID + "event/a", RKG + "attestedBy", ID + "claim/c"),
    )
    report = owl.check_nquads(data)
    assert report.consistent, report.summary_line()
    assert report.individuals == 3


@needs_java
def test_planted_contradiction_is_caught() -> None:
    """An individual typed as both an event and a person (declared disjoint)."""
    data = quads(
        (ID + "event/a", TYPE, RKG + "Arrest"),
        (ID + "event/a", TYPE, PERSON),
    )
    report = owl.check_nquads(data)
    assert report.consistent is False
    assert "INCONSISTENT" in report.summary_line()


@needs_java
def test_contradiction_through_a_range_is_caught() -> None:
    """A place used as a victim becomes an agent by the range; places are not agents."""
    data = quads(
        (ID + "event/a", TYPE, RKG + "Execution"),
        (ID + "event/a", RKG + "victim", ID + "place/moscow"),
        (ID + "place/moscow", TYPE, RKG + "Place"),
    )
    assert owl.check_nquads(data).consistent is False


@needs_java
def test_two_kinds_of_claim_contradict() -> None:
    data = quads(
        (ID + "claim/c", TYPE, RKG + "SourcedStatement"),
        (ID + "claim/c", TYPE, RKG + "HistoriographicalReport"),
    )
    assert owl.check_nquads(data).consistent is False


def test_missing_java_is_reported_not_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(owl.shutil, "which", lambda _name: None)
    report = owl.check_ontology()
    assert report.consistent is None
    assert "SKIPPED" in report.summary_line()
    assert "java" in report.summary_line().lower()
