"""The claims stage: every fact-bearing statement of the thesis as a claim.

Each event mention and post mention becomes one claim of its sentence; a
sentence that reports a historian's view becomes one historiographical claim
(`<historian> rkg:heldView "<view>"`), attributed to the historian; so does a
sentence about the historiography for each historian its footnote cites (see
`cited_views`). Claims
take the footnotes that cover their sentence (see `coverage`) and every
source those footnotes cite. Keys: the sentence's short key and the
statement's index in it (`ch5-p12-s3-1`), in text order.

What is not made a claim, and why: a claim's graph holds facts the sentence
states and its footnote's sources can back. That a sentence merely names
people or institutions is already published, with its anchor, in the
`mentions` graph; restating it as a sourced claim ("this archival file
supports that the sentence is about Gamarnik") would add no fact of the period
and the ontology has no property for it, so sentences with no event, post or
reported view yield no claim and no claim has an empty fact graph. The report
gives the share of marker-bearing sentences with a claim and, since a footnote
covers the sentences before its marker too, the share of footnotes backing at
least one claim.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from redarmy_kg.claims.cited_views import cited_views
from redarmy_kg.claims.conflicts import link_conflicts
from redarmy_kg.claims.coverage import footnote_coverage
from redarmy_kg.claims.interpretation import is_interpretation
from redarmy_kg.claims.model import THESIS_AUTHOR, Claim, ReportedViewFact, SourceRef
from redarmy_kg.events.keys import short_sentence_key
from redarmy_kg.events.model import EntityRef
from redarmy_kg.events.stage import EventsResult
from redarmy_kg.structure.model import Document, Sentence


def build_claims(
    document: Document,
    events: EventsResult,
    footnote_sources: Mapping[str, list[SourceRef]],
    creators: Mapping[str, list[EntityRef]] | None = None,
) -> list[Claim]:
    coverage = footnote_coverage(document.sentences)
    statements = _statements_by_sentence(events)
    claims: list[Claim] = []
    for sentence in document.sentences:
        items = statements.get(sentence.key, [])
        view = events.views.get(sentence.key)
        if view is not None:
            fact = ReportedViewFact(view.historian, sentence.block.text[view.view_start :].strip())
            items = [(0, "view", fact)] + items
        index = 0
        for index, (_, kind, item) in enumerate(sorted(items, key=_order), start=1):
            claims.append(_claim(sentence, index, kind, item, coverage, footnote_sources))
        reported = {view.historian} if view is not None else set()
        for historian, sources in cited_views(sentence, footnote_sources, creators or {}):
            if historian in reported:
                continue
            index += 1
            claim = _claim(sentence, index, "view",
                           ReportedViewFact(historian, sentence.block.text.strip()),
                           coverage, footnote_sources)
            claim.footnotes, claim.sources = list(sentence.footnote_keys), sources
            claims.append(claim)
    link_conflicts(claims, events)
    return claims


def _order(item: tuple[int, str, object]) -> tuple[int, int, str]:
    offset, kind, value = item
    rank = {"view": 0, "event": 1, "membership": 2}[kind]
    return (offset, rank, value if isinstance(value, str) else "")


def _statements_by_sentence(events: EventsResult) -> dict[str, list[tuple[int, str, object]]]:
    found: dict[str, list[tuple[int, str, object]]] = defaultdict(list)
    for event in events.events:
        for mention in event.mentions:
            found[mention.sentence_key].append((mention.trigger_start, "event", event.key))
    for membership in events.memberships:
        for post in membership.mentions:
            found[post.sentence_key].append((post.start, "membership", membership.key))
    return {key: sorted(set(values), key=_order) for key, values in found.items()}


def _claim(
    sentence: Sentence, index: int, kind: str, item: object,
    coverage: Mapping[str, list[str]], footnote_sources: Mapping[str, list[SourceRef]],
) -> Claim:
    footnotes = coverage.get(sentence.key, [])
    sources = [s for fn in footnotes for s in footnote_sources.get(fn, [])]
    claim = Claim(
        key=f"{short_sentence_key(sentence.key)}-{index}",
        kind="SourcedStatement", sentence_key=sentence.key, span=sentence.block.span,
        footnotes=list(footnotes), sources=sources, attributed_to=THESIS_AUTHOR,
    )
    if kind == "view":
        assert isinstance(item, ReportedViewFact)
        claim.kind, claim.view = "HistoriographicalReport", item
        claim.attributed_to = item.historian
    else:
        if kind == "event":
            claim.event_key = str(item)
        else:
            claim.membership_key = str(item)
        if is_interpretation(sentence.block.text):
            claim.kind = "AuthorInterpretation"
    return claim
