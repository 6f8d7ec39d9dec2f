"""A small set of triples written as sorted, prefixed Turtle."""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode, RdfFormat, Triple

from redarmy_kg.publish.turtle import serialize_sorted_prefixes
from redarmy_kg.rdf.terms import XSD, Namespace, prefixes

SPDX = Namespace("spdx", "http://spdx.org/rdf/terms#")
FORMATS = Namespace("formats", "http://www.w3.org/ns/formats/")
IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"

Term = NamedNode | Literal


def iri(value: str | NamedNode) -> NamedNode:
    return value if isinstance(value, NamedNode) else NamedNode(value)


def count_literal(value: int) -> Literal:
    return Literal(str(value), datatype=XSD.nonNegativeInteger)


class TripleSet:
    """Collects the triples of a description; `turtle()` gives byte-stable output."""

    def __init__(self) -> None:
        self.triples: set[Triple] = set()

    def add(self, subject: str | NamedNode, predicate: NamedNode, obj: Term | str) -> None:
        value = obj if isinstance(obj, NamedNode | Literal) else Literal(obj)
        self.triples.add(Triple(iri(subject), predicate, value))

    def add_iri(self, subject: str | NamedNode, predicate: NamedNode, obj: str) -> None:
        self.triples.add(Triple(iri(subject), predicate, NamedNode(obj)))

    def sorted(self) -> list[Triple]:
        return sorted(
            self.triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object))
        )

    def turtle(self, base: str) -> bytes:
        table = prefixes()
        table.update({SPDX.prefix: SPDX.uri, FORMATS.prefix: FORMATS.uri})
        table["dataset"] = base + "dataset/"
        return serialize_sorted_prefixes(self.sorted(), RdfFormat.TURTLE, table)
