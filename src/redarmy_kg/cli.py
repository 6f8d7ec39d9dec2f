"""The `redarmy-kg` command: one subcommand per job; it only wires stages together.

Exit codes: 0 ok, 1 validation failed, 2 bad input, 3 internal error.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import ParamSpec, TypeVar

import click

from redarmy_kg import __version__
from redarmy_kg.cli_links import links
from redarmy_kg.cli_publish import publish

EXIT_OK = 0
EXIT_VALIDATION_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL_ERROR = 3

P = ParamSpec("P")
R = TypeVar("R")


class ValidationFailed(Exception):
    """The graph does not conform to the shapes; exit code 1."""


def bad_input_types() -> tuple[type[BaseException], ...]:
    """Every exception type that means 'the input is wrong' (exit 2)."""
    from redarmy_kg.errors import BadInput

    return (BadInput, FileNotFoundError)


def handle_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn exceptions into one-line messages and fixed exit codes."""

    @wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        debug = click.get_current_context().find_root().params.get("debug", False)
        try:
            return command(*args, **kwargs)
        except click.exceptions.Exit:
            raise
        except click.ClickException:
            raise
        except ValidationFailed as error:
            _fail(str(error), EXIT_VALIDATION_FAILED, debug)
        except bad_input_types() as error:
            _fail(f"bad input: {error}", EXIT_BAD_INPUT, debug)
        except Exception as error:  # noqa: BLE001 - the last line of defence
            _fail(
                f"internal error: {type(error).__name__}: {error} (run with --debug for details)",
                EXIT_INTERNAL_ERROR,
                debug,
            )
        raise AssertionError("unreachable")

    return wrapper


def _fail(message: str, code: int, debug: bool) -> None:
    if debug:
        traceback.print_exc()
    click.echo(f"redarmy-kg: {message}", err=True)
    sys.exit(code)


@click.group()
@click.version_option(__version__, prog_name="redarmy-kg")
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
def main(debug: bool) -> None:
    """Build, check, query, serve and publish the redarmy-kg knowledge graph."""


@main.command()
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("build"),
    show_default=True,
    help="Folder for dumps, report and store.",
)
@click.option(
    "--corpus",
    "corpus_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Corpus file (default: the bundled thesis).",
)
@click.option(
    "--mappings",
    "mappings_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of curated mapping files (default: the bundled mappings/).",
)
@click.option("--quiet", is_flag=True, help="No progress display.")
@handle_errors
def build(
    out_dir: Path, corpus_path: Path | None, mappings_dir: Path | None, quiet: bool
) -> None:
    """Build the graph from the thesis: dumps, report.json and the store."""
    from redarmy_kg.pipeline import BuildConfig, run_build
    from redarmy_kg.progress import Progress

    config = BuildConfig(out_dir=out_dir)
    if corpus_path is not None:
        config.corpus_path = corpus_path
    if mappings_dir is not None:
        config.mappings_dir = mappings_dir
    progress = Progress(enabled=not quiet)
    result = run_build(config, progress)
    if result.failed_validation:
        raise ValidationFailed(result.summary_line())
    click.echo(result.summary_line())


main.add_command(links)
main.add_command(publish)

from redarmy_kg.cli_serve import serve  # noqa: E402 - cli_serve uses handle_errors above

main.add_command(serve)

from redarmy_kg.cli_validate import validate  # noqa: E402 - cli_validate uses handle_errors above

main.add_command(validate)

from redarmy_kg.cli_sources import sources  # noqa: E402 - cli_sources uses handle_errors above

main.add_command(sources)

from redarmy_kg.cli_query import query  # noqa: E402 - cli_query uses handle_errors above

main.add_command(query)
