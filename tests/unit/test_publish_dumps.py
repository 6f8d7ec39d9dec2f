"""Dumps are byte-identical across runs, gzip is deterministic, and every dump
holds the same data (all graphs in N-Quads/TriG, their union in Turtle/JSON-LD)."""

from __future__ import annotations

import gzip
import hashlib
import os
import random
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest
import rdflib
from pyoxigraph import BlankNode, Quad, RdfFormat, Triple, parse

from redarmy_kg.dataset import RdfDataset
from redarmy_kg.publish.dumps import write_dumps
from redarmy_kg.publish.files import gzip_bytes

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "publish" / "sample.trig"
WRITE_IN_CHILD = """
import random, sys
from pathlib import Path
from pyoxigraph import RdfFormat, parse
from redarmy_kg.dataset import RdfDataset
from redarmy_kg.publish.dumps import write_dumps
quads = list(parse(path=sys.argv[1], format=RdfFormat.TRIG))
random.Random(int(sys.argv[3])).shuffle(quads)
dataset = RdfDataset()
dataset.add(quads)
write_dumps(dataset, Path(sys.argv[2]))
"""


def sample_quads() -> list[Quad]:
    return list(parse(path=str(SAMPLE), format=RdfFormat.TRIG))


def sample_dataset(seed: int) -> RdfDataset:
    quads = sample_quads()
    random.Random(seed).shuffle(quads)
    dataset = RdfDataset()
    dataset.add(quads + quads[:5])  # duplicates must not show in the dumps
    return dataset


@pytest.fixture(scope="module")
def dumps(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_dumps(sample_dataset(seed=1), tmp_path_factory.mktemp("dumps"))


def file_bytes(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_every_format_and_its_gzip_is_written(dumps: dict[str, Path]) -> None:
    names = sorted(path.name for path in dumps.values())
    assert names == sorted(
        [f"redarmy-kg.{fmt}{gz}" for fmt in ("nq", "trig", "ttl", "jsonld") for gz in ("", ".gz")]
        + ["SHA256SUMS"]
    )


def test_two_builds_in_other_processes_give_identical_bytes(
    dumps: dict[str, Path], tmp_path: Path
) -> None:
    for run, hash_seed in enumerate(("0", "12345")):
        out = tmp_path / f"run{run}"
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        subprocess.run(
            [sys.executable, "-c", WRITE_IN_CHILD, str(SAMPLE), str(out), str(run + 7)],
            check=True,
            env=env,
        )
        assert file_bytes(out) == file_bytes(dumps["nq"].parent)


def test_gzip_is_deterministic_and_carries_no_name_or_time(dumps: dict[str, Path]) -> None:
    for fmt in ("nq", "trig", "ttl", "jsonld"):
        packed = dumps[f"{fmt}.gz"].read_bytes()
        assert gzip.decompress(packed) == dumps[fmt].read_bytes()
        assert packed[4:8] == b"\x00\x00\x00\x00", "gzip header MTIME must be zero"
        assert packed[3] & 0x08 == 0, "gzip header must not carry a file name"
        assert gzip_bytes(dumps[fmt].read_bytes()) == packed


def test_sha256sums_list_every_dump_with_its_digest(dumps: dict[str, Path]) -> None:
    lines = dumps["sha256sums"].read_text().splitlines()
    listed = dict(reversed(line.split("  ")) for line in lines)
    expected = {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for key, path in dumps.items()
        if key != "sha256sums"
    }
    assert listed == expected
    assert [line.split("  ")[1] for line in lines] == sorted(expected)


def test_nquads_and_trig_hold_every_graph(dumps: dict[str, Path]) -> None:
    expected = set(sample_quads())
    assert set(parse(path=str(dumps["nq"]), format=RdfFormat.N_QUADS)) == expected
    assert set(parse(path=str(dumps["trig"]), format=RdfFormat.TRIG)) == expected
    lines = dumps["nq"].read_text().splitlines()
    assert lines == sorted(set(lines))


def test_turtle_and_jsonld_hold_the_union_with_provenance_links(dumps: dict[str, Path]) -> None:
    union = {Triple(q.subject, q.predicate, q.object) for q in sample_quads()}
    turtle = as_triples(parse(path=str(dumps["ttl"]), format=RdfFormat.TURTLE))
    jsonld = as_triples(parse(path=str(dumps["jsonld"]), format=RdfFormat.JSON_LD))
    assert turtle == union
    assert jsonld == union
    attested = [t for t in turtle if t.predicate.value.endswith("#attestedBy")]
    assert attested, "the union keeps the fact -> claim links"


def as_triples(quads: Iterable[Quad]) -> set[Triple]:
    return {Triple(q.subject, q.predicate, q.object) for q in quads}


# rdflib's own JSON-LD parser uses its deprecated ConjunctiveGraph internally.
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_rdflib_reads_the_jsonld_to_the_same_triples(dumps: dict[str, Path]) -> None:
    from_jsonld = rdflib.Graph().parse(dumps["jsonld"], format="json-ld")
    from_turtle = rdflib.Graph().parse(dumps["ttl"], format="turtle")
    assert len(from_jsonld) == len(from_turtle) > 0
    assert set(from_jsonld) == set(from_turtle)


def test_no_blank_nodes_anywhere(dumps: dict[str, Path]) -> None:
    for quad in parse(path=str(dumps["nq"]), format=RdfFormat.N_QUADS):
        assert not isinstance(quad.subject, BlankNode)
        assert not isinstance(quad.object, BlankNode)


def test_turtle_prefix_header_is_sorted(dumps: dict[str, Path]) -> None:
    for key in ("ttl", "trig"):
        header = [
            line for line in dumps[key].read_text().splitlines() if line.startswith("@prefix")
        ]
        assert header == sorted(header)
        assert any(line.startswith("@prefix rkg: ") for line in header)
