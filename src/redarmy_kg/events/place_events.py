"""Events the thesis names by their place: `the mutiny at the Kronstadt naval fortress`.

An uprising is often told with no named actor, only where it happened. The
place fills the `place` slot when it is joined to the trigger noun directly:
`<noun> at|in (the) <Place>`, `the <Place> <noun>`, or `<noun> ... occurred
in|took place in|broke out in <Place>` within the same clause. Anything else
(a place further off, another noun between) is left out. An event needs a
participant besides its place (the shapes require one), so a place-only
uprising is kept only when its clause names an institution (`crushed by the Red
Army`); `the mutiny at the Kronstadt naval fortress` alone is left out.
"""

from __future__ import annotations

import re

from redarmy_kg.events.model import EntitySpan

AFTER = re.compile(r"\s+(?:at|in)\s+(?:the\s+)?")
OCCURRED = re.compile(
    r"[^.;:,]{0,40}?\b(?:occurred|took\s+place|broke\s+out)\s+(?:at|in)\s+(?:the\s+)?"
)
BEFORE = re.compile(r"\b(?:the|a)\s+$")


def place_of_noun(text: str, spans: list[EntitySpan], start: int, end: int) -> EntitySpan | None:
    """The place named with the trigger noun at `start:end`, or None."""
    for joiner in (AFTER, OCCURRED):
        joined = joiner.match(text, end)
        if joined is not None:
            place = _span_at(spans, joined.end())
            if place is not None:
                return place
    for span in spans:
        gap = text[span.end : start]
        if span.entity.kind == "place" and span.end <= start and re.fullmatch(r"\s+", gap):
            return span if BEFORE.search(text[: span.start]) else None
    return None


def _span_at(spans: list[EntitySpan], pos: int) -> EntitySpan | None:
    for span in spans:
        if span.start == pos and span.entity.kind == "place":
            return span
    return None
