"""Which date of a sentence belongs to an event trigger.

The nearest date in the trigger's clause (clauses end at `;`, `:` and at
`but`/`while`/`whereas`/`although`), decades only when nothing finer is there.
A pluperfect (`had been arrested`) speaks of an earlier time than the
sentence's dates, so it takes only a date right after the trigger. A sentence
without a date takes the date of the nearest of the two sentences before it in
the same paragraph that has one (flagged as taken from context), unless it
dates itself relative to another time (`a month later`) or that sentence is an
aside (`had`, `would`, `since`) or a guess (`must have`, `may`). A date compared
with (`greater than 1914`, `since 1934`) is not the event's date.
"""

from __future__ import annotations

import re

from redarmy_kg.dates.model import DateValue

CLAUSE_BREAK = re.compile(r"[;:]|\s(?:but|while|whereas|although|though)\s")
PLUPERFECT = re.compile(r"\bhad\s+(?:(?:also|already|been|previously|earlier|just)\s+)*$")
CONTEXT_SENTENCES = 2
RELATIVE_TIME = re.compile(
    r"\b(?:days?|weeks?|months?|years?)\s+(?:later|after|before|earlier)\b"
    r"|\bthe\s+(?:next|following|previous|same)\s+(?:day|week|month|year)\b"
    r"|\bthe\s+day\s+(?:after|before)\b|\b(?:afterwards|subsequently|eventually|soon)\b"
)
ASIDE = re.compile(r"\b(?:had|would|since|as early as|previously|must|may|might|could)\b")
NOT_WHEN = re.compile(r"\b(?:than|since|until|as early as)\s+(?:the\s+|early\s+|late\s+)?$")
ADJACENT_CHARS = 30


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = 0
    for match in CLAUSE_BREAK.finditer(text):
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end:
            return left, match.start()
    return left, len(text)


def is_pluperfect(text: str, trigger_start: int) -> bool:
    return PLUPERFECT.search(text[:trigger_start]) is not None


def date_in_sentence(
    text: str, dates: list[DateValue], trigger_start: int, trigger_end: int
) -> DateValue | None:
    if is_pluperfect(text, trigger_start):
        adjacent = [d for d in dates if 0 <= d.start - trigger_end <= ADJACENT_CHARS]
        return adjacent[0] if adjacent else None
    left, right = clause_bounds(text, trigger_start, trigger_end)
    in_clause = [
        d
        for d in dates
        if d.start >= left and d.end <= right and not NOT_WHEN.search(text[left : d.start])
    ]
    finer = [d for d in in_clause if d.precision != "decade"]
    pool = finer or in_clause
    if not pool:
        return None
    return min(pool, key=lambda d: (_distance(d, trigger_start, trigger_end), d.start))


def date_from_context(text: str, previous: list[tuple[str, list[DateValue]]]) -> DateValue | None:
    """The date `text` takes from its paragraph's earlier sentences (`previous`, nearest last).

    None when `text` places itself relative to another time (`a month later`, `the
    day after`), or when the nearest dated sentence is an aside (`had formed in
    1932`) or dates by a range or decade.
    """
    if RELATIVE_TIME.search(text):
        return None
    for earlier_text, dates in reversed(previous[-CONTEXT_SENTENCES:]):
        if not dates:
            continue
        usable = [d for d in dates if d.precision not in ("decade", "range")]
        if not usable or ASIDE.search(earlier_text):
            return None
        return usable[-1]
    return None


def _distance(date: DateValue, start: int, end: int) -> int:
    if date.start >= end:
        return date.start - end
    if date.end <= start:
        return start - date.end
    return 0
