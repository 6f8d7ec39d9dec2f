"""Curated lists the citation parser reads: archives and citation patterns.

Loaded from `mappings/archives.tsv` and `mappings/citation_patterns.yaml`;
errors name the file and the row.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from redarmy_kg.errors import BadInput

MAPPINGS_DIR = Path(__file__).resolve().parents[3] / "mappings"
ARCHIVE_COLUMNS = ("key", "abbreviation", "full_name", "name_as_printed")


@dataclass(frozen=True)
class Archive:
    key: str
    abbreviation: str
    full_name: str
    name_as_printed: str


@dataclass(frozen=True)
class Newspaper:
    key: str
    title: str
    variants: tuple[str, ...]


@dataclass(frozen=True)
class Patterns:
    archives: tuple[Archive, ...]
    ibid: re.Pattern[str]
    newspapers: tuple[Newspaper, ...]
    abbreviations: frozenset[str]
    leading_articles: frozenset[str]
    bibliography_sections: dict[str, str]
    surname_variants: dict[str, tuple[str, ...]]
    not_given_names: frozenset[str]
    generic_title_words: frozenset[str]

    def archive_by_abbreviation(self, abbreviation: str) -> Archive | None:
        for archive in self.archives:
            if archive.abbreviation.lower() == abbreviation.lower():
                return archive
        return None


def load_archives(path: Path) -> tuple[Archive, ...]:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    if not rows or tuple(rows[0]) != ARCHIVE_COLUMNS:
        raise BadInput(f"{path.name}: header must be {'/'.join(ARCHIVE_COLUMNS)}")
    archives = []
    seen: set[str] = set()
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(ARCHIVE_COLUMNS) or not all(cell.strip() for cell in row):
            raise BadInput(f"{path.name} row {number}: expected 4 non-empty columns")
        if not re.fullmatch(r"[a-z0-9-]+", row[0]) or row[0] in seen:
            raise BadInput(f"{path.name} row {number}: bad or duplicate key {row[0]!r}")
        seen.add(row[0])
        archives.append(Archive(*row))
    return tuple(archives)


def load_patterns_file(path: Path, archives: tuple[Archive, ...]) -> Patterns:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise BadInput(f"{path.name}: expected a mapping at the top level")
    for required in ("ibid", "newspapers", "abbreviations", "leading_articles"):
        if required not in data:
            raise BadInput(f"{path.name}: missing section {required!r}")
    newspapers = []
    for number, item in enumerate(data["newspapers"], start=1):
        if not isinstance(item, dict) or not {"key", "title", "variants"} <= set(item):
            raise BadInput(f"{path.name} newspapers item {number}: needs key, title, variants")
        newspapers.append(Newspaper(item["key"], item["title"], tuple(item["variants"])))
    try:
        ibid = re.compile("|".join(f"(?:{p})" for p in data["ibid"]), re.IGNORECASE)
    except re.error as error:
        raise BadInput(f"{path.name} ibid: bad regular expression: {error}") from error
    return Patterns(
        archives=archives,
        ibid=ibid,
        newspapers=tuple(newspapers),
        abbreviations=frozenset(str(a).lower() for a in data["abbreviations"]),
        leading_articles=frozenset(str(a).lower() for a in data["leading_articles"]),
        bibliography_sections={
            str(k).lower(): str(v) for k, v in (data.get("bibliography_sections") or {}).items()
        },
        surname_variants={
            str(k): tuple(str(x) for x in v)
            for k, v in (data.get("surname_variants") or {}).items()
        },
        not_given_names=frozenset(str(w) for w in data.get("not_given_names") or ()),
        generic_title_words=frozenset(
            str(w).lower() for w in data.get("generic_title_words") or ()
        ),
    )


@lru_cache(maxsize=4)
def load_patterns(mappings_dir: Path = MAPPINGS_DIR) -> Patterns:
    archives = load_archives(mappings_dir / "archives.tsv")
    return load_patterns_file(mappings_dir / "citation_patterns.yaml", archives)
