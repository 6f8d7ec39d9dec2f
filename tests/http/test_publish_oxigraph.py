"""Round trip through an independent store: the upstream `oxigraph` server (from
PyPI, a separate process on a loopback port with a temporary directory).

`redarmy-kg publish --to` pushes the whole real build into it over the Graph
Store protocol; the project's queries then give the same answers there as on
our own pyoxigraph store. The server runs with `--union-default-graph` so that
queries without GRAPH see the union, as they do on our endpoint.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from pyoxigraph import QueryResultsFormat, QuerySolutions, Store

pytestmark = [pytest.mark.http, pytest.mark.slow]

REPO_ROOT = Path(__file__).resolve().parents[2]
QUERIES = sorted((REPO_ROOT / "queries").glob("*.rq"))
OXIGRAPH = Path(sys.executable).parent / "oxigraph"
CLI = [sys.executable, "-m", "redarmy_kg"]
PROXY_VARIABLES = ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy",
                   "ALL_PROXY")
SPARQL_JSON = "application/sparql-results+json"


@dataclass
class OxigraphServer:
    url: str
    process: subprocess.Popen

    @property
    def store(self) -> str:
        return self.url + "/store"

    def select(self, query: str) -> dict:
        response = httpx.post(
            self.url + "/query", data={"query": query}, headers={"Accept": SPARQL_JSON},
            trust_env=False, timeout=120,
        )
        response.raise_for_status()
        return response.json()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_oxigraph(location: Path, *mode: str) -> OxigraphServer:
    assert OXIGRAPH.exists(), "the oxigraph server is a dev dependency: pip install -e '.[dev]'"
    port = free_port()
    command = mode or ("serve", "--union-default-graph")
    process = subprocess.Popen(
        [str(OXIGRAPH), *command, "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"oxigraph exited early: {process.stderr.read().decode()}")
        try:
            httpx.get(url + "/query", params={"query": "ASK {}"}, trust_env=False)
            return OxigraphServer(url, process)
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("oxigraph did not answer within 30 s")


def stop(server: OxigraphServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in PROXY_VARIABLES}
    return subprocess.run([*CLI, *args], capture_output=True, text=True, env=env, timeout=900)


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    server = start_oxigraph(tmp_path_factory.mktemp("oxigraph-db"))
    yield server
    stop(server)


@pytest.fixture(scope="module")
def published(oxigraph: OxigraphServer, build_dir: Path) -> subprocess.CompletedProcess[str]:
    started = time.perf_counter()
    result = run_cli("publish", "--build-dir", str(build_dir), "--to", oxigraph.store)
    seconds = time.perf_counter() - started
    print(f"\npublish of the full build into oxigraph serve: {seconds:.1f}s\n{result.stdout}")
    return result


def test_publish_of_the_whole_build_succeeds_and_is_verified(
    published: subprocess.CompletedProcess[str], oxigraph: OxigraphServer, built_store: Store
) -> None:
    assert published.returncode == 0, published.stderr
    assert "verified through" in published.stdout
    rows = oxigraph.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert int(rows["results"]["bindings"][0]["n"]["value"]) == len(built_store)


def test_every_graph_holds_as_many_triples_as_ours(
    published: subprocess.CompletedProcess[str], oxigraph: OxigraphServer, built_store: Store
) -> None:
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    theirs = answer_rows(oxigraph.select(query))
    ours = answer_rows(local_select(built_store, query))
    assert theirs == ours
    assert len(ours) >= 2


@pytest.mark.parametrize("query_file", QUERIES, ids=[path.stem for path in QUERIES])
def test_project_queries_answer_the_same_on_both_stores(
    query_file: Path,
    published: subprocess.CompletedProcess[str],
    oxigraph: OxigraphServer,
    built_store: Store,
) -> None:
    query = query_file.read_text()
    ours = answer_rows(local_select(built_store, query))
    theirs = answer_rows(oxigraph.select(query))
    assert theirs == ours


def test_there_are_project_queries_to_compare() -> None:
    assert QUERIES, "queries/ holds the example queries the round trip is checked with"


def test_merge_into_the_same_graphs_keeps_the_counts(
    published: subprocess.CompletedProcess[str], oxigraph: OxigraphServer, build_dir: Path
) -> None:
    result = run_cli("publish", "--build-dir", str(build_dir), "--to", oxigraph.store, "--merge")
    assert result.returncode == 0, result.stderr
    assert "merged" in result.stdout


def test_a_read_only_store_refuses_with_status_and_exit_2(
    tmp_path: Path, build_dir: Path
) -> None:
    location = tmp_path / "read-only-db"
    Store(str(location)).flush()
    server = start_oxigraph(location, "serve-read-only")
    try:
        result = run_cli("publish", "--build-dir", str(build_dir), "--to", server.store)
    finally:
        stop(server)
    assert result.returncode == 2
    message = result.stderr.strip()
    assert message.startswith("redarmy-kg: publish failed:")
    assert "refused graph <" in message and ("HTTP 4" in message or "HTTP 5" in message)
    assert "none of the" in message
    assert len(message.splitlines()) == 1


def test_an_unreachable_store_is_a_clear_error(tmp_path: Path, build_dir: Path) -> None:
    result = run_cli(
        "publish", "--build-dir", str(build_dir), "--to", f"http://127.0.0.1:{free_port()}/store"
    )
    assert result.returncode == 2
    assert "cannot reach" in result.stderr and "none of the" in result.stderr


def test_a_wrong_path_on_a_live_server_is_refused(
    oxigraph: OxigraphServer, build_dir: Path
) -> None:
    result = run_cli("publish", "--build-dir", str(build_dir), "--to", oxigraph.url + "/nothere")
    assert result.returncode == 2
    assert "HTTP 404" in result.stderr


def test_a_wrong_sparql_endpoint_says_the_graphs_were_sent_but_not_verified(
    oxigraph: OxigraphServer, build_dir: Path
) -> None:
    result = run_cli(
        "publish", "--build-dir", str(build_dir), "--to", oxigraph.store,
        "--sparql", oxigraph.url + "/nothere",
    )
    assert result.returncode == 2
    assert "every graph was sent" in result.stderr and "HTTP 404" in result.stderr


def local_select(store: Store, query: str) -> dict:
    """Our side: the same query on our store with the union as default graph, as SPARQL JSON."""
    results = store.query(query, use_default_graph_as_union=True)
    assert isinstance(results, QuerySolutions)
    return json.loads(results.serialize(format=QueryResultsFormat.JSON))


def answer_rows(results: dict) -> Counter[tuple]:
    """Solutions as a multiset of rows (order-free; terms compared by type, value, tags)."""
    variables = results["head"]["vars"]
    return Counter(
        tuple(_term(row.get(name)) for name in variables) for row in results["results"]["bindings"]
    )


def _term(binding: dict | None) -> tuple:
    if binding is None:
        return ()
    return tuple(sorted(binding.items()))
