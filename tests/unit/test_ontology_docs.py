"""The ontology documentation page builds, documents our terms and the event types."""

from __future__ import annotations

from pathlib import Path

import pytest

from redarmy_kg import docs


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return docs.write_ontology_html(tmp_path_factory.mktemp("docs"))


def test_page_documents_the_ontology(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    assert "<title>The Red Army and the Terror: knowledge graph ontology</title>" in html
    for term in ("Claim", "attestedBy", "textAnchor", "earliestDate", "MilitaryDistrict"):
        assert term in html, term


def test_page_lists_the_event_type_hierarchy(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    section = html[html.index('id="event-types"') :]
    assert section.index("rkg:Repression") < section.index("rkg:Arrest")
    assert "mutiny" in section  # an alternative label


def test_page_is_reused_when_sources_are_unchanged(page: Path) -> None:
    before = page.stat().st_mtime_ns
    again = docs.write_ontology_html(page.parent)
    assert again.stat().st_mtime_ns == before
    assert "<!-- generated from sources with SHA-256" in again.read_text(encoding="utf-8")
