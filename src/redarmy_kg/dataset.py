"""The built RDF dataset: quads grouped by named graph, in a canonical order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from pyoxigraph import NamedNode, Quad, RdfFormat, parse, serialize


@dataclass
class RdfDataset:
    """All the quads of one build; stages add their layers with `add`."""

    quads: list[Quad] = field(default_factory=list)
    _nquads: bytes | None = field(default=None, repr=False, compare=False)

    def add(self, quads: Iterable[Quad]) -> None:
        self.quads.extend(quads)
        self._nquads = None

    def graph_names(self) -> list[str]:
        names = {q.graph_name.value for q in self.quads if isinstance(q.graph_name, NamedNode)}
        return sorted(names)

    def canonical_nquads(self) -> bytes:
        """Sorted, de-duplicated N-Quads: the byte-identical form of the dataset."""
        if self._nquads is None:
            raw = serialize(self.quads, format=RdfFormat.N_QUADS)
            lines = sorted(set(raw.decode("utf-8").splitlines()))
            self._nquads = ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
        return self._nquads

    def canonical_quads(self) -> list[Quad]:
        """Quads de-duplicated and ordered by graph, subject, predicate, object."""
        return sorted_by_graph(parse(self.canonical_nquads(), format=RdfFormat.N_QUADS))

    def __len__(self) -> int:
        return len(self.quads)


def sorted_by_graph(quads: Iterable[Quad]) -> list[Quad]:
    return sorted(quads, key=_graph_first_key)


def _graph_first_key(quad: Quad) -> tuple[str, str, str, str]:
    return (str(quad.graph_name), str(quad.subject), str(quad.predicate), str(quad.object))


def iter_graph(quads: Iterable[Quad], graph_iri: str) -> Iterator[Quad]:
    return (
        q for q in quads if isinstance(q.graph_name, NamedNode) and q.graph_name.value == graph_iri
    )
