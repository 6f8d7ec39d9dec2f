"""QuickStatements export: P1343 = the thesis for each confirmed person link."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from redarmy_kg.cli import main
from redarmy_kg.errors import BadInput
from redarmy_kg.links.quickstatements import quickstatements
from redarmy_kg.links.sssom import load_mappings

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "links" / "mini.sssom.tsv"
THESIS_IRI = '"https://w3id.org/redarmy-kg/id/thesis"'


def test_one_line_per_confirmed_person_sorted_by_key() -> None:
    text = quickstatements(load_mappings(MINI).links, thesis_qid="Q4242")
    assert text.splitlines() == [
        f"Q855\tP1343\tQ4242\tS854\t{THESIS_IRI}",
        f"Q33391\tP1343\tQ4242\tS854\t{THESIS_IRI}",
    ]
    assert text.endswith("\n")


def test_institutions_and_unconfirmed_people_are_not_exported() -> None:
    text = quickstatements(load_mappings(MINI).links, thesis_qid="Q4242")
    for qid in ("Q182449", "Q2703181", "Q186185"):
        assert qid not in text


def test_refuses_without_a_thesis_item() -> None:
    with pytest.raises(BadInput, match=r"P1343 .* needs a Wikidata item for the thesis"):
        quickstatements(load_mappings(MINI).links, thesis_qid=None)


@pytest.mark.parametrize("bad", ["4242", "Q", "Q04", "LAST", "q4242"])
def test_rejects_a_malformed_thesis_qid(bad: str) -> None:
    with pytest.raises(BadInput, match="is not a Wikidata item id"):
        quickstatements(load_mappings(MINI).links, thesis_qid=bad)


def test_cli_writes_the_file(tmp_path: Path) -> None:
    out = tmp_path / "qs.txt"
    result = CliRunner().invoke(
        main,
        ["links", "export", "--quickstatements", "--thesis-qid", "Q4242",
         "--mappings", str(MINI), "--out", str(out)],
    )
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").count("\tP1343\tQ4242\t") == 2


def test_cli_refuses_without_thesis_qid_with_exit_2() -> None:
    result = CliRunner().invoke(
        main, ["links", "export", "--quickstatements", "--mappings", str(MINI)]
    )
    assert result.exit_code == 2
    assert "--thesis-qid" in result.stderr
    assert result.stdout == ""


def test_cli_needs_the_format_flag() -> None:
    result = CliRunner().invoke(main, ["links", "export", "--thesis-qid", "Q4242"])
    assert result.exit_code == 2
    assert "--quickstatements" in result.output
