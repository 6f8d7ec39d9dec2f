"""RDF of the entities stage: graph `entities` (people, organisations, places,
concepts, ambiguous references, renamings) and graph `mentions` (one
`oa:Annotation` per mention).
"""

from __future__ import annotations

from pyoxigraph import NamedNode, Quad

from redarmy_kg import iris
from redarmy_kg.entities.catalog import Catalog, Entity, Renaming
from redarmy_kg.entities.mentions import Mention, MentionIndex
from redarmy_kg.rdf.anchors import anchor_iri, anchor_quads
from redarmy_kg.rdf.terms import (
    DCTERMS,
    FOAF,
    OA,
    ORG,
    RDF,
    RDFS,
    RICO,
    RKG,
    SCHEMA,
    SKOS,
    XSD,
    QuadSink,
    graph,
    node,
    text,
    typed,
)
from redarmy_kg.structure.model import Document

PERSON_CLASSES = {
    "military": RKG.MilitaryPerson, "politician": RKG.Politician, "police": RKG.PoliceOfficer,
    "historian": RKG.Historian, "emigre": RKG.Emigre, "foreign": RKG.ForeignPerson,
    "official": RKG.Official,
}
ORGANISATION_CLASSES = {
    "political-police": RKG.PoliticalPolice, "party-body": RKG.PartyBody,
    "party-faction": RKG.PoliticalGroup, "state-body": RKG.StateBody,
    "military-body": RKG.MilitaryBody, "military-district": RKG.MilitaryDistrict,
    "emigre-organisation": RKG.EmigreOrganisation, "foreign-state-body": RKG.ForeignStateBody,
    "international-organisation": RKG.InternationalOrganisation, "archive": RKG.Archive,
    "newspaper": RKG.Newspaper,
}
PLACE_CLASSES = {
    "city": SCHEMA.City, "country": SCHEMA.Country, "region": SCHEMA.AdministrativeArea,
    "building": SCHEMA.LandmarksOrHistoricalBuildings,
}


REDUNDANT_ANCHOR_PREDICATES = frozenset({RKG.textAnchor, DCTERMS.source})


def entity_iri(ref: str) -> NamedNode:
    """`person/stalin` -> `id/person/stalin`."""
    return node(*ref.split("/"))


def container_iri(key: str) -> NamedNode:
    """`ch1/p/12/s/3` -> `id/thesis/ch1/p/12/s/3`."""
    return NamedNode(iris.id_iri("thesis", *key.split("/")))


def mention_iri(mention: Mention) -> NamedNode:
    return node("mention", *mention.key.split("/"))


def emit_entities(catalog: Catalog, mentions: MentionIndex, document: Document) -> list[Quad]:
    """Quads of the `entities` and `mentions` graphs."""
    entities = QuadSink(graph("entities"))
    abbreviations = {iris.slugify(a.abbreviation) for a in document.abbreviations}
    for ref in sorted(catalog.entities):
        _entity(entities, catalog.entities[ref], abbreviations)
    if catalog.by_category("concept"):
        entities.add(node("concept"), RDF.type, SKOS.ConceptScheme)
        entities.add(node("concept"), SKOS.prefLabel,
                     text("Concepts tagged in the thesis", "en"))
    for surface in sorted(catalog.ambiguities):
        rule = catalog.ambiguities[surface]
        subject = entity_iri(rule.ref)
        entities.add(subject, RDF.type, RKG.AmbiguousName)
        entities.add(subject, SKOS.prefLabel, text(surface, "en"))
        for candidate in rule.candidates:
            entities.add(subject, RKG.candidate, entity_iri(candidate.ref))
    for renaming in catalog.renamings:
        _renaming(entities, renaming, document)
    annotations = QuadSink(graph("mentions"))
    for mention in mentions.mentions:
        _annotation(annotations, mention, document.corpus)
    return entities.quads + annotations.quads


def _entity(sink: QuadSink, entity: Entity, abbreviations: set[str]) -> None:
    subject = entity_iri(entity.ref)
    for cls in _classes(entity):
        sink.add(subject, RDF.type, cls)
    sink.add(subject, SKOS.prefLabel, text(entity.pref_label, "en"))
    sink.add(subject, RKG.entityKind, text(entity.kind))
    for label in entity.alt_labels:
        sink.add(subject, SKOS.altLabel, text(label, "en"))
    if entity.abbreviation:
        sink.add(subject, SKOS.notation, text(entity.abbreviation))
        slug = iris.slugify(entity.abbreviation)
        if slug in abbreviations:
            sink.add(subject, RKG.abbreviationConcept, node("thesis", "abbreviations", slug))
    if entity.category == "concept":
        sink.add(subject, SKOS.inScheme, node("concept"))
    if entity.birth and entity.dates_source != "none":
        sink.add(subject, SCHEMA.birthDate, typed(entity.birth, XSD.gYear))
    if entity.death and entity.dates_source != "none":
        sink.add(subject, SCHEMA.deathDate, typed(entity.death, XSD.gYear))
    if entity.note:
        sink.add(subject, SKOS.scopeNote, text(entity.note, "en"))


def _classes(entity: Entity) -> list[NamedNode]:
    if entity.category == "person":
        extra = PERSON_CLASSES.get(entity.kind)
        return [FOAF.Person] + ([extra] if extra else [])
    if entity.category == "organisation":
        classes = [ORG.Organization, ORGANISATION_CLASSES[entity.kind]]
        return classes + ([RICO.CorporateBody] if entity.kind == "archive" else [])
    if entity.category == "place":
        return [RKG.Place, SCHEMA.Place, PLACE_CLASSES[entity.kind]]
    return [SKOS.Concept]


def _renaming(sink: QuadSink, renaming: Renaming, document: Document) -> None:
    event = node("event", renaming.key)
    sink.add(event, RDF.type, ORG.ChangeEvent)
    sink.add(event, RDF.type, RKG.Renaming)
    sink.add(event, RDFS.label, text(_renaming_label(renaming), "en"))
    sink.add(event, ORG.originalOrganization, entity_iri(renaming.original))
    sink.add(event, ORG.resultingOrganization, entity_iri(renaming.resulting))
    sink.add(entity_iri(renaming.original), ORG.changedBy, event)
    sink.add(entity_iri(renaming.resulting), ORG.resultedFrom, event)
    sink.add(event, RKG.date, typed(renaming.date, XSD.gYear))
    found = _find_statement(document, renaming.statement)
    if found is not None:
        key, block, start = found
        sink.add(event, RKG.statedIn, container_iri(key))
        span = block.corpus_span(start, start + len(renaming.statement))
        sink.extend(anchor_quads(event, span, document.corpus, sink.graph_name))


def _renaming_label(renaming: Renaming) -> str:
    original, resulting = renaming.original.split("/")[1], renaming.resulting.split("/")[1]
    return f"{original.upper()} renamed {resulting.upper()} ({renaming.date})"


def _find_statement(document: Document, statement: str):  # -> (key, TextBlock, start) | None
    for footnote in document.footnotes:
        start = footnote.block.text.find(statement)
        if start >= 0:
            return footnote.key, footnote.block, start
    for sentence in document.sentences:
        start = sentence.block.text.find(statement)
        if start >= 0:
            return sentence.key, sentence.block, start
    return None


def _annotation(sink: QuadSink, mention: Mention, corpus: str) -> None:
    subject = mention_iri(mention)
    sink.add(subject, RDF.type, OA.Annotation)
    sink.add(subject, RDF.type, RKG.Mention)
    sink.add(subject, RKG.surfaceForm, text(mention.surface))
    sink.add(subject, OA.hasBody, entity_iri(mention.entity))
    motivation = OA.tagging if mention.category == "concept" else OA.identifying
    sink.add(subject, OA.motivatedBy, motivation)
    target = anchor_iri(subject)
    sink.add(subject, OA.hasTarget, target)
    # oa:hasTarget already links the anchor; the mentions graph is half the dataset,
    # so the anchor's redundant rkg:textAnchor and dcterms:source are left out
    sink.extend(q for q in anchor_quads(subject, mention.span, corpus, sink.graph_name)
                if q.predicate not in REDUNDANT_ANCHOR_PREDICATES)
    sink.add(target, OA.hasScope, container_iri(mention.container))
    if mention.method != "surface":
        sink.add(subject, RKG.resolution, text(mention.method))
