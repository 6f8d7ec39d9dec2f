"""Sentence splitting of paragraph text.

A sentence ends at `.`, `?` or `!` (a closing quote or bracket may follow)
when whitespace and then an upper-case letter, a digit or an opening quote
follow, unless the word before the stop is an abbreviation listed in
`mappings/sentence_abbreviations.txt` (`f.`, `op.`, `pp.`, `ed.`, `Dr.` ...)
or a single capital letter (initials: `M. N. Tukhachevskii`). Footnote
markers have already been taken out of the paragraph text, so
`conspiracy.1 This` reads `conspiracy. This`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

MAPPINGS = Path(__file__).resolve().parents[3] / "mappings"
_BOUNDARY = re.compile(r"""[.?!]['")\]]*(?=\s+['"(]?[A-Z0-9])""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    path = MAPPINGS / "sentence_abbreviations.txt"
    entries = path.read_text(encoding="utf-8").splitlines()
    return frozenset(e.strip() for e in entries if e.strip() and not e.startswith("#"))


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`, whitespace trimmed."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group(0)[0] == "." and _is_abbreviation(text[start : match.start()]):
            continue
        bounds.append((start, match.end()))
        start = match.end()
    bounds.append((start, len(text)))
    return [_trim(text, a, b) for a, b in bounds if text[a:b].strip()]


def _is_abbreviation(before: str) -> bool:
    match = _WORD_BEFORE.search(before)
    if match is None:
        return False
    word = match.group(1)
    if len(word) == 1 and word.isupper():
        return True
    return word in abbreviations() or word.rstrip(".") in abbreviations()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
