"""Assembling the `Document`: parts, sections, paragraphs, sentences, footnotes,
markers and bibliography entries, every piece anchored in the corpus."""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from redarmy_kg.structure.bibliography import bibliography_sections, parse_bibliography
from redarmy_kg.structure.coverage import unassigned_text
from redarmy_kg.structure.footnotes import FootnoteLines, PartLayout, lay_out_part
from redarmy_kg.structure.frontmatter import parse_front
from redarmy_kg.structure.layout_scores import ends_sentence, looks_truncated
from redarmy_kg.structure.lines import Line, line_table
from redarmy_kg.structure.model import (
    BibEntry,
    BibSection,
    BibSubheading,
    Document,
    Footnote,
    Marker,
    Paragraph,
    Section,
    Sentence,
    Span,
    TextBlock,
)
from redarmy_kg.structure.paragraphs import group_paragraphs
from redarmy_kg.structure.parts import build_parts, find_part_headings, is_section_heading
from redarmy_kg.structure.sentences import sentence_bounds
from redarmy_kg.structure.textblock import Vocabulary, build_block, sub_block


@dataclass
class PartContent:
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)


def parse_document(corpus_text: str) -> Document:
    """Parse the thesis text into an offset-anchored `Document`."""
    lines = line_table(corpus_text)
    vocabulary = Vocabulary(corpus_text)
    headings = find_part_headings(lines)
    parts = build_parts(lines, headings, len(corpus_text))
    front_end = headings[0].line_index if headings else len(lines)
    front, abbreviations = parse_front(corpus_text, lines, front_end, vocabulary)
    content = PartContent()
    bibliography: list[BibEntry] = []
    bibliography_headings: list[BibSection] = []
    bibliography_subheadings: list[BibSubheading] = []
    for position, heading in enumerate(headings):
        first = heading.line_index + 1
        last = headings[position + 1].line_index if position + 1 < len(headings) else len(lines)
        if heading.key == "bibliography":
            parsed = parse_bibliography(corpus_text, lines, first, last, vocabulary)
            bibliography, bibliography_subheadings = parsed.entries, parsed.subheadings
            bibliography_headings = bibliography_sections(lines, first, last)
            continue
        part_lines = lines[first:last]
        _parse_part(corpus_text, heading.key, part_lines, vocabulary, content)
    document = Document(
        corpus=corpus_text,
        sha256=hashlib.sha256(corpus_text.encode("utf-8")).hexdigest(),
        front=front,
        abbreviations=abbreviations,
        parts=parts,
        sections=content.sections,
        paragraphs=content.paragraphs,
        sentences=content.sentences,
        footnotes=content.footnotes,
        markers=content.markers,
        bibliography=bibliography,
        bibliography_sections=bibliography_headings,
        bibliography_subheadings=bibliography_subheadings,
    )
    document.unassigned = unassigned_text(document)
    return document


def _parse_part(
    corpus: str, part: str, lines: Sequence[Line], vocabulary: Vocabulary, out: PartContent
) -> None:
    layout = lay_out_part(lines)
    headings = _section_headings(part, lines, layout.body)
    section_at = {index: number for number, index in enumerate(sorted(headings), start=1)}
    for number, index in enumerate(sorted(headings), start=1):
        out.sections.append(
            Section(
                f"{part}/sec/{number}", part, number, lines[index].text, lines[index].content_span()
            )
        )
    marker_spans = [m.span for m in layout.markers.values()]
    part_sentences: list[Sentence] = []
    section_key: str | None = None
    paragraphs = group_paragraphs(lines, layout.body, set(headings))
    heading_lines = sorted(headings)
    for number, paragraph_lines in enumerate(paragraphs, start=1):
        previous_headings = [i for i in heading_lines if i < paragraph_lines[0]]
        if previous_headings:
            section_key = f"{part}/sec/{section_at[previous_headings[-1]]}"
        pieces = [lines[i].content_span() for i in paragraph_lines]
        block = build_block(corpus, pieces, vocabulary, skip=marker_spans)
        key = f"{part}/p/{number}"
        out.paragraphs.append(Paragraph(key, part, section_key, number, block))
        for s_number, (start, end) in enumerate(sentence_bounds(block.text), start=1):
            sentence_block = sub_block(block, start, end, corpus)
            sentence = Sentence(f"{key}/s/{s_number}", part, key, s_number, sentence_block)
            part_sentences.append(sentence)
    out.sentences.extend(part_sentences)
    out.markers.extend(_link_markers(part, layout, part_sentences, corpus))
    out.footnotes.extend(_footnotes(corpus, part, lines, layout, vocabulary))


def _section_headings(part: str, lines: Sequence[Line], body: Sequence[int]) -> list[int]:
    if not part.startswith("ch"):
        return []
    found = []
    for position, index in enumerate(body):
        previous = lines[body[position - 1]] if position > 0 else None
        following = lines[body[position + 1]] if position + 1 < len(body) else None
        if position > 0 and is_section_heading(lines[index], previous, following):
            found.append(index)
    return found


def _link_markers(
    part: str, layout: PartLayout, sentences: list[Sentence], corpus: str
) -> list[Marker]:
    starts = [s.block.span.start for s in sentences]
    markers = []
    for number in sorted(layout.markers):
        found = layout.markers[number]
        position = bisect.bisect_right(starts, found.span.start) - 1
        sentence = sentences[position] if position >= 0 else None
        if sentence is not None:
            _cover_marker(sentence, found.span, corpus)
            sentence.footnote_keys.append(f"{part}/fn/{number}")
        markers.append(
            Marker(
                f"{part}/fn/{number}", part, number, found.span, sentence.key if sentence else None
            )
        )
    return markers


def _cover_marker(sentence: Sentence, marker: Span, corpus: str) -> None:
    """Let a sentence's raw extent include a marker glued right after its end."""
    block = sentence.block
    last = block.segments[-1]
    if marker.start >= last.end and corpus[last.end : marker.start].strip() == "":
        block.segments = (*block.segments[:-1], Span(last.start, marker.end))


def _footnotes(
    corpus: str, part: str, lines: Sequence[Line], layout: PartLayout, vocabulary: Vocabulary
) -> list[Footnote]:
    footnotes = []
    for item in layout.footnotes:
        block = _footnote_block(corpus, lines, item, vocabulary)
        truncated = looks_truncated(block.text)
        flags = list(item.flags)
        if truncated:
            flags.append(f"truncated: ends with {block.text[-12:]!r}")
        elif not ends_sentence(block.text) or not block.text.endswith((".", "?", "!", ".)")):
            flags.append("no-final-full-stop")
        marker = layout.markers.get(item.number)
        if marker is not None and marker.loose:
            flags.append("marker-separated-by-space")
        if marker is None:
            flags.append("marker-not-found")
        opening = lines[item.lines[0]].start
        number_span = Span(opening, opening + item.number_width)
        footnotes.append(
            Footnote(
                f"{part}/fn/{item.number}", part, item.number, block, truncated, flags, number_span
            )
        )
    return footnotes


def _footnote_block(
    corpus: str, lines: Sequence[Line], item: FootnoteLines, vocabulary: Vocabulary
) -> TextBlock:
    first, *rest = item.lines
    pieces = [lines[first].content_span(skip=item.number_width)]
    pieces += [lines[i].content_span() for i in rest if lines[i].text]
    return build_block(corpus, [p for p in pieces if p.end > p.start], vocabulary)
