"""Coverage accounting: every non-whitespace character of the corpus belongs to
exactly one published component, or is kept as `UnassignedText`.

The components are the leaves of the published structure, each with the raw
corpus runs it was read from:

* front matter items (title-page lines, front section headings and texts),
  abbreviations, part, section and bibliography section headings and sub-headings
  (archive names, with their column caption);
* paragraphs (their segments, less the footnote markers inside them);
* footnote markers (the digits in the body);
* footnotes (their printed number at the foot of the page, and their segments);
* bibliography entries.

Sentences are not counted: they divide their paragraph. What lies outside
every piece is split at blank lines into `UnassignedText` runs.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate

from redarmy_kg.structure.model import Document, Span, TextBlock, UnassignedText

_NON_BLANK_LINES = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")


@dataclass(frozen=True, order=True)
class Piece:
    """One raw run of corpus characters and the key of the component it belongs to."""

    span: Span
    owner: str


@dataclass(frozen=True)
class Coverage:
    non_whitespace_chars: int
    covered_chars: int  # inside at least one piece
    overlapping_chars: int  # inside two or more pieces
    unassigned_spans: int
    unassigned_chars: int  # non-whitespace characters in unassigned text
    overlaps: tuple[tuple[str, str], ...]  # owners of overlapping pieces (first few)

    def as_dict(self) -> dict[str, int]:
        return {
            "non_whitespace_chars": self.non_whitespace_chars,
            "covered_chars": self.covered_chars,
            "overlapping_chars": self.overlapping_chars,
            "unassigned_spans": self.unassigned_spans,
            "unassigned_chars": self.unassigned_chars,
        }


def published_pieces(document: Document) -> list[Piece]:
    """Every published component's raw runs, sorted by position."""
    marker_spans = sorted(m.span for m in document.markers)
    pieces = list(_front_pieces(document))
    pieces += [Piece(a.span, f"abbreviations/{a.abbreviation}") for a in document.abbreviations]
    pieces += [Piece(p.heading, p.key) for p in document.parts]
    pieces += [Piece(s.heading, s.key) for s in document.sections]
    for paragraph in document.paragraphs:
        for segment in paragraph.block.segments:
            pieces += [Piece(s, paragraph.key) for s in _subtract(segment, marker_spans)]
    pieces += [Piece(m.span, f"{m.footnote_key}/marker") for m in document.markers]
    for footnote in document.footnotes:
        if footnote.number_span is not None:
            pieces.append(Piece(footnote.number_span, f"{footnote.key}/label"))
        pieces += _block_pieces(footnote.block, footnote.key)
    key = "bibliography/{}".format
    pieces += [Piece(s.heading, key(s.index)) for s in document.bibliography_sections]
    for subheading in document.bibliography_subheadings:
        pieces += _block_pieces(subheading.block, f"{subheading.key}/heading")
        if subheading.legend is not None:
            pieces += _block_pieces(subheading.legend, f"{subheading.key}/legend")
    for entry in document.bibliography:
        pieces += _block_pieces(entry.block, entry.key)
    return sorted(p for p in pieces if p.span.end > p.span.start)


def _front_pieces(document: Document) -> Iterator[Piece]:
    for item in document.front.items:
        if item.heading is not None:
            yield Piece(item.heading, f"{item.key}/heading")
        if item.block is not None:
            yield from _block_pieces(item.block, item.key)


def _block_pieces(block: TextBlock, owner: str) -> list[Piece]:
    return [Piece(segment, owner) for segment in block.segments]


def _subtract(span: Span, holes: Sequence[Span]) -> list[Span]:
    """`span` less the (sorted, disjoint) `holes`."""
    parts: list[Span] = []
    cursor = span.start
    first = max(bisect.bisect_left(holes, Span(span.start, span.start)) - 1, 0)
    for hole in holes[first:]:
        if hole.start >= span.end:
            break
        if hole.end <= cursor:
            continue
        if hole.start > cursor:
            parts.append(Span(cursor, hole.start))
        cursor = max(cursor, hole.end)
    if cursor < span.end:
        parts.append(Span(cursor, span.end))
    return parts


def _gaps(corpus_length: int, pieces: Iterable[Piece]) -> Iterator[Span]:
    cursor = 0
    for piece in pieces:
        if piece.span.start > cursor:
            yield Span(cursor, piece.span.start)
        cursor = max(cursor, piece.span.end)
    if cursor < corpus_length:
        yield Span(cursor, corpus_length)


def unassigned_text(document: Document) -> list[UnassignedText]:
    """The corpus text outside every published piece, in runs of non-blank lines."""
    corpus = document.corpus
    part_starts = [p.span.start for p in document.parts]
    found: list[UnassignedText] = []
    for gap in _gaps(len(corpus), published_pieces(document)):
        for match in _NON_BLANK_LINES.finditer(corpus, gap.start, gap.end):
            raw = match.group(0)
            start = match.start() + len(raw) - len(raw.lstrip())
            span = Span(start, match.start() + len(raw.rstrip()))
            position = bisect.bisect_right(part_starts, start) - 1
            part = document.parts[position].key if position >= 0 else None
            found.append(UnassignedText(span, span.slice(corpus), part))
    return found


def coverage(document: Document) -> Coverage:
    """How the non-whitespace characters of the corpus are accounted for."""
    count = _non_space_counter(document.corpus)
    covered = overlapping = 0
    overlaps: list[tuple[str, str]] = []
    reach, reach_owner = 0, ""
    for piece in published_pieces(document):
        start, end = piece.span.start, piece.span.end
        if start < reach:
            overlapping += count(start, min(end, reach))
            if len(overlaps) < 20:
                overlaps.append((reach_owner, piece.owner))
        covered += count(max(start, reach), end)
        if end > reach:
            reach, reach_owner = end, piece.owner
    unassigned = document.unassigned
    return Coverage(
        non_whitespace_chars=count(0, len(document.corpus)),
        covered_chars=covered,
        overlapping_chars=overlapping,
        unassigned_spans=len(unassigned),
        unassigned_chars=sum(count(u.span.start, u.span.end) for u in unassigned),
        overlaps=tuple(overlaps),
    )


def _non_space_counter(corpus: str) -> Callable[[int, int], int]:
    """`count(start, end)`: non-whitespace characters in `corpus[start:end]`."""
    before = [0, *accumulate(not char.isspace() for char in corpus)]

    def count(start: int, end: int) -> int:
        return before[end] - before[start] if end > start else 0

    return count
