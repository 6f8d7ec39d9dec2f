"""Server-rendered HTML pages: views gather data (page_data), templates present it."""

from __future__ import annotations

import asyncio
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.templating import Jinja2Templates

from redarmy_kg import __version__, iris
from redarmy_kg.server import graph_access, page_queries
from redarmy_kg.server.errors import ApiError
from redarmy_kg.server.examples import load_examples
from redarmy_kg.server.graph_access import iri_literal, string_literal
from redarmy_kg.server.page_data import (
    WIKIDATA,
    Linker,
    PropertyValues,
    build_evidence,
    build_timeline,
    first_label,
    footnote_label,
    group_properties,
    local_name,
)
from redarmy_kg.server.settings import ServerSettings

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).resolve().parent / "templates"))
REPO_ROOT = Path(__file__).resolve().parents[3]
ONTOLOGY_TTL = REPO_ROOT / "ontology" / "redarmy.ttl"
DUMPS = {
    "redarmy-kg.trig": "application/trig",
    "redarmy-kg.nq": "application/n-quads",
    "redarmy-kg.ttl": "text/turtle",
    "redarmy-kg.jsonld": "application/ld+json",
    "void.ttl": "text/turtle",
    "report.json": "application/json",
    "shacl-report.ttl": "text/turtle",
}
TITLE_PREDICATES = ("skos:prefLabel", "rdfs:label", "dcterms:title", "rico:identifier")
SAME_AS = ("owl:sameAs", "skos:exactMatch", "skos:closeMatch")


def render(request: Request, template: str, status: int = 200, **context: object) -> Response:
    context.setdefault("version", __version__)
    return TEMPLATES.TemplateResponse(request, template, context, status_code=status)


async def home(request: Request) -> Response:
    settings: ServerSettings = request.app.state.settings
    counts = await _cached_counts(request)
    dumps = [name for name in DUMPS if (settings.build_dir / name).is_file()]
    return render(request, "home.html", counts=counts, examples=load_examples(), dumps=dumps)


async def search(request: Request) -> Response:
    needle = request.query_params.get("q", "").strip()[:200]
    results = []
    if needle:
        linker = _linker(request)
        rows = await graph_access.select(request, page_queries.search(string_literal(needle)))
        seen: set[str] = set()
        for row in rows:
            iri = row["s"].value
            if iri in seen:
                continue
            seen.add(iri)
            results.append((linker.link(row["s"], row.get("label") or row["matched"]),
                            row["matched"].value))
    return render(request, "search.html", needle=needle, results=results)


async def query_page(request: Request) -> Response:
    examples = load_examples()
    chosen = request.query_params.get("example")
    initial = next((e.text for e in examples if e.name == chosen), None)
    if initial is None:
        initial = request.query_params.get("query") or (
            examples[0].text if examples else _DEFAULT_QUERY)
    settings: ServerSettings = request.app.state.settings
    return render(request, "query.html", examples=examples, initial=initial,
                  base=settings.public_base)


async def ontology(request: Request) -> Response:
    settings: ServerSettings = request.app.state.settings
    html = settings.build_dir / "ontology.html"
    if html.is_file():
        return FileResponse(html, media_type="text/html; charset=utf-8")
    if ONTOLOGY_TTL.is_file():
        return FileResponse(ONTOLOGY_TTL, media_type="text/turtle; charset=utf-8")
    raise ApiError(404, "not-found", "the ontology is not available in this installation")


async def dump(request: Request) -> Response:
    settings: ServerSettings = request.app.state.settings
    name = request.path_params["name"]
    path = settings.build_dir / name
    if name not in DUMPS or not path.is_file():
        raise ApiError(404, "not-found", f"no dump named {name!r}")
    return FileResponse(path, media_type=DUMPS[name], filename=name)


async def resource_page(request: Request, iri: str) -> Response:
    linker = _linker(request)
    node = iri_literal(iri)
    props, incoming, quote, timeline, citations, resting, mentions, attested = await asyncio.gather(
        graph_access.select(request, page_queries.properties(node)),
        graph_access.select(request, page_queries.incoming(node)),
        graph_access.select(request, page_queries.quote(node)),
        graph_access.select(request, page_queries.timeline(node)),
        graph_access.select(request, page_queries.citations_of(node)),
        graph_access.select(request, page_queries.claims_resting_on(node)),
        graph_access.select(request, page_queries.mentions(node)),
        graph_access.select(request, page_queries.attested_by(node)),
    )
    properties = group_properties(props, linker)
    types = {row["o"].value for row in props if row["p"].value.endswith("#type")}
    context: dict[str, object] = {
        "iri": iri,
        "title": _title(properties, iri),
        "types": sorted(linker.short(t) for t in types),
        "alt_labels": _values(properties, "skos:altLabel"),
        "wikidata": [v for name in SAME_AS for v in _links(properties, name)
                     if (v.iri or "").startswith(WIKIDATA)],
        "quote": " ".join(quote[0]["quote"].value.split()) if quote else None,
        "content": next(iter(_values(properties, "c4o:hasContent")), None),
        "properties": properties,
        "incoming": [(linker.link(r["s"], r.get("slabel")), linker.short(r["p"].value))
                     for r in incoming],
        "timeline": build_timeline(timeline, linker),
        "show_timeline": bool(timeline) or _is_agent(types),
        "citations": _citations(citations, linker),
        "resting": build_evidence(resting, linker),
        "attested": build_evidence(attested, linker),
        "participants": _participants(properties),
        "mentions": [(linker.link(r["sentence"], None), r["text"].value) for r in mentions],
        "rdf_links": [(label, f"{linker.href(iri)}{suffix}") for label, suffix in (
            ("Turtle", ".ttl"), ("N-Triples", ".nt"), ("JSON-LD", ".jsonld"),
            ("RDF/XML", ".rdf"))],
    }
    if "http://xmlns.com/foaf/0.1/Person" in types:
        context["posts"] = await _posts(request, node, linker)
    if "http://www.w3.org/ns/org#Organization" in types:
        rows = await graph_access.select(request, page_queries.members(node))
        context["members"] = [
            (linker.link(r["person"], r.get("personLabel")),
             linker.link(r["role"], r.get("roleLabel")) if "role" in r else None,
             r["start"].value if "start" in r else "")
            for r in rows
        ]
    if iris.ONTOLOGY + "Claim" in types:
        context.update(await _claim_context(request, node, linker))
    return render(request, "resource.html", **context)


async def _posts(request: Request, node: str, linker: Linker) -> list[dict[str, object]]:
    rows = await graph_access.select(request, page_queries.posts(node))
    grouped: dict[tuple[str, str], list] = {}
    for row in rows:
        key = (value_of(row, "membership"), value_of(row, "post"))
        grouped.setdefault(key, []).append(row)
    posts = []
    for group in grouped.values():
        post, org = first_label(group, "post"), first_label(group, "org")
        start, end = first_label(group, "start"), _last(group, "end")
        posts.append({
            "post": linker.link(post, first_label(group, "postLabel")) if post else None,
            "org": linker.link(org, first_label(group, "orgLabel")) if org else None,
            "start": start.value if start else "",
            "end": end.value if end else "",
            "evidence": build_evidence(group, linker),
        })
    return sorted(posts, key=lambda p: (p["start"] or "9999", p["post"].label if p["post"]
                                        else ""))


def _last(rows: list, name: str) -> object:
    values = sorted((r[name] for r in rows if name in r), key=lambda t: t.value)
    return values[-1] if values else None


def value_of(row: dict, name: str) -> str:
    return row[name].value if name in row else ""


async def _claim_context(request: Request, node: str, linker: Linker) -> dict[str, object]:
    details = await graph_access.select(request, page_queries.claim_details(node))
    graph = first_label(details, "graph")
    facts = await _facts(request, graph.value, linker) if graph else []
    others = await graph_access.select(request, page_queries.conflicts(node))
    conflicts = []
    for other in others:
        other_node = iri_literal(other["other"].value)
        rows = await graph_access.select(request, page_queries.claim_details(other_node))
        other_graph = first_label(rows, "graph")
        conflicts.append({
            "evidence": build_evidence(rows, linker),
            "facts": await _facts(request, other_graph.value, linker) if other_graph else [],
        })
    attributed = first_label(details, "attributed")
    return {
        "claim_evidence": build_evidence(details, linker),
        "claim_facts": facts,
        "attributed": linker.link(attributed, first_label(details, "attributedLabel"))
        if attributed else None,
        "conflicts": conflicts,
    }


async def _facts(request: Request, graph: str, linker: Linker) -> list[tuple[object, ...]]:
    rows = await graph_access.select(request, page_queries.assertion(iri_literal(graph)))
    return [(linker.link(r["s"], r.get("slabel")), linker.short(r["p"].value),
             linker.link(r["o"], r.get("olabel"))) for r in rows]


def _citations(rows: list, linker: Linker) -> list[dict[str, object]]:
    return [{
        "footnote": linker.link(r["footnote"]) if "footnote" in r else None,
        "footnote_label": footnote_label(r["footnote"].value) if "footnote" in r else "",
        "cited": linker.link(r["cited"], r.get("citedLabel")),
        "locator": r["locator"].value if "locator" in r else "",
        "raw": r["raw"].value if "raw" in r else "",
    } for r in rows]


async def _cached_counts(request: Request) -> dict[str, object]:
    """Headline counts, computed once per server (the store is read-only)."""
    store = request.app.state.pool.current_store()
    cached = getattr(request.app.state, "home_counts", None)
    if cached is not None and cached[0] == store:
        return cached[1]
    settings: ServerSettings = request.app.state.settings
    by_class, events, files, total = await asyncio.gather(
        graph_access.select(request, page_queries.counts_by_class()),
        graph_access.select(request, page_queries.count_under(
            string_literal(settings.public_base + "id/event/"))),
        graph_access.select(request, page_queries.ARCHIVAL_FILES),
        graph_access.select(request, page_queries.TOTAL_QUADS),
    )
    found = {name: 0 for name in page_queries.COUNTED_CLASSES.values()}
    shorten = _linker(request).short
    for row in by_class:
        name = page_queries.COUNTED_CLASSES.get(shorten(row["class"].value))
        if name is not None:
            found[name] = int(row["n"].value)
    found["events"] = max(found["events"], int(events[0]["n"].value) if events else 0)
    found["archival files"] = int(files[0]["n"].value) if files else 0
    counts = {
        "kinds": [(name, n) for name, n in found.items() if n],
        "quads": int(total[0]["n"].value) if total else 0,
    }
    request.app.state.home_counts = (store, counts)
    return counts


def _linker(request: Request) -> Linker:
    settings: ServerSettings = request.app.state.settings
    return Linker(settings.public_base)


def _links(properties: list[PropertyValues], short_name: str) -> list:
    return next((p.values for p in properties if p.predicate.label == short_name), [])


def _values(properties: list[PropertyValues], short_name: str) -> list[str]:
    return [link.label for link in _links(properties, short_name)]


def _title(properties: list[PropertyValues], iri: str) -> str:
    for name in TITLE_PREDICATES:
        values = _values(properties, name)
        if values:
            return values[0]
    if "/fn/" in iri:
        return "Footnote " + footnote_label(iri)
    if "/id/" not in iri:
        return local_name(iri)
    kind, _, rest = iri.split("/id/", 1)[1].partition("/")
    return f"{kind.capitalize()} {rest}".strip()


def _participants(properties: list[PropertyValues]) -> list[tuple[str, list]]:
    """Who and what took part in an event, in which role (rkg: properties with IRI values)."""
    roles = []
    for prop in properties:
        name = prop.predicate.label
        if not name.startswith("rkg:") or name in NOT_ROLES:
            continue
        linked = [v for v in prop.values if v.href]
        if linked:
            roles.append((name.removeprefix("rkg:"), linked))
    return roles


NOT_ROLES = {"rkg:attestedBy", "rkg:attests", "rkg:textAnchor", "rkg:statedIn", "rkg:footnote",
             "rkg:citation", "rkg:conflictsWith", "rkg:assertionGraph", "rkg:hasFootnote",
             "rkg:bibliographyEntry", "rkg:entityKind", "rkg:referenceKind", "rkg:marks"}


def _is_agent(types: set[str]) -> bool:
    return "http://xmlns.com/foaf/0.1/Person" in types or "http://www.w3.org/ns/org#Organization" \
        in types


_DEFAULT_QUERY = """# Which people does the graph hold, with their labels?
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?person ?label WHERE {
  ?person a foaf:Person ; skos:prefLabel ?label .
} ORDER BY ?label LIMIT 100
"""
