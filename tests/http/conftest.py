"""A real server over HTTP: a small store built from `tests/fixtures/mini.trig`, served by
`python -m redarmy_kg serve` in a subprocess on a free loopback port.

The query time bound is short (2 s) so that time-out tests are quick, and a second
server plays the allow-listed federation endpoint.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MINI_TRIG = FIXTURES / "mini.trig"
TEST_TIMEOUT_S = 2.0
PROXY_VARIABLES = ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy",
                   "ALL_PROXY")


@dataclass
class RunningServer:
    url: str
    process: subprocess.Popen
    build_dir: Path

    def client(self, **options: object) -> httpx.Client:
        options.setdefault("timeout", 30)
        return httpx.Client(base_url=self.url, trust_env=False, **options)

    def worker_pids(self) -> list[int]:
        """Query worker processes: children of the server started by multiprocessing's spawn."""
        return sorted(pid for pid in child_pids(self.process.pid)
                      if b"spawn_main" in _cmdline(pid) and is_alive(pid))

    @staticmethod
    def cpu_seconds(pid: int) -> float:
        return cpu_seconds(pid)

    @staticmethod
    def is_alive(pid: int) -> bool:
        return is_alive(pid)


def child_pids(parent: int) -> list[int]:
    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == parent:
            children.append(int(entry.name))
    return children


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (0 if it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def is_alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build_mini_store(build_dir: Path) -> Path:
    from pyoxigraph import RdfFormat, Store

    store = Store(str(build_dir / "store"))
    store.load(path=str(MINI_TRIG), format=RdfFormat.TRIG)
    store.flush()
    del store
    return build_dir


def start_server(
    build_dir: Path, *extra: str, workers: int = 2, timeout_s: float = TEST_TIMEOUT_S
) -> RunningServer:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in PROXY_VARIABLES}
    process = subprocess.Popen(
        [sys.executable, "-m", "redarmy_kg", "serve", "--build-dir", str(build_dir),
         "--port", str(port), "--timeout", str(timeout_s), "--workers", str(workers),
         *extra],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            message = process.stderr.read().decode() if process.stderr else ""
            raise RuntimeError(f"the server exited early: {message}")
        try:
            if httpx.get(url + "/sparql?query=ASK%7B%7D", trust_env=False).status_code == 200:
                return RunningServer(url, process, build_dir)
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("the server did not answer within 60 s")


def stop_server(server: RunningServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()


@pytest.fixture(scope="session")
def mini_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_mini_store(tmp_path_factory.mktemp("mini-build"))


@pytest.fixture(scope="session")
def federated_server(mini_build: Path) -> Iterator[RunningServer]:
    """A second endpoint, the only one the main server may federate to."""
    server = start_server(mini_build)
    yield server
    stop_server(server)


@pytest.fixture(scope="session")
def server(mini_build: Path, federated_server: RunningServer) -> Iterator[RunningServer]:
    running = start_server(mini_build, "--allow-service", federated_server.url + "/sparql")
    yield running
    stop_server(running)


@pytest.fixture()
def client(server: RunningServer) -> Iterator[httpx.Client]:
    with server.client() as http:
        yield http


@pytest.fixture()
def launch(mini_build: Path) -> Iterator[Callable[..., RunningServer]]:
    """Start servers of a test's own (extra CLI options), stopped when the test ends."""
    started: list[RunningServer] = []

    def start(*extra: str) -> RunningServer:
        started.append(start_server(mini_build, *extra))
        return started[-1]

    yield start
    for running in started:
        stop_server(running)


@pytest.fixture()
def fresh_server(launch: Callable[..., RunningServer]) -> RunningServer:
    """A server of its own, for tests that kill its workers."""
    return launch()


@pytest.fixture(scope="session")
def launch_on_build() -> Iterator[Callable[[Path], RunningServer]]:
    """Start servers over other build folders (the real build); stopped at session end."""
    started: list[RunningServer] = []

    def start(build_dir: Path) -> RunningServer:
        started.append(start_server(build_dir, timeout_s=30))
        return started[-1]

    yield start
    for running in started:
        stop_server(running)
