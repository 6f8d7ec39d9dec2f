"""The year a yearless date (`On 25 September`) takes from its passage.

Rule: the most recent year written out before the date: earlier in the same
sentence, else the narrative's anchor year (the year of the latest day or
month the passage gave, when the caller tracks it), else the nearest preceding
sentence that writes a year (the caller passes the earlier sentences of the
part, nearest last). Dates that get their year this way are flagged
`inferred_year`.
"""

from __future__ import annotations

from collections.abc import Sequence

from redarmy_kg.dates.model import DateValue
from redarmy_kg.dates.parse import explicit_years, find_dates, single_explicit_year
from redarmy_kg.dates.words import DateWords, load_date_words


def context_year(previous_texts: Sequence[str], words: DateWords | None = None) -> int | None:
    """The last explicit single year in the nearest of `previous_texts` (oldest first)."""
    for text in reversed(previous_texts):
        years = explicit_years(text, words)
        if years:
            return years[-1][1]
    return None


def dates_in_passage(
    text: str,
    previous_texts: Sequence[str] = (),
    words: DateWords | None = None,
    anchor_year: int | None = None,
) -> list[DateValue]:
    """`find_dates` on `text`, with yearless dates given the passage's year.

    `anchor_year`, when the caller knows it (the year of the narrative's latest
    day or month), is preferred to the last year written in `previous_texts`:
    asides like `as early as 1925` do not move the narrative's time.
    """
    words = words or load_date_words()
    fallback = anchor_year if anchor_year is not None else context_year(previous_texts, words)
    # one pass: yearless dates get a placeholder year, settled below
    found = find_dates(text, fallback if fallback is not None else words.first_year, words)
    own_years = [(d.start, d.earliest.year) for d in found if single_explicit_year(d)]
    result: list[DateValue] = []
    for value in found:
        if value.inferred_year:
            year = _year_before(value.start, own_years) or fallback
            if year is None:
                continue
            if year != value.earliest.year:
                value = _reparse_with_year(text, value, year, words)
                if value is None:
                    continue
        result.append(value)
    return result


def _year_before(offset: int, own_years: list[tuple[int, int]]) -> int | None:
    before = [year for start, year in own_years if start < offset]
    return before[-1] if before else None


def _reparse_with_year(
    text: str, value: DateValue, year: int, words: DateWords
) -> DateValue | None:
    for candidate in find_dates(text, year, words):
        if candidate.start == value.start and candidate.end == value.end:
            return candidate
    return None
