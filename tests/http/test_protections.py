"""What keeps a public endpoint safe: time bounds that free the CPU, isolation of a runaway
query from everyone else's, replacement of dead workers, and SERVICE refused by default."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import httpx
import pytest

pytestmark = [pytest.mark.http, pytest.mark.slow]

# 150 quads to the fourth power: billions of rows, far beyond any time bound.
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
SIMPLE = "SELECT ?s WHERE { ?s a <http://xmlns.com/foaf/0.1/Person> }"


def error_of(response: httpx.Response) -> dict:
    assert response.headers["content-type"].startswith("application/json"), response.text
    return response.json()["error"]


def wait_for(condition, seconds: float = 20.0) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_time_out_answers_504_and_frees_the_cpu(fresh_server) -> None:  # noqa: ANN001
    cpu_seconds, is_alive = fresh_server.cpu_seconds, fresh_server.is_alive
    before = set(fresh_server.worker_pids())
    assert len(before) == 2
    with fresh_server.client() as http:
        started = time.monotonic()
        response = http.get("/sparql", params={"query": CARTESIAN})
        elapsed = time.monotonic() - started
    error = error_of(response)
    assert response.status_code == 504 and error["type"] == "query-timeout"
    assert 1.5 < elapsed < 6
    # The worker that ran the query is gone, and a fresh one took its place.
    assert wait_for(lambda: len(set(fresh_server.worker_pids()) - before) == 1)
    gone = before - set(fresh_server.worker_pids())
    assert len(gone) == 1 and not any(is_alive(pid) for pid in gone)
    # No process of the server keeps burning CPU on the abandoned query (the fresh worker,
    # still importing its libraries, is left out of the sum).
    survivors = [fresh_server.process.pid, *(before & set(fresh_server.worker_pids()))]
    first = sum(cpu_seconds(pid) for pid in survivors)
    time.sleep(1.5)
    burnt = sum(cpu_seconds(pid) for pid in survivors) - first
    assert burnt < 0.3, f"the server used {burnt:.2f} s of CPU in 1.5 s after the time-out"


def test_a_runaway_query_does_not_block_simple_ones(server) -> None:  # noqa: ANN001
    outcome: dict[str, object] = {}

    def run_cartesian() -> None:
        with server.client() as http:
            outcome["slow"] = http.get("/sparql", params={"query": CARTESIAN})
            outcome["slow_done"] = time.monotonic()

    runaway = threading.Thread(target=run_cartesian)
    runaway.start()
    time.sleep(0.3)
    finished: list[float] = []
    try:
        with server.client() as http:
            for _ in range(5):
                started = time.monotonic()
                response = http.get("/sparql", params={"query": SIMPLE})
                assert response.status_code == 200
                assert time.monotonic() - started < 2.0
                finished.append(time.monotonic())
    finally:
        runaway.join()
    assert outcome["slow"].status_code == 504  # type: ignore[union-attr]
    answered_meanwhile = [t for t in finished if t < outcome["slow_done"]]  # type: ignore[operator]
    assert len(answered_meanwhile) >= 3, "simple queries should answer while the runaway runs"


def test_a_killed_idle_worker_is_replaced(fresh_server) -> None:  # noqa: ANN001
    victim = fresh_server.worker_pids()[0]
    os.kill(victim, signal.SIGKILL)
    # Replaced at once, without waiting for a query to stumble on it.
    assert wait_for(lambda: len(fresh_server.worker_pids()) == 2
                    and victim not in fresh_server.worker_pids(), seconds=10)
    statuses = []
    with fresh_server.client() as http:
        for _ in range(4):
            response = http.get("/sparql", params={"query": SIMPLE})
            statuses.append(response.status_code)
            if response.status_code != 200:
                assert error_of(response)["type"] == "worker-failed"
    assert statuses.count(503) <= 1 and statuses[-1] == 200
    assert wait_for(lambda: len(fresh_server.worker_pids()) == 2)
    assert victim not in fresh_server.worker_pids()


def test_a_worker_dying_mid_query_gives_an_error_not_a_hang(fresh_server) -> None:  # noqa: ANN001
    cpu_seconds = fresh_server.cpu_seconds
    workers = fresh_server.worker_pids()
    outcome: dict[str, httpx.Response] = {}

    def run_cartesian() -> None:
        with fresh_server.client() as http:
            outcome["response"] = http.get("/sparql", params={"query": CARTESIAN})

    thread = threading.Thread(target=run_cartesian)
    start_cpu = {pid: cpu_seconds(pid) for pid in workers}
    thread.start()
    time.sleep(0.6)
    busy = max(workers, key=lambda pid: cpu_seconds(pid) - start_cpu[pid])
    killed_at = time.monotonic()
    os.kill(busy, signal.SIGKILL)
    thread.join(timeout=10)
    assert not thread.is_alive()
    # Generous for a loaded CI machine; the error type below is what tells a dead worker's
    # answer from the time bound's 504.
    assert time.monotonic() - killed_at < 5.0
    response = outcome["response"]
    assert response.status_code == 503 and error_of(response)["type"] == "worker-failed"
    assert wait_for(lambda: len(fresh_server.worker_pids()) == 2)


TRICKY_SERVICES = [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "select * where { service <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { VALUES ?e { <http://127.0.0.1:9/sparql> } SERVICE ?e { ?s ?p ?o } }",
    "PREFIX x: <http://127.0.0.1:9/> SELECT * WHERE { SERVICE x:sparql { ?s ?p ?o } }",
    "BASE <http://127.0.0.1:9/> SELECT * WHERE { SERVICE <sparql> { ?s ?p ?o } }",
    "SELECT * WHERE {\n# a comment }\nSERVICE<http://127.0.0.1:9/sparql>{?s ?p ?o} }",
    'SELECT * WHERE { ?s ?p "}" . SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }',
]


@pytest.mark.parametrize("query", TRICKY_SERVICES)
def test_service_is_refused_unless_allow_listed(client: httpx.Client, query: str) -> None:
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 403, response.text
    assert error_of(response)["type"] == "service-refused"


@pytest.mark.parametrize("query", [
    'SELECT ?s WHERE { ?s ?p "SERVICE <http://127.0.0.1:9/sparql> { }" } LIMIT 1',
    "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1 # SERVICE <http://127.0.0.1:9/sparql> { }",
    "SELECT ?service WHERE { ?service ?p ?o } LIMIT 1",
    "SELECT ?s WHERE { ?s <http://example.org/SERVICE> ?o } LIMIT 1",
])
def test_the_word_service_elsewhere_is_harmless(client: httpx.Client, query: str) -> None:
    assert client.get("/sparql", params={"query": query}).status_code == 200


def test_service_to_an_allow_listed_endpoint_is_evaluated(
    client: httpx.Client, federated_server  # noqa: ANN001
) -> None:
    query = (f"SELECT ?label WHERE {{ SERVICE <{federated_server.url}/sparql> {{ "
             "<https://w3id.org/redarmy-kg/id/person/ezhov> "
             "<http://www.w3.org/2004/02/skos/core#prefLabel> ?label } }")
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 200, response.text
    labels = [b["label"]["value"] for b in response.json()["results"]["bindings"]]
    assert labels == ["Nikolai Ezhov"]


def test_service_to_the_allow_listed_host_but_another_path_is_refused(
    client: httpx.Client, federated_server  # noqa: ANN001
) -> None:
    query = f"SELECT * WHERE {{ SERVICE <{federated_server.url}/other> {{ ?s ?p ?o }} }}"
    assert client.get("/sparql", params={"query": query}).status_code == 403


def test_each_worker_runs_under_the_memory_bound(launch) -> None:  # noqa: ANN001
    """The bound is the workers' address-space limit: a query needing more makes the
    allocator abort that worker only, which the pool reports (503) and replaces, as
    test_a_worker_dying_mid_query_gives_an_error_not_a_hang shows for any death."""
    bounded = launch("--worker-memory-mb", "3000")
    workers = bounded.worker_pids()
    assert len(workers) == 2
    for pid in workers:
        limits = Path(f"/proc/{pid}/limits").read_text().splitlines()
        address_space = next(line for line in limits if line.startswith("Max address space"))
        assert address_space.split()[3] == str(3000 * 1024 * 1024)
    limits = Path(f"/proc/{bounded.process.pid}/limits").read_text()
    assert str(3000 * 1024 * 1024) not in limits  # the web process itself is not bounded
    with bounded.client() as http:
        assert http.get("/sparql", params={"query": SIMPLE}).status_code == 200


def test_the_server_follows_a_rebuild_without_a_restart(
    tmp_path, launch_on_build  # noqa: ANN001
) -> None:
    from pyoxigraph import RdfFormat, Store

    from redarmy_kg.store import replace_store

    source = Store()
    source.load(path=str(Path(__file__).resolve().parents[1] / "fixtures" / "mini.trig"),
                format=RdfFormat.TRIG)
    first = source.dump(format=RdfFormat.N_QUADS)
    replace_store(first, tmp_path)
    rebuilt = launch_on_build(tmp_path)
    with rebuilt.client() as http:
        def people() -> int:
            response = http.get("/sparql", params={"query": SIMPLE})
            assert response.status_code == 200, response.text
            return len(response.json()["results"]["bindings"])

        assert people() == 3
        extra = (b"<https://w3id.org/redarmy-kg/id/person/iakir> "
                 b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                 b"<http://xmlns.com/foaf/0.1/Person> "
                 b"<https://w3id.org/redarmy-kg/graph/entities> .\n")
        replace_store(first + extra, tmp_path)
        assert people() == 4
        assert people() == 4
        assert "Iakir" not in http.get("/").text  # no label, but the counts follow:
        assert '<th scope="row">people</th><td>4</td>' in http.get("/").text


def test_a_client_that_gives_up_frees_its_worker(launch) -> None:  # noqa: ANN001
    patient = launch("--timeout", "60")
    before = set(patient.worker_pids())
    with patient.client(timeout=httpx.Timeout(30, read=0.8)) as http, \
            pytest.raises(httpx.ReadTimeout):
        http.get("/sparql", params={"query": CARTESIAN})
    # Long before the 60 s time bound, the worker running the abandoned query is gone.
    assert wait_for(lambda: len(before - set(patient.worker_pids())) == 1, seconds=5)
    gone = before - set(patient.worker_pids())
    assert not any(patient.is_alive(pid) for pid in gone)
