"""Front matter: title page, declaration, copyright statement, the front sections
(Acknowledgements, Abstract, Table of Contents, Abbreviations, Terminology) and
the abbreviations list.

Every non-blank line before the Introduction becomes part of a `FrontItem`.
The title page is read only when its `Submitted <Month> <Year>` line is found:
the four lines before it are title, author, degree and institution (any lines
before the title form a preamble: the Word file name the PDF carried). A front
section runs from its heading to the next one. Lines the parser cannot place
(no title page found, a heading missing) are left for the coverage check,
which keeps them as unassigned text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from redarmy_kg.iris import slugify
from redarmy_kg.structure.lines import Line
from redarmy_kg.structure.model import Abbreviation, FrontItem, FrontMatter, Span, empty_block
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
# title-page lines just before the submission line, last first
_TITLE_PAGE_ROLES = (
    ("front/institution", "Institution", "line"),
    ("front/degree", "Degree", "line"),
    ("front/author", "Author", "author"),
    ("front/title", "Title", "title"),
)
MILITARY_DISTRICTS = "Military Districts"
# abbreviation slugs that would clash with IRIs under id/thesis/abbreviations/
_RESERVED_SLUGS = {"", "military-districts", "heading"}


@dataclass(frozen=True)
class FrontSectionSpec:
    key: str
    heading: str


FRONT_SECTIONS = (
    FrontSectionSpec("front/acknowledgements", "Acknowledgements"),
    FrontSectionSpec("abstract", "Abstract"),
    FrontSectionSpec("front/contents", "Table of Contents"),
    FrontSectionSpec("abbreviations", "Abbreviations"),
    FrontSectionSpec("front/terminology", "Terminology and Transliteration"),
)


def parse_front(
    corpus: str, lines: Sequence[Line], end: int, vocabulary: Vocabulary
) -> tuple[FrontMatter, list[Abbreviation]]:
    """Front matter and abbreviations from the lines before `end` (the Introduction)."""
    headings = _front_headings(lines, end)
    title_page_end = headings[0][1] if headings else end
    items, copyright_lines = _title_page(corpus, lines, title_page_end, vocabulary)
    abbreviations: list[Abbreviation] = []
    for position, (spec, index) in enumerate(headings):
        stop = headings[position + 1][1] if position + 1 < len(headings) else end
        heading = lines[index].content_span()
        if spec.key == "abbreviations":
            items.append(FrontItem(spec.key, spec.heading, "section", heading))
            abbreviations, districts = _abbreviation_list(lines, index + 1, stop)
            if districts is not None:
                key = "abbreviations/military-districts"
                items.append(FrontItem(key, MILITARY_DISTRICTS, "section", districts))
            continue
        pieces = [lines[i].content_span() for i in range(index + 1, stop) if lines[i].text]
        block = build_block(corpus, pieces, vocabulary) if pieces else None
        items.append(FrontItem(spec.key, spec.heading, "section", heading, block))
    return _front_matter(items, copyright_lines), abbreviations


def _front_headings(lines: Sequence[Line], end: int) -> list[tuple[FrontSectionSpec, int]]:
    """The front sections' heading lines found in order (a missing one is skipped)."""
    found: list[tuple[FrontSectionSpec, int]] = []
    start = 0
    for spec in FRONT_SECTIONS:
        index = _find(lines, spec.heading, start, end)
        if index is not None:
            found.append((spec, index))
            start = index + 1
    return found


def _find(lines: Sequence[Line], text: str, start: int, end: int) -> int | None:
    return next((i for i in range(start, min(end, len(lines))) if lines[i].text == text), None)


def _title_page(
    corpus: str, lines: Sequence[Line], end: int, vocabulary: Vocabulary
) -> tuple[list[FrontItem], list[str]]:
    """The title page's items and the copyright statement's lines."""
    submitted = next((i for i in range(end) if _SUBMITTED.search(lines[i].text)), None)
    if submitted is None:
        return [], []

    def item(key: str, label: str, kind: str, indices: Sequence[int]) -> list[FrontItem]:
        pieces = [lines[i].content_span() for i in indices if lines[i].text]
        if not pieces:
            return []
        return [FrontItem(key, label, kind, block=build_block(corpus, pieces, vocabulary))]

    before = [i for i in range(submitted) if lines[i].text]
    roles = list(zip(_TITLE_PAGE_ROLES, reversed(before), strict=False))
    preamble = before[: len(before) - len(roles)]
    notice = next(
        (i for i in range(submitted + 1, end) if lines[i].text.startswith("This copy")), end
    )
    items = item("front/preamble", "Before the title", "line", preamble)
    for (key, label, kind), index in reversed(roles):
        items += item(key, label, kind, [index])
    items += item("front/submitted", "Submission", "line", [submitted])
    items += item("front/declaration", "Declaration", "line", range(submitted + 1, notice))
    items += item("front/copyright", "Copyright statement", "line", range(notice, end))
    return items, [lines[i].text for i in range(notice, end) if lines[i].text]


def _front_matter(items: list[FrontItem], copyright_lines: list[str]) -> FrontMatter:
    texts = {i.key: i.block.text for i in items if i.block is not None}
    submitted = _SUBMITTED.search(texts.get("front/submitted", ""))
    month = submitted.group(1) if submitted else ""
    when = f"{submitted.group(2)}-{_MONTHS.index(month) + 1:02d}" if month in _MONTHS else ""
    abstract = next((i.block for i in items if i.key == "abstract" and i.block), None)
    return FrontMatter(
        title=texts.get("front/title", ""),
        author=texts.get("front/author", ""),
        degree=_degree(texts.get("front/degree", "")),
        institution=texts.get("front/institution", "").split(",")[0].strip(),
        submitted=when if submitted else "",
        copyright_statement=_copyright(copyright_lines) if copyright_lines else "",
        abstract=abstract or empty_block(),
        items=items,
    )


def _degree(text: str) -> str:
    match = re.search(r"degree of (.+)$", text)
    return match.group(1).strip() if match else text


def _copyright(copyright_lines: list[str]) -> str:
    """The statement, with the lost copyright sign restored on the final line."""
    statement = " ".join(copyright_lines[:-1]) if len(copyright_lines) > 1 else ""
    owner = copyright_lines[-1].strip() if copyright_lines else ""
    return f"{statement} \u00a9 {owner}".strip()


def _abbreviation_list(
    lines: Sequence[Line], first: int, stop: int
) -> tuple[list[Abbreviation], Span | None]:
    """The entries of lines `first..stop-1`, and the `Military Districts` sub-heading.

    A line that neither reads as an entry nor continues the entry on the line
    just before it is left out (the coverage check keeps it as unassigned text)."""
    entries: list[Abbreviation] = []
    districts: Span | None = None
    seen: set[str] = set()
    skipping = False  # inside an entry whose abbreviation was already listed
    last_line = -1  # the line the latest entry ends on
    for index in range(first, stop):
        line = lines[index]
        if line.text == MILITARY_DISTRICTS and districts is None:
            districts = line.content_span()
            continue
        match = _ABBREVIATION.match(line.text)
        if match is not None:
            slug = slugify(match.group(1))
            skipping = slug in seen or slug in _RESERVED_SLUGS
            seen.add(slug)
        if skipping:
            continue  # its resource would be the first's (or a reserved one)
        continues = entries and last_line == index - 1 and line.text
        if match is None and continues:  # a wrapped expansion, on the very next line
            previous = entries[-1]
            entries[-1] = Abbreviation(
                previous.abbreviation,
                f"{previous.expansion} {line.text}",
                previous.military_district,
                Span(previous.span.start, line.content_span().end),
            )
            last_line = index
            continue
        if match is None:
            continue
        military = districts is not None
        last_line = index
        entries.append(
            Abbreviation(match.group(1), match.group(2).strip(), military, line.content_span())
        )
    return entries, districts
