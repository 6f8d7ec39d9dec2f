"""The bibliography parse on the real thesis against 30 entries read by hand
(tests/fixtures/bibliography_sample.yaml): creators, title, container, imprint, FaBiO type."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from redarmy_kg.bibliography import Bibliography, Work, parse_bibliography

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "bibliography_sample.yaml"
FIELDS = ("type", "creators", "title", "container", "place", "publisher", "year", "pages",
          "volume", "issue")

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def bibliography(document) -> Bibliography:
    return parse_bibliography(document.bibliography)


def fields_of(work: Work) -> dict[str, object]:
    return {
        "type": work.fabio_type,
        "creators": [f"{c.surname}|{c.given}|{c.role}" for c in work.creators],
        "title": work.title, "container": work.container, "place": work.place,
        "publisher": work.publisher, "year": work.year, "pages": work.pages,
        "volume": work.volume, "issue": work.issue,
    }


def test_thirty_entries_read_by_hand(bibliography) -> None:
    sample = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    assert len(sample) == 30
    wrong = []
    for expected in sample:
        (work,) = [w for w in bibliography.works if w.raw.startswith(expected["starts"])]
        got = fields_of(work)
        for field in FIELDS:
            want = expected.get(field, [] if field == "creators" else "")
            if got[field] != want:
                wrong.append(f"{expected['starts'][:40]} {field}: {want!r} != {got[field]!r}")
    assert wrong == []
