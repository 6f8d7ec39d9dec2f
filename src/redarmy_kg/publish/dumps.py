"""Byte-identical dumps of the dataset: N-Quads, TriG (all graphs), Turtle (union)."""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import Quad, RdfFormat, Triple, serialize

from redarmy_kg.dataset import RdfDataset
from redarmy_kg.rdf.terms import prefixes

DUMP_STEM = "redarmy-kg"


def write_dumps(dataset: RdfDataset, out_dir: Path) -> dict[str, Path]:
    """Write `redarmy-kg.nq`, `.trig` and `.ttl` into `out_dir`; return them by format."""
    out_dir.mkdir(parents=True, exist_ok=True)
    nquads = dataset.canonical_nquads()
    quads = dataset.canonical_quads()
    paths = {
        "nq": out_dir / f"{DUMP_STEM}.nq",
        "trig": out_dir / f"{DUMP_STEM}.trig",
        "ttl": out_dir / f"{DUMP_STEM}.ttl",
    }
    _write_atomically(paths["nq"], nquads)
    _write_atomically(paths["trig"], serialize(quads, format=RdfFormat.TRIG, prefixes=prefixes()))
    _write_atomically(paths["ttl"], union_turtle(quads))
    return paths


def union_turtle(quads: list[Quad]) -> bytes:
    """All graphs merged into one graph (what a user who flattens the dataset gets)."""
    triples = sorted(
        {Triple(q.subject, q.predicate, q.object) for q in quads},
        key=lambda t: (str(t.subject), str(t.predicate), str(t.object)),
    )
    return serialize(triples, format=RdfFormat.TURTLE, prefixes=prefixes())


def _write_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)



