"""Coverage accounting on the small hand-made thesis: every non-whitespace
character belongs to exactly one published component, or is kept (and
published) as unassigned text."""

from __future__ import annotations

import re

from pyoxigraph import Store

from redarmy_kg.rdf.structure import emit_structure
from redarmy_kg.structure import parse_document
from redarmy_kg.structure.coverage import coverage, published_pieces
from redarmy_kg.structure.model import Span
from redarmy_kg.structure.report import structure_report

from .test_structure_footnotes import THESIS

PREFIXES = """
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX doco: <http://purl.org/spar/doco/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX c4o: <http://purl.org/spar/c4o/>
PREFIX rkg: <https://w3id.org/redarmy-kg/ontology#>
"""


def non_space(text: str) -> int:
    return len(re.findall(r"\S", text))


def with_junk(corpus: str) -> str:
    """The thesis with two lines the parser cannot place: a stray line in the
    abbreviations list before its first entry, and a note before the
    bibliography's first section heading."""
    corpus = corpus.replace("Abbreviations \n", "Abbreviations \n(see also p. 3) \n", 1)
    return corpus.replace("Bibliography \n", "Bibliography \nCompiled from the notes \n", 1)


def test_small_thesis_is_covered_exactly_once() -> None:
    corpus = THESIS + "\n"
    document = parse_document(corpus)
    result = coverage(document)
    assert document.unassigned == []
    assert result.overlapping_chars == 0
    assert result.covered_chars == result.non_whitespace_chars == non_space(corpus)


def test_every_front_matter_line_is_an_item() -> None:
    document = parse_document(THESIS + "\n")
    items = {item.key: item for item in document.front.items}
    assert list(items) == [
        "front/preamble",
        "front/title",
        "front/author",
        "front/degree",
        "front/institution",
        "front/submitted",
        "front/copyright",
        "front/acknowledgements",
        "abstract",
        "front/contents",
        "abbreviations",
        "abbreviations/military-districts",
        "front/terminology",
    ]
    assert items["front/preamble"].block.text == "Microsoft Word - thesis.doc"  # type: ignore[union-attr]
    assert items["front/acknowledgements"].block.text == "Thanks."  # type: ignore[union-attr]
    assert items["front/contents"].block is None  # the table itself was lost in extraction
    assert document.front.title == "A Small Thesis"
    assert document.front.copyright_statement.endswith(
        "\u00a9 2012 The University of Leeds and Ann Author"
    )


def test_markers_and_footnote_numbers_are_their_own_pieces() -> None:
    corpus = THESIS + "\n"
    document = parse_document(corpus)
    owners = {piece.owner: piece.span for piece in published_pieces(document)}
    assert owners["intro/fn/1/marker"].slice(corpus) == "1"
    assert owners["intro/fn/1/label"].slice(corpus) == "1"
    assert owners["intro/fn/1/label"].start < document.footnote("intro/fn/1").block.span.start
    paragraph_pieces = [p.span for p in published_pieces(document) if p.owner == "intro/p/1"]
    assert len(paragraph_pieces) >= 2  # split around the marker digits


def test_text_the_parser_cannot_place_is_kept_as_unassigned() -> None:
    corpus = with_junk(THESIS + "\n")
    document = parse_document(corpus)
    kept = [(u.text, u.part_key) for u in document.unassigned]
    assert kept == [("(see also p. 3)", None), ("Compiled from the notes", "bibliography")]
    for item in document.unassigned:
        assert item.span.slice(corpus) == item.text
        assert item.key == f"unassigned/o{item.span.start}"
    result = coverage(document)
    assert result.unassigned_chars == non_space("(see also p. 3)Compiled from the notes")
    assert result.covered_chars + result.unassigned_chars == non_space(corpus)
    totals = structure_report(document)["totals"]
    assert (totals["unassigned_spans"], totals["unassigned_chars"]) == (2, 32)  # type: ignore[index]


def test_unassigned_text_is_published_flagged_and_anchored() -> None:
    corpus = with_junk(THESIS + "\n")
    store = Store()
    store.extend(emit_structure(parse_document(corpus)))
    rows = store.query(
        PREFIXES
        + """SELECT ?u ?content ?flag ?start ?end ?container WHERE {
            ?u a rkg:UnassignedText ; c4o:hasContent ?content ; rkg:flag ?flag ;
               dcterms:isPartOf ?container ;
               rkg:textAnchor/oa:hasSelector [ oa:start ?start ; oa:end ?end ] .
        } ORDER BY ?start""",
        use_default_graph_as_union=True,
    )
    found = [{v.value: row[v].value for v in rows.variables} for row in rows]
    assert [r["content"] for r in found] == ["(see also p. 3)", "Compiled from the notes"]
    start = corpus.index("Compiled from the notes")
    assert found[1]["u"] == f"https://w3id.org/redarmy-kg/id/thesis/unassigned/o{start}"
    assert found[1]["container"].endswith("/thesis/bibliography")
    assert {r["flag"] for r in found} == {"unassigned"}
    for row in found:
        assert Span(int(row["start"]), int(row["end"])).slice(corpus) == row["content"]


def test_front_matter_published_with_headings() -> None:
    store = Store()
    store.extend(emit_structure(parse_document(THESIS + "\n")))
    rows = store.query(
        PREFIXES
        + """SELECT ?item ?heading WHERE {
            ?item dcterms:isPartOf <https://w3id.org/redarmy-kg/id/thesis/front> .
            OPTIONAL { ?h a doco:SectionTitle ; dcterms:isPartOf ?item ; c4o:hasContent ?heading }
        }""",
        use_default_graph_as_union=True,
    )
    found = {row["item"].value.rsplit("/thesis/", 1)[1]: row["heading"] for row in rows}
    assert found["front/acknowledgements"].value == "Acknowledgements"  # type: ignore[union-attr]
    assert found["front/terminology"].value == "Terminology and Transliteration"  # type: ignore[union-attr]
    assert found["front/title"] is None


# regressions: inputs on which parse_document raised before it degraded gracefully


def test_empty_input_gives_an_empty_document() -> None:
    document = parse_document("")
    assert document.parts == [] and document.footnotes == [] and document.unassigned == []
    assert document.front.title == "" and document.front.abstract.text == ""
    emit_structure(document)


def test_text_without_front_matter_or_parts_is_all_unassigned() -> None:
    """No part heading at all (IndexError)."""
    corpus = "Some words.\n\nMore words on a second run.\n"
    document = parse_document(corpus)
    assert [u.text for u in document.unassigned] == ["Some words.", "More words on a second run."]
    assert all(u.part_key is None for u in document.unassigned)


def test_part_without_front_matter() -> None:
    """A part heading on the first line: no title page to read (StopIteration)."""
    document = parse_document("Introduction\nThe army was purged.\n")
    assert document.front.items == [] and document.unassigned == []
    assert [p.block.text for p in document.paragraphs] == ["The army was purged."]


def test_missing_front_section_heading() -> None:
    """'Acknowledgements' missing (ValueError): the other sections are still read."""
    corpus = THESIS.replace("Acknowledgements \n", "") + "\n"
    document = parse_document(corpus)
    keys = [item.key for item in document.front.items]
    assert "front/acknowledgements" not in keys and "abstract" in keys
    result = coverage(document)
    assert result.covered_chars + result.unassigned_chars == non_space(corpus)
    assert result.overlapping_chars == 0


def test_repeated_abbreviation_is_not_a_second_resource() -> None:
    corpus = THESIS.replace("GUGB  Main", "GPU - Again\nGUGB  Main", 1) + "\n"
    document = parse_document(corpus)
    assert [a.abbreviation for a in document.abbreviations].count("GPU") == 1
    assert [u.text for u in document.unassigned] == ["GPU - Again"]


def test_repeated_bibliography_heading_is_not_a_second_section() -> None:
    corpus = (
        THESIS.replace("Getty, J. Arch", "Books and Journal Articles \nGetty, J. Arch", 1) + "\n"
    )
    document = parse_document(corpus)
    assert [s.title for s in document.bibliography_sections] == ["Books and Journal Articles"]
    assert [u.text for u in document.unassigned] == ["Books and Journal Articles"]


def test_repeated_sub_heading_does_not_stretch_the_entry_before_it() -> None:
    """Found by fuzzing: a second 'Military Districts' line was read as the wrapped
    expansion of the entry before the first, whose span then enclosed the sub-heading."""
    corpus = THESIS.replace("Military Districts \n", "Military Districts \n" * 2, 1) + "\n"
    document = parse_document(corpus)
    cheka = next(a for a in document.abbreviations if a.abbreviation == "VChK (Cheka)")
    assert cheka.expansion.endswith("Counterrevolution and Sabotage")
    assert coverage(document).overlapping_chars == 0
    assert [u.text for u in document.unassigned] == ["Military Districts"]
