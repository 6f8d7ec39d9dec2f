"""RDF of the events stage (graph `events`): events, memberships and their roles.

Every event and membership carries `rkg:attestedBy` its claims, so that the
provenance survives when a user merges the named graphs. The fact triples
themselves are built by `event_facts`/`membership_facts`, which the claims
emitter reuses for the claims' own graphs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pyoxigraph import Literal, NamedNode, Quad

from redarmy_kg.claims.model import Claim
from redarmy_kg.dates.model import DateValue
from redarmy_kg.events.model import EntityRef, Event, Membership
from redarmy_kg.events.stage import EventsResult
from redarmy_kg.events.triggers import event_type_table
from redarmy_kg.rdf.terms import (
    ORG,
    RDF,
    RDFS,
    RKG,
    SKOS,
    XSD,
    QuadSink,
    boolean,
    graph,
    node,
    text,
)

Triple = tuple[NamedNode, NamedNode, NamedNode | Literal]
DATED_PRECISIONS = ("day", "month", "year")


def event_node(key: str) -> NamedNode:
    return node("event", key)


def membership_node(key: str) -> NamedNode:
    return node("membership", key)


def role_node(slug: str) -> NamedNode:
    return node("role", slug)


def claim_node(key: str) -> NamedNode:
    return node("claim", key)


def entity_node(entity: EntityRef) -> NamedNode:
    return node(entity.kind, entity.key)


def date_triples(subject: NamedNode, date: DateValue) -> list[Triple]:
    """rkg:date as precise as the text (day, month, year), bounds, precision, words."""
    triples: list[Triple] = []
    if date.value is not None and date.precision in DATED_PRECISIONS and date.datatype:
        triples.append((subject, RKG.date, Literal(date.value, datatype=XSD[date.datatype])))
    triples += [
        (subject, RKG.earliestDate, Literal(date.earliest.isoformat(), datatype=XSD.date)),
        (subject, RKG.latestDate, Literal(date.latest.isoformat(), datatype=XSD.date)),
        (subject, RKG.datePrecision, text(date.precision)),
        (subject, RKG.dateText, text(date.text.rstrip("."))),
    ]
    if date.inferred_year:
        triples.append((subject, RKG.dateYearInferred, boolean(True)))
    return triples


def event_facts(event: Event) -> list[Triple]:
    """The facts one event asserts: its type, participants in roles, institutions, places, date."""
    subject = event_node(event.key)
    first = event.first
    class_name = event_type_table()[event.type].class_name
    triples: list[Triple] = [
        (subject, RDF.type, RKG.Event),
        (subject, RDF.type, RKG[class_name]),
    ]
    triples += [(subject, RKG[p.role], entity_node(p.entity)) for p in first.participants]
    triples += [(subject, RKG.institution, entity_node(org)) for org in first.institutions]
    triples += [(subject, RKG.place, entity_node(place)) for place in first.places]
    triples += date_triples(subject, first.date)
    if first.date_from_context:
        triples.append((subject, RKG.dateFromContext, boolean(True)))
    return triples


def membership_facts(membership: Membership) -> list[Triple]:
    """The facts one post holding asserts: who held which role in which institution."""
    subject = membership_node(membership.key)
    triples: list[Triple] = [
        (subject, RDF.type, ORG.Membership),
        (subject, ORG.member, entity_node(membership.person)),
        (subject, ORG.role, role_node(membership.role)),
    ]
    if membership.organization is not None:
        triples.append((subject, ORG.organization, entity_node(membership.organization)))
    return triples


def emit_events(
    result: EventsResult, claims: Iterable[Claim], labels: Mapping[EntityRef, str]
) -> list[Quad]:
    sink = QuadSink(graph("events"))
    attested: dict[str, list[str]] = {}
    for claim in claims:
        target = claim.event_key or claim.membership_key
        if target:
            attested.setdefault(target, []).append(claim.key)
    for event in result.events:
        subject = event_node(event.key)
        for s, p, o in event_facts(event):
            sink.add(s, p, o)
        sink.add(subject, RDFS.label, text(_event_label(event, labels)))
        for claim_key in sorted(attested.get(event.key, [])):
            sink.add(subject, RKG.attestedBy, claim_node(claim_key))
    for membership in result.memberships:
        subject = membership_node(membership.key)
        for s, p, o in membership_facts(membership):
            sink.add(s, p, o)
        sink.add(subject, RDFS.label, text(_membership_label(membership, labels)))
        _membership_time(sink, subject, membership)
        for claim_key in sorted(attested.get(membership.key, [])):
            sink.add(subject, RKG.attestedBy, claim_node(claim_key))
    _roles(sink, result.memberships)
    return sink.quads


def _membership_time(sink: QuadSink, subject: NamedNode, membership: Membership) -> None:
    """Bounds of the time the thesis attests the post held; the start if it reports one."""
    dated = [p.date for p in membership.mentions if p.date is not None]
    if not dated:
        return
    sink.add(subject, RKG.earliestDate,
             Literal(min(d.earliest for d in dated).isoformat(), datatype=XSD.date))
    sink.add(subject, RKG.latestDate,
             Literal(max(d.latest for d in dated).isoformat(), datatype=XSD.date))
    starts = [p.date for p in membership.mentions if p.starts and p.date is not None]
    if starts and starts[0].value and starts[0].datatype:
        first = _most_precise_within(min(starts, key=lambda d: d.earliest), starts)
        if first.value and first.datatype:
            sink.add(subject, RKG.startDate, Literal(first.value, datatype=XSD[first.datatype]))


def _most_precise_within(first: DateValue, dates: list[DateValue]) -> DateValue:
    """`became head ... in 1936` and `On 25 September [1936] ... replaced by Ezhov`: the day."""
    inside = [d for d in dates if first.earliest <= d.earliest and d.latest <= first.latest]
    return min(inside, key=lambda d: (d.latest - d.earliest, d.earliest))


def _roles(sink: QuadSink, memberships: Iterable[Membership]) -> None:
    seen: dict[str, str] = {}
    for membership in memberships:
        seen.setdefault(membership.role, membership.role_label)
    for slug, label in sorted(seen.items()):
        sink.add(role_node(slug), RDF.type, ORG.Role)
        sink.add(role_node(slug), SKOS.prefLabel, text(label, "en"))


def _name(entity: EntityRef, labels: Mapping[EntityRef, str]) -> str:
    return labels.get(entity, entity.key)


def _event_label(event: Event, labels: Mapping[EntityRef, str]) -> str:
    names = ", ".join(_name(p.entity, labels) for p in event.first.participants)
    label = event_type_table()[event.type].label
    return f"{label}: {names} ({event.date.text.rstrip('.')})"


def _membership_label(membership: Membership, labels: Mapping[EntityRef, str]) -> str:
    org = f" of {_name(membership.organization, labels)}" if membership.organization else ""
    return f"{_name(membership.person, labels)}, {membership.role_label}{org}"
