"""Byte-identical dumps of the dataset.

N-Quads and TriG carry every named graph (claims included); Turtle and JSON-LD
carry the union (the data says `rkg:attestedBy`/`prov:` on the facts, so the
provenance survives the flattening). Every dump is also gzipped, and
`SHA256SUMS` lists them all.
"""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import RdfFormat

from redarmy_kg.dataset import RdfDataset
from redarmy_kg.publish.canonical import canonical_forms
from redarmy_kg.publish.files import write_atomically, write_gzipped, write_sha256sums
from redarmy_kg.publish.jsonld import union_jsonld
from redarmy_kg.publish.turtle import serialize_sorted_prefixes
from redarmy_kg.rdf.terms import prefixes

DUMP_STEM = "redarmy-kg"
DUMP_FORMATS = ("nq", "trig", "ttl", "jsonld")


def dump_paths(out_dir: Path) -> dict[str, Path]:
    return {fmt: out_dir / f"{DUMP_STEM}.{fmt}" for fmt in DUMP_FORMATS}


def write_dumps(dataset: RdfDataset, out_dir: Path) -> dict[str, Path]:
    """Write every dump, its `.gz` and `SHA256SUMS` into `out_dir`.

    Returns the paths by key: `nq`, `trig`, `ttl`, `jsonld`, `nq.gz`, ...,
    `sha256sums`.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    forms = canonical_forms(dataset)
    paths = dump_paths(out_dir)
    write_atomically(paths["nq"], forms.nquads)
    trig = serialize_sorted_prefixes(forms.quads_by_graph, RdfFormat.TRIG, prefixes())
    write_atomically(paths["trig"], trig)
    turtle = serialize_sorted_prefixes(forms.union, RdfFormat.TURTLE, prefixes())
    write_atomically(paths["ttl"], turtle)
    write_atomically(paths["jsonld"], union_jsonld(forms.union, prefixes()))
    outputs = dict(paths)
    for fmt in DUMP_FORMATS:
        outputs[f"{fmt}.gz"] = write_gzipped(paths[fmt])
    outputs["sha256sums"] = write_sha256sums(out_dir, dump_files(outputs))
    return outputs


def dump_files(outputs: dict[str, Path]) -> list[Path]:
    """The downloadable dump files among `write_dumps`' outputs (plain and gzipped)."""
    keys = [*DUMP_FORMATS, *(f"{fmt}.gz" for fmt in DUMP_FORMATS)]
    return [outputs[key] for key in keys if key in outputs]


def union_turtle(dataset: RdfDataset) -> bytes:
    """All graphs merged into one graph, as Turtle (what a user who flattens the dataset gets)."""
    return serialize_sorted_prefixes(canonical_forms(dataset).union, RdfFormat.TURTLE, prefixes())
