"""RDF of the structure layer (graph `structure`).

The thesis (`id/thesis`, fabio:DoctoralThesis), its text file (`id/thesis/text`),
parts, sections, paragraphs, sentences, footnotes and their markers,
bibliography entries and the abbreviations list as a SKOS concept scheme, the
front matter (`id/thesis/front`: title-page lines, acknowledgements, table of
contents heading, terminology note; every section heading as `X/heading`), the
footnotes' printed numbers (`X/label`), and any text the parser could not place
(`id/thesis/unassigned/o<offset>`, rkg:UnassignedText, flagged): together their
anchors cover every non-whitespace character of the corpus exactly once
(`structure.coverage`).

Every component gets a Web Annotation anchor (`X#anchor`) whose position
selector runs from its first to its last raw character. A paragraph, sentence
or footnote interrupted by a page's footnotes (or by body text, for a footnote
continued on the next page) therefore encloses foreign lines; such a component
also gets one `rkg:TextSegment` per uninterrupted piece (`X/seg/1`, `X/seg/2`,
..., linked by `rkg:hasSegment`, ordered by `rkg:index`), each with its own
anchor, so that joining the segments' exact quotes gives back exactly the
component's own raw text.
"""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Quad

from redarmy_kg import iris
from redarmy_kg.rdf.anchors import anchor_quads, thesis_text
from redarmy_kg.rdf.terms import (
    BIRO,
    C4O,
    DCTERMS,
    DOCO,
    FABIO,
    FOAF,
    RDF,
    RDFS,
    RKG,
    SKOS,
    XSD,
    QuadSink,
    boolean,
    graph,
    integer,
    node,
    text,
    typed,
)
from redarmy_kg.structure.model import BibSubheading, Document, Span, TextBlock

AUTHOR_KEY = "whitewood"
UNIVERSITY_KEY = "university-of-leeds"


def component(key: str) -> NamedNode:
    """`ch1/p/12/s/3` -> `id/thesis/ch1/p/12/s/3`."""
    return node("thesis", *key.split("/"))


def emit_structure(document: Document) -> list[Quad]:
    sink = QuadSink(graph("structure"))
    _thesis(sink, document)
    _parts(sink, document)
    _sections(sink, document)
    _paragraphs_and_sentences(sink, document)
    _footnotes_and_markers(sink, document)
    _bibliography(sink, document)
    _abbreviations(sink, document)
    _front_matter(sink, document)
    _unassigned(sink, document)
    return sink.quads


def _anchor(sink: QuadSink, resource: NamedNode, span: Span, document: Document) -> None:
    sink.extend(anchor_quads(resource, span, document.corpus, sink.graph_name))


def _anchor_block(
    sink: QuadSink, resource: NamedNode, block: TextBlock, document: Document
) -> None:
    if not block.segments:
        return  # nothing of it was found in the corpus
    _anchor(sink, resource, block.span, document)
    if len(block.segments) < 2:
        return
    for position, segment in enumerate(block.segments, start=1):
        piece = NamedNode(f"{resource.value}/seg/{position}")
        sink.add(resource, RKG.hasSegment, piece)
        sink.add(piece, RDF.type, RKG.TextSegment)
        sink.add(piece, DCTERMS.isPartOf, resource)
        sink.add(piece, RKG.index, integer(position))
        _anchor(sink, piece, segment, document)


def _thesis(sink: QuadSink, document: Document) -> None:
    front = document.front
    thesis = node("thesis")
    author = node("person", AUTHOR_KEY)
    university = node("org", UNIVERSITY_KEY)
    sink.add(thesis, RDF.type, FABIO.DoctoralThesis)
    if front.title:
        sink.add(thesis, DCTERMS.title, text(front.title, "en"))
        sink.add(thesis, RDFS.label, text(front.title, "en"))
    sink.add(thesis, DCTERMS.creator, author)
    if front.submitted:
        sink.add(thesis, DCTERMS.date, typed(front.submitted, XSD.gYearMonth))
    sink.add(thesis, DCTERMS.publisher, university)
    if front.copyright_statement:
        sink.add(thesis, DCTERMS.rights, text(front.copyright_statement, "en"))
    sink.add(author, RDF.type, FOAF.Person)
    if front.author:
        sink.add(author, RDFS.label, text(front.author))
    if front.institution:
        sink.add(university, RDFS.label, text(front.institution.removeprefix("The ")))
    corpus_file = thesis_text()
    sink.add(corpus_file, RDF.type, FABIO.ComputerFile)
    sink.add(corpus_file, DCTERMS.format, text("text/plain"))
    sink.add(corpus_file, RKG.sha256, text(document.sha256))
    sink.add(corpus_file, DCTERMS.isFormatOf, thesis)
    sink.add(thesis, DCTERMS.hasFormat, corpus_file)
    sink.add(corpus_file, RDFS.label, text(f"{front.title} (plain text of the thesis PDF)", "en"))
    if not front.abstract.text:
        return
    sink.add(thesis, DCTERMS.abstract, text(front.abstract.text, "en"))
    abstract = node("thesis", "abstract")
    sink.add(abstract, RDF.type, DOCO.Section)
    sink.add(abstract, RDFS.label, text("Abstract", "en"))
    sink.add(abstract, C4O.hasContent, text(front.abstract.text))
    sink.add(abstract, DCTERMS.isPartOf, thesis)
    sink.add(thesis, DCTERMS.hasPart, abstract)
    _anchor_block(sink, abstract, front.abstract, document)


def _parts(sink: QuadSink, document: Document) -> None:
    thesis = node("thesis")
    for position, part in enumerate(document.parts, start=1):
        resource = component(part.key)
        kind = DOCO.Bibliography if part.key == "bibliography" else DOCO.Chapter
        sink.add(resource, RDF.type, kind)
        sink.add(resource, DCTERMS.title, text(part.title, "en"))
        label = f"{part.label}: {part.title}" if part.number is not None else part.label
        sink.add(resource, RDFS.label, text(label, "en"))
        sink.add(resource, RKG.index, integer(position))
        if part.number is not None:
            sink.add(resource, RKG.number, integer(part.number))
        sink.add(resource, DCTERMS.isPartOf, thesis)
        sink.add(thesis, DCTERMS.hasPart, resource)
        _anchor(sink, resource, part.heading, document)


def _sections(sink: QuadSink, document: Document) -> None:
    for section in document.sections:
        resource = component(section.key)
        part = component(section.part_key)
        sink.add(resource, RDF.type, DOCO.Section)
        sink.add(resource, RKG.part, part)
        sink.add(resource, DCTERMS.title, text(section.title, "en"))
        sink.add(resource, RDFS.label, text(section.title, "en"))
        sink.add(resource, RKG.index, integer(section.index))
        sink.add(resource, DCTERMS.isPartOf, part)
        sink.add(part, DCTERMS.hasPart, resource)
        _anchor(sink, resource, section.heading, document)


def _paragraphs_and_sentences(sink: QuadSink, document: Document) -> None:
    for paragraph in document.paragraphs:
        resource = component(paragraph.key)
        container = component(paragraph.section_key or paragraph.part_key)
        sink.add(resource, RDF.type, DOCO.Paragraph)
        sink.add(resource, C4O.hasContent, text(paragraph.block.text))
        sink.add(resource, RKG.index, integer(paragraph.index))
        sink.add(resource, DCTERMS.isPartOf, container)
        sink.add(container, DCTERMS.hasPart, resource)
        sink.add(resource, RKG.part, component(paragraph.part_key))
        _anchor_block(sink, resource, paragraph.block, document)
    for sentence in document.sentences:
        resource = component(sentence.key)
        paragraph = component(sentence.paragraph_key)
        sink.add(resource, RDF.type, DOCO.Sentence)
        sink.add(resource, C4O.hasContent, text(sentence.block.text))
        sink.add(resource, RKG.index, integer(sentence.index))
        sink.add(resource, DCTERMS.isPartOf, paragraph)
        sink.add(resource, RKG.part, component(sentence.part_key))
        sink.add(paragraph, DCTERMS.hasPart, resource)
        _anchor_block(sink, resource, sentence.block, document)


def _footnotes_and_markers(sink: QuadSink, document: Document) -> None:
    for footnote in document.footnotes:
        resource = component(footnote.key)
        part = component(footnote.part_key)
        sink.add(resource, RDF.type, DOCO.Footnote)
        sink.add(resource, C4O.hasContent, text(footnote.block.text))
        sink.add(resource, RKG.number, integer(footnote.number))
        sink.add(resource, RDFS.label, text(f"Footnote {footnote.number} ({footnote.part_key})"))
        sink.add(resource, DCTERMS.isPartOf, part)
        sink.add(resource, RKG.part, part)
        sink.add(part, DCTERMS.hasPart, resource)
        if footnote.truncated:
            sink.add(resource, RKG.truncated, boolean(True))
        for flag in sorted(set(footnote.flags)):
            sink.add(resource, RKG.flag, text(flag))
        _anchor_block(sink, resource, footnote.block, document)
        if footnote.number_span is not None:
            _footnote_label(sink, resource, footnote.number_span, document)
    for marker in document.markers:
        footnote = component(marker.footnote_key)
        resource = NamedNode(footnote.value + "/marker")
        sink.add(resource, RDF.type, RKG.FootnoteMarker)
        sink.add(resource, RKG.marks, footnote)
        sink.add(resource, RDFS.label, Literal(str(marker.number)))
        sink.add(resource, RKG.part, component(marker.part_key))
        _anchor(sink, resource, marker.span, document)
        if marker.sentence_key:
            sentence = component(marker.sentence_key)
            sink.add(resource, DCTERMS.isPartOf, sentence)
            sink.add(footnote, RKG.markedIn, sentence)
            sink.add(sentence, RKG.hasFootnote, footnote)


def _bibliography(sink: QuadSink, document: Document) -> None:
    bibliography = component("bibliography")
    sections: dict[int, str] = {}
    for entry in document.bibliography:
        sections[entry.section_index] = entry.section
        section = component(f"bibliography/{entry.section_index}")
        resource = component(entry.key)
        sink.add(resource, RDF.type, BIRO.BibliographicReference)
        sink.add(resource, RDF.type, RKG.BibliographyEntry)
        sink.add(resource, C4O.hasContent, text(entry.block.text))
        sink.add(resource, RKG.part, bibliography)
        sink.add(resource, RKG.index, integer(entry.index))
        sink.add(resource, DCTERMS.isPartOf, section)
        sink.add(section, DCTERMS.hasPart, resource)
        _anchor_block(sink, resource, entry.block, document)
    for subheading in document.bibliography_subheadings:
        _bibliography_subheading(sink, subheading, document)
    headings = {s.index: s for s in document.bibliography_sections}
    sections.update({index: heading.title for index, heading in headings.items()})
    for index, title in sorted(sections.items()):
        section = component(f"bibliography/{index}")
        if index in headings:
            _heading(sink, section, headings[index].heading, document)
        sink.add(section, RDF.type, DOCO.Section)
        sink.add(section, DCTERMS.title, text(title, "en"))
        sink.add(section, RDFS.label, text(title, "en"))
        sink.add(section, RKG.index, integer(index))
        sink.add(section, DCTERMS.isPartOf, bibliography)
        sink.add(bibliography, DCTERMS.hasPart, section)


def _bibliography_subheading(
    sink: QuadSink, subheading: BibSubheading, document: Document
) -> None:
    """An archive's heading in the archival sources: a sub-section holding its files."""
    resource = component(subheading.key)
    section = component(f"bibliography/{subheading.section_index}")
    sink.add(resource, RDF.type, DOCO.Section)
    sink.add(resource, DCTERMS.title, text(subheading.block.text))
    sink.add(resource, RDFS.label, text(subheading.block.text))
    sink.add(resource, RKG.index, integer(subheading.index))
    sink.add(resource, DCTERMS.isPartOf, section)
    sink.add(section, DCTERMS.hasPart, resource)
    _printed_text(sink, NamedNode(f"{resource.value}/heading"), DOCO.SectionTitle,
                  subheading.block, resource, document)
    if subheading.legend is not None:
        _printed_text(sink, NamedNode(f"{resource.value}/legend"), DOCO.Label,
                      subheading.legend, resource, document)
    for entry in document.bibliography:
        if entry.subheading_key == subheading.key:
            sink.add(component(entry.key), DCTERMS.isPartOf, resource)
            sink.add(resource, DCTERMS.hasPart, component(entry.key))


def _printed_text(
    sink: QuadSink,
    resource: NamedNode,
    kind: NamedNode,
    block: TextBlock,
    whole: NamedNode,
    document: Document,
) -> None:
    sink.add(resource, RDF.type, kind)
    sink.add(resource, C4O.hasContent, text(block.text))
    sink.add(resource, DCTERMS.isPartOf, whole)
    sink.add(whole, DCTERMS.hasPart, resource)
    _anchor_block(sink, resource, block, document)


def _abbreviations(sink: QuadSink, document: Document) -> None:
    scheme = node("thesis", "abbreviations")
    districts = node("thesis", "abbreviations", "military-districts")
    sink.add(scheme, RDF.type, SKOS.ConceptScheme)
    sink.add(scheme, RDFS.label, text("Abbreviations", "en"))
    sink.add(scheme, DCTERMS.isPartOf, node("thesis"))
    sink.add(districts, RDF.type, SKOS.Collection)
    sink.add(districts, RDFS.label, text("Military Districts", "en"))
    for entry in document.abbreviations:
        concept = node("thesis", "abbreviations", iris.slugify(entry.abbreviation))
        sink.add(concept, RDF.type, SKOS.Concept)
        sink.add(concept, RDF.type, RKG.Abbreviation)
        sink.add(concept, SKOS.inScheme, scheme)
        sink.add(concept, SKOS.notation, text(entry.abbreviation))
        sink.add(concept, SKOS.prefLabel, text(entry.expansion, "en"))
        if entry.military_district:
            sink.add(districts, SKOS.member, concept)
        _anchor(sink, concept, entry.span, document)


def _heading(sink: QuadSink, resource: NamedNode, span: Span, document: Document) -> None:
    """The printed heading line of a section (`X/heading`, doco:SectionTitle)."""
    heading = NamedNode(f"{resource.value}/heading")
    sink.add(heading, RDF.type, DOCO.SectionTitle)
    sink.add(heading, C4O.hasContent, text(span.slice(document.corpus)))
    sink.add(heading, DCTERMS.isPartOf, resource)
    sink.add(resource, DCTERMS.hasPart, heading)
    _anchor(sink, heading, span, document)


def _footnote_label(sink: QuadSink, footnote: NamedNode, span: Span, document: Document) -> None:
    """The footnote's printed number at the foot of the page (`X/label`, doco:Label)."""
    label = NamedNode(f"{footnote.value}/label")
    sink.add(label, RDF.type, DOCO.Label)
    sink.add(label, C4O.hasContent, text(span.slice(document.corpus)))
    sink.add(label, DCTERMS.isPartOf, footnote)
    sink.add(footnote, DCTERMS.hasPart, label)
    _anchor(sink, label, span, document)


# front matter items already published as other resources (abstract, abbreviations list)
_FRONT_ITEMS_ELSEWHERE = {"abstract", "abbreviations", "abbreviations/military-districts"}
_FRONT_ITEM_TYPES = {
    "title": (DOCO.Title,),
    "author": (DOCO.ListOfAuthors,),
    "line": (DOCO.TextChunk,),
    "section": (DOCO.Section,),
}


def _front_matter(sink: QuadSink, document: Document) -> None:
    """The front matter (`id/thesis/front`, doco:FrontMatter) and its items: title-page
    lines, and the front sections with their headings."""
    if not document.front.items:
        return
    thesis = node("thesis")
    front = node("thesis", "front")
    sink.add(front, RDF.type, DOCO.FrontMatter)
    sink.add(front, RDFS.label, text("Front matter", "en"))
    sink.add(front, DCTERMS.isPartOf, thesis)
    sink.add(thesis, DCTERMS.hasPart, front)
    for item in document.front.items:
        resource = component(item.key)
        if item.heading is not None:
            _heading(sink, resource, item.heading, document)
        if item.key in _FRONT_ITEMS_ELSEWHERE:
            continue
        for kind in _FRONT_ITEM_TYPES[item.kind]:
            sink.add(resource, RDF.type, kind)
        if item.key == "front/contents":
            sink.add(resource, RDF.type, DOCO.TableOfContents)
        sink.add(resource, RDFS.label, text(item.label, "en"))
        sink.add(resource, DCTERMS.isPartOf, front)
        sink.add(front, DCTERMS.hasPart, resource)
        if item.block is not None:
            sink.add(resource, C4O.hasContent, text(item.block.text))
            _anchor_block(sink, resource, item.block, document)


def _unassigned(sink: QuadSink, document: Document) -> None:
    """Text no component claims, kept verbatim (`id/thesis/unassigned/o<start>`)."""
    for item in document.unassigned:
        resource = component(item.key)
        container = component(item.part_key) if item.part_key else node("thesis")
        sink.add(resource, RDF.type, RKG.UnassignedText)
        sink.add(resource, RDFS.label, text(f"Unassigned text at offset {item.span.start}", "en"))
        sink.add(resource, C4O.hasContent, text(item.text))
        sink.add(resource, RKG.flag, text("unassigned"))
        sink.add(resource, DCTERMS.isPartOf, container)
        if item.part_key:
            sink.add(resource, RKG.part, container)
        _anchor(sink, resource, item.span, document)
