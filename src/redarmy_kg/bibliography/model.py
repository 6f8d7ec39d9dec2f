"""Works of the bibliography, their creators, and the archival file lists."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Creator:
    surname: str  # as printed: "Getty", "Von Hagen"
    given: str  # "J. Arch", "" when unknown
    role: str = "author"  # author | editor


@dataclass
class Work:
    key: str  # getty-naumov-1999-road-to-terror
    entry_key: str  # the BibEntry key, "bibliography/6/40"
    section: str  # books | collections | theses | newspapers
    fabio_type: str  # Book | JournalArticle | BookChapter | DoctoralThesis | Newspaper
    creators: list[Creator]
    title: str
    raw: str
    container: str = ""  # journal or edited volume
    volume: str = ""
    issue: str = ""
    publisher: str = ""
    place: str = ""
    year: str = ""  # "1999", "1993-98"
    pages: str = ""  # "69-94"
    flags: list[str] = field(default_factory=list)
    person_keys: list[str] = field(default_factory=list)  # filled by `assign_person_keys`

    @property
    def first_surname(self) -> str:
        return self.creators[0].surname if self.creators else ""

    @property
    def is_collection(self) -> bool:
        return self.section == "collections"


@dataclass(frozen=True)
class ListedFile:
    """One file (delo) the archival part of the bibliography lists."""

    archive: str
    fond: str
    opis: str
    delo: str
    entry_key: str

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.archive, self.fond, self.opis, self.delo)
