"""RDF of the citations stage: works and archival record sets (graph `bibliography`),
one `cito:Citation` per (footnote, source) pair (graph `citations`)."""

from __future__ import annotations

import re

from pyoxigraph import Literal, NamedNode, Quad

from redarmy_kg import iris
from redarmy_kg.bibliography import Work
from redarmy_kg.citations.model import (
    ArchivalFile,
    ArchivalRef,
    CitationIndex,
    FootnoteCitations,
    IbidRef,
    NewspaperRef,
    Reference,
    WorkRef,
)
from redarmy_kg.citations.patterns import Patterns, load_patterns
from redarmy_kg.citations.quality import human_file
from redarmy_kg.rdf.anchors import anchor_quads
from redarmy_kg.rdf.terms import (
    BIBO,
    CITO,
    DCTERMS,
    FABIO,
    FOAF,
    RDF,
    RDFS,
    RICO,
    RKG,
    SKOS,
    XSD,
    QuadSink,
    boolean,
    graph,
    node,
    text,
    typed,
)
from redarmy_kg.structure.model import Document

RECORD_SET_TYPES = "https://www.ica.org/standards/RiC/vocabularies/recordSetTypes#"
EVIDENCE_KINDS = ("archival", "collection", "newspaper")


def footnote_node(footnote_key: str) -> NamedNode:
    return node("thesis", *footnote_key.split("/"))


def citation_node(footnote_key: str, k: int) -> NamedNode:
    part, _, number = footnote_key.split("/")
    return node("citation", part, f"fn{number}", str(k))


def _segment(value: str) -> str:
    return re.sub(r"[^a-z0-9]", "", value.lower())


def record_set_nodes(file: ArchivalFile) -> list[tuple[NamedNode, str, str]]:
    """(IRI, RiC-O record set type, human identifier) from fond down to the file."""
    levels = [("f", file.fond, "Fonds"), ("op", file.opis, "Series"), ("d", file.delo, "File")]
    if file.archive == "tna":
        levels = [("", file.fond, "Series"), ("", file.delo, "File")]
    path = ["archive", file.archive]
    out = []
    for n, (prefix, value, kind) in enumerate(levels):
        if not value:
            break
        path.append(prefix + _segment(value))
        partial = ArchivalFile(
            file.archive,
            file.fond,
            file.opis if n >= 1 and file.archive != "tna" else "",
            file.delo if (n == 2 or (file.archive == "tna" and n == 1)) else "",
        )
        out.append((node(*path), kind, _identifier(partial)))
    return out


def _identifier(file: ArchivalFile) -> str:
    if file.archive == "tna":
        return f"TNA, {file.fond}/{file.delo}" if file.delo else f"TNA, {file.fond}"
    return human_file(file)


def emit_record_set(file: ArchivalFile, sink: QuadSink, seen: set[str]) -> NamedNode | None:
    parent: NamedNode | None = None
    archive = node("org", file.archive)
    for iri, kind, identifier in record_set_nodes(file):
        if iri.value not in seen:
            seen.add(iri.value)
            sink.add(iri, RDF.type, RICO.RecordSet)
            sink.add(iri, RICO.hasRecordSetType, NamedNode(RECORD_SET_TYPES + kind))
            sink.add(iri, RICO.identifier, text(identifier))
            sink.add(iri, RDFS.label, text(identifier))
            sink.add(iri, RICO.hasOrHadHolder, archive)
            if parent is not None:
                sink.add(iri, RICO.isOrWasIncludedIn, parent)
        parent = iri
    return parent


def emit_archives(patterns: Patterns, sink: QuadSink) -> None:
    for archive in patterns.archives:
        org = node("org", archive.key)
        sink.add(org, RDF.type, RICO.CorporateBody)
        sink.add(org, RDFS.label, text(archive.full_name, "en"))
        sink.add(org, SKOS.altLabel, text(archive.abbreviation))


def _date(year: str) -> Literal:
    return typed(year, XSD.gYear) if re.fullmatch(r"\d{4}", year) else text(year)


def emit_work(work: Work, sink: QuadSink) -> None:
    iri = node("work", work.key)
    sink.add(iri, RDF.type, FABIO[work.fabio_type])
    if work.is_collection:
        sink.add(iri, RDF.type, RKG.DocumentCollection)
    sink.add(iri, DCTERMS.title, text(work.title))
    sink.add(iri, RDFS.label, text(work.title))
    for creator, person_key in zip(work.creators, work.person_keys, strict=False):
        person = node("person", person_key)
        role = DCTERMS.creator if creator.role == "author" else BIBO.editor
        sink.add(iri, role, person)
        if role != DCTERMS.creator:
            sink.add(iri, DCTERMS.contributor, person)
        sink.add(person, FOAF.familyName, text(creator.surname))
        if creator.given:
            sink.add(person, FOAF.givenName, text(creator.given))
    if work.year:
        sink.add(iri, DCTERMS.date, _date(work.year))
    if work.container:
        container = node("work", "container-" + iris.slugify(work.container, max_words=8))
        kind = FABIO.Journal if work.fabio_type == "JournalArticle" else FABIO.Book
        sink.add(container, RDF.type, kind)
        sink.add(container, DCTERMS.title, text(work.container))
        sink.add(iri, DCTERMS.isPartOf, container)
    for predicate, value in (
        (BIBO.volume, work.volume), (BIBO.issue, work.issue), (BIBO.pages, work.pages),
        (DCTERMS.publisher, work.publisher), (RKG.publicationPlace, work.place),
    ):
        if value:
            sink.add(iri, predicate, text(value))
    sink.add(iri, RKG.bibliographyEntry, node("thesis", *work.entry_key.split("/")))
    sink.add(iri, RKG.rawReference, text(work.raw))


def source_iri(ref: Reference) -> str | None:
    """The IRI a reference cites (an ibid: what it repeats), for stages that link to sources."""
    sink = QuadSink(graph("bibliography"))
    source = ref.resolved if isinstance(ref, IbidRef) else ref
    if source is None:
        return None
    cited = cited_entity(source, sink, set())
    return cited.value if cited is not None else None


def cited_entity(ref: Reference, sink: QuadSink, seen: set[str]) -> NamedNode | None:
    if isinstance(ref, ArchivalRef):
        return emit_record_set(ref.file, sink, seen)
    if isinstance(ref, NewspaperRef):
        return emit_newspaper_article(ref, sink)
    if isinstance(ref, WorkRef):
        if ref.work_key:
            return node("work", ref.work_key)
        iri = node("work", "unlisted-" + iris.slugify(ref.raw, max_words=8))
        sink.add(iri, RDF.type, FABIO.Work)
        sink.add(iri, RDFS.label, text(ref.raw))
        sink.add(iri, RKG.flag, text("not-in-bibliography"))
        return iri
    return None


def unidentified_source(footnote_key: str, k: int, ref: Reference, sink: QuadSink) -> NamedNode:
    """A source the parser could not identify (an ibid with nothing before it): a node
    that says so, so that every citation still points somewhere a reviewer can find."""
    part, _, number = footnote_key.split("/")
    iri = node("work", f"unidentified-{part}-fn{number}-{k}")
    sink.add(iri, RDF.type, FABIO.Work)
    sink.add(iri, RDFS.label, text(ref.raw))
    sink.add(iri, RKG.flag, text("source-unidentified"))
    return iri


def emit_newspaper_article(ref: NewspaperRef, sink: QuadSink) -> NamedNode:
    paper = node("work", ref.newspaper or iris.slugify(ref.title))
    slug = iris.slugify(ref.article, max_words=4)
    article = node("work", f"{ref.newspaper}-{ref.date}-{slug}".strip("-"))
    sink.add(paper, RDF.type, FABIO.Newspaper)
    sink.add(paper, DCTERMS.title, text(ref.title))
    sink.add(article, RDF.type, FABIO.NewspaperArticle)
    if ref.article:
        sink.add(article, DCTERMS.title, text(ref.article))
    sink.add(article, DCTERMS.isPartOf, paper)
    sink.add(article, DCTERMS.date, typed(ref.date, XSD.date))
    return article


def emit_citation(
    document: Document, fc: FootnoteCitations, k: int, ref: Reference,
    bib: QuadSink, cit: QuadSink, seen: set[str],
) -> None:
    iri = citation_node(fc.footnote_key, k)
    source = ref.resolved if isinstance(ref, IbidRef) else ref
    cit.add(iri, RDF.type, CITO.Citation)
    cit.add(iri, CITO.hasCitingEntity, footnote_node(fc.footnote_key))
    cited = cited_entity(source, bib, seen) if source is not None else None
    if cited is None:
        cited = unidentified_source(fc.footnote_key, k, ref, bib)
    cit.add(iri, CITO.hasCitedEntity, cited)
    kind = source.kind if source is not None else "ibid"
    character = CITO.citesAsEvidence if kind in EVIDENCE_KINDS else CITO.citesForInformation
    cit.add(iri, CITO.hasCitationCharacterisation, character)
    if ref.locator:
        cit.add(iri, BIBO.locator, text(ref.locator))
    cit.add(iri, RKG.rawReference, text(ref.raw))
    cit.add(iri, RKG.referenceKind, text(ref.kind))
    if isinstance(ref, IbidRef) and ref.target is not None:
        cit.add(iri, RKG.ibidOf, citation_node(*ref.target))
    for flag in sorted(set(ref.flags)):
        cit.add(iri, RKG.flag, text(flag))
    footnote = document.footnote(fc.footnote_key)
    span = footnote.block.corpus_span(ref.start, ref.end)
    cit.extend(anchor_quads(iri, span, document.corpus, cit.graph_name))


def emit_remainders(fc: FootnoteCitations, cit: QuadSink) -> None:
    footnote = footnote_node(fc.footnote_key)
    commentary = " ".join(r.raw.strip() for r in fc.remainders if r.commentary).strip()
    if commentary:
        cit.add(footnote, RKG.commentary, text(commentary))
    if fc.commentary_only:
        cit.add(footnote, RKG.commentaryOnly, boolean(True))
    for rem in fc.remainders:
        if rem.unparsed:
            cit.add(footnote, RKG.unparsedText, text(rem.raw.strip()))
            cit.add(footnote, RKG.flag, text("unparsed"))


def emit_citations(
    document: Document, index: CitationIndex, patterns: Patterns | None = None
) -> list[Quad]:
    patterns = patterns or load_patterns()
    bib = QuadSink(graph("bibliography"))
    cit = QuadSink(graph("citations"))
    seen: set[str] = set()
    emit_archives(patterns, bib)
    for work in index.works.values():
        emit_work(work, bib)  # type: ignore[arg-type]
    for file_key in sorted(index.bibliography_files):
        record = emit_record_set(ArchivalFile(*file_key), bib, seen)
        if record is not None:
            bib.add(record, RKG.listedInBibliography, boolean(True))
    for fc in index.footnotes.values():
        for k, ref in enumerate(fc.references, start=1):
            emit_citation(document, fc, k, ref, bib, cit, seen)
        emit_remainders(fc, cit)
    return sorted(set(bib.quads), key=str) + sorted(set(cit.quads), key=str)
