"""Each ambiguity rule of mappings/ambiguous_names.tsv on hand-made sentences."""

from __future__ import annotations

import pytest

from redarmy_kg.entities.catalog import Catalog, load_catalog
from redarmy_kg.entities.mentions import find_mentions

from .entities_fixtures import MAPPINGS, make_document


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(MAPPINGS)


def resolved(catalog: Catalog, paragraphs, footnotes=()) -> list[tuple[str, str, str]]:
    index = find_mentions(make_document(paragraphs, list(footnotes)), catalog)
    return [(m.surface, m.entity, m.method) for m in index.mentions if m.candidates]


def test_kamenev_politician_by_cue(catalog: Catalog) -> None:
    assert resolved(catalog, [["The triumvirate of Stalin, Zinoviev and Kamenev held."]]) == [
        ("Kamenev", "person/kamenev-lev", "cue")]


def test_zinoviev_kamenev_compound_is_lev(catalog: Catalog) -> None:
    assert resolved(catalog, [["Members of the Zinoviev-Kamenev group were arrested."]]) == [
        ("Kamenev", "person/kamenev-lev", "cue")]


def test_kamenev_commander_by_earlier_full_name(catalog: Catalog) -> None:
    paragraphs = [["The Commander-in-Chief, S. S. Kamenev, agreed.",
                   "On 11 August Kamenev ordered the attack."]]
    assert resolved(catalog, paragraphs) == [("Kamenev", "person/kamenev-sergei", "context")]


def test_kamenev_without_context_stays_ambiguous(catalog: Catalog) -> None:
    assert resolved(catalog, [["Kamenev wrote a letter."]]) == [
        ("Kamenev", "ambiguous/kamenev", "unresolved")]


def test_context_does_not_cross_paragraphs(catalog: Catalog) -> None:
    paragraphs = [["Lev Kamenev spoke."], ["Kamenev wrote a letter."]]
    assert resolved(catalog, paragraphs) == [("Kamenev", "ambiguous/kamenev", "unresolved")]


def test_three_smirnovs(catalog: Catalog) -> None:
    paragraphs = [
        ["The Military Opposition was led by Smirnov."],
        ["A. P. Smirnov joined Eismont.", "Smirnov was expelled."],
        ["The head of PUR, Smirnov, wrote to Voroshilov."],
    ]
    assert resolved(catalog, paragraphs) == [
        ("Smirnov", "person/smirnov-vladimir", "cue"),
        ("Smirnov", "person/smirnov-aleksandr", "context"),
        ("Smirnov", "person/smirnov-petr", "cue"),
    ]


def test_two_gais(catalog: Catalog) -> None:
    paragraphs = [["Gai, the head of the OO NKVD, warned of spies."],
                  ["Gai, who had supported Trotsky, was arrested in 1935."]]
    assert resolved(catalog, paragraphs) == [
        ("Gai", "person/gai-mark", "cue"), ("Gai", "person/gai-gaia", "cue")]


def test_two_prokofievs(catalog: Catalog) -> None:
    paragraphs = [["Prokofiev, a former deputy of Iagoda, was arrested."],
                  ["Stalin questioned Prokofiev, a political commissar from the SKVO."]]
    assert resolved(catalog, paragraphs) == [
        ("Prokofiev", "person/prokofiev-georgii", "cue"),
        ("Prokofiev", "person/prokofiev-a-p", "cue")]


def test_egorovs(catalog: Catalog) -> None:
    paragraphs = [["Egorov, Budennyi and Dibenko complained."],
                  ["N. G. Egorov was arrested.", "Egorov and Peterson gave evidence."]]
    assert resolved(catalog, paragraphs) == [
        ("Egorov", "person/egorov-aleksandr", "cue"),
        ("Egorov", "person/egorov-nikolai", "cue")]


def test_davieses_in_footnotes(catalog: Catalog) -> None:
    footnotes = [
        ("Davies, Crisis and Progress, p. 3.", None),
        ("Stalin: A New History, ed. by Davies and Harris, p. 241.", None),
        ("The ambassador Davies believed in the plot.", None),
        ("Davies, White Eagle, Red Star, p. 212.", None),
        ("See Davies, p. 12.", None),
    ]
    assert resolved(catalog, [], footnotes) == [
        ("Davies", "person/davies-r-w", "cue"),
        ("Davies", "person/davies-sarah", "cue"),
        ("Davies", "person/davies-joseph", "cue"),
        ("Davies", "person/davies-norman", "cue"),
        ("Davies", "ambiguous/davies", "unresolved"),
    ]


def test_full_names_need_no_rule(catalog: Catalog) -> None:
    index = find_mentions(make_document(
        [["R. W. Davies, Sarah Davies and Joseph E. Davies disagree."]]), catalog)
    assert [m.entity for m in index.mentions] == [
        "person/davies-r-w", "person/davies-sarah", "person/davies-joseph"]
    assert all(not m.candidates for m in index.mentions)


def test_footnote_inherits_its_citing_sentence(catalog: Catalog) -> None:
    paragraphs = [["The Commander-in-Chief, S. S. Kamenev, halted the advance."]]
    footnotes = [("On this order of Kamenev see Erickson, p. 90.", "ch1/p/1/s/1")]
    assert resolved(catalog, paragraphs, footnotes) == [
        ("Kamenev", "person/kamenev-sergei", "context")]


def test_two_candidates_cued_falls_back_to_context(catalog: Catalog) -> None:
    paragraphs = [["Lev Kamenev spoke.",
                   "Kamenev met Zinoviev and the Commander-in-Chief."]]
    assert resolved(catalog, paragraphs) == [("Kamenev", "person/kamenev-lev", "context")]


def test_two_gorbachevs(catalog: Catalog) -> None:
    paragraphs = [["The commander of the UVO, Boris Gorbachev, reported.",
                   "According to Gorbachev, wrecking was rife."],
                  ["See Andrew and Gordievsky, KGB: From Lenin to Gorbachev."]]
    assert resolved(catalog, paragraphs) == [
        ("Gorbachev", "person/gorbachev-boris", "cue"),
        ("Gorbachev", "person/gorbachev-mikhail", "cue")]
