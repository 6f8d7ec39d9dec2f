"""The structure stage on the real thesis: counts, markers, offsets, spot checks."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from pyoxigraph import Store

from redarmy_kg.rdf.structure import emit_structure
from redarmy_kg.structure.coverage import coverage
from redarmy_kg.structure.model import Document, Span, TextBlock

pytestmark = pytest.mark.e2e

FOOTNOTES_PER_PART = {
    "intro": 64,
    "ch1": 154,
    "ch2": 157,
    "ch3": 148,
    "ch4": 185,
    "ch5": 216,
    "conclusion": 9,
}
# counted by reading the bibliography: 24 archival files (17 fond lines under RGVA, 6 under
# RGASPI, the TNA file), 3 newspapers, 39 document collections, 1 thesis, 177 books and articles
BIBLIOGRAPHY_PER_SECTION = {
    "Archival Sources": 24,
    "Newspapers": 3,
    "Document Collections": 39,
    "Unpublished PhD Theses": 1,
    "Books and Journal Articles": 177,
}


def test_footnotes_per_part(document: Document) -> None:
    assert Counter(f.part_key for f in document.footnotes) == FOOTNOTES_PER_PART
    for part in FOOTNOTES_PER_PART:
        numbers = [f.number for f in document.footnotes if f.part_key == part]
        assert numbers == list(range(1, FOOTNOTES_PER_PART[part] + 1))


def test_every_marker_found_and_linked_to_a_sentence(document: Document) -> None:
    assert len(document.markers) == 933
    for marker in document.markers:
        assert marker.sentence_key is not None, marker
        assert marker.span.slice(document.corpus) == str(marker.number)
        sentence = document.sentence(marker.sentence_key)
        assert marker.footnote_key in sentence.footnote_keys
        assert sentence.block.span.start <= marker.span.start < sentence.block.span.end
        # the mark comes before its footnote text in the corpus
        assert marker.span.end <= document.footnote(marker.footnote_key).block.span.start


def _assert_offsets_map_back(block: TextBlock, corpus: str) -> None:
    for index, char in enumerate(block.text):
        raw = corpus[block.char_offsets[index]]
        assert raw == char or (char == " " and raw.isspace()), (block.text[:60], index)


def _own_raw_text(block: TextBlock, corpus: str, skipped: set[int]) -> str:
    """The block's raw characters (its segments), without the marker digits."""
    return "".join(
        corpus[offset]
        for segment in block.segments
        for offset in range(segment.start, segment.end)
        if offset not in skipped
    )


def _squeeze(text: str) -> str:
    return re.sub(r"[\s-]", "", text)


def test_offsets_round_trip(document: Document) -> None:
    """Each block's text is its segments' raw text, modulo line breaks and mended hyphens."""
    corpus = document.corpus
    markers = {o for m in document.markers for o in range(m.span.start, m.span.end)}
    blocks = [p.block for p in document.paragraphs] + [s.block for s in document.sentences]
    blocks += [f.block for f in document.footnotes] + [e.block for e in document.bibliography]
    for block in blocks:
        _assert_offsets_map_back(block, corpus)
        assert block.span.start == block.char_offsets[0]
        assert block.char_offsets == sorted(block.char_offsets)
        assert _squeeze(_own_raw_text(block, corpus, markers)) == _squeeze(block.text)


def test_footnote_text_never_inside_body(document: Document) -> None:
    body = [(s, p.key) for p in document.paragraphs for s in p.block.segments]
    notes = [(s, f.key) for f in document.footnotes for s in f.block.segments]
    pieces = sorted(body + notes, key=lambda item: item[0])
    for (first, key_a), (second, key_b) in zip(pieces, pieces[1:], strict=False):
        assert first.end <= second.start, (key_a, key_b)


def test_sentences_cover_their_paragraph(document: Document) -> None:
    by_paragraph: dict[str, list[str]] = {}
    for sentence in document.sentences:
        by_paragraph.setdefault(sentence.paragraph_key, []).append(sentence.block.text)
    for paragraph in document.paragraphs:
        joined = "".join(by_paragraph[paragraph.key])
        assert _squeeze(joined) == _squeeze(paragraph.block.text)


@pytest.mark.parametrize(
    ("key", "start", "end", "truncated"),
    [
        # no space after the number
        ("ch2/fn/52", "For more about the growth of the Russian Bonaparte", "pp.71-98.", False),
        ("ch5/fn/47", "Voennye arkhivy Rossii, p. 255.", "p. 255.", False),
        # two spaces after the number
        ("ch5/fn/4", "Getty and Naumov, The Road to Terror", "p. 276.", False),
        # continued at the foot of the next page, after the body resumed
        (
            "intro/fn/4",
            "From a large body of work, see for example, Erich Wollenberg",
            "US Ally (London, Portland, Or.: Frank Cass, 2004).",
            False,
        ),
        (
            "intro/fn/38",
            "Notable post-war scholarship on the Stalinist regime",
            "one of the prime causes of the Terror, see Tucker.",
            False,
        ),
        (
            "ch3/fn/93",
            "Hagenloh has argued that policing in the late 1920s",
            "target population cohorts, see Hagenloh, pp. 48-146.",
            False,
        ),
        # last line lost in extraction
        ("ch2/fn/35", "Krasnaia armiia v 1920-e, ed. by Kudriashov", "d. 799, ll. 15-", True),
        ("ch1/fn/131", None, "82-99 (pp. 85-", True),
        (
            "ch5/fn/128",
            "V. Vinogradov, Tretia reforma organov bezopasnosti",
            "(Moscow: Kuchkovo pole, 2006),",
            True,
        ),
    ],
)
def test_tricky_footnotes(
    document: Document, key: str, start: str | None, end: str, truncated: bool
) -> None:
    footnote = document.footnote(key)
    if start is not None:
        assert footnote.block.text.startswith(start)
    assert footnote.block.text.endswith(end)
    assert footnote.truncated is truncated


def test_continued_footnote_has_two_segments_around_body(document: Document) -> None:
    footnote = document.footnote("intro/fn/4")
    assert len(footnote.block.segments) == 2
    between = Span(footnote.block.segments[0].end, footnote.block.segments[1].start)
    assert "flaws. If the consolidation of power" in between.slice(document.corpus)
    assert "Trotskyist coup of 1927" not in document.footnote("ch3/fn/93").block.text


def test_truncated_footnotes(document: Document) -> None:
    truncated = [f for f in document.footnotes if f.truncated]
    assert len(truncated) == 24
    assert all(any(flag.startswith("truncated") for flag in f.flags) for f in truncated)


def test_front_matter_and_abbreviations(document: Document) -> None:
    front = document.front
    assert front.title == "The Red Army and the Terror"
    assert front.author == "Peter James Whitewood"
    assert front.submitted == "2012-07"
    assert front.abstract.text.startswith("This thesis examines the reasons why Stalin purged")
    assert front.copyright_statement.endswith(
        "2012 The University of Leeds and Peter James Whitewood"
    )
    table = {a.abbreviation: a for a in document.abbreviations}
    assert table["GUGB"].expansion == "Main Directorate of State Security"
    assert table["VChK (Cheka)"].expansion.endswith("Counterrevolution and Sabotage")
    assert sum(a.military_district for a in document.abbreviations) == 9
    assert len(document.abbreviations) == 28


def test_parts_and_sections(document: Document) -> None:
    assert [p.key for p in document.parts] == [
        "intro",
        "ch1",
        "ch2",
        "ch3",
        "ch4",
        "ch5",
        "conclusion",
        "bibliography",
    ]
    assert document.parts[1].title == "The Red Army in Civil War"
    assert Counter(s.part_key for s in document.sections) == {
        "ch1": 5,
        "ch2": 4,
        "ch3": 3,
        "ch4": 4,
        "ch5": 3,
    }
    assert "Operation vesna" in [s.title for s in document.sections]


def test_bibliography_sections(document: Document) -> None:
    assert Counter(e.section for e in document.bibliography) == BIBLIOGRAPHY_PER_SECTION
    assert len(document.bibliography) == 244
    # each fond line (wrapped lines joined) and the National Archives file is one entry,
    # listed under its archive's heading
    archival = [e for e in document.bibliography if e.section_index == 1]
    assert all(e.block.text.startswith("f. ") for e in archival[:23])
    assert archival[5].block.text.startswith("f. 9, op. 29, d. 10; 14;")
    assert archival[5].block.text.endswith("318; 319; 320; 340; 358")
    assert archival[10].block.text == "f. 33988, op. 3c, d. 69"
    assert archival[23].block.text == "TNA: PRO: KV 2/404: Witovt Kazimirovich PUTNA"
    headings = [h.block.text for h in document.bibliography_subheadings]
    assert headings == [
        "Rossiiskii gosudarstvennyi voennyi arkhiv Russian State Military Archive (RGVA)",
        "Rossiiskii gosudarstvennyi arkhiv sotsialno-politicheskoi istorii Russian State "
        "Archive of Socio-Political History (RGASPI)",
        "National Archives",
    ]
    legends = [h.legend.text if h.legend else None for h in document.bibliography_subheadings]
    assert legends == ["Fond, opis, delo:", "Fond, opis, delo:", None]
    per_heading = Counter(e.archive for e in archival)
    assert [per_heading[h] for h in headings] == [17, 6, 1]
    books = [e for e in document.bibliography if e.section_index == 5]
    assert books[0].block.text.startswith("Adams, Arthur, Bolsheviks in the Ukraine")
    assert any(e.block.text.startswith("Stoecker, Sally") for e in books)
    # an authorless journal reference, alphabetised under S-l and cited so in intro note 57:
    # an entry of its own, not the tail of the (complete) Siegelbaum entry before it
    slavic = [e.block.text for e in books].index("Slavic Review, 52. 1 (1993), 87-106.")
    assert books[slavic - 1].block.text.endswith("(London: Sharpes, 1990), pp. 133-145.")


def test_sparql_counts_footnotes_per_part(document: Document) -> None:
    store = Store()
    store.extend(emit_structure(document))
    query = """
        PREFIX doco: <http://purl.org/spar/doco/>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX rkg: <https://w3id.org/redarmy-kg/ontology#>
        SELECT ?part (COUNT(?fn) AS ?n) (COUNT(?s) AS ?linked) WHERE {
            ?fn a doco:Footnote ; dcterms:isPartOf ?part .
            OPTIONAL { ?fn rkg:markedIn ?s }
        } GROUP BY ?part
    """
    rows = store.query(query, use_default_graph_as_union=True)
    counts = {r["part"].value.rsplit("/", 1)[1]: int(r["n"].value) for r in rows}
    assert counts == FOOTNOTES_PER_PART


@pytest.fixture(scope="module")
def structure_store(document: Document) -> Store:
    store = Store()
    store.extend(emit_structure(document))
    return store


def test_every_character_is_accounted_for(document: Document) -> None:
    """No text lost: every non-whitespace character (marker digits counted as their
    marker's, footnote numbers as their footnote's) is in exactly one component."""
    result = coverage(document)
    assert result.non_whitespace_chars == len(re.findall(r"\S", document.corpus))
    assert document.unassigned == []
    assert (result.unassigned_spans, result.unassigned_chars) == (0, 0)
    assert result.overlapping_chars == 0, result.overlaps
    assert result.covered_chars == result.non_whitespace_chars


LEAF_ANCHORS = """
    PREFIX doco: <http://purl.org/spar/doco/>
    PREFIX dcterms: <http://purl.org/dc/terms/>
    PREFIX oa: <http://www.w3.org/ns/oa#>
    PREFIX rkg: <https://w3id.org/redarmy-kg/ontology#>
    SELECT ?r ?start ?end ?marker WHERE {
        ?r rkg:textAnchor/oa:hasSelector ?sel .
        ?sel a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
        FILTER NOT EXISTS { ?r rkg:hasSegment ?piece }
        FILTER NOT EXISTS { ?r a doco:Sentence }
        FILTER NOT EXISTS { ?r a rkg:TextSegment ; dcterms:isPartOf/a doco:Sentence }
        BIND(EXISTS { ?r a rkg:FootnoteMarker } AS ?marker)
    }
"""


def test_published_anchors_cover_the_corpus_exactly_once(
    document: Document, structure_store: Store
) -> None:
    """Read back from the RDF alone: the anchors of the published components (without
    sentences, which divide paragraphs, and with segments in place of the components
    they split) cover each non-whitespace character once; marker digits twice (the
    marker and the paragraph around it)."""
    corpus = document.corpus
    depth = [0] * (len(corpus) + 1)
    marker_chars: set[int] = set()
    rows = structure_store.query(LEAF_ANCHORS, use_default_graph_as_union=True)
    for row in rows:
        start, end = int(row["start"].value), int(row["end"].value)
        depth[start] += 1
        depth[end] -= 1
        if row["marker"].value == "true":
            marker_chars.update(range(start, end))
    running = 0
    wrong = []
    for offset, char in enumerate(corpus):
        running += depth[offset]
        if char.isspace():
            continue
        expected = 2 if offset in marker_chars else 1
        if running != expected:
            wrong.append((offset, running, corpus[max(0, offset - 20) : offset + 20]))
    assert wrong == []
    assert len(marker_chars) == sum(len(str(m.number)) for m in document.markers)


def test_front_matter_published(document: Document, structure_store: Store) -> None:
    query = """
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX c4o: <http://purl.org/spar/c4o/>
        SELECT ?item ?content WHERE {
            ?item dcterms:isPartOf <https://w3id.org/redarmy-kg/id/thesis/front> .
            OPTIONAL { ?item c4o:hasContent ?content }
        }
    """
    rows = structure_store.query(query, use_default_graph_as_union=True)
    found = {r["item"].value.rsplit("/thesis/", 1)[1]: r["content"] for r in rows}
    assert sorted(found) == [
        "front/acknowledgements",
        "front/author",
        "front/contents",
        "front/copyright",
        "front/declaration",
        "front/degree",
        "front/institution",
        "front/preamble",
        "front/submitted",
        "front/terminology",
        "front/title",
    ]
    assert found["front/preamble"].value.startswith("Microsoft Word - The Red Army")  # type: ignore[union-attr]
    assert found["front/acknowledgements"].value.endswith(
        "interminable conversation about this thesis."
    )  # type: ignore[union-attr]
    assert found["front/terminology"].value.startswith("In transliterating from Russian")  # type: ignore[union-attr]
    assert found["front/contents"] is None  # the table itself did not survive the extraction
