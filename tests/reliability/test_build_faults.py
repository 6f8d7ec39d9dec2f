"""A build that dies or is given bad input never damages what was already published."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, parse

from redarmy_kg.store import open_store

CLI = [sys.executable, "-m", "redarmy_kg"]
DUMPS = ("redarmy-kg.nq", "redarmy-kg.trig", "redarmy-kg.ttl")


@pytest.fixture()
def published(build_dir: Path, tmp_path: Path) -> Path:
    """A private copy of the session's build, so that tests may attack it."""
    target = tmp_path / "build"
    shutil.copytree(build_dir, target, symlinks=True)
    return target


def fingerprint(build: Path) -> dict[str, str]:
    return {name: hashlib.sha256((build / name).read_bytes()).hexdigest() for name in DUMPS}


def store_size(build: Path) -> int:
    store = open_store(build)
    return len(store)


def run_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=timeout)


def kill_points(build: Path, count: int = 3) -> list[float]:
    """Random moments spread over a whole build (one in each of `count` equal slices),
    so that the kills land in parsing, in writing the dumps and in loading the store."""
    timings = json.loads((build / "report.json").read_text())["timings_s"]
    total = sum(timings.values()) + 1.0  # + interpreter start-up
    rng = random.Random(1937)
    return [total * (i + rng.random()) / count for i in range(count)]


def test_sigkill_at_random_points_leaves_previous_build_intact(published: Path) -> None:
    before = fingerprint(published)
    quads_before = store_size(published)
    for delay in kill_points(published):
        process = subprocess.Popen(
            [*CLI, "build", "--quiet", "--out", str(published)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        assert fingerprint(published) == before, f"dumps changed after a kill at {delay:.1f}s"
        assert store_size(published) == quads_before
        for name in DUMPS[:2]:
            fmt = RdfFormat.N_QUADS if name.endswith(".nq") else RdfFormat.TRIG
            assert sum(1 for _ in parse(path=published / name, format=fmt)) > 0


def test_truncated_corpus_is_refused_with_exit_2(published: Path, tmp_path: Path) -> None:
    before = fingerprint(published)
    corpus = Path(__file__).resolve().parents[2] / "corpus"
    truncated = tmp_path / "thesis.txt"
    text = next(corpus.glob("*.txt")).read_bytes()
    truncated.write_bytes(text[: len(text) // 2])
    result = run_cli("build", "--quiet", "--out", str(published), "--corpus", str(truncated))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "SHA-256" in result.stderr
    assert fingerprint(published) == before


def test_missing_corpus_is_refused_with_exit_2(published: Path, tmp_path: Path) -> None:
    result = run_cli("build", "--out", str(published), "--corpus", str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert "cannot read corpus" in result.stderr


def copy_mappings(tmp_path: Path) -> Path:
    target = tmp_path / "mappings"
    shutil.copytree(Path(__file__).resolve().parents[2] / "mappings", target)
    return target


def test_broken_mapping_row_is_refused_with_exit_2(published: Path, tmp_path: Path) -> None:
    before = fingerprint(published)
    mappings = copy_mappings(tmp_path)
    people = mappings / "people.tsv"
    lines = people.read_text().splitlines()
    lines.insert(3, lines[2])  # the same key twice
    people.write_text("\n".join(lines) + "\n")
    result = run_cli("build", "--quiet", "--out", str(published), "--mappings", str(mappings))
    assert result.returncode == 2, result.stderr
    message = result.stderr.strip()
    assert "\n" not in message and "people.tsv" in message
    assert fingerprint(published) == before


def test_unparsable_ontology_is_refused_with_exit_2(published: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b \n")
    result = run_cli("validate", str(broken))
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().count("\n") == 0


def test_unparsable_ontology_file_gives_one_line_bad_input(tmp_path: Path) -> None:
    from redarmy_kg.errors import BadInput
    from redarmy_kg.validate.resources import parse_turtle_files

    broken = tmp_path / "redarmy.ttl"
    broken.write_text("@prefix rkg: <https://w3id.org/redarmy-kg/ontology#> .\nrkg:Event a \n")
    with pytest.raises(BadInput) as caught:
        parse_turtle_files([broken])
    assert "redarmy.ttl does not parse" in str(caught.value)
    assert "\n" not in str(caught.value)
