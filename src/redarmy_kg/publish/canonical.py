"""The canonical orders every dump is written in, computed on N-Quads lines.

Sorting serialised lines is several times faster than sorting term objects by
`str`: the sorted, de-duplicated N-Quads text is computed once, and the
graph-first order (for TriG) and the union (for Turtle and JSON-LD) are derived
from its lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import NamedNode, Quad, RdfFormat, Triple, parse

from redarmy_kg.dataset import RdfDataset


@dataclass(frozen=True)
class CanonicalForms:
    nquads: bytes
    """Every quad once, one per line, lines sorted."""
    quads_by_graph: list[Quad]
    """The same quads ordered by graph, then by their N-Quads line."""
    union: list[Triple]
    """Every triple of every graph once, ordered by its N-Triples line."""


def canonical_forms(dataset: RdfDataset) -> CanonicalForms:
    nquads = dataset.canonical_nquads()
    lines = nquads.decode("utf-8").splitlines()
    quads = list(parse(nquads, format=RdfFormat.N_QUADS))
    graphs = [_graph_term(quad) for quad in quads]
    by_graph = [quad for _, _, quad in sorted(zip(graphs, lines, quads, strict=True))]
    union_lines = sorted(
        {_triple_part(line, graph) for line, graph in zip(lines, graphs, strict=True)}
    )
    union_text = "".join(line + " .\n" for line in union_lines).encode("utf-8")
    union = list(parse(union_text, format=RdfFormat.N_TRIPLES))
    return CanonicalForms(nquads=nquads, quads_by_graph=by_graph, union=union)


def _graph_term(quad: Quad) -> str:
    """`<iri>` as it ends the N-Quads line; '' for the default graph (sorts first)."""
    return f"<{quad.graph_name.value}>" if isinstance(quad.graph_name, NamedNode) else ""


def _triple_part(line: str, graph: str) -> str:
    """`<s> <p> <o> <g> .` -> `<s> <p> <o>` (IRIs hold no spaces, so the graph is the tail)."""
    cut = len(graph) + 3 if graph else 2
    return line[:-cut]
