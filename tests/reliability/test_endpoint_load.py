"""The endpoint on the real build holds a concurrent load, and abuse during it.

Sixteen clients run the example queries of `queries/` for a bounded time and
must all get exactly the answers a quiet server gave; pathological requests sent
meanwhile are refused or cut off by the time bound, and the good clients keep
getting correct answers. Memory of the server and its workers must not grow
beyond a stated bound.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from tests.http.conftest import RunningServer, child_pids, start_server, stop_server

QUERIES_DIR = Path(__file__).resolve().parents[2] / "queries"
LOAD_SECONDS = float(os.environ.get("REDARMY_KG_LOAD_SECONDS", "30"))
CLIENTS = 16
MEMORY_GROWTH_BOUND_MB = 300
LIGHT_QUERY_S = 0.5
JSON = {"Accept": "application/sparql-results+json"}


@pytest.fixture(scope="module")
def real_server(build_dir: Path) -> Iterator[RunningServer]:
    # The public default time bound: the mix's heavier queries queue behind each other
    # under sixteen clients, and must not be cut off by the HTTP tests' short bound.
    server = start_server(build_dir, workers=2, timeout_s=30)
    yield server
    stop_server(server)


def query_mix() -> list[str]:
    return [path.read_text() for path in sorted(QUERIES_DIR.glob("*.rq"))]


def answer(client: httpx.Client, query: str) -> tuple[int, frozenset[str]]:
    response = client.post("/sparql", data={"query": query}, headers=JSON)
    if response.status_code != 200:
        return response.status_code, frozenset()
    data = response.json()
    rows = data.get("results", {}).get("bindings", [])
    if "boolean" in data:
        return 200, frozenset([str(data["boolean"])])
    return 200, frozenset(repr(sorted((k, v["value"]) for k, v in row.items())) for row in rows)


def rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def server_rss(server: RunningServer) -> float:
    return rss_mb([server.process.pid, *child_pids(server.process.pid)])


@dataclass
class LoadOutcome:
    requests: int = 0
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def run_load(server: RunningServer, expected: dict[str, frozenset[str]], seconds: float,
             clients: int) -> LoadOutcome:
    outcome = LoadOutcome()
    deadline = time.monotonic() + seconds
    queries = list(expected)

    def client_loop(offset: int) -> None:
        with server.client() as http:
            i = offset
            while time.monotonic() < deadline:
                query = queries[i % len(queries)]
                i += 1
                status, rows = answer(http, query)
                with outcome.lock:
                    outcome.requests += 1
                    if status != 200 or rows != expected[query]:
                        outcome.errors.append(f"{status} on {query.splitlines()[0]}")

    threads = [threading.Thread(target=client_loop, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 120)
    return outcome


@pytest.fixture(scope="module")
def expected(real_server: RunningServer) -> dict[str, frozenset[str]]:
    """The answers of a quiet server to the mix: the example queries that take it less than
    `LIGHT_QUERY_S` each. The few heavy ones (seconds each) would make sixteen clients
    queue past the server's wait bound, which then answers 503 `busy` by design."""
    answers: dict[str, tuple[int, frozenset[str]]] = {}
    seconds: dict[str, float] = {}
    with real_server.client() as http:
        for query in query_mix():
            started = time.monotonic()
            answers[query] = answer(http, query)
            seconds[query] = time.monotonic() - started
    failing = [q.splitlines()[0] for q, (status, _) in answers.items() if status != 200]
    assert not failing, f"example queries fail on a quiet server: {failing}"
    light = {q: rows for q, (_, rows) in answers.items() if seconds[q] < LIGHT_QUERY_S}
    assert len(light) >= 5, "too few light example queries to make a mix"
    return light


def test_sixteen_clients_get_correct_answers_without_memory_growth(
    real_server: RunningServer, expected: dict[str, frozenset[str]]
) -> None:
    before = server_rss(real_server)
    outcome = run_load(real_server, expected, LOAD_SECONDS, CLIENTS)
    after = server_rss(real_server)
    assert outcome.requests > CLIENTS
    assert outcome.errors == [], f"{len(outcome.errors)} errors, e.g. {outcome.errors[:5]}"
    assert after - before < MEMORY_GROWTH_BOUND_MB, f"RSS grew {before:.0f} -> {after:.0f} MB"


CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
DEEP_PATH = "SELECT (COUNT(*) AS ?n) WHERE { ?s (<urn:x:p>|!<urn:x:p>)+ ?o }"
HUGE_VALUES = (
    "SELECT * WHERE { VALUES ?x { " + " ".join(f"<urn:x:{i}>" for i in range(100000)) + " } }"
)
LOCAL_SERVICE = "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"
UPDATE = "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }"


def abuse(server: RunningServer) -> dict[str, int]:
    """Each pathological request once; returns its HTTP status."""
    statuses = {}
    with server.client(timeout=60) as http:
        statuses["cartesian product"] = http.post("/sparql", data={"query": CARTESIAN}).status_code
        statuses["deep property path"] = http.post("/sparql", data={"query": DEEP_PATH}).status_code
        statuses["huge VALUES"] = http.post("/sparql", data={"query": HUGE_VALUES}).status_code
        statuses["10 MB body"] = http.post(
            "/sparql", content=b"SELECT * WHERE { ?s ?p ?o } #" + b"x" * 10_000_000,
            headers={"Content-Type": "application/sparql-query"},
        ).status_code
        statuses["invalid UTF-8"] = http.post(
            "/sparql", content=b"SELECT * WHERE { ?s ?p \xff\xfe }",
            headers={"Content-Type": "application/sparql-query"},
        ).status_code
        statuses["update"] = http.post("/sparql", data={"update": UPDATE}).status_code
        statuses["update as query"] = http.post("/sparql", data={"query": UPDATE}).status_code
        statuses["SERVICE to a local address"] = http.post(
            "/sparql", data={"query": LOCAL_SERVICE}
        ).status_code
    return statuses


def test_abuse_during_load_is_refused_while_others_get_correct_answers(
    real_server: RunningServer, expected: dict[str, frozenset[str]]
) -> None:
    result: dict[str, LoadOutcome] = {}
    load = threading.Thread(
        target=lambda: result.setdefault(
            "load", run_load(real_server, expected, min(LOAD_SECONDS, 20), 8)
        )
    )
    load.start()
    statuses = abuse(real_server)
    load.join(timeout=300)
    for name, status in statuses.items():
        assert status >= 400, f"{name} was answered with {status}"
        assert status < 500 or status in (503, 504), f"{name}: server error {status}"
    outcome = result["load"]
    assert outcome.requests > 8
    assert outcome.errors == [], f"{len(outcome.errors)} errors, e.g. {outcome.errors[:5]}"
