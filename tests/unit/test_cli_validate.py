"""`redarmy-kg validate`: exit codes, inputs it accepts, the report it writes; and
the build's gate (`run_gate`)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner

from redarmy_kg.cli import main
from redarmy_kg.validate import run_gate

VALID = Path(__file__).parent / "fixtures" / "shapes-valid.trig"
FOOTNOTE_TEXT = (
    b"<https://w3id.org/redarmy-kg/id/thesis/ch5/fn/2> <http://purl.org/spar/c4o/hasContent>"
)


def valid_nquads() -> bytes:
    quads = pyoxigraph.parse(VALID.read_bytes(), format=pyoxigraph.RdfFormat.TRIG)
    return pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.N_QUADS)


def broken_nquads() -> bytes:
    """The valid fixture without the footnote's text."""
    lines = valid_nquads().splitlines(keepends=True)
    return b"".join(line for line in lines if not line.startswith(FOOTNOTE_TEXT))


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["validate", *args])
    return result.exit_code, result.output


@pytest.fixture()
def build_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "build"
    folder.mkdir()
    (folder / "redarmy-kg.nq").write_bytes(valid_nquads())
    return folder


def test_conforming_build_folder_exits_0_and_writes_the_report(build_folder: Path) -> None:
    code, output = run(str(build_folder), "--engine", "both", "--no-owl")
    assert code == 0, output
    assert "SHACL (shacl): conforms" in output
    assert "SHACL (sparql): conforms" in output
    assert "sh:conforms true" in (build_folder / "shacl-report.ttl").read_text()


def test_violations_exit_1_with_a_summary_by_shape(tmp_path: Path) -> None:
    dump = tmp_path / "broken.nq"
    dump.write_bytes(broken_nquads())
    code, output = run(str(dump), "--engine", "sparql", "--no-owl")
    assert code == 1
    assert "rkgsh:Footnote-content [MinCount]: 1" in output
    assert "needs exactly one non-empty c4o:hasContent" in output
    assert "e.g. <https://w3id.org/redarmy-kg/id/thesis/ch5/fn/2>" in output
    report = (tmp_path / "shacl-report.ttl").read_text()
    assert "sh:conforms false" in report
    assert "rkgsh:Footnote-content" in report


@pytest.mark.parametrize("suffix", [".trig", ".ttl"])
def test_trig_and_turtle_dumps_are_read(tmp_path: Path, suffix: str) -> None:
    dump = tmp_path / f"data{suffix}"
    quads = pyoxigraph.parse(VALID.read_bytes(), format=pyoxigraph.RdfFormat.TRIG)
    if suffix == ".ttl":  # the union, as the Turtle dump holds it
        quads = [pyoxigraph.Triple(q.subject, q.predicate, q.object) for q in quads]
        dump.write_bytes(pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.TURTLE))
    else:
        dump.write_bytes(pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.TRIG))
    code, output = run(str(dump), "--engine", "sparql", "--no-owl")
    assert code == 0, output


def test_missing_path_exits_2_with_one_line(tmp_path: Path) -> None:
    code, output = run(str(tmp_path / "nowhere.nq"), "--no-owl")
    assert code == 2
    assert output.strip().count("\n") == 0
    assert "does not exist" in output


def test_unparsable_dump_exits_2(tmp_path: Path) -> None:
    dump = tmp_path / "bad.nq"
    dump.write_text("<a> <b> .\n")
    code, output = run(str(dump), "--no-owl")
    assert code == 2
    assert "bad.nq does not parse" in output


def test_folder_without_dump_exits_2(tmp_path: Path) -> None:
    code, output = run(str(tmp_path), "--no-owl")
    assert code == 2
    assert "run `redarmy-kg build` first" in output


def test_unknown_format_exits_2(tmp_path: Path) -> None:
    dump = tmp_path / "data.csv"
    dump.write_text("a,b\n")
    code, output = run(str(dump), "--no-owl")
    assert code == 2
    assert "unknown dump format" in output


def test_gate_passes_conforming_data_and_writes_a_stable_report(tmp_path: Path) -> None:
    first = run_gate(valid_nquads(), tmp_path / "a")
    second = run_gate(valid_nquads(), tmp_path / "b")
    assert first.conforms and second.conforms
    report = (tmp_path / "a" / "shacl-report.ttl").read_bytes()
    assert report == (tmp_path / "b" / "shacl-report.ttl").read_bytes()


def test_gate_rejects_broken_data_with_a_stable_report(tmp_path: Path) -> None:
    first = run_gate(broken_nquads(), tmp_path / "a")
    second = run_gate(broken_nquads(), tmp_path / "b")
    assert not first.conforms
    assert [group.shape for group in first.groups()] == [
        "https://w3id.org/redarmy-kg/shapes#Footnote-content"
    ]
    report = (tmp_path / "a" / "shacl-report.ttl").read_bytes()
    assert report == (tmp_path / "b" / "shacl-report.ttl").read_bytes()
    assert len(second.results) == 1


def test_internal_error_exits_3_with_one_line(
    build_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import redarmy_kg.validate as validate_package

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("reasoner exploded")

    monkeypatch.setattr(validate_package, "validate_build", broken)
    code, output = run(str(build_folder), "--no-owl")
    assert code == 3
    assert "internal error: RuntimeError: reasoner exploded" in output
    assert output.strip().count("\n") == 0
