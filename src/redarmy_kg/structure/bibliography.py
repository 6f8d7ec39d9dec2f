"""The bibliography, split into sections and entries.

Section headings are known short lines (`Archival Sources`, `Newspapers`, ...).
The hanging indent that marked a new entry was lost, so an entry starts on a
line that opens like an author (`Surname, Given`, `Surname Surname, Given`)
after a line that closes an entry (publication details, pages or volume
numbers, or a page range cut short: `pp. 21-`), or on any capitalised line
after such a closing line.

The archival section lists files under archive headings: each line naming a fond
(`f. 4, op. 19, d. 13; 16; 18`, wrapped lines joined) or a National Archives file
(`TNA: PRO: KV 2/404: ...`) is one entry, carrying its archive; the archive names
(`... Military Archive (RGVA)`, `National Archives`) are sub-headings of the
section, with the column caption `Fond, opis, delo:` under them as their legend.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from redarmy_kg.structure.lines import Line
from redarmy_kg.structure.model import BibEntry, BibSection, BibSubheading, TextBlock
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
_FILE_START = re.compile(r"^(?:f\.\s*\d|TNA\b)")
_LEGEND = re.compile(r"^Fond, opis, delo:?$")
ARCHIVAL_SECTION = SECTION_TITLES[0]


@dataclass
class ParsedBibliography:
    entries: list[BibEntry] = field(default_factory=list)
    subheadings: list[BibSubheading] = field(default_factory=list)


def parse_bibliography(
    corpus: str, lines: Sequence[Line], first: int, last: int, vocabulary: Vocabulary
) -> ParsedBibliography:
    """Entries and sub-headings of the lines `first..last-1` (after the Bibliography heading)."""
    parsed = ParsedBibliography()
    section, section_index = "", 0
    current: list[int] = []

    def flush() -> None:
        if current and section == ARCHIVAL_SECTION:
            _add_archival(parsed, section_index, current, lines, corpus, vocabulary)
        elif current and section:
            block = _block(corpus, lines, current, vocabulary)
            _add_entry(parsed, section, section_index, block)
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
    return parsed


def bibliography_sections(lines: Sequence[Line], first: int, last: int) -> list[BibSection]:
    """The section headings of lines `first..last-1`; a repeated heading is not a new section."""
    sections: dict[int, BibSection] = {}
    for index in range(first, last):
        text = lines[index].text
        if text in SECTION_TITLES:
            number = SECTION_TITLES.index(text) + 1
            sections.setdefault(number, BibSection(number, text, lines[index].content_span()))
    return sorted(sections.values(), key=lambda s: s.index)


def _block(
    corpus: str, lines: Sequence[Line], indices: Sequence[int], vocabulary: Vocabulary
) -> TextBlock:
    pieces = [lines[i].content_span() for i in indices if lines[i].text]
    return build_block(corpus, pieces, vocabulary)


def _add_entry(
    parsed: ParsedBibliography,
    section: str,
    section_index: int,
    block: TextBlock,
    subheading: BibSubheading | None = None,
) -> None:
    index = sum(1 for e in parsed.entries if e.section_index == section_index) + 1
    key = f"bibliography/{section_index}/{index}"
    archive = subheading.block.text if subheading else ""
    subheading_key = subheading.key if subheading else ""
    parsed.entries.append(
        BibEntry(key, section, section_index, index, block, archive, subheading_key)
    )


def _add_archival(
    parsed: ParsedBibliography,
    section_index: int,
    indices: Sequence[int],
    lines: Sequence[Line],
    corpus: str,
    vocabulary: Vocabulary,
) -> None:
    """The archival section's lines as archive sub-headings, legends and one entry per file line."""
    subheading: BibSubheading | None = None
    for kind, group in _archival_groups([(i, lines[i].text) for i in indices]):
        block = _block(corpus, lines, group, vocabulary)
        if kind == "heading":
            number = sum(1 for h in parsed.subheadings if h.section_index == section_index) + 1
            key = f"bibliography/{section_index}/sub/{number}"
            subheading = BibSubheading(key, section_index, number, block)
            parsed.subheadings.append(subheading)
        elif kind == "legend" and subheading is not None and subheading.legend is None:
            subheading.legend = block
        else:
            _add_entry(parsed, ARCHIVAL_SECTION, section_index, block, subheading)


def _archival_groups(numbered: Sequence[tuple[int, str]]) -> list[tuple[str, list[int]]]:
    """Consecutive lines grouped as (kind, line indices); a line of no kind continues
    the group before it (`320; 340; 358`, `of Socio-Political History (RGASPI)`)."""
    groups: list[tuple[str, list[int]]] = []
    for index, text in numbered:
        kind = _archival_kind(text)
        if kind is None and groups:
            groups[-1][1].append(index)
        else:
            groups.append((kind or "file", [index]))
    return groups


def _archival_kind(text: str) -> str | None:
    if _FILE_START.match(text):
        return "file"
    if _LEGEND.match(text):
        return "legend"
    if _ARCHIVE_START.search(text):
        return "heading"
    return None


def _starts_entry(section: str, text: str, previous: str | None) -> bool:
    if previous is None:
        return True
    if section == ARCHIVAL_SECTION:
        return False  # split by `_add_archival`
    if section == "Newspapers":
        return True
    if not _ENTRY_END.search(previous.rstrip()):
        return False
    return bool(_AUTHOR_START.match(text)) or text[:1].isupper() and not _continues(previous)


def _continues(previous: str) -> bool:
    """A closing-looking line that still runs on (`... 2 vols (London:`)."""
    return previous.rstrip().endswith((":", ",", "-", "and", "of", "in"))
