"""Choosing a media type from an Accept header."""

from __future__ import annotations

import pytest

from redarmy_kg.server.negotiation import negotiate, prefers_html

OFFERED = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv"]


@pytest.mark.parametrize(("accept", "chosen"), [
    (None, "application/sparql-results+json"),
    ("", "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("text/csv", "text/csv"),
    ("text/*", "text/csv"),
    ("application/sparql-results+json;q=0.2, text/csv;q=0.9", "text/csv"),
    ("text/csv;q=0, */*", "application/sparql-results+json"),
    ("application/*;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
    ("image/png", None),
    ("text/csv;q=0", None),
    ("TEXT/CSV", "text/csv"),
    ("text/csv;q=abc, application/sparql-results+xml;q=0.1", "application/sparql-results+xml"),
])
def test_negotiate(accept: str | None, chosen: str | None) -> None:
    assert negotiate(accept, OFFERED) == chosen


def test_browsers_prefer_html_and_rdf_clients_do_not() -> None:
    chrome = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"
    assert prefers_html(chrome)
    assert not prefers_html("text/turtle")
    assert not prefers_html("*/*")
    assert not prefers_html(None)
    assert not prefers_html("text/turtle, text/html;q=0.5")
