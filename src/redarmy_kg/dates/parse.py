"""Find and normalise the dates of a text: `find_dates(text, context_year)`.

Every phrase the curated patterns recognise becomes a `DateValue` with its
precision and an earliest/latest pair. A day or month without a year
(`On 25 September`) takes `context_year` (the caller supplies the most recent
explicit year of the passage) and is flagged `inferred_year`; without a
context year it is left out. Invalid dates (`31 June`) are left out. The
function never raises on any input.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache

from redarmy_kg.dates.calendar_math import (
    expand_short_year,
    last_day,
    month_bounds,
    valid_day,
    year_bounds,
)
from redarmy_kg.dates.model import DateValue
from redarmy_kg.dates.patterns import build_patterns
from redarmy_kg.dates.words import DateWords, load_date_words

Builder = Callable[[re.Match[str], int | None, DateWords], DateValue | None]


class _Skip(Exception):
    """The phrase is not a usable date (bad day, year out of range, no year known)."""


def find_dates(
    text: str, context_year: int | None = None, words: DateWords | None = None
) -> list[DateValue]:
    """Every date phrase in `text`, longest match first, without overlaps, in text order."""
    words = words or load_date_words()
    if not _hint(words).search(text):
        return []
    candidates: list[tuple[int, int, DateValue]] = []
    for priority, (name, pattern) in enumerate(build_patterns(words).named):
        for match in pattern.finditer(text):
            value = _build(name, match, context_year, words)
            if value is not None:
                candidates.append((priority, match.start(), value))
    candidates.sort(key=lambda c: (-(c[2].end - c[2].start), c[0], c[1]))
    chosen: list[DateValue] = []
    for _priority, _start, value in candidates:
        if all(value.end <= other.start or value.start >= other.end for other in chosen):
            chosen.append(value)
    return sorted(chosen, key=lambda v: (v.start, v.end))


@lru_cache(maxsize=4)
def _hint(words: DateWords) -> re.Pattern[str]:
    """A cheap first look: no digit and no month name means no date."""
    months = "|".join(sorted((re.escape(m) for m in words.months), key=len, reverse=True))
    return re.compile(rf"\d|(?:{months})")


def explicit_years(text: str, words: DateWords | None = None) -> list[tuple[int, int]]:
    """(offset, year) of every date in `text` whose year is written out and single."""
    return list(_explicit_years(text, words or load_date_words()))


@lru_cache(maxsize=8192)
def _explicit_years(text: str, words: DateWords) -> tuple[tuple[int, int], ...]:
    return tuple(
        (value.start, value.earliest.year)
        for value in find_dates(text, None, words)
        if single_explicit_year(value)
    )


def single_explicit_year(value: DateValue) -> bool:
    if value.inferred_year or value.precision == "decade":
        return False
    return value.precision == "season" or value.earliest.year == value.latest.year


def _build(
    name: str, match: re.Match[str], context_year: int | None, words: DateWords
) -> DateValue | None:
    try:
        return _BUILDERS[name](match, context_year, words)
    except (_Skip, ValueError, OverflowError):
        return None


def _span(match: re.Match[str]) -> tuple[int, int]:
    if "date" in match.groupdict() and match.group("date") is not None:
        return match.span("date")
    return match.span()


def _year(match: re.Match[str], group: str, context_year: int | None, words: DateWords):
    raw = match.groupdict().get(group)
    if raw is not None:
        year = int(raw)
        inferred = False
    elif context_year is not None:
        year, inferred = context_year, True
    else:
        raise _Skip
    if not words.first_year <= year <= words.last_year:
        raise _Skip
    return year, inferred


def _month(match: re.Match[str], group: str, words: DateWords) -> int:
    return words.months[match.group(group).rstrip(".")]


def _day(match: re.Match[str], group: str) -> int:
    return int(re.sub(r"\D", "", match.group(group)))


def _value(
    match: re.Match[str],
    value: str | None,
    precision: str,
    bounds: tuple[dt.date, dt.date],
    inferred: bool,
) -> DateValue:
    earliest, latest = bounds
    if earliest > latest:
        raise _Skip
    start, end = _span(match)
    return DateValue(
        text=match.string[start:end],
        value=value,
        precision=precision,
        earliest=earliest,
        latest=latest,
        inferred_year=inferred,
        start=start,
        end=end,
    )


def _day_month(match, context_year, words):
    year, inferred = _year(match, "y", context_year, words)
    month, day = _month(match, "m", words), _day(match, "d")
    if not valid_day(year, month, day):
        raise _Skip
    date = dt.date(year, month, day)
    return _value(match, date.isoformat(), "day", (date, date), inferred)


def _day_range(match, context_year, words):
    year, inferred = _year(match, "y", context_year, words)
    month = _month(match, "m", words)
    first, last = _day(match, "d1"), _day(match, "d2")
    if not (valid_day(year, month, first) and valid_day(year, month, last)):
        raise _Skip
    bounds = (dt.date(year, month, first), dt.date(year, month, last))
    return _value(match, f"{year:04d}-{month:02d}", "range", bounds, inferred)


def _cross_month_range(match, context_year, words):
    year, inferred = _year(match, "y", context_year, words)
    m1, m2 = _month(match, "m1", words), _month(match, "m2", words)
    d1, d2 = _day(match, "d1"), _day(match, "d2")
    if not (valid_day(year, m1, d1) and valid_day(year, m2, d2)):
        raise _Skip
    bounds = (dt.date(year, m1, d1), dt.date(year, m2, d2))
    return _value(match, f"{year:04d}", "range", bounds, inferred)


def _month_range(match, context_year, words):
    year, inferred = _year(match, "y", context_year, words)
    m1, m2 = _month(match, "m1", words), _month(match, "m2", words)
    return _value(match, f"{year:04d}", "range", month_bounds(year, m1, m2), inferred)


def _part_of_month(match, context_year, words):
    year, inferred = _year(match, "y", context_year, words)
    month = _month(match, "m", words)
    first, last = words.parts_of_month[_part_key(match.group("part"), words.parts_of_month)]
    last = min(last, last_day(year, month))
    bounds = (dt.date(year, month, first), dt.date(year, month, last))
    return _value(match, f"{year:04d}-{month:02d}", "part-of-month", bounds, inferred)


def _month_day(match, context_year, words):
    return _day_month(match, context_year, words)


def _season(match, context_year, words):
    year, inferred = _year(match, "y", context_year, words)
    first, last = words.seasons[match.group("s1").lower()]
    if match.group("s2"):
        last = words.seasons[match.group("s2").lower()][1]
    if match.group("y2"):
        if expand_short_year(year, match.group("y2")) != year + 1:
            raise _Skip
        last = max(last, 14)
    earliest, latest = month_bounds(year, first, last)
    value = f"{year:04d}" if latest.year == year else None
    return _value(match, value, "season", (earliest, latest), inferred)


def _month_year(match, context_year, words):
    year, _ = _year(match, "y", context_year, words)
    month = _month(match, "m", words)
    bounds = month_bounds(year, month, month)
    return _value(match, f"{year:04d}-{month:02d}", "month", bounds, False)


def _bare_month(match, context_year, words):
    year, inferred = _year(match, "y", context_year, words)
    month = _month(match, "m", words)
    bounds = month_bounds(year, month, month)
    return _value(match, f"{year:04d}-{month:02d}", "month", bounds, inferred)


def _bare_month_range(match, context_year, words):
    """`During November and December`: two months of one year, the year from context."""
    if _month(match, "m2", words) <= _month(match, "m1", words):
        raise _Skip
    return _month_range(match, context_year, words)


def _month_year_between(match, context_year, words):
    first_year, last_year = int(match.group("y1")), int(match.group("y2"))
    m1, m2 = _month(match, "m1", words), _month(match, "m2", words)
    for year in (first_year, last_year):
        if not words.first_year <= year <= words.last_year:
            raise _Skip
    earliest = month_bounds(first_year, m1, m1)[0]
    latest = month_bounds(last_year, m2, m2)[1]
    value = f"{first_year:04d}" if first_year == last_year else None
    return _value(match, value, "range", (earliest, latest), False)


def _decade(match, context_year, words):
    decade = int(match.group("dec"))
    if not words.first_year <= decade <= words.last_year:
        raise _Skip
    first, last = 0, 9
    if match.group("part"):
        first, last = words.parts_of_decade[_part_key(match.group("part"), words.parts_of_decade)]
    return _value(match, None, "decade", year_bounds(decade + first, decade + last), False)


def _part_of_year(match, context_year, words):
    year, _ = _year(match, "y", context_year, words)
    first, last = words.parts_of_year[_part_key(match.group("part"), words.parts_of_year)]
    if match.group("y2"):
        end_year = expand_short_year(year, match.group("y2"))
        bounds = (dt.date(year, first, 1), month_bounds(end_year, last, last)[1])
        return _value(match, None, "range", bounds, False)
    return _value(match, f"{year:04d}", "part-of-year", month_bounds(year, first, last), False)


def _year_range(match, context_year, words):
    first = int(match.group("y1"))
    last = expand_short_year(first, match.group("y2"))
    if not (words.first_year <= first < last <= words.last_year) or last - first > 50:
        raise _Skip
    return _value(match, None, "range", year_bounds(first, last), False)


def _year_only(match, context_year, words):
    year, _ = _year(match, "y", context_year, words)
    return _value(match, f"{year:04d}", "year", year_bounds(year, year), False)


def _part_key(raw: str, table: dict[str, tuple[int, int]]) -> str:
    key = raw.lower().rstrip("-").strip()
    if key not in table:
        raise _Skip
    return key


_BUILDERS: dict[str, Builder] = {
    "day_range": _day_range,
    "cross_month_range": _cross_month_range,
    "month_range": _month_range,
    "part_of_month": _part_of_month,
    "day_month": _day_month,
    "month_day": _month_day,
    "season": _season,
    "month_year": _month_year,
    "decade": _decade,
    "part_of_year": _part_of_year,
    "month_year_between": _month_year_between,
    "year_between": _year_range,
    "year_range": _year_range,
    "bare_month_range": _bare_month_range,
    "bare_month": _bare_month,
    "year": _year_only,
}
