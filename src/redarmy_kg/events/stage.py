"""The events stage: a parsed thesis + entity mentions -> events and memberships."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from redarmy_kg.dates import DateValue, dates_in_passage
from redarmy_kg.events.extract import SentenceInput, extract_sentence
from redarmy_kg.events.keys import assign_keys, event_base_key
from redarmy_kg.events.model import (
    EntityRef,
    EntitySpan,
    Event,
    EventMention,
    Membership,
    Participant,
    PostMention,
)
from redarmy_kg.events.posts import find_posts, group_memberships
from redarmy_kg.events.triggers import EventType, load_event_types
from redarmy_kg.events.viewpoints import ReportedView, reported_view
from redarmy_kg.events.years import align_inferred_years, within_stated_range
from redarmy_kg.structure.model import Document

YEAR_CONTEXT_SENTENCES = 12
RANGE_CONTEXT_SENTENCES = 5


@dataclass
class EventsResult:
    events: list[Event]
    memberships: list[Membership]
    sentences: list[SentenceInput]
    views: dict[str, ReportedView] = field(default_factory=dict)  # by sentence key


def sentence_inputs(
    document: Document, spans: dict[str, list[EntitySpan]], historians: frozenset[EntityRef]
) -> tuple[list[SentenceInput], dict[str, ReportedView]]:
    """Each body sentence with its mentions, dates (year from context) and paragraph history."""
    inputs: list[SentenceInput] = []
    views: dict[str, ReportedView] = {}
    texts_of_part: list[str] = []
    current_part = None
    paragraph: list[SentenceInput] = []
    anchor = _Anchor()
    for sentence in document.sentences:
        if sentence.part_key != current_part:
            current_part, texts_of_part, anchor = sentence.part_key, [], _Anchor()
        if not paragraph or paragraph[-1].paragraph_key != sentence.paragraph_key:
            paragraph = []
        text = sentence.block.text
        own_spans = spans.get(sentence.key, [])
        view = reported_view(text, own_spans, historians)
        item = SentenceInput(
            key=sentence.key, paragraph_key=sentence.paragraph_key, text=text, spans=own_spans,
            dates=within_stated_range(
                text,
                dates_in_passage(
                    text, texts_of_part[-YEAR_CONTEXT_SENTENCES:], anchor_year=anchor.year()
                ),
                [p.dates for p in paragraph[-RANGE_CONTEXT_SENTENCES:]],
            ),
            reports_view=view is not None, previous=list(paragraph),
        )
        if not sentence.paragraph_key.endswith("/p/1"):  # a part's opening overview
            anchor.advance(text, item.dates)
        if view is not None:
            views[sentence.key] = view
        inputs.append(item)
        paragraph.append(item)
        texts_of_part.append(text)
    return inputs, views




EXACT_PRECISIONS = ("day", "part-of-month", "month", "range")
NARRATIVE_ASIDE = re.compile(
    r"\b(?:would|will|could|may|might|later|followed|since|until|as early as|had|previously"
    r"|before|by)\b"
)


class _Anchor:
    """The narrative's current year, for days and months printed without one.

    Set by a date with its year written out (not decades, not ranges over
    years) in a sentence that is not an aside (no `would`, `later`, `since`,
    `as early as`, pluperfect `had` ...) and has no yearless day of its own
    (`On 13 May ... from operation vesna in 1930`): a day or month always, a
    bare year, season or part of a year only when it moves the narrative
    forward (`similarities to 1927 and 1930` looks back). A part's opening
    paragraph, an overview of the whole chapter, does not set it. It holds
    until the next one in the same part.
    """

    def __init__(self) -> None:
        self._year: int | None = None

    def year(self) -> int | None:
        return self._year

    def advance(self, text: str, dates: Sequence[DateValue]) -> None:
        if NARRATIVE_ASIDE.search(text) or any(d.inferred_year for d in dates):
            return
        for date in dates:
            if date.precision == "decade" or date.earliest.year != date.latest.year:
                continue
            exact = date.precision in EXACT_PRECISIONS
            if exact or self._year is None or date.earliest.year >= self._year:
                self._year = date.earliest.year


def extract_events(
    document: Document, spans: dict[str, list[EntitySpan]],
    historians: frozenset[EntityRef] = frozenset(), post_orgs: frozenset[EntityRef] = frozenset(),
    types: tuple[EventType, ...] | None = None,
) -> EventsResult:
    types = types or load_event_types()
    inputs, views = sentence_inputs(document, spans, historians)
    mentions: list[EventMention] = []
    posts: list[PostMention] = []
    for item in inputs:
        found = extract_sentence(item, types)
        held = [] if item.reports_view else find_posts(item, post_orgs)
        mentions += found + appointments_from_posts(held, found)
        posts += held
    mentions = align_inferred_years(mentions, {item.key: item.text for item in inputs})
    return EventsResult(
        events=consolidate(mentions), memberships=group_memberships(posts), sentences=inputs,
        views=views,
    )


def consolidate(mentions: Sequence[EventMention]) -> list[Event]:
    """One Event per distinct (type, participants, date), keyed by content, in key order."""
    grouped: dict[tuple[object, ...], list[EventMention]] = {}
    for mention in mentions:
        grouped.setdefault(mention.identity(), []).append(mention)
    groups = list(grouped.values())
    keys = assign_keys(
        groups,
        base_key=lambda g: event_base_key(g[0].type, g[0].main_participant.key, g[0].date.sort_key),
        sentence_key=lambda g: f"{g[0].sentence_key}",
    )
    keys = _unique(keys, groups)
    events = [Event(key=k, mentions=g) for k, g in zip(keys, groups, strict=True)]
    return sorted(events, key=lambda e: e.key)


def _unique(keys: list[str], groups: list[list[EventMention]]) -> list[str]:
    """Two events first stated by one sentence: tell them apart by the trigger's offset."""
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    return [
        f"{key}-t{group[0].trigger_start}" if counts[key] > 1 else key
        for key, group in zip(keys, groups, strict=True)
    ]


def appointments_from_posts(
    posts: Sequence[PostMention], found: Sequence[EventMention]
) -> list[EventMention]:
    """`X became head of PUR in 1929`: an appointment, unless the sentence's rules have it."""
    known = {m.identity() for m in found}
    stated = {
        (m.sentence_key, p.entity) for m in found if m.type == "appointment"
        for p in m.participants if p.role == "appointee"
    }
    result = []
    for post in posts:
        if not post.starts or post.date is None or (post.sentence_key, post.person) in stated:
            continue
        mention = EventMention(
            type="appointment", participants=(Participant("appointee", post.person),),
            date=post.date, date_from_context=False,
            institutions=(post.organization,) if post.organization else (), places=(),
            sentence_key=post.sentence_key, trigger_start=post.start, trigger_end=post.end,
            trigger_text="",
        )
        if mention.identity() not in known:
            known.add(mention.identity())
            result.append(mention)
    return result
