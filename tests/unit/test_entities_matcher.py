"""The traps of matching names in the thesis's extracted text."""

from __future__ import annotations

import pytest

from redarmy_kg.entities.catalog import load_catalog
from redarmy_kg.entities.matcher import SurfaceMatcher

from .entities_fixtures import MAPPINGS


@pytest.fixture(scope="module")
def matcher() -> SurfaceMatcher:
    return SurfaceMatcher(load_catalog(MAPPINGS))


def found(matcher: SurfaceMatcher, text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.target.refs[0]) for m in matcher.find(text)]


def test_possessive_without_apostrophe(matcher: SurfaceMatcher) -> None:
    assert found(matcher, "Stalins doubts and Tukhachevskiis plans.") == [
        ("Stalins", "person/stalin"), ("Tukhachevskiis", "person/tukhachevskii")]


def test_hyphenated_compound_mentions_both(matcher: SurfaceMatcher) -> None:
    assert found(matcher, "the Syrtsov-Lominadze affair") == [
        ("Syrtsov", "person/syrtsov"), ("Lominadze", "person/lominadze")]
    refs = [m.target.refs for m in matcher.find("the Zinoviev-Kamenev Bloc")]
    assert refs[0] == ("person/zinoviev",)
    assert set(refs[1]) == {"person/kamenev-lev", "person/kamenev-sergei"}


def test_hyphenated_name_is_one_person(matcher: SurfaceMatcher) -> None:
    assert found(matcher, "Antonov-Ovseenkos circular") == [
        ("Antonov-Ovseenkos", "person/antonov-ovseenko")]


def test_trotskyist_is_a_concept_not_trotsky(matcher: SurfaceMatcher) -> None:
    assert found(matcher, "former Trotskyists and Trotskyism, and Trotsky himself") == [
        ("Trotskyists", "concept/trotskyism"), ("Trotskyism", "concept/trotskyism"),
        ("Trotsky", "person/trotsky")]


def test_words_derived_from_names_are_not_mentions(matcher: SurfaceMatcher) -> None:
    assert found(matcher, "Stalinist governance and Stalinism; Leninist ideas") == []


def test_initials_forms_take_the_whole_name(matcher: SurfaceMatcher) -> None:
    assert found(matcher, "M. N. Tukhachevskii and I.V. Stalina") == [
        ("M. N. Tukhachevskii", "person/tukhachevskii"), ("I.V. Stalina", "person/stalin")]


def test_russian_case_forms(matcher: SurfaceMatcher) -> None:
    assert found(matcher, "Voina i mir Mikhaila Tukhachevskogo") == [
        ("Mikhaila Tukhachevskogo", "person/tukhachevskii")]


def test_common_english_spellings(matcher: SurfaceMatcher) -> None:
    text = "Yezhov, Yagoda, Budyonny and Yakir; Tukhachevsky"
    assert [ref for _, ref in found(matcher, text)] == [
        "person/ezhov", "person/iagoda", "person/budennyi", "person/iakir",
        "person/tukhachevskii"]


def test_longest_match_wins(matcher: SurfaceMatcher) -> None:
    assert found(matcher, "the Leningrad Military District in Leningrad") == [
        ("Leningrad Military District", "org/lvo"), ("Leningrad", "place/leningrad")]
    assert found(matcher, "the Revolutionary Military Council of the Republic") == [
        ("Revolutionary Military Council of the Republic", "org/rvsr")]


def test_abbreviations_need_word_boundaries(matcher: SurfaceMatcher) -> None:
    assert found(matcher, "OGPU and GPU and VChK-GPU-OGPU-NKVD") == [
        ("OGPU", "org/ogpu"), ("GPU", "org/gpu"), ("VChK", "org/cheka"), ("GPU", "org/gpu"),
        ("OGPU", "org/ogpu"), ("NKVD", "org/nkvd")]


def test_guarded_common_words_count_only_as_citations(matcher: SurfaceMatcher) -> None:
    assert found(matcher, "the Main Administration and a Stone wall") == []
    assert found(matcher, "Main, The Case of Inner-Army Opposition, p. 3") == [
        ("Main", "person/main")]
    assert found(matcher, "As Stone has remarked") == [("Stone", "person/stone")]
    assert found(matcher, "Little, Brown and Company") == []


def test_lower_case_words_are_not_names(matcher: SurfaceMatcher) -> None:
    assert found(matcher, "the conquest of the whites by the red army") == []


def test_imprint_places_are_not_mentions(matcher: SurfaceMatcher) -> None:
    text = "Stalin (Moscow: ROSSPEN, 2007); Erickson (London; Portland, Or.: Cass); (Moscow, 2000)"
    assert [ref for _, ref in found(matcher, text)] == ["person/stalin", "person/erickson"]
    assert found(matcher, "he went to Moscow (Moscow was cold) and Lubianka: Stalin") == [
        ("Moscow", "place/moscow"), ("Moscow", "place/moscow"), ("Lubianka", "place/lubianka"),
        ("Stalin", "person/stalin")]
