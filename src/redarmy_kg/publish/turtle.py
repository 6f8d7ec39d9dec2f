"""Turtle/TriG with a sorted prefix header.

pyoxigraph writes the `@prefix` lines in the order of its internal hash map,
which we do not control (and which may depend on the hasher of the machine);
sorting them makes the header as stable as the sorted body.
"""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import Quad, RdfFormat, Triple, serialize

PREFIX_LINE = b"@prefix "


def serialize_sorted_prefixes(
    statements: Iterable[Triple] | Iterable[Quad], rdf_format: RdfFormat, prefixes: dict[str, str]
) -> bytes:
    """Serialise (already sorted) statements, then sort the leading `@prefix` lines."""
    return sort_prefix_header(serialize(statements, format=rdf_format, prefixes=prefixes))


def sort_prefix_header(data: bytes) -> bytes:
    lines = data.split(b"\n")
    count = 0
    while count < len(lines) and lines[count].startswith(PREFIX_LINE):
        count += 1
    return b"\n".join(sorted(lines[:count]) + lines[count:])
