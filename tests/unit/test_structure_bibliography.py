"""The archival section of a hand-made bibliography: one entry per fond line or file,
the archive names as sub-headings, every character covered once and published."""

from __future__ import annotations

import re

from pyoxigraph import Store

from redarmy_kg.bibliography import parse_bibliography as read_bibliography
from redarmy_kg.rdf.structure import emit_structure
from redarmy_kg.structure import parse_document
from redarmy_kg.structure.coverage import coverage
from redarmy_kg.structure.model import BibEntry, Document, Span, TextBlock

from .test_structure_footnotes import THESIS

ARCHIVAL = "\n".join(
    [
        "Archival Sources ",
        "Rossiiskii gosudarstvennyi voennyi arkhiv Russian State Military Archive (RGVA) ",
        "Fond, opis, delo: ",
        "f. 4, op. 19, d. 13; 16; 18 ",
        "f. 9, op. 29, d. 10; 14; 15; 16; 27; 29; 178; 231; 260; 263; 281; 283; 291; ",
        "320; 340; 358 ",
        "f. 33988, op. 3c, d. 69 ",
        "Rossiiskii gosudarstvennyi arkhiv sotsialno-politicheskoi istorii Russian State Archive ",
        "of Socio-Political History (RGASPI) ",
        "Fond, opis, delo: ",
        "f. 17, op. 109, d. 84; 90; 117 ",
        "National Archives ",
        "TNA: PRO: KV 2/404: Witovt Kazimirovich PUTNA ",
        "",
    ]
)


def thesis_with_archives() -> Document:
    corpus = THESIS.replace("Bibliography \n", "Bibliography \n" + ARCHIVAL, 1) + "\n"
    return parse_document(corpus)


def test_each_fond_line_and_file_is_an_entry_under_its_archive() -> None:
    document = thesis_with_archives()
    archival = [e for e in document.bibliography if e.section == "Archival Sources"]
    assert [e.key for e in archival] == [f"bibliography/1/{n}" for n in range(1, 6)]
    assert [e.block.text for e in archival] == [
        "f. 4, op. 19, d. 13; 16; 18",
        "f. 9, op. 29, d. 10; 14; 15; 16; 27; 29; 178; 231; 260; 263; 281; 283; 291; "
        "320; 340; 358",
        "f. 33988, op. 3c, d. 69",
        "f. 17, op. 109, d. 84; 90; 117",
        "TNA: PRO: KV 2/404: Witovt Kazimirovich PUTNA",
    ]
    subheadings = document.bibliography_subheadings
    assert [h.key for h in subheadings] == [f"bibliography/1/sub/{n}" for n in (1, 2, 3)]
    assert [h.block.text for h in subheadings] == [
        "Rossiiskii gosudarstvennyi voennyi arkhiv Russian State Military Archive (RGVA)",
        "Rossiiskii gosudarstvennyi arkhiv sotsialno-politicheskoi istorii Russian State "
        "Archive of Socio-Political History (RGASPI)",
        "National Archives",
    ]
    assert [h.legend.text if h.legend else None for h in subheadings] == [
        "Fond, opis, delo:", "Fond, opis, delo:", None]
    assert [e.subheading_key[-1] for e in archival] == ["1", "1", "1", "2", "3"]
    assert archival[3].archive == subheadings[1].block.text
    books = [e for e in document.bibliography if e.section == "Books and Journal Articles"]
    assert [e.key for e in books] == ["bibliography/5/1", "bibliography/5/2"]
    assert all(e.archive == "" and e.subheading_key == "" for e in books)


def test_archive_headings_are_covered_once() -> None:
    document = thesis_with_archives()
    result = coverage(document)
    assert document.unassigned == []
    assert result.overlapping_chars == 0
    assert result.covered_chars == result.non_whitespace_chars
    assert result.non_whitespace_chars == len(re.findall(r"\S", document.corpus))


def test_archive_headings_are_published_as_sub_sections() -> None:
    store = Store()
    store.extend(emit_structure(thesis_with_archives()))
    query = """
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX doco: <http://purl.org/spar/doco/>
        PREFIX c4o: <http://purl.org/spar/c4o/>
        PREFIX rkg: <https://w3id.org/redarmy-kg/ontology#>
        SELECT ?title (COUNT(?entry) AS ?files) ?legend WHERE {
            ?sub a doco:Section ; dcterms:title ?title ;
                 dcterms:isPartOf <https://w3id.org/redarmy-kg/id/thesis/bibliography/1> .
            ?heading a doco:SectionTitle ; dcterms:isPartOf ?sub ; c4o:hasContent ?title .
            ?entry a rkg:BibliographyEntry ; dcterms:isPartOf ?sub .
            OPTIONAL { ?label a doco:Label ; dcterms:isPartOf ?sub ; c4o:hasContent ?legend }
        } GROUP BY ?title ?legend ORDER BY ?title
    """
    rows = [
        (r["title"].value, int(r["files"].value), r["legend"].value if r["legend"] else None)
        for r in store.query(query, use_default_graph_as_union=True)
    ]
    assert rows == [
        ("National Archives", 1, None),
        ("Rossiiskii gosudarstvennyi arkhiv sotsialno-politicheskoi istorii Russian State "
         "Archive of Socio-Political History (RGASPI)", 1, "Fond, opis, delo:"),
        ("Rossiiskii gosudarstvennyi voennyi arkhiv Russian State Military Archive (RGVA)",
         3, "Fond, opis, delo:"),
    ]


def test_archival_files_are_read_per_entry_under_their_archive() -> None:
    files = read_bibliography(thesis_with_archives().bibliography).files
    by_archive: dict[str, list[str]] = {}
    for file in files:
        by_archive.setdefault(file.archive, []).append(f"{file.fond}/{file.opis}/{file.delo}")
    assert by_archive["rgva"][:3] == ["4/19/13", "4/19/16", "4/19/18"]
    assert len(by_archive["rgva"]) == 3 + 16 + 1
    assert by_archive["rgva"][-1] == "33988/3c/69"
    assert by_archive["rgaspi"] == ["17/109/84", "17/109/90", "17/109/117"]
    assert by_archive["tna"] == ["KV 2//404"]
    assert files[-1].entry_key == "bibliography/1/5"


def test_a_heading_naming_no_known_archive_lists_no_files() -> None:
    def entry(n: int, text: str, archive: str) -> BibEntry:
        block = TextBlock(text, list(range(len(text))), (Span(0, len(text)),))
        return BibEntry(f"bibliography/1/{n}", "Archival Sources", 1, n, block, archive)

    files = read_bibliography([
        entry(1, "f. 4, op. 19, d. 16", "Russian State Military Archive (RGVA)"),
        entry(2, "f. 1, op. 1, d. 1", "Archiv der Stadt Wien"),
    ]).files
    assert [(f.archive, f.fond, f.opis, f.delo, f.entry_key) for f in files] == [
        ("rgva", "4", "19", "16", "bibliography/1/1")]
