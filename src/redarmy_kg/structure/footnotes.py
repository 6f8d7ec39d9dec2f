"""Telling footnote lines from body lines within one part.

Each printed page's footnotes follow its last body line; the body then resumes.
The classifier walks the part's lines once:

* A **footnote start** is a line opening with the next expected number `n`
  (`52For more` and `4  Getty` included) whose marker `n` has already been seen
  in the body. A body line that merely opens with that number (`16 March ...`)
  fails the marker test.
* Inside a footnote block, the lines after footnote `j` are its continuation as
  long as marker `j + 1` is already in the body (footnote `j + 1` must then
  follow on the same page). Otherwise footnote `j` is the page's last and the
  body resumes somewhere before the line that carries marker `j + 1`; the lines
  up to there are labelled by `layout_scores.label_gap` (line widths: footnote
  type is smaller, so full footnote lines are wider; citation furniture; how
  the footnote ends; how the resumed body line begins). That labelling may also
  give the footnote an unnumbered continuation at the foot of a later page when
  it broke off mid-sentence and that page has no footnotes of its own.
* A footnote that breaks off mid-sentence may also continue, unnumbered, at the
  top of the next page's footnotes: just before the next footnote start (after
  the body line carrying that footnote's marker). `continuation_start` decides
  how many lines, if any, belong to it.
* Whether a footnote is truncated (its last line lost) is read from its final
  text by the document assembly, not decided here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from redarmy_kg.structure.layout_scores import (
    FOOTNOTE,
    continuation_start,
    ends_sentence,
    label_gap,
)
from redarmy_kg.structure.lines import Line
from redarmy_kg.structure.markers import FoundMarker, MarkerScanner, glued_marker

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_START = re.compile(rf"^\d+ (?:{_MONTHS})\b")


@dataclass
class FootnoteLines:
    """A footnote as the part's line indices it occupies (first = the numbered line)."""

    number: int
    lines: list[int]
    number_width: int  # characters of the number at the start of its first line
    continued_at: int | None = None  # first line of an unnumbered continuation
    flags: list[str] = field(default_factory=list)


@dataclass
class PartLayout:
    body: list[int]  # line indices of body text, in order
    footnotes: list[FootnoteLines]
    markers: dict[int, FoundMarker]


def footnote_number_at(line: Line) -> int | None:
    match = re.match(r"(\d+)", line.raw)
    return int(match.group(1)) if match else None


def lay_out_part(lines: Sequence[Line]) -> PartLayout:
    """Classify every line of one part (heading excluded) as body or footnote."""
    scanner = MarkerScanner(lines)
    footnotes: list[FootnoteLines] = []
    pending: FootnoteLines | None = None  # ended mid-sentence at a page break
    last_body: int | None = None
    claimed: set[int] = set()  # continuation lines already given to a footnote
    index = 0
    while index < len(lines):
        expected = len(footnotes) + 1
        if index in claimed:
            index += 1
            continue
        if not _is_footnote_start(lines[index], expected, scanner):
            scanner.add_body(index)
            last_body = index
            index += 1
            continue
        if pending is not None:
            _attach_continuation(pending, lines, scanner, index)
            last_body = scanner.body[-1] if scanner.body else None
            pending = None
        index, pending = _read_block(lines, index, scanner, footnotes, last_body, claimed)
    return PartLayout(scanner.body, footnotes, scanner.found)


def _is_footnote_start(line: Line, expected: int, scanner: MarkerScanner) -> bool:
    if footnote_number_at(line) != expected:
        return False
    if _DATE_START.match(line.raw) and scanner.find(expected, allow_loose=False) is None:
        return False
    return scanner.find(expected) is not None


def _read_block(
    lines: Sequence[Line],
    index: int,
    scanner: MarkerScanner,
    footnotes: list[FootnoteLines],
    last_body: int | None,
    claimed: set[int],
) -> tuple[int, FootnoteLines | None]:
    """Read one page's footnotes from `index`; return where the body resumes."""
    while True:
        number = len(footnotes) + 1
        footnote = FootnoteLines(number, [index], len(str(number)))
        footnotes.append(footnote)
        index += 1
        if scanner.find(number + 1) is not None:
            # the next footnote is on this page: everything up to it continues this one
            while index < len(lines) and footnote_number_at(lines[index]) != number + 1:
                footnote.lines.append(index)
                index += 1
            if index >= len(lines):
                break
            continue
        limit = _body_limit(lines, index, number + 1)
        labels = label_gap(lines, index, min(limit, len(lines) - 1), index - 1, last_body)
        return _apply_gap_labels(footnote, labels, index, lines, claimed)
    last = footnotes[-1]
    return index, (None if ends_sentence(_last_text(last, lines)) else last)


def _apply_gap_labels(
    footnote: FootnoteLines,
    labels: list[int],
    first: int,
    lines: Sequence[Line],
    claimed: set[int],
) -> tuple[int, FootnoteLines | None]:
    """Give the footnote its labelled lines; return where the body resumes."""
    position = 0
    while position < len(labels) and labels[position] == FOOTNOTE:
        footnote.lines.append(first + position)
        position += 1
    resume = first + position
    later = [first + i for i in range(position, len(labels)) if labels[i] == FOOTNOTE]
    if later:
        footnote.continued_at = later[0]
        footnote.lines.extend(later)
        claimed.update(later)
        footnote.flags.append("continued-after-page-break")
    return resume, None if ends_sentence(_last_text(footnote, lines)) else footnote


def _body_limit(lines: Sequence[Line], index: int, next_number: int) -> int:
    """The last line that can still open the resumed body: the one carrying the next marker."""
    pattern = glued_marker(next_number)
    for position in range(index, len(lines)):
        line = lines[position]
        if footnote_number_at(line) == next_number:
            return position
        if pattern.search(line.raw):
            return position
    return len(lines)


def _attach_continuation(
    pending: FootnoteLines, lines: Sequence[Line], scanner: MarkerScanner, start: int
) -> None:
    """Give `pending` the unnumbered lines just before footnote start `start`, if any."""
    marker = scanner.found.get(pending.number + 1)
    earliest = (marker.line_index + 1) if marker else start
    earliest = max(earliest, pending.lines[-1] + 1)
    first = continuation_start(lines, earliest, start)
    if first == start:
        return
    scanner.drop_body_after(first)
    pending.continued_at = first
    pending.lines.extend(range(first, start))
    pending.flags.append("continued-after-page-break")


def _last_text(footnote: FootnoteLines, lines: Sequence[Line]) -> str:
    return lines[footnote.lines[-1]].text
