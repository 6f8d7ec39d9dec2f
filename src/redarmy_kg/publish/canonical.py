"""The canonical orders every dump is written in, computed on N-Quads lines.

Sorting serialised lines is several times faster than sorting term objects by
`str`: the dataset sorts its quads by their N-Quads lines once
(`RdfDataset.canonical`), and the graph-first order (for TriG) and the union
(for Turtle and JSON-LD) are derived from those lines without parsing again.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import NamedNode, Quad, Triple

from redarmy_kg.dataset import RdfDataset


@dataclass(frozen=True)
class CanonicalForms:
    nquads: bytes
    """Every quad once, one per line, lines sorted."""
    quads_by_graph: list[Quad]
    """The same quads ordered by graph, then by their N-Quads line."""
    union: list[Triple]
    """Every triple of every graph once, ordered by its N-Triples line."""
    union_lines: list[str]
    """`union[i]` in N-Triples, without the final ` .`."""


def canonical_forms(dataset: RdfDataset) -> CanonicalForms:
    canonical = dataset.canonical()
    lines, quads = canonical.lines, canonical.quads
    graphs = [graph_term(quad) for quad in quads]
    # `lines` is sorted, so a stable sort by graph orders by graph, then by line.
    by_graph = [quads[i] for i in sorted(range(len(lines)), key=graphs.__getitem__)]
    union: list[Triple] = []
    union_lines: list[str] = []
    for line, graph, quad in zip(lines, graphs, quads, strict=True):
        triple = _triple_part(line, graph)
        # A triple held by several graphs gives adjacent lines (see `_triple_part`).
        if not union_lines or triple != union_lines[-1]:
            union_lines.append(triple)
            union.append(quad.triple)
    return CanonicalForms(
        nquads=canonical.nquads, quads_by_graph=by_graph, union=union, union_lines=union_lines
    )


def graph_term(quad: Quad) -> str:
    """`<iri>` as it ends the N-Quads line; '' for the default graph (sorts first)."""
    return f"<{quad.graph_name.value}>" if isinstance(quad.graph_name, NamedNode) else ""


def _triple_part(line: str, graph: str) -> str:
    """`<s> <p> <o> <g> .` -> `<s> <p> <o>` (IRIs hold no spaces, so the graph is the tail).

    Cutting the graph keeps the sort order: two sorted lines whose triple parts
    differ are in the order of their triple parts (a triple part that is a prefix
    of another is followed by ` ` there, the other by `@` or `^`), so the
    duplicates of a triple held by several graphs are neighbours.
    """
    cut = len(graph) + 3 if graph else 2
    return line[:-cut]
