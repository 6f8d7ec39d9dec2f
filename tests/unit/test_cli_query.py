"""`redarmy-kg query` on a tiny store: table, CSV and JSON output, files and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from redarmy_kg.cli import main
from redarmy_kg.store import replace_store

ID = "https://w3id.org/redarmy-kg/"
EVENT = f"<{ID}id/event/arrest-putna-1936-08-20>"
VICTIM = f"<{ID}ontology#victim>"
PUTNA = f"<{ID}id/person/putna>"
LABEL = "<http://www.w3.org/2004/02/skos/core#prefLabel>"
NQUADS = "\n".join(
    [
        f"{EVENT} {VICTIM} {PUTNA} <{ID}graph/events> .",
        f"{EVENT} {VICTIM} {PUTNA} <{ID}id/claim/ch4-p52-s14-1> .",
        f'{PUTNA} {LABEL} "Vitovt Putna" <{ID}graph/entities> .',
    ]
).encode()
QUERY = (
    "SELECT ?name WHERE { ?e <https://w3id.org/redarmy-kg/ontology#victim> ?p . "
    "?p <http://www.w3.org/2004/02/skos/core#prefLabel> ?name }"
)


@pytest.fixture()
def build_dir(tmp_path: Path) -> Path:
    replace_store(NQUADS + b"\n", tmp_path)
    return tmp_path


def invoke(*args: str):
    return CliRunner().invoke(main, ["query", *args])


def test_table_over_the_union_of_graphs(build_dir):
    result = invoke(QUERY, "--build-dir", str(build_dir))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].strip() == "name"
    assert lines.count("Vitovt Putna") == 2  # one row per graph holding the triple
    assert lines[-1] == "(2 rows)"


def test_query_file_and_csv_and_json(build_dir, tmp_path):
    path = tmp_path / "q.rq"
    path.write_text("# Question: who?\n" + QUERY.replace("SELECT", "SELECT DISTINCT"))
    csv_out = invoke(str(path), "--build-dir", str(build_dir), "--format", "csv")
    assert csv_out.output.splitlines() == ["name", "Vitovt Putna"]
    json_out = invoke(str(path), "--build-dir", str(build_dir), "--format", "json")
    assert json.loads(json_out.output)["results"] == [{"name": "Vitovt Putna"}]


def test_ask_prints_true(build_dir):
    result = invoke("ASK { ?s ?p ?o }", "--build-dir", str(build_dir))
    assert result.output.strip() == "true"


def test_bad_query_and_missing_file_are_bad_input(build_dir):
    assert invoke("SELECT WHERE {", "--build-dir", str(build_dir)).exit_code == 2
    assert invoke("missing.rq", "--build-dir", str(build_dir)).exit_code == 2


def test_missing_store_is_bad_input(tmp_path):
    assert invoke(QUERY, "--build-dir", str(tmp_path / "nothing")).exit_code == 2
