"""Citations stage: every footnote's sources as typed references.

`extract_citations(document)` reads the footnotes in document order and returns
a `CitationIndex`: per footnote its references (archival files, works,
collections, newspapers, ibids resolved) and the remaining text, plus the works
and archival files found and the data-quality findings.
"""

from __future__ import annotations

from redarmy_kg.bibliography import Bibliography, parse_bibliography
from redarmy_kg.citations.footnote import make_parsers, parse_footnote_text
from redarmy_kg.citations.model import (
    ArchivalFile,
    ArchivalRef,
    CitationIndex,
    CollectionRef,
    FootnoteCitations,
    IbidRef,
    NewspaperRef,
    Reference,
    Remainder,
    TnaRef,
    WorkRef,
)
from redarmy_kg.citations.patterns import Patterns, load_patterns
from redarmy_kg.citations.resolve import Resolver
from redarmy_kg.citations.work_index import build_index
from redarmy_kg.structure.model import Document, Footnote

__all__ = [
    "ArchivalFile", "ArchivalRef", "CitationIndex", "CollectionRef", "FootnoteCitations",
    "IbidRef", "NewspaperRef", "Reference", "Remainder", "TnaRef", "WorkRef",
    "extract_citations", "extract_from_footnotes",
]


def extract_citations(document: Document, patterns: Patterns | None = None) -> CitationIndex:
    patterns = patterns or load_patterns()
    bibliography = parse_bibliography(document.bibliography, patterns)
    return extract_from_footnotes(document.footnotes, bibliography, patterns)


def extract_from_footnotes(
    footnotes: list[Footnote], bibliography: Bibliography, patterns: Patterns | None = None
) -> CitationIndex:
    from redarmy_kg.citations.quality import find_quality_issues

    patterns = patterns or load_patterns()
    parsers = make_parsers(patterns, build_index(bibliography, patterns))
    works = {w.key: w for w in bibliography.works}
    resolver = Resolver(works)
    result: dict[str, FootnoteCitations] = {}
    for footnote in footnotes:
        resolver.begin_footnote(footnote.key, footnote.part_key)
        refs, remainders = parse_footnote_text(
            footnote.block.text, parsers, resolver.context, resolver
        )
        flags = ["truncated"] if footnote.truncated else []
        result[footnote.key] = FootnoteCitations(footnote.key, refs, remainders, flags)
    files: dict[tuple[str, str, str, str], ArchivalFile] = {}
    for fc in result.values():
        for ref in fc.references:
            if isinstance(ref, ArchivalRef) and ref.file.delo:
                files.setdefault(ref.file.key, ref.file)
    index = CitationIndex(
        footnotes=result,
        works=works,
        archival_files=dict(sorted(files.items())),
        bibliography_files={f.key for f in bibliography.files},
    )
    index.findings = find_quality_issues(index, bibliography)
    return index
