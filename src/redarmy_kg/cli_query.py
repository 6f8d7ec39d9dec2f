"""`redarmy-kg query FILE_OR_TEXT`: run a SPARQL query on the built store and print it.

FILE_OR_TEXT is a `.rq` file (for example one of `queries/`) or the query text
itself. The union of all named graphs is queried. Results print as an aligned
table (default), CSV or JSON (SPARQL 1.1 Query Results JSON for SELECT/ASK,
N-Triples for CONSTRUCT/DESCRIBE whatever the format).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click
from pyoxigraph import QueryBoolean, QuerySolutions, QueryTriples, RdfFormat

from redarmy_kg.cli import handle_errors
from redarmy_kg.errors import BadInput

MAX_CELL = 80


def read_query(file_or_text: str) -> str:
    """The text of a query file, or the argument itself when it is not a file."""
    path = Path(file_or_text)
    looks_like_path = "\n" not in file_or_text and len(file_or_text) < 4096
    if looks_like_path and path.suffix in (".rq", ".sparql") and not path.is_file():
        raise BadInput(f"no query file {file_or_text}")
    if looks_like_path and path.is_file():
        return path.read_text(encoding="utf-8")
    return file_or_text


def run_query(store: object, query: str) -> QuerySolutions | QueryBoolean | QueryTriples:
    try:
        return store.query(query, use_default_graph_as_union=True)  # type: ignore[attr-defined]
    except SyntaxError as error:
        raise BadInput(f"the query does not parse: {error}") from error


def solution_rows(solutions: QuerySolutions) -> tuple[list[str], list[list[str]]]:
    header = [v.value for v in solutions.variables]
    rows = [[row[name].value if row[name] is not None else "" for name in header]
            for row in solutions]
    return header, rows


def format_table(header: list[str], rows: list[list[str]]) -> str:
    cells = [[_cell(value) for value in row] for row in rows]
    widths = [max([len(name)] + [len(row[i]) for row in cells]) for i, name in enumerate(header)]
    lines = ["  ".join(name.ljust(w) for name, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip()
              for row in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def format_csv(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().rstrip("\n")


def format_json(header: list[str], rows: list[list[str]]) -> str:
    bindings = [{name: value for name, value in zip(header, row, strict=True) if value}
                for row in rows]
    return json.dumps({"head": {"vars": header}, "results": bindings}, indent=2,
                      ensure_ascii=False)


def _cell(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= MAX_CELL else value[: MAX_CELL - 3] + "..."


FORMATTERS = {"table": format_table, "csv": format_csv, "json": format_json}


@click.command()
@click.argument("file_or_text")
@click.option(
    "--build-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("build"),
    show_default=True,
    help="Build folder holding the store.",
)
@click.option(
    "--format", "output_format", type=click.Choice(sorted(FORMATTERS)), default="table",
    show_default=True, help="How to print SELECT results.",
)
@handle_errors
def query(file_or_text: str, build_dir: Path, output_format: str) -> None:
    """Run a SPARQL query (a .rq file or its text) on the built store."""
    from redarmy_kg.store import open_store

    text = read_query(file_or_text)
    result = run_query(open_store(build_dir), text)
    if isinstance(result, QueryBoolean):
        click.echo("true" if bool(result) else "false")
    elif isinstance(result, QuerySolutions):
        header, rows = solution_rows(result)
        click.echo(FORMATTERS[output_format](header, rows))
    else:
        click.echo(result.serialize(format=RdfFormat.N_TRIPLES).decode("utf-8").rstrip("\n"))
