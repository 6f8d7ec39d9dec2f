"""The events stage's contribution to `report.json`."""

from __future__ import annotations

from collections import Counter

from redarmy_kg.claims.conflicts import conflicting_events
from redarmy_kg.claims.coverage import footnote_coverage
from redarmy_kg.claims.model import Claim
from redarmy_kg.events.stage import EventsResult
from redarmy_kg.structure.model import Document


def events_report(document: Document, result: EventsResult, claims: list[Claim]) -> dict:
    mentions = [m for e in result.events for m in e.mentions]
    with_claims = {c.sentence_key for c in claims}
    marked = [s.key for s in document.sentences if s.footnote_keys]
    yielding = [key for key in marked if key in with_claims]
    return {
        "events": len(result.events),
        "events_by_type": dict(sorted(Counter(e.type for e in result.events).items())),
        "event_statements": len(mentions),
        "events_dated_from_context": sum(m.date_from_context for m in mentions),
        "events_with_inferred_year": sum(m.date.inferred_year for m in mentions),
        "memberships": len(result.memberships),
        "post_statements": sum(len(m.mentions) for m in result.memberships),
        "memberships_by_role": dict(
            sorted(Counter(m.role for m in result.memberships).items())
        ),
        "claims": len(claims),
        "claims_by_kind": dict(sorted(Counter(c.kind for c in claims).items())),
        "claims_without_source": sum(c.no_source_given for c in claims),
        "historians_views_reported": len(result.views),
        "footnoted_sentences": len(marked),
        "footnoted_sentences_with_claims": len(yielding),
        "share_footnoted_sentences_with_claims": round(len(yielding) / len(marked), 4)
        if marked else 0.0,
        **_footnotes_backing_claims(document, claims),
        "conflicting_event_pairs": len(conflicting_events(result.events)),
        "conflicting_claim_pairs": sum(len(c.conflicts_with) for c in claims) // 2,
    }


def _footnotes_backing_claims(document: Document, claims: list[Claim]) -> dict[str, object]:
    """The same coverage counted by footnote: a footnote backs a claim when one of the
    sentences it covers (its marker's sentence and those before it, see `coverage`) yields one.
    """
    with_claims = {c.sentence_key for c in claims}
    footnotes: set[str] = set()
    backing: set[str] = set()
    for sentence_key, keys in footnote_coverage(list(document.sentences)).items():
        footnotes.update(keys)
        if sentence_key in with_claims:
            backing.update(keys)
    return {
        "footnotes_backing_claims": len(backing),
        "share_footnotes_backing_claims": round(len(backing) / len(footnotes), 4)
        if footnotes else 0.0,
    }
