"""Typed source references found in footnotes, and the index the stage returns.

Every reference keeps its raw text and its span in the footnote's cleaned text
(`TextBlock.text`), so that the pieces plus the remainders cover the footnote.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ArchivalFile:
    """One delo (file) of an archive, or a TNA piece (`KV 2/404`)."""

    archive: str  # archive key from mappings/archives.tsv: "rgva", "rgaspi", "tna"
    fond: str = ""  # "33987"; for TNA the series, "KV 2"
    opis: str = ""  # "3", "3c"
    delo: str = ""  # "186"; for TNA the piece, "404"

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.archive, self.fond, self.opis, self.delo)


@dataclass
class Reference:
    """Common fields: the raw text and its span in the footnote's cleaned text."""

    raw: str
    start: int
    end: int
    flags: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        raise NotImplementedError

    @property
    def locator(self) -> str:
        return ""


@dataclass
class ArchivalRef(Reference):
    file: ArchivalFile = field(default_factory=lambda: ArchivalFile(""))
    folios_text: str = ""  # "ll. 24-26" as a normalised locator
    folios: list[str] = field(default_factory=list)  # ["24-26"] or ["11-12", "19"]
    inherited: list[str] = field(default_factory=list)  # levels taken from context

    @property
    def kind(self) -> str:
        return "archival"

    @property
    def locator(self) -> str:
        return self.folios_text


@dataclass
class TnaRef(ArchivalRef):
    """A National Archives (Kew) piece: series `KV 2`, piece `404`, item `52a`."""


@dataclass
class WorkRef(Reference):
    work_key: str | None = None  # bibliography work key, None when not found
    pages: str = ""  # "p. 276", "pp. 89, 93"
    form: str = "short"  # full | short | author | title | bare
    implicit: bool = False  # a bare locator that inherits the previous work
    volume: str = ""  # "III" of a multi-volume work or collection

    @property
    def kind(self) -> str:
        return "work"

    @property
    def locator(self) -> str:
        volume = f"vol. {self.volume}" if self.volume else ""
        return ", ".join(part for part in (volume, self.pages) if part)


@dataclass
class CollectionRef(WorkRef):
    """A published collection of documents (a bibliography 'Document Collections' entry)."""

    @property
    def kind(self) -> str:
        return "collection"


@dataclass
class NewspaperRef(Reference):
    newspaper: str = ""  # curated key, e.g. "krasnaia-zvezda"
    title: str = ""  # the newspaper's title as printed
    article: str = ""
    date: str = ""  # ISO date
    page: str = ""

    @property
    def kind(self) -> str:
        return "newspaper"

    @property
    def locator(self) -> str:
        return self.page


@dataclass
class IbidRef(Reference):
    own_locator: str = ""  # "p. 17", "l. 68"; empty when the ibid repeats the locator too
    target: tuple[str, int] | None = None  # (footnote key, index) of the repeated reference
    resolved: Reference | None = None  # the non-ibid reference it finally stands for
    repeated_locator: str = ""  # the locator of the cite it repeats (an earlier ibid's own one)

    @property
    def kind(self) -> str:
        return "ibid"

    @property
    def locator(self) -> str:
        if self.own_locator:
            volume = self.resolved.volume if isinstance(self.resolved, WorkRef) else ""
            # `Ibid., p. 28.` after `..., I, p. 27`: the same volume, another page
            return f"vol. {volume}, {self.own_locator}" if volume else self.own_locator
        if self.repeated_locator:
            return self.repeated_locator
        return self.resolved.locator if self.resolved is not None else ""


@dataclass
class Remainder:
    """Text between references: commentary, connective words, or something not understood."""

    raw: str
    start: int
    end: int
    commentary: bool  # discursive prose
    unparsed: bool  # looks like a reference but could not be read

    @property
    def kind(self) -> str:
        return "unparsed" if self.unparsed else "commentary"


@dataclass
class FootnoteCitations:
    footnote_key: str
    references: list[Reference]
    remainders: list[Remainder]
    flags: list[str] = field(default_factory=list)

    @property
    def commentary_only(self) -> bool:
        return not self.references

    @property
    def commenting(self) -> bool:
        return any(r.commentary for r in self.remainders)


@dataclass
class CitationIndex:
    footnotes: dict[str, FootnoteCitations]  # in document order
    works: dict[str, object]  # work key -> bibliography.Work
    archival_files: dict[tuple[str, str, str, str], ArchivalFile]
    bibliography_files: set[tuple[str, str, str, str]]  # files listed in the bibliography
    findings: list[dict[str, str]] = field(default_factory=list)

    def references(self) -> list[tuple[str, int, Reference]]:
        """Every reference as (footnote key, 1-based order, reference)."""
        return [
            (key, k, ref)
            for key, fc in self.footnotes.items()
            for k, ref in enumerate(fc.references, start=1)
        ]
