"""The events-and-claims layer of the build: stage functions plus RDF, in one call.

The pipeline calls `build_events_layer` after the citations and entities
layers are in the dataset: it reads the citations from their quads (the
`cito:Citation` nodes, the works' creators), the entity mentions from the
mention finder, and
returns the quads of the graphs `events`, `provenance` and one graph per claim,
with the report's counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pyoxigraph import Quad

from redarmy_kg.claims.build import build_claims
from redarmy_kg.claims.cited_views import work_historians
from redarmy_kg.claims.model import Claim
from redarmy_kg.claims.report import events_report
from redarmy_kg.entities.catalog import Catalog
from redarmy_kg.entities.mentions import MentionIndex
from redarmy_kg.events.mentions import (
    entity_labels,
    historians,
    post_organisations,
    spans_from_mentions,
)
from redarmy_kg.events.posts import load_post_rules
from redarmy_kg.events.stage import EventsResult, extract_events
from redarmy_kg.rdf.claims import emit_claims, footnote_sources
from redarmy_kg.rdf.events import emit_events
from redarmy_kg.structure.model import Document


@dataclass
class EventsLayer:
    result: EventsResult
    claims: list[Claim]
    quads: list[Quad]
    report: dict


def build_events_layer(
    document: Document, catalog: Catalog, mentions: MentionIndex, citation_quads: Iterable[Quad]
) -> EventsLayer:
    spans = spans_from_mentions(mentions, catalog)
    post_orgs = post_organisations(catalog, load_post_rules().post_org_kinds)
    quads = list(citation_quads)
    known_historians = historians(catalog)
    result = extract_events(document, spans, known_historians, post_orgs)
    creators = work_historians(quads, known_historians)
    claims = build_claims(document, result, footnote_sources(quads), creators)
    quads = emit_events(result, claims, entity_labels(catalog))
    quads += emit_claims(claims, result, document.corpus)
    return EventsLayer(result, claims, quads, events_report(document, result, claims))
