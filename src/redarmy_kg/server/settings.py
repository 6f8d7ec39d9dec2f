"""Settings of the public endpoint, each with a safe default.

Every protection a public SPARQL endpoint needs is a field here, so that
operators can see (and change) what the server allows.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from redarmy_kg import iris


def _default_workers() -> int:
    """Two per CPU, between 2 and 8: a runaway query holds one worker while the others
    keep answering, and light queries queue less behind heavy ones."""
    return max(2, min(8, 2 * (os.cpu_count() or 1)))


@dataclass(frozen=True)
class ServerSettings:
    build_dir: Path = Path("build")
    """Folder holding `store` (the pyoxigraph store, opened read-only) and the dumps."""

    host: str = "127.0.0.1"
    port: int = 8000

    query_timeout_s: float = 30.0
    """Wall-clock bound of one query; the worker running it is killed when it is hit."""

    queue_timeout_s: float = 10.0
    """How long a request may wait for a free worker before it gets 503."""

    max_result_bytes: int = 50 * 1024 * 1024
    """Bound on a serialized result; larger results are refused (ask with LIMIT)."""

    max_request_bytes: int = 1024 * 1024
    """Bound on a request body (a query sent by POST); larger bodies get 413."""

    workers: int = field(default_factory=_default_workers)
    """Number of worker processes evaluating queries, each with its own read-only store."""

    worker_memory_mb: int | None = 4096
    """Address-space bound of each worker; a query needing more kills only its worker (503)."""

    allowed_service_endpoints: tuple[str, ...] = ()
    """Endpoints a query may federate to with SERVICE; empty means SERVICE is refused."""

    public_base: str = iris.DEFAULT_BASE
    """Base IRI of the data: `<public_base>id/x` is served at `/id/x` on this server."""

    cors: bool = True
    """Send `Access-Control-Allow-Origin: *` so that browser-based clients can query."""

    union_default_graph: bool = True
    """The default graph of a query is the union of all named graphs (unless FROM is used)."""

    @property
    def store_path(self) -> Path:
        return self.build_dir / "store"
