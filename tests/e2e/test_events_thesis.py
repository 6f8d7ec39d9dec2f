"""Events, posts and claims on the real thesis: attestation, provenance, the known conflict,
counts, and precision on the hand-checked sample in tests/fixtures/events_sample.tsv."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "events_sample.tsv"
PREFIXES = """
PREFIX rkg: <https://w3id.org/redarmy-kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""

pytestmark = pytest.mark.e2e


def select(store, query: str) -> list[dict[str, str]]:
    solutions = store.query(PREFIXES + query, use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in solutions]


def count(store, where: str) -> int:
    rows = select(store, f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {where} }}")
    return int(rows[0]["n"])


def test_build_publishes_events_posts_and_claims(built_store, full_build):
    report = full_build.report["events"]
    assert count(built_store, "?x a rkg:Event") == report["events"] >= 80
    assert count(built_store, "?x a org:Membership") == report["memberships"] >= 30
    assert count(built_store, "?x a rkg:Claim") == report["claims"] >= 150
    assert set(report["claims_by_kind"]) == {
        "SourcedStatement",
        "AuthorInterpretation",
        "HistoriographicalReport",
    }
    assert 0 < report["share_footnoted_sentences_with_claims"] < 1


def test_every_event_and_post_is_attested_by_a_claim(built_store):
    assert (
        count(
            built_store,
            """
        { ?x a rkg:Event } UNION { ?x a org:Membership }
        FILTER NOT EXISTS { ?x rkg:attestedBy ?claim . ?claim a rkg:Claim }""",
        )
        == 0
    )


def test_every_claim_has_its_quote_and_sources_or_says_none(built_store, corpus_text):
    rows = select(
        built_store,
        """
        SELECT DISTINCT ?claim ?exact ?start ?end WHERE {
          ?claim a rkg:Claim ; rkg:textAnchor/oa:hasSelector ?q , ?p ; rkg:statedIn ?sentence .
          ?q a oa:TextQuoteSelector ; oa:exact ?exact .
          ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
        }""",
    )
    assert len(rows) == count(built_store, "?x a rkg:Claim")
    for row in rows:
        assert corpus_text[int(row["start"]) : int(row["end"])] == row["exact"]
    assert (
        count(
            built_store,
            """?x a rkg:Claim
        FILTER NOT EXISTS { ?x prov:wasDerivedFrom ?source }
        FILTER NOT EXISTS { ?x rkg:noSourceGiven true }""",
        )
        == 0
    )
    assert (
        count(built_store, "?x a rkg:Claim FILTER NOT EXISTS { ?x prov:wasAttributedTo ?a }") == 0
    )


def test_the_june_1937_execution_dates_conflict(built_store):
    rows = select(
        built_store,
        """
        SELECT DISTINCT ?a ?b ?quoteA ?quoteB WHERE {
          ?a rkg:conflictsWith ?b ; rkg:attests ?ea ; rkg:textAnchor/oa:hasSelector ?qa .
          ?b rkg:attests ?eb ; rkg:textAnchor/oa:hasSelector ?qb .
          ?qa a oa:TextQuoteSelector ; oa:exact ?quoteA .
          ?qb a oa:TextQuoteSelector ; oa:exact ?quoteB .
          ?ea a rkg:Execution ; rkg:victim <https://w3id.org/redarmy-kg/id/person/tukhachevskii> ;
              rkg:date "1937-06-11"^^<http://www.w3.org/2001/XMLSchema#date> .
          ?eb rkg:date "1937-06-12"^^<http://www.w3.org/2001/XMLSchema#date> .
        }""",
    )
    assert len(rows) == 1
    (row,) = rows
    assert row["a"].rsplit("/", 1)[1].startswith("intro-")
    assert row["b"].rsplit("/", 1)[1].startswith("ch5-")
    assert " ".join(row["quoteA"].split()).startswith(
        "The executions of Marshal Mikhail Tukhachevskii"
    )
    assert " ".join(row["quoteB"].split()).startswith("All were executed on 12 June")


def test_the_eight_june_defendants_are_executed_in_both_statements(built_store):
    rows = select(
        built_store,
        """
        SELECT DISTINCT ?victim ?date WHERE {
          ?e a rkg:Execution ; rkg:victim ?victim ; rkg:date ?date .
          FILTER (STR(?date) IN ("1937-06-11", "1937-06-12"))
        }""",
    )
    found = {(r["victim"].rsplit("/", 1)[1], r["date"]) for r in rows}
    defendants = [
        "tukhachevskii",
        "iakir",
        "uborevich",
        "feldman",
        "eideman",
        "kork",
        "primakov",
        "putna",
    ]
    assert {(d, day) for d in defendants for day in ("1937-06-11", "1937-06-12")} <= found


def test_historiographical_claims_are_attributed_to_the_historian(built_store):
    rows = select(
        built_store,
        """
        SELECT DISTINCT ?claim ?who WHERE {
          ?claim a rkg:HistoriographicalReport ; prov:wasAttributedTo ?who .
          GRAPH ?claim { ?who rkg:heldView ?view }
        }""",
    )
    assert len(rows) >= 15
    assert all(not r["who"].endswith("/whitewood") for r in rows)


def sample_rows() -> list[dict[str, str]]:
    with SAMPLE.open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_sample_is_fifty_events_still_produced(built_store):
    rows = sample_rows()
    assert len(rows) == 50 and len({r["event"] for r in rows}) == 50
    produced = {
        r["x"].rsplit("/", 1)[1]
        for r in select(built_store, "SELECT DISTINCT ?x WHERE { ?x a rkg:Event }")
    }
    assert sum(r["event"] in produced for r in rows) == 50


def test_precision_on_the_hand_checked_sample():
    rows = sample_rows()
    verdicts = [r["date_ok"] == r["type_ok"] == r["participants_ok"] == "yes" for r in rows]
    precision = sum(verdicts) / len(verdicts)
    assert precision >= 0.90, f"precision {precision:.2f} on the hand-checked sample"


def test_years_and_dates_the_thesis_settles_elsewhere(built_store):
    events = {
        r["x"].rsplit("/", 1)[1]
        for r in select(built_store, "SELECT DISTINCT ?x WHERE { ?x a rkg:Event }")
    }
    # Chapter Five, p. 9: "between July 1936 and February 1937 ..." then "on 10 November he
    # wrote to Stalin": 10 November 1936.
    assert "letter-voroshilov-1936-11-10" in events
    assert "letter-voroshilov-1937-11-10" not in events
    # "Only Kork and Feldman were arrested in the first instance" takes no date from
    # "In early May Stalin must have felt ..."; the thesis gives 14 and 15 May.
    assert {"arrest-kork-1937-05-14", "arrest-feldman-1937-05-15"} <= events
    assert not {"arrest-kork-1937-05", "arrest-feldman-1937-05"} & events
    # "Other prominent army arrests at this time included ..., Primakov, on 14 August" (1936).
    assert "arrest-primakov-1936-08-14" in events
    # "Tukhachevskii was fully rehabilitated in May 1932".
    assert "rehabilitation-tukhachevskii-1932-05" in events
