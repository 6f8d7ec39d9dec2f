"""The archival part of the bibliography: archive > fond > opis > delo lists, TNA pieces.

Each entry is one line of a list under an archive heading (`BibEntry.archive`); an
entry that names its archive itself (`... (RGVA) f. 4, op. 19, d. 16`) is read too."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from redarmy_kg.bibliography.model import ListedFile
from redarmy_kg.structure.model import BibEntry

if TYPE_CHECKING:
    from redarmy_kg.citations.patterns import Patterns

FOND_LINE = re.compile(
    r"f\.\s*(?P<fond>\d+),\s*op\.\s*(?P<opis>\d+[a-z]?),\s*d\.\s*(?P<dela>\d+(?:\s*;\s*\d+)*)"
)
TNA_PIECE = re.compile(r"\b(?P<series>[A-Z]{1,4})\s?(?P<number>\d+)/(?P<piece>\d+)")


def archive_marks(text: str, patterns: Patterns) -> list[tuple[int, str]]:
    """Positions where an archive is named: '(RGVA)', 'TNA:' ..."""
    marks = []
    for archive in patterns.archives:
        for match in re.finditer(rf"\(?\b{re.escape(archive.abbreviation)}\b\)?", text):
            marks.append((match.start(), archive.key))
    return sorted(marks)


def heading_archive(heading: str, patterns: Patterns) -> str:
    """The archive an archive heading names: by its abbreviation ('(RGVA)'), else by
    its name as printed ('National Archives'); '' when it names none."""
    marks = archive_marks(heading, patterns)
    if marks:
        return marks[-1][1]
    text = " ".join(heading.split())
    for archive in patterns.archives:
        if archive.name_as_printed and archive.name_as_printed in text:
            return archive.key
    return ""


def listed_files(entries: Sequence[BibEntry], patterns: Patterns) -> list[ListedFile]:
    """Files listed in archival entries: one fond line (or TNA file) per entry under its
    archive heading; the archive is also read from marks in the text and carried forward."""
    files: list[ListedFile] = []
    current = ""
    for entry in entries:
        if entry.archive:  # a heading naming no known archive stops the carrying forward
            current = heading_archive(entry.archive, patterns)
        text = " ".join(entry.block.text.split())
        events: list[tuple[int, str, re.Match[str] | None]] = [
            (pos, key, None) for pos, key in archive_marks(text, patterns)
        ]
        events += [(m.start(), "", m) for m in FOND_LINE.finditer(text)]
        events += [(m.start(), "tna-piece", m) for m in TNA_PIECE.finditer(text)]
        for _, key, match in sorted(events, key=lambda e: e[0]):
            if match is None:
                current = key
            elif key == "tna-piece":
                if current == "tna":
                    series = f"{match.group('series')} {match.group('number')}"
                    files.append(ListedFile("tna", series, "", match.group("piece"), entry.key))
            elif current:
                for delo in re.findall(r"\d+", match.group("dela")):
                    fond, opis = match.group("fond"), match.group("opis")
                    files.append(ListedFile(current, fond, opis, delo, entry.key))
    return files
