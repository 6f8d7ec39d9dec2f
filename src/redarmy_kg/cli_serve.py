"""`redarmy-kg serve`: the SPARQL endpoint, linked-data IRIs and HTML pages over the built store."""

from __future__ import annotations

from pathlib import Path

import click

from redarmy_kg.cli import handle_errors
from redarmy_kg.server.settings import ServerSettings


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--build-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("build"),
    show_default=True, help="Build folder holding `store` and the dumps.",
)
@click.option("--timeout", "timeout_s", default=30.0, show_default=True, type=float,
              help="Seconds a query may run before its worker is killed (504).")
@click.option("--workers", type=int, default=None,
              help="Query worker processes (default: two per CPU, 2 to 8).")
@click.option("--allow-service", "allowed_services", multiple=True, metavar="URL",
              help="Endpoint SERVICE may federate to (repeatable); none by default.")
@click.option("--public-base", default=None, metavar="IRI",
              help="Base IRI of the data, served under this server's root (default: the "
                   "dataset's w3id base).")
@click.option("--max-result-bytes", type=int, default=None, help="Bound on one result's size.")
@click.option("--worker-memory-mb", type=int, default=None,
              help="Memory bound of each query worker in MiB (default 4096; 0: none).")
@handle_errors
def serve(
    host: str, port: int, build_dir: Path, timeout_s: float, workers: int | None,
    allowed_services: tuple[str, ...], public_base: str | None, max_result_bytes: int | None,
    worker_memory_mb: int | None,
) -> None:
    """Serve SPARQL, linked data and HTML pages from the built store."""
    import uvicorn

    from redarmy_kg.server import create_app

    options: dict[str, object] = {
        "build_dir": build_dir, "host": host, "port": port, "query_timeout_s": timeout_s,
        "allowed_service_endpoints": tuple(allowed_services),
    }
    if workers is not None:
        options["workers"] = max(1, workers)
    if public_base is not None:
        if not public_base.endswith("/"):
            raise click.BadParameter("must end with '/'", param_hint="--public-base")
        options["public_base"] = public_base
    if max_result_bytes is not None:
        options["max_result_bytes"] = max_result_bytes
    if worker_memory_mb is not None:
        options["worker_memory_mb"] = worker_memory_mb or None
    settings = ServerSettings(**options)  # type: ignore[arg-type]
    app = create_app(settings)
    click.echo(f"serving {settings.store_path} on http://{host}:{port}/ "
               f"({settings.workers} query workers, {timeout_s:g} s time bound)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
