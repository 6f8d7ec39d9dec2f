"""Paragraphs of a part's body text.

The PDF lost the paragraph indentation, so a paragraph ends at a body line
that ends in two or more spaces (the extraction's trace of a paragraph mark:
it marks the last lines of paragraphs, and the line before a block quote),
at a line that finishes a sentence (a marker may follow) and is clearly short
of the full width (under 72 characters), before an indented line (a leading
space survived in a few places) and before a section heading.
"""

from __future__ import annotations

from collections.abc import Sequence

from redarmy_kg.structure.layout_scores import ends_sentence
from redarmy_kg.structure.lines import Line

PARAGRAPH_END_WIDTH = 72


def group_paragraphs(
    lines: Sequence[Line], body: Sequence[int], headings: set[int]
) -> list[list[int]]:
    """Split the body line indices into paragraphs (lists of line indices)."""
    paragraphs: list[list[int]] = []
    current: list[int] = []
    for position, index in enumerate(body):
        if index in headings:
            if current:
                paragraphs.append(current)
            current = []
            continue
        line = lines[index]
        if current and line.raw.startswith(" ") and line.width > 40:
            paragraphs.append(current)
            current = []
        if not line.text:
            continue
        current.append(index)
        following = body[position + 1] if position + 1 < len(body) else None
        if _ends_paragraph(line) or following is None or following in headings:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


def _ends_paragraph(line: Line) -> bool:
    if len(line.raw) - len(line.raw.rstrip(" ")) >= 2:
        return True  # the extraction left two spaces where a paragraph mark stood
    return line.width < PARAGRAPH_END_WIDTH and ends_sentence(line.text)
