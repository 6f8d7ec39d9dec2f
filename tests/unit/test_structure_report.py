"""The structure stage's contribution to report.json."""

from __future__ import annotations

import json

from redarmy_kg.structure import parse_document
from redarmy_kg.structure.report import structure_report

from .test_structure_footnotes import THESIS


def test_counts_per_part_and_flagged_footnotes() -> None:
    report = structure_report(parse_document(THESIS + "\n"))
    assert report["parts"]["intro"]["footnotes"] == 3
    assert report["parts"]["intro"]["markers_linked"] == 3
    assert report["parts"]["ch1"]["footnotes"] == 1
    assert report["totals"]["footnotes"] == 4
    assert report["totals"]["truncated_footnotes"] == 1
    flagged = report["footnotes_flagged"]
    assert any(flag.startswith("truncated") for flag in flagged["intro/fn/2"])
    assert "continued-after-page-break" in flagged["intro/fn/3"]
    assert "marker-separated-by-space" in flagged["intro/fn/2"]
    assert report["bibliography_entries_per_section"] == {"Books and Journal Articles": 2}
    json.dumps(report, sort_keys=True)  # serialisable as it stands
