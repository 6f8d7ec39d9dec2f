"""Split a footnote's text into chunks at ';' and sentence ends (never inside brackets).

The chunks partition the text exactly: chunk i ends where chunk i+1 starts, so
whatever the later steps do, no character is lost.
"""

from __future__ import annotations

import re

SENTENCE_END = re.compile(r"\.\s+(?=[A-Z\"(])")
SEMICOLON = re.compile(r";\s*")


def _word_before(text: str, dot: int) -> str:
    match = re.search(r"([A-Za-z0-9]+)$", text[:dot])
    return match.group(1) if match else ""


def _depth_map(text: str) -> list[int]:
    depth, depths = 0, []
    for char in text:
        if char == "(":
            depth += 1
        depths.append(depth)
        if char == ")" and depth:
            depth -= 1
    return depths


def is_sentence_end(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    """Is the '.' at `dot` the end of a sentence (not 'p.', 'ed.', an initial 'A.')?"""
    if text[dot] != ".":
        return True
    word = _word_before(text, dot)
    if not word:
        return True
    if word.lower() in abbreviations:
        return False
    initial = len(word) == 1 and word.isupper()
    transliterated_initial = len(word) == 2 and word[0].isupper() and word[1].islower()  # Zh., Iu.
    return not (initial or transliterated_initial)


def split_chunks(text: str, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """Half-open (start, end) chunks covering `text` from 0 to len(text) without gaps."""
    depths = _depth_map(text)
    cuts: set[int] = set()
    for match in SEMICOLON.finditer(text):
        if depths[match.start()] == 0:
            cuts.add(match.end())
    for match in SENTENCE_END.finditer(text):
        if depths[match.start()] == 0 and is_sentence_end(text, match.start(), abbreviations):
            cuts.add(match.end())
    bounds = [0, *sorted(c for c in cuts if 0 < c < len(text)), len(text)]
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a] or [(0, 0)]
