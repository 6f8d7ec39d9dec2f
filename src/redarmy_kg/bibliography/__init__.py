"""The bibliography as data: works with creators and imprint, and the archival file lists."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from redarmy_kg.bibliography.archival import listed_files
from redarmy_kg.bibliography.keys import assign_person_keys, assign_work_keys
from redarmy_kg.bibliography.model import Creator, ListedFile, Work
from redarmy_kg.bibliography.works import mend_swapped_imprints, parse_work
from redarmy_kg.structure.model import BibEntry

if TYPE_CHECKING:
    from redarmy_kg.citations.patterns import Patterns

__all__ = ["Bibliography", "Creator", "ListedFile", "Work", "parse_bibliography", "section_kind"]

ARCHIVAL_KINDS = ("archival", "national-archives")


@dataclass
class Bibliography:
    works: list[Work]
    files: list[ListedFile]
    people: dict[str, Creator]

    def work(self, key: str) -> Work:
        return {w.key: w for w in self.works}[key]


def section_kind(section: str, patterns: Patterns) -> str:
    """'Books and Journal Articles' -> 'books'; unknown headings by their words."""
    label = " ".join(section.lower().split())
    if label in patterns.bibliography_sections:
        return patterns.bibliography_sections[label]
    for word, kind in (
        ("archiv", "archival"),
        ("newspaper", "newspapers"),
        ("collection", "collections"),
        ("thes", "theses"),
    ):
        if word in label:
            return kind
    return "books"


def looks_archival(text: str, patterns: Patterns) -> bool:
    """An archival list line or archive heading, whatever heading it was filed under."""
    stripped = text.strip()
    if stripped.startswith(("f. ", "Fond, opis", "TNA:", "Rossiiskii gosudarstvennyi")):
        return True
    return any(f"({a.abbreviation})" in stripped for a in patterns.archives)


def parse_bibliography(entries: list[BibEntry], patterns: Patterns | None = None) -> Bibliography:
    if patterns is None:
        from redarmy_kg.citations.patterns import load_patterns

        patterns = load_patterns()
    works: list[Work] = []
    archival: list[BibEntry] = []
    for entry in entries:
        kind = section_kind(entry.section, patterns)
        if kind in ARCHIVAL_KINDS or looks_archival(entry.block.text, patterns):
            archival.append(entry)
            continue
        if not entry.block.text.strip() or entry.block.text.strip().lower() == "fond, opis, delo:":
            continue
        works.append(parse_work(entry.block.text, kind, entry.key))
    mend_swapped_imprints(works)
    assign_work_keys(works, patterns.leading_articles)
    people = assign_person_keys(works)
    return Bibliography(works, listed_files(archival, patterns), people)
