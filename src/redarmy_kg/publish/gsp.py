"""Push every named graph into another store over the SPARQL 1.1 Graph Store
HTTP Protocol, then check the triple count of each graph through the store's
SPARQL endpoint.

Graphs go one request each (`PUT` replaces, `POST` merges), as N-Triples. The
first refusal stops the push: the error names the graph, the HTTP status and
the start of the store's answer, and says which graphs made it.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx
from pyoxigraph import NamedNode, RdfFormat, Triple, parse, serialize

USER_ENV = "REDARMY_KG_PUBLISH_USER"
PASSWORD_ENV = "REDARMY_KG_PUBLISH_PASSWORD"
DEFAULT_GRAPH = ""
N_TRIPLES = "application/n-triples"
SPARQL_JSON = "application/sparql-results+json"
COUNT_PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
COUNT_DEFAULT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
EXCERPT = 300


class PublishError(Exception):
    """The store could not be reached or refused a graph (or the push was cut short)."""

    def __init__(self, message: str, report: PublishReport | None = None) -> None:
        super().__init__(message)
        self.report = report


class VerificationFailed(PublishError):
    """Every graph was sent, but the store does not hold what was sent."""


@dataclass(frozen=True)
class GraphResult:
    graph: str
    sent: int
    status: int
    found: int | None = None

    @property
    def verified(self) -> bool:
        return self.found is not None and self.found >= self.sent


@dataclass
class PublishReport:
    store_url: str
    sparql_url: str
    replace: bool
    results: list[GraphResult] = field(default_factory=list)
    total_graphs: int = 0

    @property
    def published(self) -> list[str]:
        return [result.graph for result in self.results]


@dataclass(frozen=True)
class Target:
    """Where to publish: the Graph Store endpoint, the SPARQL query endpoint, credentials."""

    store_url: str
    sparql_url: str
    auth: tuple[str, str] | None = None
    timeout_s: float = 600.0

    @classmethod
    def from_urls(cls, store_url: str, sparql_url: str | None = None) -> Target:
        check_http_url(store_url)
        sparql = sparql_url or sibling_query_url(store_url)
        check_http_url(sparql)
        return cls(store_url, sparql, auth_from_environment())


def check_http_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PublishError(f"not an http(s) URL: {url!r}")


def sibling_query_url(store_url: str) -> str:
    """Oxigraph serves the Graph Store at `/store` and queries at `/query` (Fuseki:
    `/ds/data` and `/ds/query`): replace the last path segment with `query`."""
    parts = urlsplit(store_url)
    path = parts.path.rstrip("/")
    head = path.rsplit("/", 1)[0] if path else ""
    return urlunsplit((parts.scheme, parts.netloc, head + "/query", "", ""))


def auth_from_environment() -> tuple[str, str] | None:
    user, password = os.environ.get(USER_ENV), os.environ.get(PASSWORD_ENV)
    if user is None and password is None:
        return None
    if not user or password is None:
        raise PublishError(f"set both {USER_ENV} and {PASSWORD_ENV} for basic auth, or neither")
    return user, password


def graphs_from_nquads(path: Path) -> dict[str, list[Triple]]:
    """The triples of every graph of an N-Quads dump, by graph IRI ('' = default graph)."""
    graphs: dict[str, list[Triple]] = defaultdict(list)
    for quad in parse(path=str(path), format=RdfFormat.N_QUADS):
        name = quad.graph_name.value if isinstance(quad.graph_name, NamedNode) else DEFAULT_GRAPH
        graphs[name].append(Triple(quad.subject, quad.predicate, quad.object))
    return {name: list(dict.fromkeys(triples)) for name, triples in sorted(graphs.items())}


def publish_graphs(
    graphs: dict[str, list[Triple]],
    target: Target,
    replace: bool = True,
    on_graph: Callable[[GraphResult], None] | None = None,
) -> PublishReport:
    """Send every graph, then verify the counts; raise `PublishError` on any failure."""
    report = PublishReport(target.store_url, target.sparql_url, replace, total_graphs=len(graphs))
    with httpx.Client(auth=target.auth, timeout=target.timeout_s) as client:
        for name, triples in graphs.items():
            status = send_graph(client, target, name, triples, replace, report)
            result = GraphResult(name, len(triples), status)
            report.results.append(result)
            if on_graph is not None:
                on_graph(result)
        verify_counts(client, target, report)
    return report


def send_graph(
    client: httpx.Client,
    target: Target,
    name: str,
    triples: list[Triple],
    replace: bool,
    report: PublishReport,
) -> int:
    body = serialize(triples, format=RdfFormat.N_TRIPLES)
    params = {"graph": name} if name != DEFAULT_GRAPH else {"default": ""}
    method = "PUT" if replace else "POST"
    try:
        response = client.request(
            method,
            target.store_url,
            params=params,
            content=body,
            headers={"Content-Type": N_TRIPLES},
        )
    except httpx.HTTPError as error:
        raise PublishError(
            f"cannot reach {target.store_url} ({type(error).__name__}: {error}) while sending "
            f"{graph_label(name)}; {made_it(report)}",
            report,
        ) from error
    if not response.is_success:
        raise PublishError(
            f"{target.store_url} refused {graph_label(name)} ({method}): "
            f"HTTP {response.status_code} {response.reason_phrase}: "
            f"{excerpt(response.text)!r}; {made_it(report)}",
            report,
        )
    return response.status_code


def verify_counts(client: httpx.Client, target: Target, report: PublishReport) -> None:
    """Ask the store how many triples each graph holds and compare with what was sent."""
    found = count_triples_per_graph(client, target, report)
    if any(result.graph == DEFAULT_GRAPH for result in report.results):
        found[DEFAULT_GRAPH] = sparql_count_rows(client, target, COUNT_DEFAULT, report).get("", 0)
    checked = [
        GraphResult(r.graph, r.sent, r.status, found.get(r.graph, 0)) for r in report.results
    ]
    report.results = checked
    wrong = [
        r for r in checked if (r.found != r.sent if report.replace else (r.found or 0) < r.sent)
    ]
    if wrong:
        first = wrong[0]
        raise VerificationFailed(
            f"{len(wrong)} of {len(checked)} graphs do not hold what was sent, e.g. "
            f"{graph_label(first.graph)}: sent {first.sent} triples, the store has {first.found}",
            report,
        )


def count_triples_per_graph(
    client: httpx.Client, target: Target, report: PublishReport
) -> dict[str, int]:
    return sparql_count_rows(client, target, COUNT_PER_GRAPH, report)


def sparql_count_rows(
    client: httpx.Client, target: Target, query: str, report: PublishReport
) -> dict[str, int]:
    """Run a `?g ?n` (or `?n`) count query; {graph IRI or '': n}."""
    try:
        response = client.post(
            target.sparql_url, data={"query": query}, headers={"Accept": SPARQL_JSON}
        )
    except httpx.HTTPError as error:
        raise PublishError(
            f"every graph was sent, but the SPARQL endpoint {target.sparql_url} cannot be "
            f"reached to verify them ({type(error).__name__}: {error}); give it with --sparql",
            report,
        ) from error
    if not response.is_success:
        raise PublishError(
            f"every graph was sent, but the SPARQL endpoint {target.sparql_url} refused the "
            f"count query: HTTP {response.status_code}: {excerpt(response.text)!r}",
            report,
        )
    try:
        rows = response.json()["results"]["bindings"]
        return {row.get("g", {}).get("value", ""): int(row["n"]["value"]) for row in rows}
    except (ValueError, KeyError, TypeError) as error:
        raise PublishError(
            f"the SPARQL endpoint {target.sparql_url} did not answer with SPARQL JSON results: "
            f"{excerpt(response.text)!r}",
            report,
        ) from error


def graph_label(name: str) -> str:
    return "the default graph" if name == DEFAULT_GRAPH else f"graph <{name}>"


def made_it(report: PublishReport) -> str:
    done = len(report.results)
    if not done:
        return f"none of the {report.total_graphs} graphs was published"
    return (
        f"{done} of {report.total_graphs} graphs were published before that "
        f"(the first {done} in IRI order, up to <{report.results[-1].graph}>)"
    )


def excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT else flat[:EXCERPT] + "..."
