"""How far a cite of a work runs in a footnote, and the pages it gives."""

from __future__ import annotations

import re

from redarmy_kg.citations.locators import PAGE_LOCATOR, normalise

IMPRINT = re.compile(r"\((?:[^():]+:\s*)?[^()]*\d{4}(?:\s*-\s*\d{2,4})?\)")
PUBLISHER_IMPRINT = re.compile(r"\([^():]+:\s*[^()]*\d{4}(?:\s*-\s*\d{2,4})?\)")
STOP = re.compile(r"\b(?:RGVA|RGASPI|TNA|[Ii]bid)\b")
NEXT_CITE = re.compile(r",\s+(?:and|see|see also)\s+(?=[A-Z])")
MORE_PAGES = re.compile(r"\)?\s*,\s*(?=pp?\.\s*[\dxivlc])")


def work_extent(text: str, start: int, end: int) -> tuple[int, str]:
    """End of the cite (after its page locators, else the chunk) and its pages.

    `II (pp. 96-166), p. 109`: a chapter's range in brackets gives way to the cited page;
    `p. 187, p. 432`: both pages are kept."""
    stop_at = STOP.search(text, start, end)
    if stop_at:
        end = stop_at.start()
    locator = PAGE_LOCATOR.search(text, start, end)
    if locator is None:
        next_cite = NEXT_CITE.search(text, start, end)
        stop = next_cite.start() if next_cite else end
        imprint = _last_imprint(text, start, stop)
        if imprint is not None:
            volume = re.compile(r",\s*[IVX]{1,5}(?:\s*\(\d{4}\))?").match(text, imprint, end)
            stop = volume.end() if volume else imprint
        while stop > start and text[stop - 1] in " .;,":
            stop -= 1
        return stop, ""
    found = [locator]
    while (more := MORE_PAGES.match(text, found[-1].end(), end)) is not None:
        following = PAGE_LOCATOR.match(text, more.end(), end)
        if following is None:
            break
        found.append(following)
    if len(found) > 1 and text[max(0, found[0].start() - 1)] == "(":
        found = found[1:]
    pages = [_pages(m) for m in found]
    return found[-1].end(), pages[0] if len(pages) == 1 else _join_pages(pages)


def _last_imprint(text: str, start: int, end: int) -> int | None:
    """End of the last '(Place: Publisher, 1999)' in text[start:end], if any."""
    found = None
    for match in PUBLISHER_IMPRINT.finditer(text, start, end):
        found = match.end()
    return found


def _pages(locator: re.Match[str]) -> str:
    inner = re.search(r"\((p{1,2}\.\s*[^)]*)\)", locator.group(0))
    if inner:
        return normalise(inner.group(1))
    return normalise(f"{locator.group('mark')} {locator.group('nums')}")


def _join_pages(pages: list[str]) -> str:
    numbers = [re.sub(r"^pp?\.\s*", "", p) for p in pages]
    return "pp. " + ", ".join(numbers)
