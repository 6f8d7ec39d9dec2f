"""Which date of a sentence belongs to an event trigger.

The nearest date in the trigger's clause (clauses end at `;`, `:` and at
`but`/`while`/`whereas`/`although`), decades only when nothing finer is there.
A pluperfect (`had been arrested`) speaks of an earlier time than the
sentence's dates, so it takes only a date right after the trigger. A sentence
without a date takes the date of the nearest of the two sentences before it in
the same paragraph that has one (flagged as taken from context).
"""

from __future__ import annotations

import re

from redarmy_kg.dates.model import DateValue

CLAUSE_BREAK = re.compile(r"[;:]|\s(?:but|while|whereas|although|though)\s")
PLUPERFECT = re.compile(r"\bhad\s+(?:(?:also|already|been|previously|earlier|just)\s+)*$")
CONTEXT_SENTENCES = 2
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
    in_clause = [d for d in dates if d.start >= left and d.end <= right]
    finer = [d for d in in_clause if d.precision != "decade"]
    pool = finer or in_clause
    if not pool:
        return None
    return min(pool, key=lambda d: (_distance(d, trigger_start, trigger_end), d.start))


def date_from_context(previous_dates: list[list[DateValue]]) -> DateValue | None:
    """`previous_dates`: the dates of the paragraph's earlier sentences, nearest last."""
    for dates in reversed(previous_dates[-CONTEXT_SENTENCES:]):
        finer = [d for d in dates if d.precision != "decade"]
        if finer:
            return finer[-1]
    return None


def _distance(date: DateValue, start: int, end: int) -> int:
    if date.start >= end:
        return date.start - end
    if date.end <= start:
        return start - date.end
    return 0
