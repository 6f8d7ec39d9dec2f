"""Graph Store client behaviour that a real store cannot be made to show on demand:
a refusal half-way, basic auth from the environment, counts that do not match.
(The round trip through a real oxigraph server is in tests/http/.)"""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner
from pyoxigraph import NamedNode, RdfFormat, Triple, parse

from redarmy_kg.cli import main
from redarmy_kg.publish.gsp import (
    PASSWORD_ENV,
    USER_ENV,
    PublishError,
    Target,
    VerificationFailed,
    auth_from_environment,
    publish_graphs,
    sibling_query_url,
)

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "publish" / "sample.trig"


@dataclass
class StubStore:
    """Accepts `accept` graphs, then answers `refusal`; counts what it holds."""

    accept: int = 1000
    refusal: int = 500
    lose_one_triple: bool = False
    credentials: tuple[str, str] | None = None
    graphs: dict[str, int] = field(default_factory=dict)


def make_handler(stub: StubStore) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _authorised(self) -> bool:
            header = self.headers.get("Authorization", "")
            if stub.credentials is None:
                return True
            expected = base64.b64encode(":".join(stub.credentials).encode()).decode()
            return header == f"Basic {expected}"

        def do_PUT(self) -> None:  # noqa: N802 - http.server's naming
            body = self.rfile.read(int(self.headers["Content-Length"]))
            if not self._authorised():
                return self._answer(401, b"authentication required")
            if len(stub.graphs) >= stub.accept:
                return self._answer(stub.refusal, b"disk full\n  try again later")
            graph = parse_qs(urlsplit(self.path).query)["graph"][0]
            triples = len(list(parse(body, format=RdfFormat.N_TRIPLES)))
            stub.graphs[graph] = triples - (1 if stub.lose_one_triple else 0)
            self._answer(201, b"")

        def do_POST(self) -> None:  # noqa: N802
            self.rfile.read(int(self.headers["Content-Length"]))
            rows = [
                {"g": {"type": "uri", "value": g}, "n": {"type": "literal", "value": str(n)}}
                for g, n in stub.graphs.items()
            ]
            body = json.dumps({"head": {"vars": ["g", "n"]}, "results": {"bindings": rows}})
            self._answer(200, body.encode(), "application/sparql-results+json")

        def _answer(self, status: int, body: bytes, media_type: str = "text/plain") -> None:
            self.send_response(status)
            self.send_header("Content-Type", media_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


@pytest.fixture()
def stub() -> Iterator[tuple[StubStore, str]]:
    state = StubStore()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(state))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def sample_graphs() -> dict[str, list[Triple]]:
    graphs: dict[str, list[Triple]] = {}
    for quad in parse(path=str(SAMPLE), format=RdfFormat.TRIG):
        assert isinstance(quad.graph_name, NamedNode)
        graphs.setdefault(quad.graph_name.value, []).append(
            Triple(quad.subject, quad.predicate, quad.object)
        )
    return dict(sorted(graphs.items()))


def target(url: str) -> Target:
    return Target(url + "/store", url + "/query", auth=None, timeout_s=10)


def test_every_graph_is_sent_and_verified(stub: tuple[StubStore, str]) -> None:
    state, url = stub
    graphs = sample_graphs()
    report = publish_graphs(graphs, target(url))
    assert state.graphs == {name: len(triples) for name, triples in graphs.items()}
    assert all(result.verified for result in report.results)


def test_a_refusal_half_way_names_the_graph_and_what_made_it(
    stub: tuple[StubStore, str],
) -> None:
    state, url = stub
    state.accept = 2
    with pytest.raises(PublishError) as caught:
        publish_graphs(sample_graphs(), target(url))
    message = str(caught.value)
    third = list(sample_graphs())[2]
    assert f"refused graph <{third}>" in message
    assert "HTTP 500" in message and "disk full try again later" in message
    assert "2 of 6 graphs were published" in message
    assert caught.value.report is not None
    assert len(caught.value.report.published) == 2


def test_counts_that_do_not_match_fail_verification(stub: tuple[StubStore, str]) -> None:
    state, url = stub
    state.lose_one_triple = True
    with pytest.raises(VerificationFailed, match="6 of 6 graphs do not hold what was sent"):
        publish_graphs(sample_graphs(), target(url))


def test_basic_auth_comes_from_the_environment(
    stub: tuple[StubStore, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    state, url = stub
    state.credentials = ("loader", "s3cret")
    build = write_sample_build(tmp_path)
    runner = CliRunner()
    monkeypatch.delenv(USER_ENV, raising=False)
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    refused = runner.invoke(main, ["publish", "--build-dir", str(build), "--to", url + "/store"])
    assert refused.exit_code == 2
    assert "HTTP 401" in refused.output
    monkeypatch.setenv(USER_ENV, "loader")
    monkeypatch.setenv(PASSWORD_ENV, "s3cret")
    accepted = runner.invoke(main, ["publish", "--build-dir", str(build), "--to", url + "/store"])
    assert accepted.exit_code == 0, accepted.output
    assert "published 6 graphs" in accepted.output
    assert "s3cret" not in accepted.output


def test_only_one_credential_variable_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(USER_ENV, "loader")
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    with pytest.raises(PublishError, match="set both"):
        auth_from_environment()


def test_mismatch_exits_1_and_refusal_exits_2_through_the_cli(
    stub: tuple[StubStore, str], tmp_path: Path
) -> None:
    state, url = stub
    build = write_sample_build(tmp_path)
    state.lose_one_triple = True
    args = ["publish", "--build-dir", str(build), "--to", url + "/store"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert "publish failed" in result.output


def test_query_endpoint_is_the_sibling_of_the_store_endpoint() -> None:
    assert sibling_query_url("http://h:7878/store") == "http://h:7878/query"
    assert sibling_query_url("http://h:3030/ds/data") == "http://h:3030/ds/query"
    with pytest.raises(PublishError, match="not an http"):
        Target.from_urls("ftp://h/store")


def write_sample_build(tmp_path: Path) -> Path:
    from redarmy_kg.dataset import RdfDataset

    dataset = RdfDataset()
    dataset.add(parse(path=str(SAMPLE), format=RdfFormat.TRIG))
    build = tmp_path / "build"
    build.mkdir()
    (build / "redarmy-kg.nq").write_bytes(dataset.canonical_nquads())
    return build
