"""Regressions found by checking a held-out sample of the thesis's footnotes by hand:
each test is a small made-up footnote sequence showing one parser error that was fixed."""

from __future__ import annotations

from redarmy_kg.bibliography import parse_bibliography
from redarmy_kg.citations import IbidRef, WorkRef, extract_from_footnotes
from redarmy_kg.structure.model import BibEntry, Footnote, Span, TextBlock

BOOKS = "Books and Journal Articles"


def block(text: str) -> TextBlock:
    return TextBlock(text, list(range(len(text))), (Span(0, max(1, len(text))),))


BIB = [
    BibEntry("bibliography/1/1", BOOKS, 1, 1, block(
        "Benvenuti, Francesco, The Bolsheviks and the Red Army, 1918-1922 (Cambridge: "
        "Cambridge University Press, 1988)")),
    BibEntry("bibliography/1/2", BOOKS, 1, 2, block(
        "Robinson, Paul, The White Russian Army in Exile (Oxford: Oxford University Press, 2002)")),
    BibEntry("bibliography/1/3", BOOKS, 1, 3, block(
        "Rittersporn, Gabor, Stalinist Simplifications and Soviet Complications: Social Tensions "
        "(Chur: Harwood, 1991)")),
    BibEntry("bibliography/1/4", BOOKS, 1, 4, block(
        "Tynchenko, Iaroslav, Golgofa russkogo ofitserstva v SSSR, 1930-1931 gody (Moscow, 2000)")),
    BibEntry("bibliography/1/5", BOOKS, 1, 5, block(
        "Zdanovich, Aleksandr, Organy gosudarstvennoi bezopasnosti i krasnaia armiia "
        "(Moscow: Kuchkovo pole, 2008)")),
    BibEntry("bibliography/1/6", BOOKS, 1, 6, block(
        "Graziosi, Andrea, The New Soviet Archival Sources: Hypotheses for a Critical Assessment, "
        "Cahiers du Monde Russe, 40. 1-2 (1999), 13-63")),
    BibEntry("bibliography/1/7", BOOKS, 1, 7, block(
        "Lenoe, Matthew, Letter-Writing and the State. Reader Correspondence with Newspapers as a "
        "Source for Early Soviet History, Cahiers du Monde Russe, 40. 1-2 (1999), 139-169")),
    BibEntry("bibliography/2/1", "Document Collections", 2, 1, block(
        "Tukhachevskii, Mikhail, Izbrannye proizvedeniia, 2 vols, ed. by G. I. Oskin "
        "(Moscow: Voenizdat, 1964), I, II")),
]


def parse(*texts: str):
    footnotes = [
        Footnote(f"ch1/fn/{n}", "ch1", n, block(text)) for n, text in enumerate(texts, start=1)
    ]
    return extract_from_footnotes(footnotes, parse_bibliography(BIB))


def refs(index, n: int):
    return index.footnotes[f"ch1/fn/{n}"].references


def test_bare_ibid_repeats_the_page_of_the_ibid_before_it() -> None:
    index = parse("Benvenuti, p. 46.", "Ibid., p. 47", "Ibid.")
    bare = refs(index, 3)[0]
    assert isinstance(bare, IbidRef)
    assert bare.resolved is not None and bare.locator == "p. 47"


def test_bare_ibid_repeats_the_folio_of_the_ibid_before_it() -> None:
    index = parse("RGVA, f. 33987, op. 3, d. 965, l. 88.", "Ibid., l. 65.", "Ibid.")
    assert [r.locator for r in refs(index, 3)] == ["l. 65"]


def test_ibid_of_a_volume_keeps_the_volume() -> None:
    index = parse(
        "Mikhail Tukhachevskii, Izbrannye proizvedeniia, 2 vols, ed. by G. I. Oskin "
        "(Moscow: Voenizdat, 1964), I, p. 27.", "Ibid., p. 28.", "Ibid.")
    assert refs(index, 1)[0].locator == "vol. I, p. 27"
    assert refs(index, 2)[0].locator == "vol. I, p. 28"
    assert refs(index, 3)[0].locator == "vol. I, p. 28"


def test_author_cite_with_page_mark_without_full_stop() -> None:
    index = parse("Robinson, pp 144-150; Zdanovich, p 77.")
    found = [(r.work_key, r.locator) for r in refs(index, 1) if isinstance(r, WorkRef)]
    assert found == [
        ("robinson-2002-white-russian-army-in", "pp. 144-150"),
        ("zdanovich-2008-organy-gosudarstvennoi-bezopasnosti-i", "p. 77"),
    ]
    assert not index.footnotes["ch1/fn/1"].remainders[0].raw.startswith("Robinson")


def test_author_only_cite_before_a_semicolon() -> None:
    index = parse("See Rittersporn; Zdanovich, p. 3.")
    assert [r.work_key for r in refs(index, 1)] == [
        "rittersporn-1991-stalinist-simplifications-and-soviet",
        "zdanovich-2008-organy-gosudarstvennoi-bezopasnosti-i",
    ]


def test_two_authors_without_a_joint_work_are_two_cites() -> None:
    index = parse("Exceptions are the work of Tynchenko and Zdanovich.")
    assert [(r.work_key, r.raw) for r in refs(index, 1)] == [
        ("tynchenko-2000-golgofa-russkogo-ofitserstva-v", "Tynchenko"),
        ("zdanovich-2008-organy-gosudarstvennoi-bezopasnosti-i", "Zdanovich"),
    ]


def test_names_in_prose_are_not_cites() -> None:
    index = parse("Tynchenko and Zdanovich disagree about the numbers, see Zdanovich, p. 5.")
    assert [(r.work_key, r.locator) for r in refs(index, 1)] == [
        ("zdanovich-2008-organy-gosudarstvennoi-bezopasnosti-i", "p. 5"),
    ]


def test_unmarked_pages_of_an_article_are_a_pinpoint_unless_the_whole_article() -> None:
    index = parse(
        "See Graziosi, The New Soviet Archival Sources: Hypotheses for a Critical Assessment, "
        "Cahiers du Monde Russe, 40. 1-2 (1999), 34-36.",
        "See Graziosi, The New Soviet Archival Sources: Hypotheses for a Critical Assessment, "
        "Cahiers du Monde Russe, 40. 1-2 (1999), 13-63.",
    )
    assert refs(index, 1)[0].locator == "pp. 34-36"
    assert refs(index, 2)[0].locator == ""


def test_article_title_cut_at_a_full_stop_runs_to_the_journal() -> None:
    text = (
        "For a discussion, see Matthew E. Lenoe, Letter-Writing and the State. Reader "
        "Correspondence with Newspapers as a Source for Early Soviet History, Cahiers du Monde "
        "Russe, 40. 1-2 (1999), 139-169."
    )
    index = parse(text)
    (ref,) = refs(index, 1)
    assert ref.work_key == "lenoe-1999-letter-writing-and-the"
    assert ref.raw.endswith("(1999), 139-169") and ref.form == "full"
    remainders = index.footnotes["ch1/fn/1"].remainders
    assert [r.raw for r in remainders] == ["For a discussion, see ", "."]


def test_author_cite_whose_page_number_was_lost_is_kept_as_truncated() -> None:
    index = parse("Benvenuti points to some feeling within the party, see Benvenuti, p.")
    (ref,) = refs(index, 1)
    assert ref.work_key == "benvenuti-1988-bolsheviks-and-the-red"
    assert ref.raw == "Benvenuti, p." and "truncated-reference" in ref.flags


def test_volume_of_a_truncated_full_cite_is_kept() -> None:
    index = parse(
        "Mikhail Tukhachevskii, Izbrannye proizvedeniia, 2 vols, ed. by G. I. Oskin "
        "(Moscow: Voenizdat, 1964), II, p.")
    (ref,) = refs(index, 1)
    assert ref.volume == "II" and "truncated-reference" in ref.flags


def test_book_of_a_volume_is_part_of_the_locator() -> None:
    index = parse(
        "Mikhail Tukhachevskii, Izbrannye proizvedeniia, 2 vols, ed. by G. I. Oskin "
        "(Moscow: Voenizdat, 1964), I, book II, pp. 87-89.")
    assert refs(index, 1)[0].locator == "vol. I, book II, pp. 87-89"
