"""The server over the real build of the thesis: pages, linked data and the example queries."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

pytestmark = [pytest.mark.http, pytest.mark.e2e, pytest.mark.slow]

ID = "https://w3id.org/redarmy-kg/id/"
HTML = "text/html,application/xhtml+xml,*/*;q=0.8"


@pytest.fixture(scope="module")
def real_server(build_dir: Path, launch_on_build) -> Iterator[httpx.Client]:  # noqa: ANN001
    with launch_on_build(build_dir).client() as http:
        yield http


def test_home_page_counts_the_thesis(real_server: httpx.Client) -> None:
    html = real_server.get("/").text
    assert '<th scope="row">footnotes</th><td>933</td>' in html
    assert '<th scope="row">chapters</th><td>' in html


def test_every_example_query_answers(real_server: httpx.Client, repo_root: Path) -> None:
    examples = sorted((repo_root / "queries").glob("*.rq"))
    assert examples
    answered = []
    for path in examples:
        response = real_server.post("/sparql", data={"query": path.read_text()})
        assert response.status_code == 200, f"{path.name}: {response.text}"
        body = response.json()
        if "boolean" in body or body["results"]["bindings"]:
            answered.append(path.name)
    # Layers still being added may leave some questions without answers, never all.
    assert answered


def test_a_person_page_and_its_rdf(real_server: httpx.Client) -> None:
    page = real_server.get("/id/person/tukhachevskii", headers={"Accept": HTML})
    assert page.status_code == 200
    assert "<h1>Mikhail Tukhachevskii</h1>" in page.text
    assert "Tukhachevsky" in page.text
    assert "Mentioned in" in page.text
    turtle = real_server.get("/id/person/tukhachevskii", headers={"Accept": "text/turtle"})
    assert turtle.status_code == 200 and "Mikhail Tukhachevskii" in turtle.text


def test_a_footnote_page_lists_its_citations(real_server: httpx.Client) -> None:
    page = real_server.get("/id/thesis/ch5/fn/2", headers={"Accept": HTML})
    assert page.status_code == 200
    assert "RGVA" in page.text and "l. 265" in page.text


def test_the_thesis_page_answers_quickly_despite_17k_links(real_server: httpx.Client) -> None:
    response = real_server.get("/id/thesis", headers={"Accept": HTML})
    assert response.status_code == 200
    assert response.elapsed.total_seconds() < 5
