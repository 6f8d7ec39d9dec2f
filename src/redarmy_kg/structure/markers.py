"""Footnote markers: digits glued to the end of a word or punctuation in the body.

The body also holds years, dates and decimals, so marker `n` is looked for
only after marker `n - 1` (sequentially within a part), and only as digits that
follow a letter, punctuation or a closing bracket and are not followed by a
further digit (`conspiracy.1`, `1936.107`, `dangerous101`). When that fails, a
marker separated by one space from punctuation (`this. 39`) is accepted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from redarmy_kg.structure.lines import Line
from redarmy_kg.structure.model import Span

_GLUED = r"(?<=[A-Za-z.,;:)?!'\"\]%])({n})(?![\d])"
_LOOSE = r"(?<=[A-Za-z.,;:)?!'\"\]]\s)({n})(?=\s|$)"


def glued_marker(number: int) -> re.Pattern[str]:
    return re.compile(_GLUED.format(n=number))


def loose_marker(number: int) -> re.Pattern[str]:
    return re.compile(_LOOSE.format(n=number))


@dataclass
class FoundMarker:
    number: int
    span: Span
    line_index: int  # index into the part's line list
    loose: bool = False


@dataclass
class MarkerScanner:
    """Finds markers in body lines in order; body lines are appended as they are known."""

    lines: Sequence[Line]
    body: list[int] = field(default_factory=list)
    found: dict[int, FoundMarker] = field(default_factory=dict)
    _cursor_line: int = 0  # position in `body`
    _cursor_col: int = 0

    def add_body(self, line_index: int) -> None:
        self.body.append(line_index)

    def drop_body_after(self, line_index: int) -> list[int]:
        """Take back body lines at or after `line_index` (they were a footnote's)."""
        dropped = [i for i in self.body if i >= line_index]
        self.body = [i for i in self.body if i < line_index]
        return dropped

    def find(self, number: int, allow_loose: bool = True) -> FoundMarker | None:
        if number in self.found:
            return self.found[number]
        hit = self._search(glued_marker(number), number, loose=False)
        if hit is None and allow_loose:
            hit = self._search(loose_marker(number), number, loose=True)
        return hit

    def _search(self, pattern: re.Pattern[str], number: int, loose: bool) -> FoundMarker | None:
        for position in range(self._cursor_line, len(self.body)):
            line_index = self.body[position]
            line = self.lines[line_index]
            column = self._cursor_col if position == self._cursor_line else 0
            match = pattern.search(line.raw, column)
            if match is None:
                continue
            start = line.start + match.start(1)
            marker = FoundMarker(
                number, Span(start, start + len(match.group(1))), line_index, loose
            )
            self.found[number] = marker
            self._cursor_line, self._cursor_col = position, match.end(1)
            return marker
        return None


def line_has_glued_marker(line: Line, number: int) -> bool:
    return glued_marker(number).search(line.raw) is not None
