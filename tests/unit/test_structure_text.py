"""Markers, sentences and hyphen mending on hand-made snippets."""

from __future__ import annotations

from redarmy_kg.structure.markers import glued_marker, loose_marker
from redarmy_kg.structure.model import Span
from redarmy_kg.structure.sentences import sentence_bounds
from redarmy_kg.structure.textblock import Vocabulary, build_block


def test_glued_markers() -> None:
    assert glued_marker(1).search("the alleged conspiracy.1 Stalin")
    assert glued_marker(107).search("arrested in 1936.107 The")
    assert not glued_marker(36).search("arrested in 1936.107 The")
    assert not glued_marker(10).search("arrested in 1936.107 The")
    assert glued_marker(101).search("This espionage is less dangerous101  ")
    assert not glued_marker(19).search("RGVA, f. 4, op. 19, d. 16")


def test_marker_separated_by_a_space() -> None:
    assert not glued_marker(39).search("as this. 39 The")
    assert loose_marker(39).search("as this. 39 The")


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_bounds(text)]


def test_sentences_keep_initials_and_archival_abbreviations() -> None:
    text = (
        "M. N. Tukhachevskii was arrested in May. The file is RGVA, f. 4, op. 19, d. 16, "
        "l. 265. Dr Harris agreed with ed. by J. Arch Getty. Why? Because pp. 12-14 said so."
    )
    assert _sentences(text) == [
        "M. N. Tukhachevskii was arrested in May.",
        "The file is RGVA, f. 4, op. 19, d. 16, l. 265.",
        "Dr Harris agreed with ed. by J. Arch Getty.",
        "Why?",
        "Because pp. 12-14 said so.",
    ]


def test_hyphenated_line_ends() -> None:
    corpus = (
        "He was a Civil-\nWar hero, deter-\nmined, rank-and-\nfile and firm in 1937-\n38. "
        "It was determined, never counter-revolutionary."
    )
    lines = corpus.split("\n")
    pieces, offset = [], 0
    for line in lines:
        pieces.append(Span(offset, offset + len(line)))
        offset += len(line) + 1
    block = build_block(corpus, pieces, Vocabulary(corpus))
    assert (
        block.text == "He was a Civil-War hero, determined, rank-and-file and firm in 1937-38. "
        "It was determined, never counter-revolutionary."
    )
    assert len(block.segments) == 1
    for index, char in enumerate(block.text):
        assert corpus[block.char_offsets[index]] == char


def test_lines_join_with_a_space_mapped_to_the_newline() -> None:
    corpus = "first line \nsecond line"
    block = build_block(corpus, [Span(0, 10), Span(12, 23)])
    assert block.text == "first line second line"
    assert corpus[block.char_offsets[10]] == " "
    assert block.corpus_span(11, 22) == Span(12, 23)


def test_skipped_marker_digits_leave_the_text() -> None:
    corpus = "a conspiracy.1 Then"
    block = build_block(corpus, [Span(0, len(corpus))], skip=[Span(13, 14)])
    assert block.text == "a conspiracy. Then"
