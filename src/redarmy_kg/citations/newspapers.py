"""Newspaper articles: `The Purge of the Eight Russian Generals, The Manchester Guardian,
3 July 1937, p. 16` and `Krasnaia zvezda, Bditelnost prezhde vsego, 5.1.1935, p. 1`."""

from __future__ import annotations

import re
from datetime import date

from redarmy_kg.citations.model import NewspaperRef
from redarmy_kg.citations.patterns import Newspaper, Patterns

MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)
LONG_DATE = re.compile(r"(?P<day>\d{1,2})\s(?P<month>[A-Z][a-z]+)\s(?P<year>\d{4})")
DOTTED_DATE = re.compile(r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})")
PAGE = re.compile(r",?\s*p\.\s*(?P<page>\d+)")
LEAD_IN = re.compile(r"(?:^|\b)(?:see(?:\s+for\s+example)?|for\s+example),?\s+", re.IGNORECASE)


def title_pattern(patterns: Patterns) -> re.Pattern[str]:
    variants = sorted(
        {v for paper in patterns.newspapers for v in paper.variants}, key=len, reverse=True
    )
    return re.compile(r"\b(?P<title>" + "|".join(re.escape(v) for v in variants) + r")\b")


def find_date(text: str) -> tuple[str, re.Match[str]] | None:
    for pattern in (LONG_DATE, DOTTED_DATE):
        match = pattern.search(text)
        if not match:
            continue
        month_text = match.group("month")
        month = int(month_text) if month_text.isdigit() else _month(month_text)
        if month is None:
            continue
        try:
            day = date(int(match.group("year")), month, int(match.group("day")))
        except ValueError:
            continue
        return day.isoformat(), match
    return None


def _month(name: str) -> int | None:
    lowered = name.lower()
    return MONTHS.index(lowered) + 1 if lowered in MONTHS else None


def paper_for(title: str, patterns: Patterns) -> Newspaper | None:
    for paper in patterns.newspapers:
        if title in paper.variants:
            return paper
    return None


def parse_newspaper(
    text: str, chunk_start: int, title_start: int, end: int, patterns: Patterns
) -> NewspaperRef | None:
    """A newspaper cite whose title starts at `title_start`: needs a date within the chunk."""
    title = title_pattern(patterns).match(text, title_start, end)
    if not title:
        return None
    found = find_date(text[title.end() : end])
    if found is None:
        return None
    iso, date_match = found
    date_end = title.end() + date_match.end()
    start = _article_start(text, chunk_start, title_start)
    page = PAGE.match(text, date_end, end)
    stop = page.end() if page else date_end
    article_before = text[start:title_start].strip(" ,")
    article_after = text[title.end() : title.end() + date_match.start()].strip(" ,")
    paper = paper_for(title.group("title"), patterns)
    return NewspaperRef(
        raw=text[start:stop],
        start=start,
        end=stop,
        newspaper=paper.key if paper else "",
        title=paper.title if paper else title.group("title"),
        article=article_before or article_after,
        date=iso,
        page=f"p. {page.group('page')}" if page else "",
    )


def _article_start(text: str, chunk_start: int, title_start: int) -> int:
    """Where the article's title begins: after the chunk's last 'see'/'for example'."""
    start = chunk_start
    for match in LEAD_IN.finditer(text, chunk_start, title_start):
        start = match.end()
    while start < title_start and text[start] == " ":
        start += 1
    return start


def parse_chained(text: str, start: int, end: int, last: NewspaperRef) -> NewspaperRef | None:
    """`; Eshche vishe bditelnost, 20.6.1935, p. 1`: another article of the same newspaper."""
    found = find_date(text[start:end])
    if found is None:
        return None
    iso, date_match = found
    article = text[start : start + date_match.start()].strip(" ,")
    if not article or len(article) > 150 or re.search(r"\b(?:see|ibid)\b", article, re.I):
        return None
    date_end = start + date_match.end()
    page = PAGE.match(text, date_end, end)
    stop = page.end() if page else date_end
    return NewspaperRef(
        raw=text[start:stop], start=start, end=stop, flags=["inherited"],
        newspaper=last.newspaper, title=last.title, article=article, date=iso,
        page=f"p. {page.group('page')}" if page else "",
    )
