"""Front matter: title page, copyright statement, abstract and the abbreviations."""

from __future__ import annotations

import re
from collections.abc import Sequence

from redarmy_kg.structure.lines import Line
from redarmy_kg.structure.model import Abbreviation, FrontMatter, Span
from redarmy_kg.structure.textblock import Vocabulary, build_block

_SUBMITTED = re.compile(r"Submitted (\w+) (\d{4})")
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# "GPU - State ...", "GUGB  Main ..." (the dash lost, two spaces left)
_ABBREVIATION = re.compile(r"^(\S+(?: \([^)]*\))?)(?: - |\s{2,})(.+)$")


def _find(lines: Sequence[Line], text: str, start: int = 0) -> int:
    for index in range(start, len(lines)):
        if lines[index].text == text:
            return index
    raise ValueError(f"front matter heading not found: {text!r}")


def parse_front_matter(
    corpus: str, lines: Sequence[Line], end: int, vocabulary: Vocabulary
) -> FrontMatter:
    """Lines before `end` (the Introduction heading)."""
    title_line = 1  # line 0 is the Word file name the PDF carried
    submitted = next(i for i in range(end) if _SUBMITTED.search(lines[i].text))
    month, year = _SUBMITTED.search(lines[submitted].text).groups()  # type: ignore[union-attr]
    acknowledgements = _find(lines, "Acknowledgements", submitted)
    abstract = _find(lines, "Abstract", acknowledgements)
    contents = _find(lines, "Table of Contents", abstract)
    notice = next(
        i for i in range(submitted, acknowledgements) if lines[i].text.startswith("This copy")
    )
    copyright_lines = [lines[i].text for i in range(notice, acknowledgements)]
    pieces = [lines[i].content_span() for i in range(abstract + 1, contents)]
    return FrontMatter(
        title=lines[title_line].text,
        author=lines[title_line + 1].text,
        degree=_degree(lines[title_line + 2].text),
        institution=lines[title_line + 3].text.split(",")[0].strip(),
        submitted=f"{year}-{_MONTHS.index(month) + 1:02d}",
        copyright_statement=_copyright(copyright_lines),
        abstract=build_block(corpus, pieces, vocabulary),
    )


def _degree(text: str) -> str:
    match = re.search(r"degree of (.+)$", text)
    return match.group(1).strip() if match else text


def _copyright(copyright_lines: list[str]) -> str:
    """The statement, with the lost copyright sign restored on the final line."""
    statement = " ".join(copyright_lines[:-1]) if len(copyright_lines) > 1 else ""
    owner = copyright_lines[-1].strip() if copyright_lines else ""
    return f"{statement} \u00a9 {owner}".strip()


def parse_abbreviations(lines: Sequence[Line], end: int) -> list[Abbreviation]:
    """The list between 'Abbreviations' and 'Terminology and Transliteration'."""
    first = _find(lines, "Abbreviations") + 1
    stop = _find(lines, "Terminology and Transliteration", first)
    entries: list[Abbreviation] = []
    military = False
    for index in range(first, min(stop, end)):
        line = lines[index]
        if line.text == "Military Districts":
            military = True
            continue
        match = _ABBREVIATION.match(line.text)
        if match is None and entries:  # a wrapped expansion
            previous = entries[-1]
            entries[-1] = Abbreviation(
                previous.abbreviation,
                f"{previous.expansion} {line.text}",
                previous.military_district,
                Span(previous.span.start, line.content_span().end),
            )
            continue
        if match is None:
            continue
        entries.append(
            Abbreviation(match.group(1), match.group(2).strip(), military, line.content_span())
        )
    return entries
