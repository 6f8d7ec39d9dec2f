"""Sorted JSON-LD for the union graph, with a stable prefix-only @context.

pyoxigraph 0.5.13 writes JSON-LD without an @context (full IRIs everywhere)
and groups only consecutive triples of one subject, so it is deterministic for
sorted input but bulky. This writer gives compact, diff-friendly output: one
node object per line, nodes sorted by @id, keys and values sorted, every value
an array, IRIs compacted only with the namespaces of `rdf.terms.prefixes()`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from itertools import groupby

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from redarmy_kg.rdf.terms import RDF, XSD

JsonValue = dict[str, str] | str
RDF_TYPE = RDF.type.value
XSD_STRING = XSD.string.value


class IriCompactor:
    """Turns full IRIs into `prefix:local` when a namespace of the map covers them."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        # Longest namespace first, so `id:` wins over a shorter overlapping one.
        self._table = sorted(prefixes.items(), key=lambda item: (-len(item[1]), item[0]))
        self._cache: dict[str, str] = {}

    def compact(self, iri: str) -> str:
        cached = self._cache.get(iri)
        if cached is None:
            cached = self._cache[iri] = self._compact(iri)
        return cached

    def _compact(self, iri: str) -> str:
        for prefix, namespace in self._table:
            if iri.startswith(namespace):
                local = iri[len(namespace) :]
                if local and not local.startswith("//"):
                    return f"{prefix}:{local}"
        return iri


def jsonld_context(prefixes: dict[str, str]) -> dict[str, str]:
    return dict(sorted(prefixes.items()))


def union_jsonld(triples: Iterable[Triple], prefixes: dict[str, str]) -> bytes:
    """Serialise triples as one JSON-LD document, one node object per subject.

    Give them de-duplicated and sorted (e.g. `canonical.CanonicalForms.union`):
    nodes come out in the order of their subjects' first triples; keys and values
    inside a node are sorted here.
    """
    compactor = IriCompactor(prefixes)
    nodes = [
        _dumps(node_object(subject, list(group), compactor))
        for subject, group in groupby(triples, key=lambda t: t.subject)
    ]
    context = json.dumps(jsonld_context(prefixes), indent=2, ensure_ascii=False)
    context = context.replace("\n", "\n  ")
    body = ",\n    ".join(nodes)
    graph = f"[\n    {body}\n  ]" if nodes else "[]"
    return f'{{\n  "@context": {context},\n  "@graph": {graph}\n}}\n'.encode()


def node_object(subject: object, triples: list[Triple], compactor: IriCompactor) -> dict:
    node: dict[str, object] = {"@id": _resource_id(subject, compactor)}
    types: list[str] = []
    objects_by_predicate: dict[str, list[object]] = {}
    for triple in triples:
        predicate, obj = triple.predicate.value, triple.object
        if predicate == RDF_TYPE and isinstance(obj, NamedNode):
            types.append(compactor.compact(obj.value))
        else:
            objects_by_predicate.setdefault(predicate, []).append(obj)
    if types:
        node["@type"] = sorted(types)
    for predicate, objects in objects_by_predicate.items():
        objects.sort(key=_value_order)
        node[compactor.compact(predicate)] = [json_value(term, compactor) for term in objects]
    return node


def json_value(term: object, compactor: IriCompactor) -> JsonValue:
    if isinstance(term, NamedNode):
        return {"@id": compactor.compact(term.value)}
    if isinstance(term, BlankNode):
        return {"@id": f"_:{term.value}"}
    if isinstance(term, Literal):
        if term.language:
            return {"@language": term.language, "@value": term.value}
        if term.datatype.value == XSD_STRING:
            return term.value
        return {"@type": compactor.compact(term.datatype.value), "@value": term.value}
    raise ValueError(f"cannot write {term!r} as JSON-LD")


def _value_order(term: object) -> tuple[str, str, str]:
    """IRIs first, then literals by lexical form, language and datatype."""
    if isinstance(term, Literal):
        return ("1" + term.value, term.language or "", term.datatype.value)
    return ("0" + str(term), "", "")


def _resource_id(subject: object, compactor: IriCompactor) -> str:
    if isinstance(subject, NamedNode):
        return compactor.compact(subject.value)
    if isinstance(subject, BlankNode):
        return f"_:{subject.value}"
    raise ValueError(f"cannot write subject {subject!r} as JSON-LD")


_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _dumps(value: object) -> str:
    return _ENCODER.encode(value)
