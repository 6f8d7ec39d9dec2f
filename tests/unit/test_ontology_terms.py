"""Every term the code, the mappings, the shapes and the queries use is defined
in the ontology or belongs to a declared reused vocabulary.

(The same check on the data of a real build is in tests/e2e/test_validation_thesis.py.)
"""

from __future__ import annotations

import re
from pathlib import Path

import rdflib
import yaml
from rdflib import URIRef

from redarmy_kg.validate import resources

REPO = Path(__file__).resolve().parents[2]
RKG = "https://w3id.org/redarmy-kg/ontology#"
SHAPES = resources.SHAPES_NS

# The vocabularies the graph reuses. A term outside these and outside rkg: is
# a typo or an undeclared dependency.
ALLOWED_NAMESPACES = (
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://www.w3.org/2000/01/rdf-schema#",
    "http://www.w3.org/2002/07/owl#",
    "http://www.w3.org/2001/XMLSchema#",
    "http://www.w3.org/2004/02/skos/core#",
    "http://purl.org/dc/terms/",
    "http://purl.org/dc/elements/1.1/",
    "http://xmlns.com/foaf/0.1/",
    "https://schema.org/",
    "http://www.w3.org/ns/prov#",
    "http://www.w3.org/ns/org#",
    "http://www.w3.org/ns/oa#",
    "http://purl.org/spar/doco/",
    "http://purl.org/spar/fabio/",
    "http://purl.org/spar/cito/",
    "http://purl.org/spar/c4o/",
    "http://purl.org/spar/biro/",
    "http://www.essepuntato.it/2008/12/pattern#",
    "http://purl.org/ontology/bibo/",
    "https://www.ica.org/standards/RiC/ontology#",
    "https://www.ica.org/standards/RiC/vocabularies/recordSetTypes#",
    "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "http://www.cidoc-crm.org/cidoc-crm/",
    "http://www.w3.org/2006/time#",
    "http://rdfs.org/ns/void#",
    "http://www.w3.org/ns/dcat#",
    "http://www.w3.org/ns/sparql-service-description#",
    "http://www.nanopub.org/nschema#",
    "http://www.w3.org/ns/shacl#",
    "http://purl.org/vocab/vann/",
    "https://w3id.org/sssom/",
)


def defined_terms() -> set[str]:
    graph = resources.full_ontology_graph()
    return {str(s).removeprefix(RKG) for s in graph.subjects() if str(s).startswith(RKG)}


def is_known(iri: str, defined: set[str]) -> bool:
    if iri.startswith(RKG):
        return iri.removeprefix(RKG) in defined
    return iri.startswith(ALLOWED_NAMESPACES)


def names_in(paths: list[Path], pattern: re.Pattern[str]) -> dict[str, str]:
    """term -> first file that uses it."""
    found: dict[str, str] = {}
    for path in sorted(paths):
        for name in pattern.findall(path.read_text(encoding="utf-8", errors="replace")):
            found.setdefault(name, str(path.relative_to(REPO)))
    return found


def test_terms_written_in_the_code_are_defined() -> None:
    pattern = re.compile(r"RKG(?:\.([A-Za-z][A-Za-z0-9_]*)|\[\"([A-Za-z][A-Za-z0-9_]*)\"\])")
    used: dict[str, str] = {}
    for path in sorted((REPO / "src").rglob("*.py")):
        for attribute, item in pattern.findall(path.read_text(encoding="utf-8")):
            used.setdefault(attribute or item, str(path.relative_to(REPO)))
    missing = {name: where for name, where in used.items() if name not in defined_terms()}
    assert missing == {}


def test_prefixed_terms_in_code_mappings_and_queries_are_defined() -> None:
    pattern = re.compile(r"\brkg:([A-Za-z][A-Za-z0-9_]*)")
    paths = [
        *(REPO / "src").rglob("*.py"),
        *(REPO / "mappings").glob("*"),
        *(REPO / "queries").glob("*.rq"),
    ]
    used = names_in([p for p in paths if p.is_file()], pattern)
    missing = {name: where for name, where in used.items() if name not in defined_terms()}
    assert missing == {}


def test_event_trigger_mapping_names_ontology_classes_and_roles() -> None:
    triggers = yaml.safe_load((REPO / "mappings" / "event_triggers.yaml").read_text())
    defined = defined_terms()
    ontology = resources.ontology_graph()
    participant = URIRef(RKG + "participant")
    roles = {
        str(p).removeprefix(RKG)
        for p in ontology.transitive_subjects(rdflib.RDFS.subPropertyOf, participant)
    }
    for key, event_type in triggers["event_types"].items():
        assert event_type["class"] in defined, key
        for trigger in event_type.get("triggers", []):
            for slot in ("patient", "agent", "target"):
                if slot in trigger:
                    assert trigger[slot] in roles, (key, slot, trigger[slot])


def test_shapes_use_only_defined_or_reused_terms() -> None:
    shapes = resources.shapes_graph()
    defined = defined_terms()
    header = URIRef(SHAPES.rstrip("#"))  # the shapes file's own description
    iris = {
        str(term)
        for triple in shapes
        if triple[0] != header
        for term in triple
        if isinstance(term, URIRef) and not str(term).startswith(SHAPES)
    }
    unknown = sorted(iri for iri in iris if not is_known(iri, defined))
    assert unknown == []


def test_terms_listed_by_the_stages_are_merged_into_the_ontology() -> None:
    defined = defined_terms()
    for path in sorted((REPO / "ontology" / "terms").glob("*.tsv")):
        for number, line in enumerate(path.read_text().splitlines()[1:], start=2):
            term = line.split("\t")[0].strip()
            if term.startswith("rkg:"):
                assert term.removeprefix("rkg:") in defined, f"{path.name}:{number} {term}"


def terms_named_by_code_and_mappings() -> set[str]:
    code = re.compile(r"RKG(?:\.([A-Za-z][A-Za-z0-9_]*)|\[\"([A-Za-z][A-Za-z0-9_]*)\"\])")
    prefixed = re.compile(r"\brkg:([A-Za-z][A-Za-z0-9_]*)")
    named: set[str] = set()
    for path in sorted((REPO / "src").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        named |= {a or b for a, b in code.findall(text)} | set(prefixed.findall(text))
    for path in sorted((REPO / "mappings").glob("*")):
        named |= set(prefixed.findall(path.read_text(encoding="utf-8", errors="replace")))
    triggers = yaml.safe_load((REPO / "mappings" / "event_triggers.yaml").read_text())
    for event_type in triggers["event_types"].values():
        named.add(event_type["class"])
        for trigger in event_type.get("triggers", []):
            named |= {trigger[slot] for slot in ("patient", "agent", "target") if slot in trigger}
    claim_kinds = re.compile(r"KINDS = \(([^)]*)\)")
    model = (REPO / "src" / "redarmy_kg" / "claims" / "model.py").read_text(encoding="utf-8")
    for kinds in claim_kinds.findall(model):
        named |= set(re.findall(r"\"([A-Za-z]+)\"", kinds))
    return named


def test_every_defined_term_is_used_or_reserved() -> None:
    """Used: named by the code or the mappings, or a superclass/-property of such a term."""
    graph = resources.full_ontology_graph()
    named = {URIRef(RKG + name) for name in terms_named_by_code_and_mappings()}
    used = set(named)
    for term in named:
        used |= set(graph.transitive_objects(term, rdflib.RDFS.subClassOf))
        used |= set(graph.transitive_objects(term, rdflib.RDFS.subPropertyOf))
    reserved = set(graph.subjects(URIRef(RKG + "reserved"), rdflib.Literal(True)))
    ontology_own = {URIRef(RKG + "reserved"), URIRef(RKG + "EventTypes")}
    ours = {
        term
        for kind in (rdflib.OWL.Class, rdflib.OWL.ObjectProperty, rdflib.OWL.DatatypeProperty)
        for term in graph.subjects(rdflib.RDF.type, kind)
        if str(term).startswith(RKG)
    }
    unused = sorted(str(t).removeprefix(RKG) for t in ours - used - reserved - ontology_own)
    assert unused == [], "define them as rkg:reserved true, or remove them"
    assert reserved & used == set(), "a reserved term is in use: drop its rkg:reserved"
