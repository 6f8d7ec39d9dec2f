"""Part headings (Introduction, Chapters One to Five, Conclusion, Bibliography)
and section headings inside the chapters."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from redarmy_kg.structure.layout_scores import ends_sentence
from redarmy_kg.structure.lines import Line
from redarmy_kg.structure.model import Part, Span

CHAPTER_NUMBERS = {"One": 1, "Two": 2, "Three": 3, "Four": 4, "Five": 5}
_CHAPTER = re.compile(r"^Chapter (One|Two|Three|Four|Five): (.+?)\s*$")
_SINGLE = {"Introduction": "intro", "Conclusion": "conclusion", "Bibliography": "bibliography"}
_SMALL_WORDS = {"a", "an", "and", "the", "of", "in", "on", "for", "to", "from", "with", "by"}


@dataclass(frozen=True)
class PartHeading:
    key: str
    label: str
    title: str
    number: int | None
    line_index: int  # index into the corpus line table


def find_part_headings(lines: Sequence[Line]) -> list[PartHeading]:
    """The first line that reads exactly like each part's heading, in corpus order."""
    headings: list[PartHeading] = []
    seen: set[str] = set()
    for index, line in enumerate(lines):
        heading = _part_heading(line.text, index)
        if heading is not None and heading.key not in seen:
            seen.add(heading.key)
            headings.append(heading)
    return headings


def _part_heading(text: str, index: int) -> PartHeading | None:
    match = _CHAPTER.match(text)
    if match:
        number = CHAPTER_NUMBERS[match.group(1)]
        label = f"Chapter {match.group(1)}"
        return PartHeading(f"ch{number}", label, match.group(2), number, index)
    if text in _SINGLE:
        return PartHeading(_SINGLE[text], text, text, None, index)
    return None


def build_parts(
    lines: Sequence[Line], headings: Sequence[PartHeading], corpus_end: int
) -> list[Part]:
    parts: list[Part] = []
    for position, heading in enumerate(headings):
        line = lines[heading.line_index]
        if position + 1 < len(headings):
            end = lines[headings[position + 1].line_index].start
        else:
            end = corpus_end
        parts.append(
            Part(
                key=heading.key,
                label=heading.label,
                title=heading.title,
                number=heading.number,
                heading=line.content_span(),
                span=Span(line.start, end),
            )
        )
    return parts


def is_section_heading(line: Line, previous: Line | None, following: Line | None) -> bool:
    """A short title-case line without final punctuation, between two paragraphs."""
    text = line.text
    if not text or len(text) >= 70 or line.raw.startswith(" ") or text[0].isdigit():
        return False
    if re.search(r"[.,;:?!\d]$", text) or not text[0].isupper():
        return False
    words = [w for w in re.findall(r"[A-Za-z-]+", text) if w.lower() not in _SMALL_WORDS]
    lower_case = sum(1 for w in words if not w[0].isupper())
    if not words or lower_case > 1:  # titles capitalise all but small words
        return False
    if previous is not None and not ends_sentence(previous.text):
        return False
    return following is None or following.text[:1].isupper() or following.text[:1].isdigit()
