"""Page and folio locators: `p. 276`, `pp. 89, 93`, `pp. 97- 99`, `ll. 11-12, 19`, `p. xxv`."""

from __future__ import annotations

import re

# a page mark, its full stop sometimes lost in print (`p 493`, `pp 144-150`)
PAGE_MARK = r"(?:pp?\.\s*(?=[\dxivlc])|pp?\s+(?=\d))"
NUM = r"(?:\d+[a-z]?|[ivxlc]+)(?:\s*-\s*(?:\d+|[ivxlc]+)?)?"
PAGE_LOCATOR = re.compile(
    rf"(?<![A-Za-z])(?P<mark>pp?\.|pp?(?=\s\d))\s*(?P<nums>{NUM}(?:\s*,\s*{NUM})*)(?:\s*\((?:p{{1,2}}\.\s*[^)]*|footnote)\))?"
)
FOLIO_LOCATOR = re.compile(rf"(?<![A-Za-z])(?P<mark>ll?\.|l1\.)\s*(?P<nums>{NUM}(?:\s*,\s*{NUM})*)")
ANY_LOCATOR = re.compile(
    rf"(?<![A-Za-z])(?:pp?\.|pp?(?=\s\d)|ll?\.|l1\.)\s*(?:{NUM}(?:\s*,\s*{NUM})*)"
)


def normalise(locator_text: str) -> str:
    """'pp. 97- 99' -> 'pp. 97-99'; 'l1. 3-4' -> 'll. 3-4'; keeps '(p. 72)' style detail."""
    text = re.sub(r"\s*-\s*", "-", locator_text.strip())
    text = re.sub(r"\s*,\s*", ", ", text)
    text = re.sub(r"^l1\.", "ll.", text)
    return re.sub(r"^(pp?|ll?)\.?\s*", r"\1. ", text)


def last_page_locator(text: str, start: int, end: int) -> re.Match[str] | None:
    """The last page locator in text[start:end] (a cite's own pages come last)."""
    found = None
    for match in PAGE_LOCATOR.finditer(text, start, end):
        found = match
    return found
