"""Read what `validate` is pointed at: a build folder or a dump file, as N-Quads."""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import RdfFormat, parse, serialize

from redarmy_kg.errors import BadInput

BUILD_DUMPS = ("redarmy-kg.nq", "redarmy-kg.trig", "redarmy-kg.ttl")
FORMATS = {
    ".nq": RdfFormat.N_QUADS,
    ".nt": RdfFormat.N_TRIPLES,
    ".trig": RdfFormat.TRIG,
    ".ttl": RdfFormat.TURTLE,
}


def dump_in_folder(folder: Path) -> Path:
    for name in BUILD_DUMPS:
        if (folder / name).is_file():
            return folder / name
    names = ", ".join(BUILD_DUMPS)
    raise BadInput(f"{folder} holds no dump ({names}): run `redarmy-kg build` first")


def resolve_dump(path: Path) -> Path:
    if not path.exists():
        raise BadInput(f"{path} does not exist")
    return dump_in_folder(path) if path.is_dir() else path


def read_as_nquads(path: Path) -> bytes:
    """The dataset at `path` (folder or .nq/.nt/.trig/.ttl file) as N-Quads bytes."""
    dump = resolve_dump(path)
    rdf_format = FORMATS.get(dump.suffix.lower())
    if rdf_format is None:
        raise BadInput(f"{dump.name}: unknown dump format (use .nq, .trig, .ttl or .nt)")
    raw = dump.read_bytes()
    try:
        quads = list(parse(raw, format=rdf_format))
    except SyntaxError as error:
        first_line = str(error).splitlines()[0] if str(error) else "syntax error"
        raise BadInput(f"{dump.name} does not parse: {first_line}") from error
    if rdf_format == RdfFormat.N_QUADS:
        return raw
    return serialize(quads, format=RdfFormat.N_QUADS)
