"""`redarmy-kg publish`: write release dumps, a dataset archive, or push the graph
into another SPARQL store over the Graph Store HTTP Protocol.

Exit codes: 0 ok; 1 every graph was sent but the store's counts do not match;
2 bad input (no build, bad URL) or the store cannot be reached or refused a graph.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import ParamSpec, TypeVar

import click

NQUADS_DUMP = "redarmy-kg.nq"
P = ParamSpec("P")
R = TypeVar("R")


def handle_errors(command: Callable[P, R]) -> Callable[P, R]:
    """The main CLI's error handling, imported when the command runs (cli imports us)."""

    @wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from redarmy_kg.cli import handle_errors as main_handle_errors

        return main_handle_errors(command)(*args, **kwargs)

    return wrapper


@click.command("publish")
@click.option(
    "--build-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("build"),
    show_default=True,
    help="The build to publish (its redarmy-kg.nq).",
)
@click.option(
    "--dumps",
    "dumps_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write the dumps (+ .gz, SHA256SUMS, void.ttl) into this folder.",
)
@click.option(
    "--archive",
    "archive_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write the dataset archive redarmy-kg-data-<version>.tar.gz into this folder.",
)
@click.option("--to", "store_url", help="Graph Store endpoint, e.g. http://host:7878/store.")
@click.option(
    "--sparql",
    "sparql_url",
    help="SPARQL query endpoint used to verify (default: the sibling 'query' of --to).",
)
@click.option(
    "--replace/--merge",
    default=True,
    show_default=True,
    help="PUT (replace each graph) or POST (add to each graph).",
)
@click.option("--verbose", is_flag=True, help="One line per claim graph too.")
@handle_errors
def publish(
    build_dir: Path,
    dumps_dir: Path | None,
    archive_dir: Path | None,
    store_url: str | None,
    sparql_url: str | None,
    replace: bool,
    verbose: bool,
) -> None:
    """Publish the built graph: dumps, a dataset archive, or into a SPARQL store.

    Basic-auth credentials for the store are read from the environment variables
    REDARMY_KG_PUBLISH_USER and REDARMY_KG_PUBLISH_PASSWORD, never from the
    command line.
    """
    if not (dumps_dir or archive_dir or store_url):
        raise click.UsageError("say what to publish: --dumps DIR, --archive DIR or --to URL")
    nquads = build_dir / NQUADS_DUMP
    if not nquads.is_file():
        raise FileNotFoundError(f"{nquads} not found: run `redarmy-kg build` first")
    if dumps_dir is not None:
        write_release_dumps(nquads, dumps_dir)
    if archive_dir is not None:
        write_archive(build_dir, archive_dir)
    if store_url is not None:
        push_to_store(nquads, store_url, sparql_url, replace, verbose)


def write_release_dumps(nquads: Path, out_dir: Path) -> None:
    from pyoxigraph import RdfFormat, parse

    from redarmy_kg.dataset import RdfDataset
    from redarmy_kg.publish.dumps import write_dumps
    from redarmy_kg.publish.void import write_void

    dataset = RdfDataset()
    dataset.add(parse(path=str(nquads), format=RdfFormat.N_QUADS))
    dumps = write_dumps(dataset, out_dir)
    void = write_void(dumps["nq"], out_dir, dumps)
    for path in sorted({*dumps.values(), void}):
        click.echo(f"{path}  {path.stat().st_size} bytes")


def write_archive(build_dir: Path, out_dir: Path) -> None:
    from redarmy_kg.publish.archive import write_data_archive

    plan = write_data_archive(build_dir, out_dir)
    for missing in plan.missing:
        click.echo(f"redarmy-kg: warning: not in the archive (not found): {missing}", err=True)
    assert plan.path is not None
    click.echo(f"{plan.path}  {plan.path.stat().st_size} bytes, {len(plan.members)} files")


def push_to_store(
    nquads: Path, store_url: str, sparql_url: str | None, replace: bool, verbose: bool
) -> None:
    from redarmy_kg.cli import EXIT_BAD_INPUT, EXIT_VALIDATION_FAILED
    from redarmy_kg.publish.gsp import (
        PublishError,
        Target,
        VerificationFailed,
        graphs_from_nquads,
        publish_graphs,
    )

    started = time.perf_counter()
    try:
        target = Target.from_urls(store_url, sparql_url)
        graphs = graphs_from_nquads(nquads)
        report = publish_graphs(graphs, target, replace=replace)
    except PublishError as error:
        if error.report is not None:
            print_report(error.report, verbose)
        code = EXIT_VALIDATION_FAILED if isinstance(error, VerificationFailed) else EXIT_BAD_INPUT
        click.echo(f"redarmy-kg: publish failed: {error}", err=True)
        sys.exit(code)
    print_report(report, verbose)
    seconds = time.perf_counter() - started
    triples = sum(result.sent for result in report.results)
    mode = "replaced" if replace else "merged"
    click.echo(
        f"published {len(report.results)} graphs ({triples} triples, {mode}) to "
        f"{target.store_url} and verified through {target.sparql_url} in {seconds:.1f}s"
    )


def print_report(report: object, verbose: bool) -> None:
    """One line per graph (`sent`, `found` in the store); a family of per-claim graphs
    is summed into one line unless verbose."""
    from redarmy_kg import iris
    from redarmy_kg.publish.graphs import group_graphs
    from redarmy_kg.publish.gsp import PublishReport

    assert isinstance(report, PublishReport)
    by_graph = {result.graph: result for result in report.results}
    for group in group_graphs(list(by_graph), iris.base()):
        results = [by_graph[iri] for iri in group.graph_iris]
        if verbose or not group.is_family:
            for result in results:
                found = "not checked" if result.found is None else f"{result.found} in store"
                click.echo(f"  {result.graph}  sent {result.sent}, {found}")
            continue
        sent = sum(r.sent for r in results)
        found = [r.found for r in results if r.found is not None]
        in_store = f"{sum(found)} in store" if len(found) == len(results) else "not checked"
        verified = sum(1 for r in results if r.verified)
        click.echo(
            f"  {len(results)} graphs {group.family_prefix}...  sent {sent}, {in_store} "
            f"({verified} graphs verified)"
        )
