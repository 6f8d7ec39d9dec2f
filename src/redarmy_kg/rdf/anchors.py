"""Web Annotation text anchors: exact character offsets and quote into the corpus.

Anyone holding the corpus file can cut the anchored text back out with
`corpus[oa:start:oa:end]`, which equals `oa:exact`.
"""

from __future__ import annotations

from pyoxigraph import NamedNode, Quad

from redarmy_kg.rdf.terms import DCTERMS, OA, RDF, RKG, node, nonneg, text
from redarmy_kg.structure.model import Span

CONTEXT_CHARS = 32


def thesis_text() -> NamedNode:
    """The corpus file as a resource: the `oa:hasSource` of every anchor."""
    return node("thesis", "text")


def anchor_iri(resource: NamedNode) -> NamedNode:
    return NamedNode(resource.value + "#anchor")


def anchor_quads(
    resource: NamedNode, span: Span, corpus: str, graph_name: NamedNode
) -> list[Quad]:
    """`resource` gets an `oa:SpecificResource` anchor with position and quote selectors."""
    anchor = anchor_iri(resource)
    position = NamedNode(resource.value + "#position")
    quote = NamedNode(resource.value + "#quote")
    exact = corpus[span.start : span.end]
    prefix = corpus[max(0, span.start - CONTEXT_CHARS) : span.start]
    suffix = corpus[span.end : span.end + CONTEXT_CHARS]
    triples = [
        (resource, RKG.textAnchor, anchor),
        (anchor, RDF.type, OA.SpecificResource),
        (anchor, OA.hasSource, thesis_text()),
        (anchor, OA.hasSelector, position),
        (anchor, OA.hasSelector, quote),
        (position, RDF.type, OA.TextPositionSelector),
        (position, OA.start, nonneg(span.start)),
        (position, OA.end, nonneg(span.end)),
        (quote, RDF.type, OA.TextQuoteSelector),
        (quote, OA.exact, text(exact)),
        (quote, OA["prefix"], text(prefix)),
        (quote, OA.suffix, text(suffix)),
        (anchor, DCTERMS.source, node("thesis")),
    ]
    return [Quad(s, p, o, graph_name) for s, p, o in triples]

