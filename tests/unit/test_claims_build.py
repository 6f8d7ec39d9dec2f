"""Claims on hand-made documents: footnote coverage, conflicts, historians' views, RDF."""

from __future__ import annotations

from pyoxigraph import NamedNode, Store

from redarmy_kg.claims.build import build_claims
from redarmy_kg.claims.coverage import footnote_coverage
from redarmy_kg.claims.model import SourceRef
from redarmy_kg.events.model import EntityRef
from redarmy_kg.events.stage import extract_events
from redarmy_kg.rdf.claims import emit_claims
from redarmy_kg.rdf.events import emit_events
from redarmy_kg.rdf.terms import PROV, RKG, graph, node
from redarmy_kg.structure.model import (
    Document,
    FrontMatter,
    Paragraph,
    Sentence,
    Span,
    TextBlock,
)

from .events_fixtures import spans_of

CONQUEST = EntityRef("person", "conquest")


def block(text: str, start: int) -> TextBlock:
    return TextBlock(text, list(range(start, start + len(text))), (Span(start, start + len(text)),))


def document(paragraphs: dict[str, list[tuple[str, list[str]]]]) -> Document:
    """Paragraph key -> its sentences as (text, footnote keys of the markers inside)."""
    corpus, sentences, paras = "", [], []
    for p_key, items in paragraphs.items():
        part = p_key.split("/")[0]
        p_start = len(corpus)
        for index, (text, footnotes) in enumerate(items, start=1):
            sentences.append(Sentence(f"{p_key}/s/{index}", part, p_key, index,
                                      block(text, len(corpus)), list(footnotes)))
            corpus += text + " "
        paras.append(Paragraph(p_key, part, None, len(paras) + 1,
                               block(corpus[p_start:-1], p_start)))
    front = FrontMatter("t", "a", "d", "i", "2012-07", "c", block("", 0))
    return Document(corpus, "", front, [], [], [], paras, sentences, [], [], [])


def run(doc: Document, sources: dict[str, list[SourceRef]] | None = None):
    spans = {s.key: spans_of(s.block.text) for s in doc.sentences}
    result = extract_events(doc, spans, historians=frozenset({CONQUEST}))
    return result, build_claims(doc, result, sources or {})


def test_footnote_covers_back_to_the_previous_marker_in_the_paragraph():
    doc = document({
        "ch5/p/1": [("A.", []), ("B.", ["ch5/fn/1"]), ("C.", []), ("D.", ["ch5/fn/2"]), ("E.", [])],
        "ch5/p/2": [("F.", ["ch5/fn/3"])],
    })
    coverage = footnote_coverage(doc.sentences)
    assert coverage == {
        "ch5/p/1/s/1": ["ch5/fn/1"], "ch5/p/1/s/2": ["ch5/fn/1"],
        "ch5/p/1/s/3": ["ch5/fn/2"], "ch5/p/1/s/4": ["ch5/fn/2"],
        "ch5/p/1/s/5": [], "ch5/p/2/s/1": ["ch5/fn/3"],
    }


def test_claim_takes_the_sources_of_the_covering_footnote():
    doc = document({"ch5/p/1": [
        ("On 20 August 1936 Putna was arrested.", []),
        ("Voroshilov was told.", ["ch5/fn/7"]),
        ("On 12 June 1937 Tukhachevskii was executed.", []),
    ]})
    cited = SourceRef("https://w3id.org/redarmy-kg/id/citation/ch5/fn7/1",
                      "https://w3id.org/redarmy-kg/id/archive/rgva/f4/op19/d16")
    _, claims = run(doc, {"ch5/fn/7": [cited]})
    by_sentence = {c.sentence_key: c for c in claims}
    arrest = by_sentence["ch5/p/1/s/1"]
    assert arrest.key == "ch5-p1-s1-1"
    assert arrest.footnotes == ["ch5/fn/7"] and arrest.sources == [cited]
    assert not arrest.no_source_given and arrest.kind == "SourcedStatement"
    assert by_sentence["ch5/p/1/s/3"].no_source_given


def test_two_dates_for_one_execution_are_linked_as_conflicting():
    doc = document({
        "intro/p/1": [("Tukhachevskii was executed on 11 June 1937.", [])],
        "ch5/p/1": [("Tukhachevskii was executed on 12 June 1937.", [])],
    })
    result, claims = run(doc)
    assert sorted(e.key for e in result.events) == [
        "execution-tukhachevskii-1937-06-11", "execution-tukhachevskii-1937-06-12"]
    keys = {c.key: c for c in claims}
    assert keys["intro-p1-s1-1"].conflicts_with == ["ch5-p1-s1-1"]
    assert keys["ch5-p1-s1-1"].conflicts_with == ["intro-p1-s1-1"]


def test_arrests_on_two_dates_are_not_a_conflict():
    doc = document({"ch5/p/1": [("Putna was arrested in May 1936.", []),
                                ("Putna was arrested in August 1937.", [])]})
    _, claims = run(doc)
    assert all(not c.conflicts_with for c in claims)


def test_historians_view_is_a_historiographical_report_attributed_to_him():
    doc = document({"intro/p/1": [
        ("Conquest argued that Stalin executed Tukhachevskii in 1937 to gain total power.", [])]})
    result, claims = run(doc)
    assert result.events == []
    (claim,) = claims
    assert claim.kind == "HistoriographicalReport" and claim.attributed_to == CONQUEST
    assert claim.view is not None
    assert claim.view.view == "Stalin executed Tukhachevskii in 1937 to gain total power."


def test_rdf_claim_graph_holds_the_facts_and_provenance_the_rest():
    doc = document({"ch5/p/1": [("On 20 August 1936 Putna was arrested.", ["ch5/fn/1"])]})
    result, claims = run(doc, {"ch5/fn/1": [SourceRef("urn:c1", "urn:file")]})
    dataset = Store()
    dataset.extend(emit_events(result, claims, {}) + emit_claims(claims, result, doc.corpus))
    claim = node("claim", "ch5-p1-s1-1")
    event = node("event", "arrest-putna-1936-08-20")
    in_claim = list(dataset.quads_for_pattern(event, None, None, claim))
    assert (RKG.victim, node("person", "putna")) in [(q.predicate, q.object) for q in in_claim]
    described = {(q.predicate, q.object) for q in dataset.quads_for_pattern(
        claim, None, None, graph("provenance"))}
    assert (PROV.wasDerivedFrom, NamedNode("urn:file")) in described
    assert (PROV.wasAttributedTo, node("person", "whitewood")) in described
    assert (RKG.statedIn, node("thesis", "ch5", "p", "1", "s", "1")) in described
    attested = list(dataset.quads_for_pattern(event, RKG.attestedBy, claim, None))
    assert len(attested) == 1
