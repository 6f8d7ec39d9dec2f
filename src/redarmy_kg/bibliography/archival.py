"""The archival part of the bibliography: archive > fond > opis > delo lists, TNA pieces."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from redarmy_kg.bibliography.model import ListedFile

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


def listed_files(entries: list[tuple[str, str]], patterns: Patterns) -> list[ListedFile]:
    """Files listed in archival entries `(entry key, text)`, the archive carried forward."""
    files: list[ListedFile] = []
    current = ""
    for entry_key, raw in entries:
        text = " ".join(raw.split())
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
                    files.append(ListedFile("tna", series, "", match.group("piece"), entry_key))
            elif current:
                for delo in re.findall(r"\d+", match.group("dela")):
                    fond, opis = match.group("fond"), match.group("opis")
                    files.append(ListedFile(current, fond, opis, delo, entry_key))
    return files
