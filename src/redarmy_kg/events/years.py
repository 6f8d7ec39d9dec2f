"""A second opinion on inferred years, from the thesis's other statements.

A day or month printed without a year (`All were executed on 12 June`) first
takes the narrative's year (see `stage._Anchor`). When other sentences state
the same kind of event for the same person in the same month with the year
written out (`Tukhachevskiis execution in June 1937`) and agree on one year,
that year is taken instead: the thesis itself says which June it means. One
such agreement settles the year for every event of the same trigger (`All
were executed on 12 June`). The date stays flagged as inferred.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from redarmy_kg.dates import find_dates
from redarmy_kg.dates.model import DateValue
from redarmy_kg.events.model import EntityRef, EventMention

MONTH_PRECISIONS = ("day", "part-of-month", "month", "range")


def _single_month(date: DateValue) -> bool:
    return (date.earliest.year, date.earliest.month) == (date.latest.year, date.latest.month)


def align_inferred_years(
    mentions: Sequence[EventMention], texts: dict[str, str]
) -> list[EventMention]:
    stated: dict[tuple[str, EntityRef, int], set[int]] = defaultdict(set)
    for mention in mentions:
        date = mention.date
        if date.inferred_year:
            continue
        if date.precision in MONTH_PRECISIONS and _single_month(date):
            for participant in mention.participants:
                key = (mention.type, participant.entity, date.earliest.month)
                stated[key].add(date.earliest.year)
    aligned = [_aligned(m, stated, texts) for m in mentions]
    by_trigger: dict[tuple[str, int], DateValue] = {}
    for before, after in zip(mentions, aligned, strict=True):
        if after.date is not before.date:
            by_trigger[(after.sentence_key, after.trigger_start)] = after.date
    return [
        replace(m, date=by_trigger[(m.sentence_key, m.trigger_start)])
        if m.date.inferred_year and (m.sentence_key, m.trigger_start) in by_trigger
        else m
        for m in aligned
    ]


def _aligned(
    mention: EventMention,
    stated: dict[tuple[str, EntityRef, int], set[int]],
    texts: dict[str, str],
) -> EventMention:
    date = mention.date
    if not date.inferred_year or not _single_month(date):
        return mention
    years = stated.get((mention.type, mention.main_participant, date.earliest.month), set())
    if len(years) != 1 or date.earliest.year in years:
        return mention
    (year,) = years
    text = texts.get(mention.sentence_key, "")
    for candidate in find_dates(text, year):
        if (candidate.start, candidate.end) == (date.start, date.end):
            return replace(mention, date=candidate)
    return mention


def within_stated_range(
    text: str, dates: list[DateValue], earlier: Sequence[Sequence[DateValue]]
) -> list[DateValue]:
    """A yearless date inside a span over a new year the paragraph just stated takes its year.

    `between July 1936 and February 1937, ...` then `on 10 November he wrote`:
    only 10 November 1936 lies in that span, whatever year the narrative was
    last at. The nearest earlier sentence with such a span decides; a date that
    fits the span in no year or in more than one is left as it was.
    """
    span = _latest_span(earlier)
    if span is None:
        return dates
    result = []
    for date in dates:
        years = [
            y for y in range(span.earliest.year, span.latest.year + 1) if _inside(date, y, span)
        ]
        if date.inferred_year and len(years) == 1 and years[0] != date.earliest.year:
            moved = [
                c for c in find_dates(text, years[0]) if (c.start, c.end) == (date.start, date.end)
            ]
            date = moved[0] if moved else date
        result.append(date)
    return result


def _latest_span(earlier: Sequence[Sequence[DateValue]]) -> DateValue | None:
    for dates in reversed(earlier):
        spans = [d for d in dates if d.earliest.year != d.latest.year and d.precision == "range"]
        if spans:
            return spans[-1]
    return None


def _inside(date: DateValue, year: int, span: DateValue) -> bool:
    try:
        earliest = date.earliest.replace(year=year)
        latest = date.latest.replace(year=year)
    except ValueError:  # 29 February
        return False
    return span.earliest <= earliest and latest <= span.latest
