"""Building a `TextBlock` from raw corpus spans.

Pieces (usually one printed line each) are joined with a single space, which
maps to the offset of the raw character just after the previous piece (the
newline). A piece that ends in a hyphen is joined to the next piece without a
space. The thesis was set by a word processor without automatic hyphenation,
so a line-end hyphen is normally a real one (`Civil-` / `War`,
`rank-and-` / `file`, `Voenno-` / `istoricheskii`, `1937-` / `38`) and is kept.
It is dropped only when the corpus never writes the hyphenated compound but
does write the joined word (`counter-` / `revolutionaries`: the thesis writes
`counterrevolutionaries` 37 times and never with a hyphen), the case of a word
broken at the line end (`deter-` / `mined`). The vocabulary is the corpus itself.

Characters inside a piece are kept as they are (double spaces stand for lost
dashes); `skip` spans (footnote markers) are left out of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from redarmy_kg.structure.model import Span, TextBlock

_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_TRAILING_FRAGMENT = re.compile(r"((?:[A-Za-z]+-)*[A-Za-z]+)-$")
_LEADING_FRAGMENT = re.compile(r"^([a-z]+)")


class Vocabulary:
    """Lower-cased words and hyphenated compounds that occur in the corpus."""

    def __init__(self, corpus: str) -> None:
        self.words: set[str] = set()
        self.compounds: set[str] = set()
        for match in _WORD.finditer(corpus):
            token = match.group(0).lower()
            if "-" in token:
                self.compounds.add(token)
            self.words.update(token.split("-"))

    def join_hyphenated(self, head: str, tail: str) -> bool:
        """True when `head-` + `tail` is one word broken at the line end.

        `head` may itself be a compound (`rank-and`); only its last part joins.
        """
        if f"{head}-{tail}".lower() in self.compounds:
            return False
        last = head.rsplit("-", 1)[-1]
        return (last + tail).lower() in self.words and "-" not in head


def build_block(
    corpus: str,
    pieces: Sequence[Span],
    vocabulary: Vocabulary | None = None,
    skip: Iterable[Span] = (),
) -> TextBlock:
    """Join `pieces` (in corpus order) into a cleaned text with its offset map."""
    skipped = _skipped_offsets(skip)
    chars: list[str] = []
    offsets: list[int] = []
    for index, piece in enumerate(pieces):
        raw = piece.slice(corpus)
        keep_hyphen = True
        if index + 1 < len(pieces):
            keep_hyphen = _keeps_hyphen(raw, pieces[index + 1].slice(corpus), vocabulary)
        end = piece.end
        mended = raw.endswith("-") and index + 1 < len(pieces)
        if mended and not keep_hyphen:
            end -= 1
        for offset in range(piece.start, end):
            if offset not in skipped:
                chars.append(corpus[offset])
                offsets.append(offset)
        if index + 1 < len(pieces) and not mended:
            chars.append(" ")
            offsets.append(piece.end)
    _trim(chars, offsets)
    return TextBlock("".join(chars), offsets, merge_segments(corpus, pieces))


def _keeps_hyphen(raw: str, following: str, vocabulary: Vocabulary | None) -> bool:
    if not raw.endswith("-"):
        return True
    head = _TRAILING_FRAGMENT.search(raw)
    tail = _LEADING_FRAGMENT.match(following)
    if head is None or tail is None:
        return True  # digits, upper-case continuation, punctuation
    if vocabulary is None:
        return False
    return not vocabulary.join_hyphenated(head.group(1), tail.group(1))


def _skipped_offsets(skip: Iterable[Span]) -> set[int]:
    return {offset for span in skip for offset in range(span.start, span.end)}


def _trim(chars: list[str], offsets: list[int]) -> None:
    while chars and chars[-1].isspace():
        chars.pop()
        offsets.pop()
    while chars and chars[0].isspace():
        del chars[0]
        del offsets[0]


def merge_segments(corpus: str, pieces: Sequence[Span]) -> tuple[Span, ...]:
    """Merge pieces separated only by whitespace (line breaks) into segments."""
    segments: list[Span] = []
    for piece in pieces:
        if (
            segments
            and corpus[segments[-1].end : piece.start].isspace()
            or (segments and segments[-1].end == piece.start)
        ):
            segments[-1] = Span(segments[-1].start, piece.end)
        else:
            segments.append(piece)
    return tuple(segments)


def sub_block(block: TextBlock, start: int, end: int, corpus: str) -> TextBlock:
    """The part `text[start:end]` of a block, with its own segments."""
    offsets = block.char_offsets[start:end]
    segments = [seg for seg in block.segments if seg.end > offsets[0] and seg.start <= offsets[-1]]
    clipped = []
    for seg in segments:
        clipped.append(Span(max(seg.start, offsets[0]), min(seg.end, offsets[-1] + 1)))
    return TextBlock(block.text[start:end], list(offsets), tuple(clipped))
