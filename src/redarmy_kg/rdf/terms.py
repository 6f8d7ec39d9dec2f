"""Namespaces and small term constructors shared by every RDF emitter.

Emitters build `pyoxigraph.Quad`s directly: pyoxigraph serialises and loads
them far faster than rdflib, and sorting their N-Quads form gives
byte-identical dumps.
"""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import Literal, NamedNode, Quad

from redarmy_kg import iris


class Namespace:
    """`OA.TextPositionSelector` or `OA["hasSource"]` -> a NamedNode."""

    def __init__(self, prefix: str, uri: str) -> None:
        self.prefix = prefix
        self.uri = uri
        self._items: dict[str, NamedNode] = {}

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        term = NamedNode(self.uri + name)
        # NamedNodes are immutable: keep the term as an attribute, so that the next
        # `OA.start` is a plain lookup instead of a new object (emitters ask millions of times).
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> NamedNode:
        term = self._items.get(name)
        if term is None:
            term = self._items[name] = NamedNode(self.uri + name)
        return term


RDF = Namespace("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("rdfs", "http://www.w3.org/2000/01/rdf-schema#")
OWL = Namespace("owl", "http://www.w3.org/2002/07/owl#")
XSD = Namespace("xsd", "http://www.w3.org/2001/XMLSchema#")
SKOS = Namespace("skos", "http://www.w3.org/2004/02/skos/core#")
DCTERMS = Namespace("dcterms", "http://purl.org/dc/terms/")
FOAF = Namespace("foaf", "http://xmlns.com/foaf/0.1/")
SCHEMA = Namespace("schema", "https://schema.org/")
PROV = Namespace("prov", "http://www.w3.org/ns/prov#")
ORG = Namespace("org", "http://www.w3.org/ns/org#")
OA = Namespace("oa", "http://www.w3.org/ns/oa#")
DOCO = Namespace("doco", "http://purl.org/spar/doco/")
FABIO = Namespace("fabio", "http://purl.org/spar/fabio/")
CITO = Namespace("cito", "http://purl.org/spar/cito/")
C4O = Namespace("c4o", "http://purl.org/spar/c4o/")
PO = Namespace("po", "http://www.essepuntato.it/2008/12/pattern#")
BIBO = Namespace("bibo", "http://purl.org/ontology/bibo/")
BIRO = Namespace("biro", "http://purl.org/spar/biro/")
RICO = Namespace("rico", "https://www.ica.org/standards/RiC/ontology#")
SEM = Namespace("sem", "http://semanticweb.cs.vu.nl/2009/11/sem/")
CRM = Namespace("crm", "http://www.cidoc-crm.org/cidoc-crm/")
TIME = Namespace("time", "http://www.w3.org/2006/time#")
VOID = Namespace("void", "http://rdfs.org/ns/void#")
DCAT = Namespace("dcat", "http://www.w3.org/ns/dcat#")
SD = Namespace("sd", "http://www.w3.org/ns/sparql-service-description#")
NP = Namespace("np", "http://www.nanopub.org/nschema#")
SH = Namespace("sh", "http://www.w3.org/ns/shacl#")
WD = Namespace("wd", "http://www.wikidata.org/entity/")
RKG = Namespace("rkg", iris.ONTOLOGY)

ALL_NAMESPACES: tuple[Namespace, ...] = (
    RDF, RDFS, OWL, XSD, SKOS, DCTERMS, FOAF, SCHEMA, PROV, ORG, OA, DOCO, FABIO, CITO,
    C4O, PO, BIBO, BIRO, RICO, SEM, CRM, TIME, VOID, DCAT, SD, NP, SH, WD, RKG,
)


def prefixes() -> dict[str, str]:
    """Prefix map used by every Turtle/TriG dump (stable order, stable names)."""
    table = {ns.prefix: ns.uri for ns in ALL_NAMESPACES}
    table["id"] = iris.base() + "id/"
    return table


def node(*path: str) -> NamedNode:
    """A dataset IRI under `id/`: `node("person", "stalin")`."""
    return NamedNode(iris.id_iri(*path))


def graph(name: str) -> NamedNode:
    return NamedNode(iris.graph_iri(name))


def text(value: str, lang: str | None = None) -> Literal:
    return Literal(value, language=lang) if lang else Literal(value)


def integer(value: int) -> Literal:
    return Literal(str(value), datatype=XSD.integer)


def nonneg(value: int) -> Literal:
    return Literal(str(value), datatype=XSD.nonNegativeInteger)


def typed(value: str, datatype: NamedNode) -> Literal:
    return Literal(value, datatype=datatype)


def boolean(value: bool) -> Literal:
    return Literal("true" if value else "false", datatype=XSD.boolean)


class QuadSink:
    """Collects the quads of one named graph; emitters write `sink.add(s, p, o)`."""

    def __init__(self, graph_name: NamedNode) -> None:
        self.graph_name = graph_name
        self.quads: list[Quad] = []

    def add(self, subject: NamedNode, predicate: NamedNode, obj: NamedNode | Literal) -> None:
        self.quads.append(Quad(subject, predicate, obj, self.graph_name))

    def extend(self, quads: Iterable[Quad]) -> None:
        self.quads.extend(quads)
