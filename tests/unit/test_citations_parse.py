"""The footnote parser on hand-made footnotes: every variant the thesis uses."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from redarmy_kg.bibliography import parse_bibliography
from redarmy_kg.citations import (
    ArchivalRef,
    CollectionRef,
    IbidRef,
    NewspaperRef,
    WorkRef,
    extract_from_footnotes,
)
from redarmy_kg.structure.model import BibEntry, Footnote, Span, TextBlock


def block(text: str) -> TextBlock:
    return TextBlock(text, list(range(len(text))), (Span(0, max(1, len(text))),))


BIB = [
    BibEntry("bibliography/1/1", "Archival Sources", 1, 1,
             block("Russian State Military Archive (RGVA) f. 4, op. 19, d. 16; 18")),
    BibEntry("bibliography/2/1", "National Archives", 2, 1, block("TNA: PRO: KV 2/404: PUTNA")),
    BibEntry("bibliography/3/1", "Document Collections", 3, 1, block(
        "Khaustov, Vladimir and others, eds., Lubianka: Stalin i VChK-GPU-OGPU-NKVD, ianvar "
        "1922-dekabr 1936 (Moscow: Mezhdunarodnyi fond Demokratiia, 2003)")),
    BibEntry("bibliography/4/1", "Books and Journal Articles", 4, 1, block(
        "Getty, J. Arch and Oleg Naumov, eds., The Road to Terror: Stalin and the Self-"
        "Destruction of the Bolsheviks, 1932-1939 (New Haven, Conn: Yale University Press, 1999)")),
    BibEntry("bibliography/4/2", "Books and Journal Articles", 4, 2, block(
        "Zdanovich, Aleksandr, Organy gosudarstvennoi bezopasnosti i krasnaia armiia "
        "(Moscow: Kuchkovo pole, 2008)")),
]


def parse(*texts: str):
    footnotes = [
        Footnote(f"ch1/fn/{n}", "ch1", n, block(text)) for n, text in enumerate(texts, start=1)
    ]
    return extract_from_footnotes(footnotes, parse_bibliography(BIB))


def refs(index, n: int):
    return index.footnotes[f"ch1/fn/{n}"].references


def test_bibliography_works_and_files() -> None:
    bibliography = parse_bibliography(BIB)
    keys = [w.key for w in bibliography.works]
    assert "getty-naumov-1999-road-to-terror" in keys
    assert "zdanovich-2008-organy-gosudarstvennoi-bezopasnosti-i" in keys
    assert {f.key for f in bibliography.files} == {
        ("rgva", "4", "19", "16"), ("rgva", "4", "19", "18"), ("tna", "KV 2", "", "404")}


def test_chained_archival_references_inherit_levels() -> None:
    index = parse("See RGVA f. 37837, op. 21, d. 10, l. 366; op. 19, d. 19, l. 29; d. 99, 160.")
    found = [(r.file.key, r.folios) for r in refs(index, 1)]
    assert found == [
        (("rgva", "37837", "21", "10"), ["366"]),
        (("rgva", "37837", "19", "19"), ["29"]),
        (("rgva", "37837", "19", "99"), ["160"]),
    ]
    assert "comma-missing" in refs(index, 1)[0].flags
    assert "folio-marker-missing" in refs(index, 1)[2].flags


def test_typos_and_letters() -> None:
    index = parse("RGVA, 37837, op. 10, d. 32, l. 404.", "RGVA, f. 33988, op. 3c, d. 69, l1. 1-2.")
    first, second = refs(index, 1)[0], refs(index, 2)[0]
    assert isinstance(first, ArchivalRef) and first.file.key == ("rgva", "37837", "10", "32")
    assert "fond-marker-missing" in first.flags
    assert isinstance(second, ArchivalRef) and second.file.opis == "3c"
    assert second.folios == ["1-2"] and "l1-for-ll" in second.flags


def test_bare_folio_and_see_also_inherit() -> None:
    index = parse("RGVA, f. 4, op. 19, d. 16, l. 265. See also, f. 33987, op. 3, d. 872, "
                  "ll. 24-26. For more, see l. 24.")
    found = [r.file.key for r in refs(index, 1)]
    assert found[1] == ("rgva", "33987", "3", "872")
    assert found[2] == ("rgva", "33987", "3", "872") and refs(index, 1)[2].folios == ["24"]


def test_tna_reference() -> None:
    index = parse("National Archives (TNA): Public Record Office (PRO) KV 2/2404.",
                  "See TNA: PRO: KV 2/404: 52a.")
    assert refs(index, 1)[0].file.key == ("tna", "KV 2", "", "2404")
    assert refs(index, 2)[0].folios == ["52a"]
    kinds = {f["kind"] for f in index.findings}
    assert "inconsistent-reference" in kinds


def test_ibid_variants_and_chains() -> None:
    index = parse("Getty and Naumov, The Road to Terror, p. 276.", "Ibid,. p. 154.",
                  "See ibid., p. 12.", "Zdanovich, p. 377. See ibid, pp. 71-98.")
    for n in (2, 3):
        ibid = refs(index, n)[0]
        assert isinstance(ibid, IbidRef)
        assert isinstance(ibid.resolved, WorkRef)
        assert ibid.resolved.work_key == "getty-naumov-1999-road-to-terror"
    assert refs(index, 3)[0].target == ("ch1/fn/2", 1)
    last = refs(index, 4)[1]
    assert isinstance(last, IbidRef) and last.own_locator == "pp. 71-98"
    assert last.resolved.work_key == "zdanovich-2008-organy-gosudarstvennoi-bezopasnosti-i"


def test_short_author_and_collection_cites() -> None:
    index = parse("Zdanovich, pp. 344-345.", "Lubianka, ed. by Khaustov and others, p. 765.")
    work = refs(index, 1)[0]
    assert isinstance(work, WorkRef) and work.form == "author" and work.pages == "pp. 344-345"
    collection = refs(index, 2)[0]
    assert isinstance(collection, CollectionRef)
    assert collection.work_key == "khaustov-et-al-2003-lubianka"


def test_newspaper() -> None:
    index = parse("The Purge of the Eight Russian Generals, The Manchester Guardian, "
                  "3 July 1937, p. 16.")
    paper = refs(index, 1)[0]
    assert isinstance(paper, NewspaperRef)
    assert (paper.newspaper, paper.date) == ("manchester-guardian", "1937-07-03")
    assert paper.page == "p. 16"
    assert paper.article == "The Purge of the Eight Russian Generals"


def test_chained_newspaper_articles() -> None:
    index = parse("See Krasnaia zvezda, Bditelnost prezhde vsego, 5.1.1935, p. 1; "
                  "Eshche vishe bditelnost, 20.6.1935, p. 1.")
    papers = refs(index, 1)
    assert [(p.newspaper, p.date, p.article) for p in papers] == [
        ("krasnaia-zvezda", "1935-01-05", "Bditelnost prezhde vsego"),
        ("krasnaia-zvezda", "1935-06-20", "Eshche vishe bditelnost"),
    ]


def test_truncated_page_is_flagged() -> None:
    index = parse("Zdanovich, Organy gosudarstvennoi bezopasnosti i krasnaia armiia "
                  "(Moscow: Kuchkovo pole, 2008), p.")
    work = refs(index, 1)[0]
    assert work.work_key == "zdanovich-2008-organy-gosudarstvennoi-bezopasnosti-i"
    assert "truncated-reference" in work.flags and work.raw.endswith("p.")


def test_pages_of_an_unknown_short_cite_are_not_inherited() -> None:
    index = parse("Zdanovich, p. 5.", "Harris, The Great Urals, pp. 217-218.")
    unknown = refs(index, 2)[0]
    assert isinstance(unknown, WorkRef) and unknown.work_key is None
    assert unknown.pages == "pp. 217-218"


def test_pages_after_a_sentence_break_end_the_cite() -> None:
    index = parse("Getty and Naumov, The Road to Terror: Stalin and the Self-Destruction of the "
                  "Bolsheviks. Vol. 1 (New Haven: Yale University Press, 1999), p. 12.")
    found = refs(index, 1)
    assert len(found) == 1 and found[0].pages == "p. 12"


def test_commentary_only() -> None:
    index = parse("Trotsky became War Commissar in March 1918 replacing N. I. Podvoiskii.")
    assert index.footnotes["ch1/fn/1"].commentary_only


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=120) | st.sampled_from([
    "RGVA, f. 4, op. 19, d. 16, l. 265", "Ibid.,", "; d. 99, 160", "p. 12", "op. 3c,",
    "Zdanovich, p.", "(Moscow: ROSSPEN, 2008)", "KV 2/404", "l1. 3", "See ibid", ". ",
]), min_size=1, max_size=6).map("".join))
def test_any_text_is_kept_and_never_raises(text: str) -> None:
    index = parse(text, text[: len(text) // 2])
    for n, source in ((1, text), (2, text[: len(text) // 2])):
        fc = index.footnotes[f"ch1/fn/{n}"]
        pieces = sorted([(r.start, r.end) for r in fc.references]
                        + [(r.start, r.end) for r in fc.remainders])
        position = 0
        for start, end in pieces:
            assert start == position
            position = end
        assert position == len(source)


REAL_FOOTNOTES = [
    "See for example RGVA f. 37837, op. 21, d. 10, l. 366; op. 19, d. 19, l. 29; op. 9, d. 42, "
    "l. 45. For a rare case of spying for Turkey see, RGVA, f. 33987, op. 3, d. 615, l. 70.",
    "RGVA, f. 37837, op. 21, d. 39, l. 360. See also ibid., l. 154; d. 52, ll. 116, 182 for "
    "other such groups exposed by the political police in 1934.",
    "National Archives (TNA): Public Record Office (PRO) KV 2/2404. According to V. I. "
    "Vinokurov, Putna did have an intelligence role, see Istoriia voennoi diplomaty (Moscow: "
    "Inzhener, 2010), II, p. 14, 27.",
    "Getty and Naumov, The Road to Terror, pp. 473-480; Zdanovich, p. 377. Ibid,. p. 154.",
    "See Krasnaia zvezda, Bditelnost prezhde vsego, 5.1.1935, p. 1; Eshche vishe bditelnost, "
    "20.6.1935, p. 1.",
]


@st.composite
def mutilated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(REAL_FOOTNOTES))
    for _ in range(draw(st.integers(0, 4))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 15)))
        noise = draw(st.text(alphabet=".,;: ()-0123456789lpfdIbidRGVA", max_size=6))
        text = text[:i] + noise + text[j:]
    return text[: draw(st.integers(0, len(text)))]


@settings(max_examples=200, deadline=None)
@given(mutilated())
def test_mutilated_footnotes_are_kept_whole(text: str) -> None:
    index = parse(text)
    fc = index.footnotes["ch1/fn/1"]
    pieces = sorted([(r.start, r.end) for r in fc.references]
                    + [(r.start, r.end) for r in fc.remainders])
    assert "".join(text[a:b] for a, b in pieces) == text
    for ref in fc.references:
        assert text[ref.start:ref.end] == ref.raw
