"""Comparing one mapping row with what a SPARQL endpoint says of its item."""

from __future__ import annotations

from pathlib import Path

from redarmy_kg.links.sssom import load_mappings
from redarmy_kg.links.verify import (
    ItemFacts,
    compare,
    facts_from_bindings,
    facts_query,
    normalise,
    user_agent,
)

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "links" / "mini.sssom.tsv"


def link(key: str):
    return next(lnk for lnk in load_mappings(MINI).links if lnk.subject_key == key)


def stalin_facts(**changes) -> ItemFacts:
    values = {
        "qid": "Q855",
        "labels": {"en": ("Joseph Stalin",), "ru": ("Иосиф Виссарионович Сталин",)},
        "birth_years": frozenset({1878}),
        "death_years": frozenset({1953}),
    }
    values.update(changes)
    return ItemFacts(**values)


def test_matching_item_has_no_mismatch() -> None:
    assert compare(link("stalin"), stalin_facts()) == []


def test_label_is_compared_without_case_or_accents() -> None:
    facts = stalin_facts(labels={"en": ("JOSEPH STÁLIN",)})
    assert compare(link("stalin"), facts) == []


def test_wrong_label_is_a_mismatch() -> None:
    facts = stalin_facts(labels={"en": ("Lev Kamenev",), "de": ("Joseph Stalin",)})
    [mismatch] = compare(link("stalin"), facts)
    assert mismatch.check == "label (en/ru)"
    assert "en='Lev Kamenev'" in mismatch.found
    assert "row 36: rkgp:stalin -> Q855: label (en/ru)" in mismatch.line()


def test_wrong_birth_and_death_years_are_mismatches() -> None:
    facts = stalin_facts(birth_years=frozenset({1879}), death_years=frozenset())
    checks = [(m.check, m.expected, m.found) for m in compare(link("stalin"), facts)]
    assert checks == [
        ("birth year (P569)", "1878", "1879"),
        ("death year (P570)", "1953", "no date"),
    ]


def test_any_of_several_recorded_dates_may_match() -> None:
    facts = stalin_facts(birth_years=frozenset({1878, 1879}))
    assert compare(link("stalin"), facts) == []


def test_institutions_are_checked_on_label_only() -> None:
    facts = ItemFacts(qid="Q182449", labels={"en": ("People's Commissariat for Internal Affairs",)})
    assert compare(link("nkvd"), facts) == []


def test_unknown_item_is_a_mismatch() -> None:
    [mismatch] = compare(link("stalin"), ItemFacts(qid="Q855"))
    assert mismatch.check == "item"


def test_bindings_become_facts() -> None:
    bindings = [
        {"item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q855"},
         "label": {"type": "literal", "value": "Joseph Stalin", "xml:lang": "en"}},
        {"item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q855"},
         "birth": {"type": "literal", "value": "1878-12-18T00:00:00Z",
                   "datatype": "http://www.w3.org/2001/XMLSchema#dateTime"}},
        {"item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q855"},
         "death": {"type": "bnode", "value": "b0"}},
        {"item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q1"},
         "birth": {"type": "literal", "value": "-0100-07-12T00:00:00Z"}},
    ]
    facts = facts_from_bindings(["Q855", "Q1", "Q2"], bindings)
    assert facts["Q855"] == ItemFacts(
        qid="Q855", labels={"en": ("Joseph Stalin",)}, birth_years=frozenset({1878})
    )
    assert facts["Q1"].birth_years == frozenset({-100})
    assert facts["Q2"] == ItemFacts(qid="Q2")


def test_query_asks_for_labels_and_truthy_dates_of_the_batch() -> None:
    query = facts_query(["Q855", "Q33391"])
    assert "VALUES ?item { wd:Q855 wd:Q33391 }" in query
    assert 'LANG(?label) IN ("en", "ru")' in query
    assert "wdt:P569" in query and "wdt:P570" in query


def test_normalise_and_user_agent() -> None:
    assert normalise("  Kliment   Vorošilov ") == "kliment vorosilov"
    agent = user_agent()
    assert agent.startswith("redarmy-kg/")
    assert "(https://w3id.org/redarmy-kg/" in agent
