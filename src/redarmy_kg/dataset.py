"""The built RDF dataset: every stage's quads, and their canonical N-Quads form."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pyoxigraph import Quad, RdfFormat, serialize


@dataclass
class RdfDataset:
    """All the quads of one build; stages add their layers with `add`."""

    quads: list[Quad] = field(default_factory=list)
    _nquads: bytes | None = field(default=None, repr=False, compare=False)

    def add(self, quads: Iterable[Quad]) -> None:
        self.quads.extend(quads)
        self._nquads = None

    def canonical_nquads(self) -> bytes:
        """Sorted, de-duplicated N-Quads: the byte-identical form of the dataset."""
        if self._nquads is None:
            raw = serialize(self.quads, format=RdfFormat.N_QUADS)
            lines = sorted(set(raw.decode("utf-8").splitlines()))
            self._nquads = ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
        return self._nquads

    def __len__(self) -> int:
        return len(self.quads)

