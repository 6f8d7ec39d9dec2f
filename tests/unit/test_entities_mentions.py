"""Mention keys, container offsets and corpus spans on a hand-made document."""

from __future__ import annotations

from redarmy_kg.entities.catalog import load_catalog
from redarmy_kg.entities.mentions import find_mentions
from redarmy_kg.entities.report import entities_report

from .entities_fixtures import MAPPINGS, make_document


def test_mention_keys_offsets_and_spans() -> None:
    document = make_document(
        [["Stalin met Voroshilov in Moscow.", "The NKVD arrested Putna."]],
        [("Tukhachevskiis letter, RGVA, f. 4.", "ch1/p/1/s/2")],
    )
    index = find_mentions(document, load_catalog(MAPPINGS))
    keys = [m.key for m in index.mentions]
    assert keys == ["ch1/p/1/s/1/m/1", "ch1/p/1/s/1/m/2", "ch1/p/1/s/1/m/3",
                    "ch1/p/1/s/2/m/1", "ch1/p/1/s/2/m/2", "ch1/fn/1/m/1", "ch1/fn/1/m/2"]
    for mention in index.mentions:
        assert document.corpus[mention.span.start : mention.span.end] == mention.surface
    assert index.mentions[-2].entity == "person/tukhachevskii"
    assert index.mentions[-1].entity == "org/rgva"
    assert index.mentions[-1].container_kind == "footnote"


def test_report_counts() -> None:
    catalog = load_catalog(MAPPINGS)
    index = find_mentions(make_document([["Stalin and Kamenev met in Moscow."]]), catalog)
    report = entities_report(catalog, index)
    assert report["mentions"] == 3
    assert report["mentions_by_category"] == {"ambiguous": 1, "person": 1, "place": 1}
    assert report["unresolved_mentions"] == ["ch1/p/1/s/1/m/2 Kamenev"]
    assert "person/voroshilov" in report["entities_without_mentions"]
