"""What the HTML pages show, assembled from query rows into plain dataclasses."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from redarmy_kg.server.graph_access import Row, Term

WIKIDATA = "http://www.wikidata.org/entity/"
NAMESPACES = {
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs",
    "http://www.w3.org/2002/07/owl#": "owl",
    "http://www.w3.org/2001/XMLSchema#": "xsd",
    "http://www.w3.org/2004/02/skos/core#": "skos",
    "http://purl.org/dc/terms/": "dcterms",
    "http://xmlns.com/foaf/0.1/": "foaf",
    "https://schema.org/": "schema",
    "http://www.w3.org/ns/prov#": "prov",
    "http://www.w3.org/ns/org#": "org",
    "http://www.w3.org/ns/oa#": "oa",
    "http://purl.org/spar/doco/": "doco",
    "http://purl.org/spar/fabio/": "fabio",
    "http://purl.org/spar/cito/": "cito",
    "http://purl.org/spar/c4o/": "c4o",
    "http://purl.org/ontology/bibo/": "bibo",
    "https://www.ica.org/standards/RiC/ontology#": "rico",
    "http://semanticweb.cs.vu.nl/2009/11/sem/": "sem",
    "http://www.cidoc-crm.org/cidoc-crm/": "crm",
    "http://www.w3.org/2006/time#": "time",
    "https://w3id.org/redarmy-kg/ontology#": "rkg",
    WIKIDATA: "wd",
}


@dataclass(frozen=True)
class Link:
    """Something to show: a label, and where it links (a local path or an outside IRI)."""

    label: str
    href: str | None = None
    iri: str | None = None


class Linker:
    """Turns IRIs into links: the dataset's own IRIs map onto this server's paths."""

    def __init__(self, public_base: str) -> None:
        self.public_base = public_base

    def href(self, iri: str) -> str:
        if iri.startswith(self.public_base + "id/"):
            return "/" + iri[len(self.public_base):].split("#", 1)[0]
        if iri.startswith(self.public_base + "ontology#"):
            return "/ontology#" + iri.split("#", 1)[1]
        return iri

    def short(self, iri: str) -> str:
        for namespace, prefix in NAMESPACES.items():
            if iri.startswith(namespace):
                return f"{prefix}:{iri[len(namespace):]}"
        if iri.startswith(self.public_base):
            return iri[len(self.public_base):]
        return iri

    def link(self, term: Term | None, label: Term | None = None) -> Link:
        if term is None:
            return Link("")
        if not term.is_iri:
            return Link(term.value)
        text = label.value if label is not None else self.short(term.value)
        return Link(text, self.href(term.value), term.value)


@dataclass
class PropertyValues:
    predicate: Link
    values: list[Link] = field(default_factory=list)


@dataclass
class Evidence:
    """One claim behind a fact: its kind, the quoted sentence and the sources it cites."""

    claim: Link
    kind: str
    sentence: Link | None
    quote: str
    sources: list[Link] = field(default_factory=list)
    footnotes: list[Link] = field(default_factory=list)


@dataclass
class TimelineEvent:
    event: Link
    types: list[str]
    roles: list[str]
    date: str
    sort_key: str
    evidence: list[Evidence] = field(default_factory=list)


def value(row: Row, name: str) -> str | None:
    term = row.get(name)
    return term.value if term is not None else None


def first_label(rows: Iterable[Row], name: str) -> Term | None:
    labels = sorted((r[name] for r in rows if name in r), key=lambda t: t.value)
    return labels[0] if labels else None


def group_properties(rows: list[Row], linker: Linker) -> list[PropertyValues]:
    grouped: dict[str, dict[str, Link]] = {}
    for row in rows:
        predicate, obj = row["p"].value, row["o"]
        key = f"{obj.kind}:{obj.value}:{obj.language or ''}"
        existing = grouped.setdefault(predicate, {}).get(key)
        link = linker.link(obj, row.get("olabel"))
        if existing is None or link.label < existing.label:
            grouped[predicate][key] = link
    return [
        PropertyValues(Link(linker.short(p), linker.href(p), p),
                       sorted(values.values(), key=lambda v: v.label))
        for p, values in sorted(grouped.items())
    ]


def build_evidence(rows: list[Row], linker: Linker) -> list[Evidence]:
    """Rows with ?claim ?kind ?sentence ?quote ?cited ?citedLabel ?locator ?footnote."""
    by_claim: dict[str, Evidence] = {}
    for row in rows:
        claim = row.get("claim")
        if claim is None:
            continue
        item = by_claim.setdefault(claim.value, Evidence(
            claim=linker.link(claim, None),
            kind="",
            sentence=linker.link(row["sentence"]) if "sentence" in row else None,
            quote=" ".join((value(row, "quote") or "").split()),
        ))
        if "kind" in row and not item.kind:
            item.kind = _local_name(row["kind"].value)
        if "cited" in row:
            source = linker.link(row["cited"], row.get("citedLabel"))
            locator = value(row, "locator")
            if locator:
                source = Link(f"{source.label}, {locator}", source.href, source.iri)
            if source not in item.sources:
                item.sources.append(source)
        if "footnote" in row:
            footnote = Link(footnote_label(row["footnote"].value), linker.href(
                row["footnote"].value), row["footnote"].value)
            if footnote not in item.footnotes:
                item.footnotes.append(footnote)
    for item in by_claim.values():
        item.sources.sort(key=lambda link: link.label)
        item.footnotes.sort(key=lambda link: link.label)
    return [by_claim[key] for key in sorted(by_claim)]


def build_timeline(rows: list[Row], linker: Linker) -> list[TimelineEvent]:
    by_event: dict[str, list[Row]] = {}
    for row in rows:
        by_event.setdefault(row["event"].value, []).append(row)
    events = []
    for event_rows in by_event.values():
        date = first_label(event_rows, "date")
        earliest = first_label(event_rows, "earliest")
        shown = date.value if date else (earliest.value if earliest else "undated")
        sort_key = earliest.value if earliest else (date.value if date else "9999")
        events.append(TimelineEvent(
            event=linker.link(event_rows[0]["event"], first_label(event_rows, "elabel")),
            types=sorted({_local_name(r["type"].value) for r in event_rows if "type" in r}),
            roles=sorted({_local_name(r["role"].value) for r in event_rows if "role" in r}),
            date=shown,
            sort_key=sort_key,
            evidence=build_evidence(event_rows, linker),
        ))
    return sorted(events, key=lambda e: (e.sort_key, e.event.label, e.event.iri or ""))


def footnote_label(iri: str) -> str:
    """`.../id/thesis/ch5/fn/2` -> `ch5 fn 2` (a readable name for a footnote IRI)."""
    parts = iri.split("/id/thesis/", 1)[-1].split("/")
    return " ".join(parts) if parts else iri


def _local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def local_name(iri: str) -> str:
    return _local_name(iri)
