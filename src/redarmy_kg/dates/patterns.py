"""The regular expressions that find date phrases, built from the curated words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from redarmy_kg.dates.words import DateWords

YEAR = r"(?:1[89]\d\d|20[01]\d)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"


def _alternation(words: list[str] | tuple[str, ...], ignore_case: bool = False) -> str:
    ordered = sorted(words, key=lambda w: (-len(w), w))
    body = "|".join(re.escape(w) for w in ordered)
    return f"(?i:{body})" if ignore_case else f"(?:{body})"


@dataclass(frozen=True)
class DatePatterns:
    """One compiled expression per kind of date phrase, tried in this order."""

    named: tuple[tuple[str, re.Pattern[str]], ...]


@lru_cache(maxsize=4)
def build_patterns(words: DateWords) -> DatePatterns:
    month = _alternation(list(words.months)) + r"\.?"
    season = _alternation(list(words.seasons), ignore_case=True)
    year_part = _alternation(list(words.parts_of_year), ignore_case=True)
    month_part = _alternation(list(words.parts_of_month), ignore_case=True)
    decade_part = _alternation(list(words.parts_of_decade), ignore_case=True)
    prep = _alternation(words.month_prepositions)
    b = r"(?<![\w-])"
    e = r"(?![\w])"
    opt_year = rf"(?:,?\s(?P<y>{YEAR}))?"
    short_y2 = r"(?:\s?-\s?(?P<y2>\d\d(?:\d\d)?))?"
    sep = r"\s?(?:-|to|and)\s?"
    the = r"(?:(?i:the)\s)"
    named = (
        ("day_range", rf"{b}(?P<d1>{DAY}){sep}(?P<d2>{DAY})\s(?P<m>{month}){opt_year}{e}"),
        (
            "cross_month_range",
            rf"{b}(?P<d1>{DAY})\s(?P<m1>{month}){sep}(?P<d2>{DAY})\s(?P<m2>{month}){opt_year}{e}",
        ),
        ("month_range", rf"{b}(?P<m1>{month}){sep}(?P<m2>{month}),?\s(?P<y>{YEAR}){e}"),
        ("part_of_month", rf"{b}(?P<part>{month_part})[\s-]?(?P<m>{month}){opt_year}{e}"),
        ("day_month", rf"{b}(?P<d>{DAY})\s(?P<m>{month}){opt_year}{e}"),
        ("month_day", rf"{b}(?P<m>{month})\s(?P<d>{DAY}),\s(?P<y>{YEAR}){e}"),
        (
            "season",
            rf"{b}{the}?(?P<s1>{season})(?:\s(?:and|or|-|to)\s{the}?(?P<s2>{season}))?"
            rf"\s(?:of\s)?(?P<y>{YEAR}){short_y2}{e}",
        ),
        ("month_year", rf"{b}(?P<m>{month}),?\s(?P<y>{YEAR}){e}"),
        ("decade", rf"{b}(?:(?P<part>{decade_part})[\s-]?)?{the}?(?P<dec>1[89]\d0)s{e}"),
        ("part_of_year", rf"{b}(?P<part>{year_part})[\s-]?(?:in\s)?(?P<y>{YEAR}){short_y2}{e}"),
        (
            "month_year_between",
            rf"{b}(?i:between|from)\s(?P<m1>{month}),?\s(?P<y1>{YEAR})\s(?:and|to|until)\s"
            rf"(?P<m2>{month}),?\s(?P<y2>{YEAR}){e}",
        ),
        (
            "year_between",
            rf"{b}(?i:between|from)\s(?P<y1>{YEAR})\s(?:and|to|until)\s(?P<y2>{YEAR}){e}",
        ),
        ("year_range", rf"{b}(?P<y1>{YEAR})\s?-\s?(?P<y2>\d\d(?:\d\d)?){e}"),
        (
            "bare_month_range",
            rf"{b}{prep}\s(?P<date>(?P<m1>{month})\s(?:and|to|-)\s(?P<m2>{month})){e}"
            rf"(?!\s?\d|,\s?\d)",
        ),
        ("bare_month", rf"{b}{prep}\s(?P<date>(?P<m>{month})){e}(?!\s?\d)"),
        ("year", rf"{b}(?P<y>{YEAR}){e}(?!s)"),
    )
    return DatePatterns(tuple((name, re.compile(rx)) for name, rx in named))
