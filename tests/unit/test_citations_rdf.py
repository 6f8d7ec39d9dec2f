"""RDF of the citations stage on a hand-made document: works, record sets, citations."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Store

from redarmy_kg.bibliography import parse_bibliography
from redarmy_kg.bibliography.works import parse_work
from redarmy_kg.citations import extract_from_footnotes
from redarmy_kg.citations.patterns import load_archives, load_patterns_file
from redarmy_kg.errors import BadInput
from redarmy_kg.rdf.citations import emit_citations
from redarmy_kg.structure.model import BibEntry, Document, Footnote, Span, TextBlock

FOOTNOTES = [
    "RGVA, f. 4, op. 19, d. 16, l. 265.",
    "Ibid., l. 268.",
    "Getty and Naumov, The Road to Terror, p. 276.",
]
BIB = [
    ("Archival Sources", "Russian State Military Archive (RGVA) f. 4, op. 19, d. 16"),
    ("Books and Journal Articles",
     "Getty, J. Arch and Oleg Naumov, eds., The Road to Terror: Stalin and the Self-"
     "Destruction of the Bolsheviks, 1932-1939 (New Haven, Conn: Yale University Press, 1999)"),
]


def _document() -> Document:
    corpus = "\n".join(FOOTNOTES) + "\n" + "\n".join(text for _, text in BIB) + "\n"
    footnotes, bib, offset = [], [], 0
    for n, text in enumerate(FOOTNOTES, start=1):
        block = TextBlock(text, list(range(offset, offset + len(text))),
                          (Span(offset, offset + len(text)),))
        footnotes.append(Footnote(f"ch5/fn/{n}", "ch5", n, block))
        offset += len(text) + 1
    for n, (section, text) in enumerate(BIB, start=1):
        block = TextBlock(text, list(range(offset, offset + len(text))),
                          (Span(offset, offset + len(text)),))
        bib.append(BibEntry(f"bibliography/{n}/1", section, n, 1, block))
        offset += len(text) + 1
    return Document(corpus, "", None, [], [], [], [], [], footnotes, [], bib)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def store() -> Store:
    document = _document()
    index = extract_from_footnotes(document.footnotes, parse_bibliography(document.bibliography))
    store = Store()
    store.extend(emit_citations(document, index))
    return store


def ask(store: Store, query: str) -> bool:
    prefixes = """
    PREFIX cito: <http://purl.org/spar/cito/>
    PREFIX rico: <https://www.ica.org/standards/RiC/ontology#>
    PREFIX rkg: <https://w3id.org/redarmy-kg/ontology#>
    PREFIX bibo: <http://purl.org/ontology/bibo/>
    PREFIX dcterms: <http://purl.org/dc/terms/>
    PREFIX fabio: <http://purl.org/spar/fabio/>
    PREFIX oa: <http://www.w3.org/ns/oa#>
    PREFIX id: <https://w3id.org/redarmy-kg/id/>
    """
    return bool(store.query(prefixes + query, use_default_graph_as_union=True))


def test_record_sets_nest_and_carry_the_human_identifier(store) -> None:
    assert ask(store, """ASK {
      id:archive\\/rgva\\/f4\\/op19\\/d16 a rico:RecordSet ;
        rico:identifier "RGVA, f. 4, op. 19, d. 16" ;
        rico:hasOrHadHolder id:org\\/rgva ;
        rico:isOrWasIncludedIn id:archive\\/rgva\\/f4\\/op19 ;
        rico:hasRecordSetType <https://www.ica.org/standards/RiC/vocabularies/recordSetTypes#File> .
      id:archive\\/rgva\\/f4\\/op19 rico:isOrWasIncludedIn id:archive\\/rgva\\/f4 .
      id:org\\/rgva a rico:CorporateBody .
    }""")


def test_citation_per_footnote_and_source_with_locator_and_anchor(store) -> None:
    assert ask(store, """ASK {
      id:citation\\/ch5\\/fn1\\/1 a cito:Citation ;
        cito:hasCitingEntity id:thesis\\/ch5\\/fn\\/1 ;
        cito:hasCitedEntity id:archive\\/rgva\\/f4\\/op19\\/d16 ;
        bibo:locator "l. 265" ;
        rkg:referenceKind "archival" ;
        rkg:textAnchor ?anchor .
      ?anchor oa:hasSelector ?position . ?position oa:start 0 .
    }""")


def test_ibid_points_to_what_it_repeats(store) -> None:
    assert ask(store, """ASK {
      id:citation\\/ch5\\/fn2\\/1 rkg:ibidOf id:citation\\/ch5\\/fn1\\/1 ;
        cito:hasCitedEntity id:archive\\/rgva\\/f4\\/op19\\/d16 ;
        bibo:locator "l. 268" ; rkg:referenceKind "ibid" .
    }""")


def test_work_with_creators_and_bibliography_entry(store) -> None:
    assert ask(store, """ASK {
      id:work\\/getty-naumov-1999-road-to-terror a fabio:Book ;
        dcterms:title ?title ;
        rkg:bibliographyEntry id:thesis\\/bibliography\\/2\\/1 .
      { ?work bibo:editor id:person\\/getty } UNION { ?work dcterms:creator id:person\\/getty }
      id:citation\\/ch5\\/fn3\\/1 cito:hasCitedEntity id:work\\/getty-naumov-1999-road-to-terror ;
        bibo:locator "p. 276" .
    }""")


def test_emission_is_deterministic() -> None:
    document = _document()
    index = extract_from_footnotes(document.footnotes, parse_bibliography(document.bibliography))
    first = [str(q) for q in emit_citations(document, index)]
    again = [str(q) for q in emit_citations(document, index)]
    assert first == again


@pytest.mark.parametrize(
    ("text", "fabio", "container", "year", "pages"),
    [
        ("Lenoe, Matthew, Did Stalin Kill Kirov and Does it Matter?, The Journal of Modern "
         "History, 74. 2 (2002), 352-380", "JournalArticle", "The Journal of Modern History",
         "2002", "352-380"),
        ("Best, Anthony, Imperial Japan, in The Origins of World War Two: The Debate Continues, "
         "ed. by Robert Boyce and Joseph Maiolo (Basingstoke: Palgrave, 2003), pp. 52-69",
         "BookChapter", "The Origins of World War Two: The Debate Continues", "2003", "52-69"),
        ("Conquest, Robert, The Great Terror: Stalins Purge of the Thirties (London: "
         "Macmillan, 1973)", "Book", "", "1973", ""),
    ],
)
def test_bibliography_entry_types(text, fabio, container, year, pages) -> None:
    work = parse_work(text, "books", "bibliography/6/1")
    assert (work.fabio_type, work.container, work.year, work.pages) == (
        fabio, container, year, pages)


def test_thesis_entry() -> None:
    work = parse_work("Croll, Neil Harvey, Mikhail Tukhachevsky in the Russian Civil War "
                      "(unpublished PhD thesis: University of Glasgow, 2002)", "theses", "b/5/1")
    assert work.fabio_type == "DoctoralThesis" and work.publisher == "University of Glasgow"


def test_mapping_errors_name_file_and_row(tmp_path: Path) -> None:
    bad = tmp_path / "archives.tsv"
    bad.write_text("key\tabbreviation\tfull_name\tname_as_printed\nrgva\tRGVA\t\t\n")
    with pytest.raises(BadInput, match=r"archives.tsv row 2"):
        load_archives(bad)
    patterns = tmp_path / "citation_patterns.yaml"
    patterns.write_text("ibid: ['(']\nnewspapers: []\nabbreviations: []\nleading_articles: []\n")
    with pytest.raises(BadInput, match=r"citation_patterns.yaml ibid"):
        load_patterns_file(patterns, ())


def test_an_ibid_with_nothing_before_it_still_points_somewhere() -> None:
    text = "Ibid., p. 5."
    block = TextBlock(text, list(range(len(text))), (Span(0, len(text)),))
    document = Document(text, "", None, [], [], [], [], [],  # type: ignore[arg-type]
                        [Footnote("ch1/fn/1", "ch1", 1, block)], [], [])
    index = extract_from_footnotes(document.footnotes, parse_bibliography([]))
    assert any(f["kind"] == "unresolved-ibid" for f in index.findings)
    store = Store()
    store.extend(emit_citations(document, index))
    assert ask(store, """ASK {
      id:citation\\/ch1\\/fn1\\/1 cito:hasCitedEntity id:work\\/unidentified-ch1-fn1-1 .
      id:work\\/unidentified-ch1-fn1-1 rkg:flag "source-unidentified" .
    }""")
