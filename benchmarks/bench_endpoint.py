"""Endpoint under load: our server vs the upstream `oxigraph serve-read-only`, same store.

Both servers read the same on-disk store (read-only) built from the thesis, with the
union of all graphs as the default graph. A mix of the example queries of
`queries/*.rq` is sent by 1, 4 and 16 concurrent clients for a fixed time each,
alternating between the servers in short rounds (load from elsewhere falls on both);
throughput and p50/p99 latency are printed side by side with ratios and saved to
`benchmarks/results/endpoint.json`. The whole run takes about a minute.

Usage: python -m benchmarks.bench_endpoint [--seconds 8] [--rounds 4] [--build-dir build]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from benchmarks.measure import print_table, save

REPO_ROOT = Path(__file__).resolve().parents[1]
CONCURRENCY = (1, 4, 16)
ACCEPT = "application/sparql-results+json"
FALLBACK_QUERIES = {
    "count-by-type": "SELECT ?t (COUNT(*) AS ?n) WHERE { ?s a ?t } GROUP BY ?t ORDER BY DESC(?n)",
    "footnotes": "PREFIX doco: <http://purl.org/spar/doco/> "
                 "SELECT ?f WHERE { ?f a doco:Footnote } LIMIT 100",
}


@dataclass
class LoadResult:
    server: str
    clients: int
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p99_ms: float

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def load_queries() -> dict[str, str]:
    folder = REPO_ROOT / "queries"
    found = {p.stem: p.read_text() for p in sorted(folder.glob("*.rq"))} if folder.is_dir() else {}
    return found or FALLBACK_QUERIES


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ensure_build(build_dir: Path | None, scratch: Path) -> Path:
    """A build folder with a store: the given one, or a fresh build of the thesis."""
    if build_dir is not None and (build_dir / "store").exists():
        return build_dir
    from redarmy_kg.pipeline import BuildConfig, run_build
    from redarmy_kg.progress import Progress

    out = scratch / "build"
    print(f"building the graph into {out} ...", file=sys.stderr)
    run_build(BuildConfig(out_dir=out), Progress(enabled=False))
    return out


def start(command: list[str], url: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, params={"query": "ASK {}"}, trust_env=False).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"{command[0]} did not answer at {url}")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


async def drive(url: str, queries: list[str], clients: int, seconds: float,
                cursor: list[int] | None = None) -> tuple[list[float], int]:
    """`clients` concurrent clients send the mix in order (from `cursor`, which is advanced,
    so that successive rounds go on through the mix) until `seconds` have passed."""
    cursor = cursor if cursor is not None else [0]
    latencies: list[float] = []
    errors = 0
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(trust_env=False, timeout=60, limits=limits) as http:

        async def client() -> None:
            nonlocal errors
            while time.monotonic() < deadline:
                query = queries[cursor[0] % len(queries)]
                cursor[0] += 1
                started = time.perf_counter()
                response = await http.post(url, data={"query": query},
                                           headers={"Accept": ACCEPT})
                await response.aread()
                if response.status_code == 200:
                    latencies.append(time.perf_counter() - started)
                else:
                    errors += 1

        await asyncio.gather(*(client() for _ in range(clients)))
    return latencies, errors


def measure_level(url: str, queries: list[str], clients: int, seconds: float,
                  cursor: list[int]) -> tuple[list[float], int, float]:
    started = time.monotonic()
    latencies, errors = asyncio.run(drive(url, queries, clients, seconds, cursor))
    return latencies, errors, time.monotonic() - started


def summarise(name: str, clients: int, latencies: list[float], errors: int,
              elapsed: float) -> LoadResult:
    ordered = sorted(latencies) or [0.0]
    return LoadResult(
        server=name, clients=clients, requests=len(latencies), errors=errors,
        seconds=round(elapsed, 2),
        p50_ms=round(statistics.median(ordered) * 1000, 2),
        p99_ms=round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000, 2),
    )


def measure_interleaved(urls: dict[str, str], queries: list[str], seconds: float,
                        rounds: int) -> list[LoadResult]:
    """Each level runs `rounds` times per server, alternating servers, so that a burst of
    load from elsewhere on the machine falls on both alike."""
    for url in urls.values():
        asyncio.run(drive(url, queries, 2, 1.0))  # warm caches and connections
    results = []
    for clients in CONCURRENCY:
        totals = {name: ([], 0, 0.0) for name in urls}
        cursors = {name: [0] for name in urls}
        for _ in range(rounds):
            for name, url in urls.items():
                latencies, errors, elapsed = measure_level(url, queries, clients,
                                                           seconds / rounds, cursors[name])
                done, failed, spent = totals[name]
                totals[name] = (done + latencies, failed + errors, spent + elapsed)
        results += [summarise(name, clients, *totals[name]) for name in urls]
    return results


def check_queries(url: str, queries: dict[str, str]) -> dict[str, str]:
    """Keep the queries both servers answer (a broken example must not skew the mix)."""
    kept = {}
    for name, text in queries.items():
        response = httpx.post(url, data={"query": text}, headers={"Accept": ACCEPT},
                              trust_env=False, timeout=60)
        if response.status_code == 200:
            kept[name] = text
        else:
            print(f"skipping {name}: HTTP {response.status_code}", file=sys.stderr)
    return kept


def oxigraph_binary() -> str:
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if found is None:
        raise SystemExit("the upstream oxigraph server (pip install oxigraph) is missing")
    return found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0,
                        help="per concurrency level and server")
    parser.add_argument("--rounds", type=int, default=4,
                        help="alternations between the servers within a level")
    parser.add_argument("--build-dir", type=Path, default=REPO_ROOT / "build")
    parser.add_argument("--workers", type=int, default=None,
                        help="query workers of our server (default: its own default)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        build_dir = ensure_build(args.build_dir, Path(scratch))
        store = (build_dir / "store").resolve()
        ours_port, upstream_port = free_port(), free_port()
        ours_url = f"http://127.0.0.1:{ours_port}/sparql"
        upstream_url = f"http://127.0.0.1:{upstream_port}/query"
        servers = {
            "redarmy-kg": ([sys.executable, "-m", "redarmy_kg", "serve", "--build-dir",
                            str(build_dir), "--port", str(ours_port),
                            *(["--workers", str(args.workers)] if args.workers else [])],
                           ours_url),
            "oxigraph": ([oxigraph_binary(), "serve-read-only", "--location", str(store),
                          "--bind", f"127.0.0.1:{upstream_port}", "--union-default-graph",
                          "--timeout-s", "30"], upstream_url),
        }
        queries = load_queries()
        processes = [start(command, url) for command, url in servers.values()]
        try:
            for _, url in servers.values():
                queries = check_queries(url, queries)
            urls = {name: url for name, (_, url) in servers.items()}
            results = measure_interleaved(urls, list(queries.values()), args.seconds,
                                          args.rounds)
        finally:
            for process in processes:
                stop(process)
    report(results, sorted(queries))


def report(results: list[LoadResult], query_names: list[str]) -> None:
    by_key = {(r.server, r.clients): r for r in results}
    rows = []
    for clients in CONCURRENCY:
        ours, upstream = by_key[("redarmy-kg", clients)], by_key[("oxigraph", clients)]
        rows.append([
            clients,
            f"{ours.throughput:.1f}", f"{upstream.throughput:.1f}",
            f"{ours.throughput / upstream.throughput:.2f}" if upstream.throughput else "-",
            ours.p50_ms, upstream.p50_ms, ours.p99_ms, upstream.p99_ms,
            ours.errors + upstream.errors,
        ])
    print(f"query mix: {', '.join(query_names)}")
    print_table(["clients", "ours req/s", "oxigraph req/s", "ratio", "ours p50 ms",
                 "oxigraph p50 ms", "ours p99 ms", "oxigraph p99 ms", "errors"], rows)
    path = save("endpoint", {
        "queries": query_names,
        "results": [{**r.__dict__, "throughput": round(r.throughput, 2)} for r in results],
        "cpus": os.cpu_count(),
    })
    print(f"saved {path.relative_to(REPO_ROOT)}")


if __name__ == "__main__":
    main()
