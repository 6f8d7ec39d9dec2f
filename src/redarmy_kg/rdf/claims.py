"""RDF of the claims stage: one named graph per claim, described in graph `provenance`.

The claim's IRI `id/claim/<key>` names the graph that holds exactly the facts
it asserts (nanopublication style; `rkg:assertionGraph` points to it). Its
description gives the sentence (`rkg:statedIn`) with the exact quote and
offsets, the covering footnotes, every source they cite (`prov:wasDerivedFrom`
the cited work or archival file and the `cito:Citation` with its locator), the
attribution, the kind, `rkg:noSourceGiven` when nothing is cited, and
`rkg:conflictsWith` the claims it contradicts.
"""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import NamedNode, Quad

from redarmy_kg.claims.model import Claim, SourceRef
from redarmy_kg.events.model import Event, Membership
from redarmy_kg.events.stage import EventsResult
from redarmy_kg.rdf.anchors import anchor_quads
from redarmy_kg.rdf.events import claim_node, entity_node, event_facts, membership_facts
from redarmy_kg.rdf.terms import CITO, PROV, RDF, RKG, QuadSink, boolean, graph, node, text

PROVENANCE = "provenance"


def sentence_node(sentence_key: str) -> NamedNode:
    return node("thesis", *sentence_key.split("/"))


def footnote_node(footnote_key: str) -> NamedNode:
    return node("thesis", *footnote_key.split("/"))


def emit_claims(claims: Iterable[Claim], result: EventsResult, corpus: str) -> list[Quad]:
    events = {e.key: e for e in result.events}
    memberships = {m.key: m for m in result.memberships}
    provenance = QuadSink(graph(PROVENANCE))
    quads: list[Quad] = []
    for claim in claims:
        iri = claim_node(claim.key)
        quads += _assertion(claim, iri, events, memberships)
        _describe(provenance, claim, iri, corpus)
    return quads + provenance.quads


def _assertion(
    claim: Claim, iri: NamedNode, events: dict[str, Event], memberships: dict[str, Membership]
) -> list[Quad]:
    if claim.event_key:
        triples = event_facts(events[claim.event_key])
    elif claim.membership_key:
        triples = membership_facts(memberships[claim.membership_key])
    elif claim.view is not None:
        triples = [(entity_node(claim.view.historian), RKG.heldView, text(claim.view.view))]
    else:
        triples = []
    return [Quad(s, p, o, iri) for s, p, o in triples]


def _describe(sink: QuadSink, claim: Claim, iri: NamedNode, corpus: str) -> None:
    sink.add(iri, RDF.type, RKG.Claim)
    sink.add(iri, RDF.type, RKG[claim.kind])
    sink.add(iri, RKG.assertionGraph, iri)
    sink.add(iri, RKG.statedIn, sentence_node(claim.sentence_key))
    sink.extend(anchor_quads(iri, claim.span, corpus, sink.graph_name))
    sink.add(iri, PROV.wasAttributedTo, entity_node(claim.attributed_to))
    target = claim.event_key and node("event", claim.event_key)
    target = target or (claim.membership_key and node("membership", claim.membership_key))
    if target:
        sink.add(iri, RKG.attests, target)
    for footnote in claim.footnotes:
        sink.add(iri, RKG.footnote, footnote_node(footnote))
    for source in claim.sources:
        _source(sink, iri, source)
    if claim.no_source_given:
        sink.add(iri, RKG.noSourceGiven, boolean(True))
    for other in claim.conflicts_with:
        sink.add(iri, RKG.conflictsWith, claim_node(other))


def _source(sink: QuadSink, iri: NamedNode, source: SourceRef) -> None:
    citation = NamedNode(source.citation_iri)
    sink.add(iri, RKG.citation, citation)
    if source.cited_iri:
        sink.add(iri, PROV.wasDerivedFrom, NamedNode(source.cited_iri))
        sink.add(iri, PROV.wasDerivedFrom, citation)


def footnote_sources(quads: Iterable[Quad]) -> dict[str, list[SourceRef]]:
    """Footnote key -> its citations in order, read from the `cito:Citation` quads."""
    citing: dict[str, str] = {}
    cited: dict[str, str] = {}
    for quad in quads:
        if quad.predicate == CITO.hasCitingEntity:
            citing[quad.subject.value] = quad.object.value
        elif quad.predicate == CITO.hasCitedEntity:
            cited[quad.subject.value] = quad.object.value
    prefix = node("thesis").value + "/"
    result: dict[str, list[SourceRef]] = {}
    for citation, footnote in citing.items():
        if footnote.startswith(prefix):
            key = footnote[len(prefix) :]
            result.setdefault(key, []).append(SourceRef(citation, cited.get(citation)))
    for refs in result.values():
        refs.sort(key=lambda r: _citation_order(r.citation_iri))
    return result


def _citation_order(iri: str) -> tuple[str, int]:
    head, _, last = iri.rpartition("/")
    return (head, int(last) if last.isdigit() else 0)
