"""Page data assembled from query rows: links, timeline order, evidence grouping, examples."""

from __future__ import annotations

from pathlib import Path

from redarmy_kg.server.examples import load_examples
from redarmy_kg.server.graph_access import Term, iri_literal
from redarmy_kg.server.page_data import Linker, build_evidence, build_timeline

BASE = "https://w3id.org/redarmy-kg/"
RKG = BASE + "ontology#"


def iri(path: str) -> Term:
    return Term("uri", BASE + path)


def literal(text: str) -> Term:
    return Term("literal", text)


def test_linker_maps_the_dataset_onto_this_server() -> None:
    linker = Linker(BASE)
    assert linker.href(BASE + "id/person/ezhov") == "/id/person/ezhov"
    assert linker.href(BASE + "id/claim/x#quote") == "/id/claim/x"
    assert linker.href(RKG + "Claim") == "/ontology#Claim"
    assert linker.href("http://www.wikidata.org/entity/Q1") == "http://www.wikidata.org/entity/Q1"
    assert linker.short(RKG + "victim") == "rkg:victim"
    assert linker.short("http://xmlns.com/foaf/0.1/Person") == "foaf:Person"


def test_timeline_is_in_date_order_with_undated_events_last() -> None:
    rows = [
        {"event": iri("id/event/b"), "elabel": literal("B"), "date": literal("1937-06"),
         "earliest": literal("1937-06-01"), "role": Term("uri", RKG + "victim")},
        {"event": iri("id/event/c"), "elabel": literal("C"), "role": Term("uri", RKG + "agent")},
        {"event": iri("id/event/a"), "elabel": literal("A"), "date": literal("1937-05-22"),
         "earliest": literal("1937-05-22"), "type": Term("uri", RKG + "Arrest"),
         "role": Term("uri", RKG + "victim")},
    ]
    timeline = build_timeline(rows, Linker(BASE))
    assert [e.event.label for e in timeline] == ["A", "B", "C"]
    assert [e.date for e in timeline] == ["1937-05-22", "1937-06", "undated"]
    assert timeline[0].types == ["Arrest"] and timeline[0].roles == ["victim"]


def test_evidence_groups_sources_per_claim_and_tidies_quotes() -> None:
    claim = iri("id/claim/k")
    common = {"claim": claim, "kind": Term("uri", RKG + "SourcedStatement"),
              "quote": literal("arrested on 22 May\n1937.")}
    rows = [
        {**common, "cited": iri("id/work/w"), "citedLabel": literal("The Road to Terror"),
         "locator": literal("p. 276"), "footnote": iri("id/thesis/ch5/fn/2")},
        {**common, "cited": iri("id/archive/f"), "citedLabel": literal("RGVA, f. 4"),
         "locator": literal("l. 265"), "footnote": iri("id/thesis/ch5/fn/2")},
    ]
    [evidence] = build_evidence(rows, Linker(BASE))
    assert evidence.quote == "arrested on 22 May 1937."
    assert evidence.kind == "SourcedStatement"
    assert [s.label for s in evidence.sources] == [
        "RGVA, f. 4, l. 265", "The Road to Terror, p. 276"]
    assert [f.label for f in evidence.footnotes] == ["ch5 fn 2"]


def test_iri_literal_refuses_what_could_break_out_of_a_query() -> None:
    assert iri_literal(BASE + "id/x") == f"<{BASE}id/x>"
    for bad in (BASE + "x> ?p ?o } #", BASE + "a b", 'http://a/"', "http://a/{x}"):
        try:
            iri_literal(bad)
        except ValueError:
            continue
        raise AssertionError(f"accepted {bad!r}")


def test_examples_read_the_question_from_the_first_comment(tmp_path: Path) -> None:
    (tmp_path / "b.rq").write_text("# Question: who was arrested?\n# more\nSELECT * {}\n")
    (tmp_path / "a.rq").write_text("SELECT * {}\n")
    examples = load_examples(tmp_path)
    assert [(e.name, e.question) for e in examples] == [("a", "a"), ("b", "who was arrested?")]
    assert load_examples(tmp_path / "missing") == []
