"""Queries run in a pool of worker processes that can be killed.

pyoxigraph cannot cancel a query from Python: a thread that gives up keeps the
CPU busy until the query ends. So each query is sent to a worker process that
holds its own read-only store; when the time bound is hit the worker is killed
(the kernel frees its CPU and memory at once) and a fresh one replaces it. A
worker that dies mid-query is replaced the same way and the client gets an
error instead of a hang.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import multiprocessing
import os
import resource
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from pyoxigraph import RdfFormat

from redarmy_kg.server.errors import ApiError

_READY = "ready"
_PREFIXED_FORMATS = (RdfFormat.TURTLE, RdfFormat.RDF_XML)


@dataclass(frozen=True)
class QueryJob:
    """One query and how to answer it; the formats are media types already negotiated."""

    query: str
    solutions_media_type: str | None
    graph_media_type: str | None
    union_default_graph: bool = True
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    max_result_bytes: int = 50 * 1024 * 1024
    pretty: bool = False
    """Write graphs with the dataset's prefixes (slower: for small linked-data descriptions)."""


@dataclass(frozen=True)
class QueryOutcome:
    media_type: str
    body: bytes
    error: ApiError | None = None


class ResultTooLarge(OSError):
    """Raised by the bounded writer to stop serialization early."""


class _BoundedBuffer(io.RawIOBase):
    def __init__(self, limit: int) -> None:
        self.data = bytearray()
        self.limit = limit

    def writable(self) -> bool:
        return True

    def write(self, chunk: bytes) -> int:  # type: ignore[override]
        self.data += chunk
        if len(self.data) > self.limit:
            raise ResultTooLarge(f"the result is larger than {self.limit} bytes")
        return len(chunk)


def run_job(store: object, job: QueryJob) -> QueryOutcome:
    """Evaluate and serialize one query (runs inside a worker)."""
    from pyoxigraph import NamedNode, QueryBoolean, QuerySolutions

    from redarmy_kg.server.negotiation import GRAPH_FORMATS, SOLUTION_FORMATS

    try:
        options: dict[str, object] = {}
        if job.default_graphs:
            options["default_graph"] = [NamedNode(iri) for iri in job.default_graphs]
        else:
            options["use_default_graph_as_union"] = job.union_default_graph
        if job.named_graphs:
            options["named_graphs"] = [NamedNode(iri) for iri in job.named_graphs]
        results = store.query(job.query, **options)  # type: ignore[attr-defined]
        is_solutions = isinstance(results, QuerySolutions | QueryBoolean)
        media_type = job.solutions_media_type if is_solutions else job.graph_media_type
        if media_type is None:
            kind = "solutions" if is_solutions else "an RDF graph"
            return _failure(406, "not-acceptable", f"the query returns {kind}, which can not "
                            "be written in any media type the Accept header allows")
        fmt = (SOLUTION_FORMATS if is_solutions else GRAPH_FORMATS)[media_type]
        buffer = _BoundedBuffer(job.max_result_bytes)
        if job.pretty and not is_solutions and fmt in _PREFIXED_FORMATS:
            _serialize_with_prefixes(list(results), buffer, fmt)
        else:
            results.serialize(buffer, fmt)
        return QueryOutcome(media_type, bytes(buffer.data))
    except SyntaxError as error:
        return _failure(400, "malformed-query", str(error))
    except ResultTooLarge as error:
        return _failure(413, "result-too-large", f"{error}; narrow the query or add a LIMIT")
    except (ValueError, TypeError) as error:
        return _failure(400, "bad-request", str(error))
    except Exception as error:  # noqa: BLE001 - evaluation errors are reported to the client
        return _failure(500, "query-failed", f"{type(error).__name__}: {error}")


def _serialize_with_prefixes(triples: list, buffer: _BoundedBuffer, fmt: object) -> None:
    """Sorted triples, with only the prefixes they use (`id:` is left out: its local names
    would need escaped slashes)."""
    from pyoxigraph import serialize

    from redarmy_kg.rdf.terms import prefixes

    triples.sort(key=str)
    text = "".join(str(t) for t in triples)
    used = {name: uri for name, uri in sorted(prefixes().items())
            if name != "id" and f"<{uri}" in text}
    serialize(triples, buffer, fmt, prefixes=used)  # type: ignore[arg-type]


def _failure(status: int, error_type: str, message: str) -> QueryOutcome:
    return QueryOutcome("application/json", b"", ApiError(status, error_type, message))


def worker_main(store_path: str, connection: Connection, memory_limit_mb: int | None) -> None:
    """Entry point of a worker process: open the store read-only, answer jobs forever.

    With a memory limit, a query that needs more makes the allocator abort the worker,
    which the pool reports as a failed query and replaces; the machine stays healthy.
    """
    if memory_limit_mb:
        limit = memory_limit_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from pyoxigraph import Store

    store = Store.read_only(store_path)
    connection.send(_READY)
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        connection.send(run_job(store, job))


class Worker:
    def __init__(self, store_path: str, memory_limit_mb: int | None) -> None:
        self.store_path = store_path
        context = multiprocessing.get_context("spawn")
        self.connection, child_end = context.Pipe()
        self.process: BaseProcess = context.Process(
            target=worker_main, args=(store_path, child_end, memory_limit_mb), daemon=True,
            name="redarmy-kg-query-worker",
        )
        self.process.start()
        child_end.close()

    @property
    def pid(self) -> int | None:
        return self.process.pid

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
        self.process.join(timeout=5)
        with contextlib.suppress(Exception):
            self.connection.close()


async def _receive(connection: Connection, timeout: float) -> object:
    """Wait until the worker answers (or its end of the pipe closes), without a thread."""
    loop = asyncio.get_running_loop()
    ready: asyncio.Future[None] = loop.create_future()
    fd = connection.fileno()

    def on_readable() -> None:
        if not ready.done():
            ready.set_result(None)

    loop.add_reader(fd, on_readable)
    try:
        await asyncio.wait_for(ready, timeout)
    finally:
        loop.remove_reader(fd)
    return connection.recv()


class WorkerPool:
    """A fixed number of query workers; busy ones are killed and replaced on time-out.

    `store_link` is the build's `store` symlink: when a new build swaps it, each worker
    still on the old store is replaced the next time it is picked, so the server follows
    rebuilds without a restart.
    """

    def __init__(
        self, store_link: str, size: int, memory_limit_mb: int | None = None,
        startup_timeout_s: float = 60.0,
    ) -> None:
        self.store_link = store_link
        self.size = size
        self.memory_limit_mb = memory_limit_mb
        self.startup_timeout_s = startup_timeout_s
        # Last in, first out: the most recently used worker has the warmest caches.
        self._idle: asyncio.LifoQueue[Worker] = asyncio.LifoQueue()
        self._all: set[Worker] = set()
        self._replacing: set[asyncio.Task[None]] = set()
        self.replaced = 0

    async def start(self) -> None:
        workers = [self._spawn() for _ in range(self.size)]
        await asyncio.gather(*(self._await_ready(w) for w in workers))

    async def close(self) -> None:
        for task in list(self._replacing):
            task.cancel()
        loop = asyncio.get_running_loop()
        for worker in list(self._all):
            with contextlib.suppress(Exception):
                loop.remove_reader(worker.process.sentinel)
            worker.kill()
        self._all.clear()

    def pids(self) -> list[int]:
        return sorted(w.pid for w in self._all if w.pid is not None)

    async def run(self, job: QueryJob, timeout_s: float, queue_timeout_s: float) -> QueryOutcome:
        worker = await self._acquire(queue_timeout_s)
        healthy = False
        started = time.monotonic()
        try:
            worker.connection.send(job)
            reply = await _receive(worker.connection, timeout_s)
            healthy = isinstance(reply, QueryOutcome)
            if not healthy:
                raise ApiError(500, "internal-error", "a query worker gave an unexpected reply")
            return reply  # type: ignore[return-value]
        except TimeoutError:
            raise ApiError(
                504, "query-timeout",
                f"the query was stopped after {timeout_s:g} s (the time bound of this "
                "endpoint); narrow it or add a LIMIT",
            ) from None
        except (EOFError, OSError, BrokenPipeError):
            elapsed = time.monotonic() - started
            raise ApiError(
                503, "worker-failed",
                f"the process evaluating the query died after {elapsed:.1f} s (out of memory "
                "or killed); it has been replaced, try again",
            ) from None
        finally:
            if healthy:
                self._idle.put_nowait(worker)
            else:
                self._replace(worker)

    def current_store(self) -> str:
        return os.path.realpath(self.store_link)

    async def _acquire(self, queue_timeout_s: float) -> Worker:
        deadline = time.monotonic() + queue_timeout_s
        try:
            while True:
                remaining = max(0.0, deadline - time.monotonic())
                worker = await asyncio.wait_for(self._idle.get(), remaining)
                if worker not in self._all:
                    continue  # died while idle; already replaced
                if worker.store_path == self.current_store():
                    return worker
                self._replace(worker)  # the store was rebuilt: retire the stale worker
        except TimeoutError:
            raise ApiError(
                503, "busy",
                f"all {self.size} query workers stayed busy for {queue_timeout_s:g} s; try again",
            ) from None

    def _spawn(self) -> Worker:
        worker = Worker(self.current_store(), self.memory_limit_mb)
        self._all.add(worker)
        return worker

    async def _await_ready(self, worker: Worker) -> None:
        try:
            message = await _receive(worker.connection, self.startup_timeout_s)
        except (TimeoutError, EOFError, OSError) as error:
            worker.kill()
            self._all.discard(worker)
            raise RuntimeError(f"a query worker failed to open {worker.store_path}") from error
        if message != _READY:
            raise RuntimeError(f"a query worker sent {message!r} instead of ready")
        # Notice at once when a worker dies, even while idle, and replace it.
        asyncio.get_running_loop().add_reader(worker.process.sentinel, self._replace, worker)
        self._idle.put_nowait(worker)

    def _replace(self, worker: Worker) -> None:
        if worker not in self._all:
            return  # already replaced
        with contextlib.suppress(Exception):
            asyncio.get_running_loop().remove_reader(worker.process.sentinel)
        worker.kill()
        self._all.discard(worker)
        self.replaced += 1
        task = asyncio.get_running_loop().create_task(self._await_ready(self._spawn()))
        self._replacing.add(task)
        task.add_done_callback(self._replacing.discard)
