"""Footnote blocks on a hand-made page layout: body lines are about 85 characters
wide, full footnote lines about 100 (smaller type)."""

from __future__ import annotations

from redarmy_kg.structure import parse_document
from redarmy_kg.structure.footnotes import lay_out_part
from redarmy_kg.structure.lines import Line, line_table

FILLER = "and the army was seen as weak by the regime in these years of growing tension "


def fill(text: str, width: int) -> str:
    """`text` padded with filler words to about `width` characters (a printed line);
    text already close to the width is left as it is."""
    padded = text
    while len(padded) < width - 10:
        padded = padded + " " + FILLER[: width - len(padded) - 1]
    return padded[:width].rstrip() + " "


def body(text: str) -> str:
    return fill(text, 85)


def note(text: str) -> str:
    return fill(text, 100)


def layout(rows: list[str]) -> tuple[list[Line], dict[int, list[str]]]:
    lines = line_table("\n".join(rows) + "\n")
    result = lay_out_part(lines)
    texts = {f.number: [lines[i].text for i in f.lines] for f in result.footnotes}
    return lines, texts


PAGE = [
    body("The purge began after the exposure of an alleged conspiracy.1 Stalin acted"),
    body("quickly against the officers in the spring of that year while the army"),
    "16 March 1937 saw the first arrests in the army and its dangerous101 ",
    body("elite. The arrests widened as this. 2 More arrests followed in the summer when"),
    "1 Conquest, The Great Terror, p. 12. ",
    "2For more on this, see Getty and Naumov, The Road to Terror, pp. 85- ",
    body("the whole command came under suspicion and many were discharged from the ranks"),
    body("in the following months. The Red Army would not recover for years after this.3"),
    "3 This footnote has a long first part that runs to the full width of the page "
    + "and continues ",
    body("Later the regime turned to other enemies in the country and in the party with"),
    body("growing force, and the army suffered with all the others in those terrible years."),
    note("on the foot of the next page after the body text resumed, in that page's footnotes"),
    "of the page. ",
]


def test_numbered_footnotes_and_body_line_opening_with_a_number() -> None:
    lines, notes = layout(PAGE)
    assert sorted(notes) == [1, 2, 3]
    assert notes[1] == ["1 Conquest, The Great Terror, p. 12."]
    # no space after the number, and the last line lost (ends `pp. 85-`)
    assert notes[2] == ["2For more on this, see Getty and Naumov, The Road to Terror, pp. 85-"]
    assert all(not text.startswith("16 March") for texts in notes.values() for text in texts)


def test_footnote_continued_after_the_body_resumes() -> None:
    _, notes = layout(PAGE)
    assert notes[3][0].startswith("3 This footnote has a long first part")
    assert notes[3][-1] == "of the page."
    assert notes[3][1].startswith("on the foot of the next page")
    assert len(notes[3]) == 3


def test_markers_found_in_sequence() -> None:
    lines = line_table("\n".join(PAGE) + "\n")
    result = lay_out_part(lines)
    found = {n: (lines[m.line_index].number, m.loose) for n, m in result.markers.items()}
    assert found == {1: (1, False), 2: (4, True), 3: (8, False)}


THESIS = "\n".join(
    [
        "Microsoft Word - thesis.doc",
        "A Small Thesis ",
        "Ann Author ",
        "Submitted in accordance with the requirements for the degree of Doctor of Philosophy  ",
        "The University of Leeds, School of History ",
        "Submitted July 2012 ",
        "This copy has been supplied on the understanding that it is copyright material. ",
        " 2012 The University of Leeds and Ann Author ",
        "Acknowledgements ",
        "Thanks. ",
        "Abstract ",
        "This thesis is short. It has one chapter. ",
        "Table of Contents ",
        "Abbreviations ",
        "GPU - State Political Directorate ",
        "GUGB  Main Directorate of State Security ",
        "VChK (Cheka) - All-Russian Extraordinary Commission to Combat Counterrevolution ",
        "and Sabotage ",
        "Military Districts ",
        "KVO  Kiev Military District ",
        "Terminology and Transliteration ",
        "Library of Congress. ",
        "Introduction ",
        *PAGE,
        "Chapter One: The Only Chapter ",
        body("M. N. Tukhachevskii was arrested. See the file in RGVA, f. 4, op. 19, d. 16.1"),
        "1 RGVA, f. 4, op. 19, d. 16, l. 265. ",
        "Conclusion ",
        body("It ended badly."),
        "Bibliography ",
        "Books and Journal Articles ",
        "Conquest, Robert, The Great Terror: Stalins Purge of the Thirties (London: ",
        "Macmillan, 1973) ",
        "Getty, J. Arch, Origins of the Great Purges (Cambridge: Cambridge University ",
        "Press, 1985) ",
    ]
)


def test_small_document_end_to_end() -> None:
    document = parse_document(THESIS + "\n")
    assert [p.key for p in document.parts] == ["intro", "ch1", "conclusion", "bibliography"]
    assert document.front.submitted == "2012-07"
    table = {a.abbreviation: a for a in document.abbreviations}
    assert table["GUGB"].expansion == "Main Directorate of State Security"
    assert table["VChK (Cheka)"].expansion.endswith("Counterrevolution and Sabotage")
    assert table["KVO"].military_district
    assert [f.key for f in document.footnotes] == [
        "intro/fn/1",
        "intro/fn/2",
        "intro/fn/3",
        "ch1/fn/1",
    ]
    assert document.footnote("intro/fn/2").truncated
    assert all(m.sentence_key for m in document.markers)
    chapter = [s.block.text for s in document.sentences if s.part_key == "ch1"]
    assert chapter[0] == "M. N. Tukhachevskii was arrested."
    assert chapter[1].startswith("See the file in RGVA, f. 4, op. 19, d. 16.")
    assert [e.block.text[:8] for e in document.bibliography] == ["Conquest", "Getty, J"]


CONTINUED_BEFORE_NEXT = [
    body("The officers were arrested after the conspiracy was exposed.1 This was only"),
    "1 A first footnote whose text is long enough to reach the full width of the footnote area "
    + "and is cut",
    body("the beginning, for the arrests spread through the whole army in the following"),
    body("months and many more were arrested in the districts in the same year.2 After"),
    note("by the page break in the middle of its sentence and carries on at the top of the next"),
    "page's footnotes. ",
    "2 Getty and Naumov, The Road to Terror, p. 276. ",
    body("that the purge slowed down."),
]


def test_footnote_continued_just_before_the_next_numbered_footnote() -> None:
    lines, notes = layout(CONTINUED_BEFORE_NEXT)
    assert notes[1][1].startswith("by the page break in the middle")
    assert notes[1][-1] == "page's footnotes."
    assert notes[2] == ["2 Getty and Naumov, The Road to Terror, p. 276."]
    result = lay_out_part(lines)
    assert [lines[i].text.split()[1] for i in result.body] == [
        "officers",
        "beginning,",
        "and",
        "the",
    ]
