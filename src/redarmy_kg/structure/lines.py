"""The corpus as a table of lines with their character offsets."""

from __future__ import annotations

from dataclasses import dataclass

from redarmy_kg.structure.model import Span


@dataclass(frozen=True)
class Line:
    """One line of the corpus; `number` is 1-based as in an editor."""

    number: int
    start: int  # corpus offset of the first character
    raw: str  # without the newline

    @property
    def text(self) -> str:
        """The line without leading and trailing whitespace."""
        return self.raw.strip()

    @property
    def end(self) -> int:
        return self.start + len(self.raw)

    @property
    def width(self) -> int:
        """Printed width in characters, the best clue to body vs footnote type."""
        return len(self.raw.rstrip())

    def content_span(self, skip: int = 0) -> Span:
        """Span of the stripped text, optionally after its first `skip` characters."""
        body = self.raw[skip:]
        lead = len(body) - len(body.lstrip())
        stripped = body.strip()
        start = self.start + skip + lead
        return Span(start, start + len(stripped))


def line_table(corpus: str) -> list[Line]:
    """Every line of the corpus (the final empty piece after a trailing newline is dropped)."""
    table: list[Line] = []
    offset = 0
    for number, raw in enumerate(corpus.split("\n"), start=1):
        table.append(Line(number, offset, raw))
        offset += len(raw) + 1
    if table and table[-1].raw == "" and corpus.endswith("\n"):
        table.pop()
    return table
