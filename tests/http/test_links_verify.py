"""`redarmy-kg links verify` against a real local SPARQL endpoint, never the internet.

An `oxigraph serve` process is loaded with `tests/fixtures/wikidata_fixture.ttl`
(data in the shape the Wikidata Query Service exposes); the command must pass
the bundled mappings and report mismatches planted in a copy of a mapping file.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from redarmy_kg import __version__
from redarmy_kg.cli import main

pytestmark = pytest.mark.http

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
WIKIDATA_FIXTURE = FIXTURES / "wikidata_fixture.ttl"
MINI = FIXTURES / "links" / "mini.sssom.tsv"
PROXY_VARIABLES = ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy")


def oxigraph_binary() -> str:
    beside_python = Path(sys.executable).parent / "oxigraph"
    found = str(beside_python) if beside_python.exists() else shutil.which("oxigraph")
    if found is None:
        pytest.skip("the oxigraph server binary (pip package 'oxigraph') is not installed")
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_answering(url: str, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"oxigraph exited early with code {process.returncode}")
        try:
            with urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"oxigraph did not answer at {url} within {seconds} s")


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary = oxigraph_binary()
    location = tmp_path_factory.mktemp("wikidata-store")
    subprocess.run(
        [binary, "load", "--location", str(location), "--file", str(WIKIDATA_FIXTURE)],
        check=True,
        capture_output=True,
    )
    port = free_port()
    process = subprocess.Popen(
        [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/query"
    try:
        wait_until_answering(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loopback requests must not be routed through a proxy set in the environment."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def run_verify(endpoint: str, mappings: Path | None = None):
    args = ["links", "verify", "--endpoint", endpoint, "--timeout", "10"]
    if mappings is not None:
        args += ["--mappings", str(mappings)]
    return CliRunner().invoke(main, args)


def planted(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    text = MINI.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "planted.sssom.tsv"
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_mappings_agree_with_the_endpoint(endpoint: str) -> None:
    result = run_verify(endpoint)
    assert result.exit_code == 0, result.output + result.stderr
    lines = result.stdout.splitlines()
    verdicts = [line.split("\t")[0] for line in lines[:-1]]
    assert verdicts and set(verdicts) == {"ok"}
    assert "ok\trkgp:stalin\tQ855\tJoseph Stalin" in lines
    assert "ok\trkgo:nkvd\tQ182449\tPeople's Commissariat for Internal Affairs" in lines
    assert lines[-1] == f"checked {len(verdicts)} published links at {endpoint}: 0 mismatched"


def test_planted_mismatches_are_reported_and_correct_links_pass(
    endpoint: str, tmp_path: Path
) -> None:
    path = planted(
        tmp_path,
        ("record B (Q33391, 1879-11-07, 1940-08-21)\t1879\t1940",
         "record B (Q33391, 1879-11-07, 1940-08-21)\t1879\t1941"),
        ("wikidata:Q182449\tPeople's Commissariat for Internal Affairs",
         "wikidata:Q182449\tAll-Russian Extraordinary Commission"),
    )
    result = run_verify(endpoint, path)
    assert result.exit_code == 1
    stdout = result.stdout
    assert "ok\trkgp:stalin\tQ855" in stdout
    assert "ok\trkgo:rvs\tQ2703181" in stdout
    assert "MISMATCH\trkgp:trotsky\tQ33391" in stdout
    assert "MISMATCH\trkgo:nkvd\tQ182449" in stdout
    assert "rkgp:trotsky -> Q33391: death year (P570) expected 1941, found 1940" in stdout
    assert "rkgo:nkvd -> Q182449: label (en/ru) expected 'All-Russian Extraordinary" in stdout
    assert "2 mismatched" in result.stderr


def test_item_missing_at_the_endpoint_is_a_mismatch(endpoint: str, tmp_path: Path) -> None:
    path = planted(tmp_path, ("wikidata:Q855\t", "wikidata:Q987654321\t"))
    result = run_verify(endpoint, path)
    assert result.exit_code == 1
    assert "rkgp:stalin -> Q987654321: item expected an item with labels, found nothing" in (
        result.stdout
    )


def test_unreachable_endpoint_is_bad_input(tmp_path: Path) -> None:
    result = run_verify(f"http://127.0.0.1:{free_port()}/query", MINI)
    assert result.exit_code == 2
    assert result.stderr.startswith("redarmy-kg: bad input: cannot query http://127.0.0.1:")
    assert len(result.stderr.strip().splitlines()) == 1


class _RecordingHandler(BaseHTTPRequestHandler):
    seen_agents: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the http.server hook name
        self.seen_agents.append(self.headers.get("User-Agent", ""))
        body = b'{"head": {"vars": ["item"]}, "results": {"bindings": []}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return


def test_requests_carry_our_user_agent() -> None:
    server = HTTPServer(("127.0.0.1", 0), _RecordingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        result = run_verify(f"http://127.0.0.1:{server.server_port}/sparql", MINI)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
    assert result.exit_code == 1  # the recording endpoint knows no item
    [agent] = _RecordingHandler.seen_agents
    assert agent.startswith(f"redarmy-kg/{__version__} ")
    assert "(https://w3id.org/redarmy-kg/; Wikidata link checker)" in agent
