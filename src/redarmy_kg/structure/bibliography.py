"""The bibliography, split into sections and entries.

Section headings are known short lines (`Archival Sources`, `Newspapers`, ...).
The hanging indent that marked a new entry was lost, so an entry starts on a
line that opens like an author (`Surname, Given`, `Surname Surname, Given`)
after a line that closes an entry (publication details, pages or volume
numbers, or a page range cut short: `pp. 21-`), or on any capitalised line
after such a closing line. In the
archival section an archive's name and its list of fonds form one entry; a
sub-heading `National Archives` is itself an entry's first line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from redarmy_kg.structure.lines import Line
from redarmy_kg.structure.model import BibEntry, BibSection
from redarmy_kg.structure.textblock import Vocabulary, build_block

SECTION_TITLES = (
    "Archival Sources",
    "Newspapers",
    "Document Collections",
    "Unpublished PhD Theses",
    "Books and Journal Articles",
)
_AUTHOR_START = re.compile(r"^[A-Z][\w'-]+(?: [A-Z][\w'-]+)?, [A-Z]")
_ENTRY_END = re.compile(r"(?:\)|\d-?|\b[IVX]+|book \d+|\(\d{4}\))[,.]?$")
_ARCHIVE_START = re.compile(r"(arkhiv|Archives)\b")


def parse_bibliography(
    corpus: str, lines: Sequence[Line], first: int, last: int, vocabulary: Vocabulary
) -> list[BibEntry]:
    """Entries of the lines `first..last-1` (after the Bibliography heading)."""
    entries: list[BibEntry] = []
    section, section_index = "", 0
    current: list[int] = []

    def flush() -> None:
        if current and section:
            pieces = [lines[i].content_span() for i in current if lines[i].text]
            index = sum(1 for e in entries if e.section_index == section_index) + 1
            block = build_block(corpus, pieces, vocabulary)
            key = f"bibliography/{section_index}/{index}"
            entries.append(BibEntry(key, section, section_index, index, block))
        current.clear()

    for index in range(first, last):
        text = lines[index].text
        if text in SECTION_TITLES:
            flush()
            section, section_index = text, SECTION_TITLES.index(text) + 1
            continue
        if not text:
            continue
        if _starts_entry(section, text, lines[current[-1]].text if current else None):
            flush()
        current.append(index)
    flush()
    return entries


def bibliography_sections(lines: Sequence[Line], first: int, last: int) -> list[BibSection]:
    """The section headings of lines `first..last-1`; a repeated heading is not a new section."""
    sections: dict[int, BibSection] = {}
    for index in range(first, last):
        text = lines[index].text
        if text in SECTION_TITLES:
            number = SECTION_TITLES.index(text) + 1
            sections.setdefault(number, BibSection(number, text, lines[index].content_span()))
    return sorted(sections.values(), key=lambda s: s.index)


def _starts_entry(section: str, text: str, previous: str | None) -> bool:
    if previous is None:
        return True
    if section == "Archival Sources":
        return bool(_ARCHIVE_START.search(text)) and not text.startswith(("f. ", "Fond"))
    if section == "Newspapers":
        return True
    if not _ENTRY_END.search(previous.rstrip()):
        return False
    return bool(_AUTHOR_START.match(text)) or text[:1].isupper() and not _continues(previous)


def _continues(previous: str) -> bool:
    """A closing-looking line that still runs on (`... 2 vols (London:`)."""
    return previous.rstrip().endswith((":", ",", "-", "and", "of", "in"))
