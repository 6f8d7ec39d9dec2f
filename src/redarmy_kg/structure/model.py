"""Typed objects of the structure stage.

Every piece of text carries character offsets into the corpus file, so that
slicing the corpus at `span.start:span.end` gives back the exact raw text.
Text that the PDF extraction split (wrapped lines, hyphenated words, a
paragraph or footnote interrupted by a page's footnotes) is described by
`segments` (the raw pieces, in order) and a cleaned `text` with `char_offsets`
mapping each character of `text` back to its corpus offset.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int

    def slice(self, corpus: str) -> str:
        return corpus[self.start : self.end]


@dataclass
class TextBlock:
    """A cleaned text with the map back to the corpus.

    `char_offsets[i]` is the corpus offset of `text[i]`; inserted characters
    (a space standing for a line break) map to the offset of the newline.
    """

    text: str
    char_offsets: list[int]
    segments: tuple[Span, ...]

    @property
    def span(self) -> Span:
        """From the first raw character to the last (may enclose footnote lines)."""
        return Span(self.segments[0].start, self.segments[-1].end)

    def corpus_span(self, start: int, end: int) -> Span:
        """Corpus span of `text[start:end]` (end exclusive)."""
        return Span(self.char_offsets[start], self.char_offsets[end - 1] + 1)


def empty_block() -> TextBlock:
    """The text of a component the parser did not find."""
    return TextBlock("", [], ())


@dataclass
class FrontItem:
    """One published piece of the front matter: a title-page line or group of lines
    (`front/title`, `front/declaration`), or a section with its heading
    (`front/acknowledgements`, `abstract`, `abbreviations`)."""

    key: str
    label: str  # "Title", "Acknowledgements"
    kind: str  # "title", "author", "line" (title page) or "section"
    heading: Span | None = None  # a section's heading line
    block: TextBlock | None = None  # its text; None for a heading with nothing under it


@dataclass
class FrontMatter:
    title: str
    author: str
    degree: str
    institution: str
    submitted: str  # xsd:gYearMonth, e.g. "2012-07"; "" when not found
    copyright_statement: str
    abstract: TextBlock
    items: list[FrontItem] = field(default_factory=list)


@dataclass
class Abbreviation:
    abbreviation: str
    expansion: str
    military_district: bool
    span: Span


@dataclass
class Part:
    """Introduction, Chapters One to Five, Conclusion, Bibliography."""

    key: str  # "intro", "ch1" ... "ch5", "conclusion", "bibliography"
    label: str  # "Chapter One"
    title: str  # "The Red Army in Civil War" (the label again for intro/conclusion)
    number: int | None  # chapter number, None for intro/conclusion/bibliography
    heading: Span
    span: Span  # heading start to the start of the next part


@dataclass
class Section:
    key: str  # "ch1/sec/3"
    part_key: str
    index: int  # 1-based within the part
    title: str
    heading: Span


@dataclass
class Paragraph:
    key: str  # "ch1/p/12"
    part_key: str
    section_key: str | None
    index: int  # 1-based within the part
    block: TextBlock


@dataclass
class Sentence:
    key: str  # "ch1/p/12/s/3"
    part_key: str
    paragraph_key: str
    index: int  # 1-based within the paragraph
    block: TextBlock
    footnote_keys: list[str] = field(default_factory=list)  # markers inside this sentence


@dataclass
class Marker:
    """A footnote's reference mark in the body (`conspiracy.1`)."""

    footnote_key: str
    part_key: str
    number: int
    span: Span  # the digits only
    sentence_key: str | None


@dataclass
class Footnote:
    key: str  # "ch1/fn/12"
    part_key: str
    number: int  # restarts in every part
    block: TextBlock  # joined across wrapped lines and pages, hyphenation mended
    truncated: bool = False  # its last line was lost in extraction
    flags: list[str] = field(default_factory=list)  # judgement calls worth a look
    number_span: Span | None = None  # the printed number opening the footnote


@dataclass
class BibSection:
    index: int  # 1-based position in the list of known section titles
    title: str
    heading: Span


@dataclass
class BibEntry:
    key: str  # "bibliography/3/12": section 3, entry 12
    section: str  # heading as printed, e.g. "Books and Articles"
    section_index: int
    index: int  # 1-based within the section
    block: TextBlock
    archive: str = ""  # archival sources: the text of the archive heading the entry is listed under
    subheading_key: str = ""  # key of that `BibSubheading`, "" when none


@dataclass
class BibSubheading:
    """A heading inside a bibliography section: an archive's name above its list of files."""

    key: str  # "bibliography/1/sub/2": section 1, sub-heading 2
    section_index: int
    index: int  # 1-based within the section
    block: TextBlock  # the heading's lines joined
    legend: TextBlock | None = None  # the column caption under it, "Fond, opis, delo:"


@dataclass
class UnassignedText:
    """Corpus text that no published component claims: kept verbatim and flagged."""

    span: Span  # trimmed of surrounding whitespace
    text: str  # the raw corpus text of `span`
    part_key: str | None  # the part it lies in; None in the front matter

    @property
    def key(self) -> str:
        return f"unassigned/o{self.span.start}"


@dataclass
class Document:
    corpus: str
    sha256: str
    front: FrontMatter
    abbreviations: list[Abbreviation]
    parts: list[Part]
    sections: list[Section]
    paragraphs: list[Paragraph]
    sentences: list[Sentence]
    footnotes: list[Footnote]
    markers: list[Marker]
    bibliography: list[BibEntry]
    bibliography_sections: list[BibSection] = field(default_factory=list)
    bibliography_subheadings: list[BibSubheading] = field(default_factory=list)
    unassigned: list[UnassignedText] = field(default_factory=list)

    def footnote(self, key: str) -> Footnote:
        return self._footnotes_by_key()[key]

    def sentence(self, key: str) -> Sentence:
        return self._sentences_by_key()[key]

    def _footnotes_by_key(self) -> dict[str, Footnote]:
        cache = self.__dict__.setdefault("_fn_index", {})
        if not cache:
            cache.update({f.key: f for f in self.footnotes})
        return cache

    def _sentences_by_key(self) -> dict[str, Sentence]:
        cache = self.__dict__.setdefault("_sent_index", {})
        if not cache:
            cache.update({s.key: s for s in self.sentences})
        return cache
