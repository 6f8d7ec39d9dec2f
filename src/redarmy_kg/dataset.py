"""The built RDF dataset: every stage's quads, and their canonical N-Quads form."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pyoxigraph import Quad, RdfFormat, parse, serialize


@dataclass(frozen=True)
class CanonicalQuads:
    """The dataset in canonical order: every quad once, sorted by its N-Quads line."""

    lines: list[str]
    """The N-Quads lines (without their newline), sorted and de-duplicated."""
    quads: list[Quad]
    """`quads[i]` is the quad written as `lines[i]`."""
    nquads: bytes
    """The lines as one N-Quads document."""


@dataclass
class RdfDataset:
    """All the quads of one build; stages add their layers with `add`."""

    quads: list[Quad] = field(default_factory=list)
    _canonical: CanonicalQuads | None = field(default=None, repr=False, compare=False)

    def add(self, quads: Iterable[Quad]) -> None:
        self.quads.extend(quads)
        self._canonical = None

    def canonical(self) -> CanonicalQuads:
        """The sorted, de-duplicated quads with their N-Quads lines (computed once).

        The quads are sorted by their serialised lines and kept as objects, so the
        dumps need not parse the N-Quads text again.
        """
        if self._canonical is None:
            self._canonical = _canonical_quads(self.quads)
        return self._canonical

    def canonical_nquads(self) -> bytes:
        """Sorted, de-duplicated N-Quads: the byte-identical form of the dataset."""
        return self.canonical().nquads

    def __len__(self) -> int:
        return len(self.quads)


def _canonical_quads(quads: list[Quad]) -> CanonicalQuads:
    raw = serialize(quads, format=RdfFormat.N_QUADS).decode("utf-8").splitlines()
    if len(raw) != len(quads):  # not one line per quad: take the quads from the text
        quads = list(parse("\n".join(raw), format=RdfFormat.N_QUADS))
    lines: list[str] = []
    kept: list[Quad] = []
    for index in sorted(range(len(raw)), key=raw.__getitem__):
        line = raw[index]
        if not lines or line != lines[-1]:
            lines.append(line)
            kept.append(quads[index])
    nquads = ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
    return CanonicalQuads(lines=lines, quads=kept, nquads=nquads)
