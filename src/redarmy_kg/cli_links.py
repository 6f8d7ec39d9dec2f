"""`redarmy-kg links`: check the curated Wikidata links and export edits for Wikidata."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import ParamSpec, TypeVar

import click

P = ParamSpec("P")
R = TypeVar("R")

MAPPINGS_OPTION = click.option(
    "--mappings",
    "mappings_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="SSSOM mapping file (default: the bundled mappings/wikidata.sssom.tsv).",
)


def _with_error_handling(command: Callable[P, R]) -> Callable[P, R]:
    """The main CLI's error handling, imported when the command runs (cli imports us)."""

    @wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from redarmy_kg.cli import handle_errors

        return handle_errors(command)(*args, **kwargs)

    return wrapper


def _load(mappings_path: Path | None):  # -> redarmy_kg.links.sssom.MappingSet
    from redarmy_kg.links.sssom import DEFAULT_MAPPINGS, load_mappings

    return load_mappings(mappings_path or DEFAULT_MAPPINGS)


@click.group()
def links() -> None:
    """Check and export the curated links to Wikidata (mappings/wikidata.sssom.tsv)."""


@links.command()
@click.option(
    "--endpoint",
    default="https://query.wikidata.org/sparql",
    show_default=True,
    help="SPARQL endpoint holding Wikidata-shaped data (rdfs:label, wdt:P569, wdt:P570).",
)
@click.option(
    "--timeout",
    "timeout_s",
    type=int,
    default=60,
    show_default=True,
    help="Seconds to wait for each query.",
)
@MAPPINGS_OPTION
@_with_error_handling
def verify(endpoint: str, timeout_s: int, mappings_path: Path | None) -> None:
    """Check every published (confirmed) link against a Wikidata SPARQL endpoint.

    For each link the item must exist, one of its English or Russian labels must
    equal the recorded object_label, and for people the birth (P569) and death
    (P570) years must equal the recorded ones. Exit 0 when all agree, 1 when any
    link mismatches (each mismatch is printed), 2 when the mapping file is
    malformed or the endpoint cannot be queried.
    """
    from redarmy_kg.cli import ValidationFailed
    from redarmy_kg.links.verify import verify_links

    mapping_set = _load(mappings_path)
    report = verify_links(mapping_set.links, endpoint=endpoint, timeout_s=timeout_s)
    for link in report.checked:
        problems = [m for m in report.mismatches if m.link is link]
        verdict = "MISMATCH" if problems else "ok"
        click.echo(f"{verdict}\t{link.subject_id}\t{link.qid}\t{link.object_label}")
    for mismatch in report.mismatches:
        click.echo(f"mismatch: {mismatch.line()}")
    if not report.ok:
        raise ValidationFailed(report.summary_line())
    click.echo(report.summary_line())


@links.command()
@click.option(
    "--quickstatements",
    "as_quickstatements",
    is_flag=True,
    help="Write QuickStatements v1 lines (the only export format).",
)
@click.option(
    "--thesis-qid",
    default=None,
    metavar="QID",
    help="Wikidata item of the thesis, the value of P1343 (required).",
)
@click.option(
    "--out",
    "out_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
@MAPPINGS_OPTION
@_with_error_handling
def export(
    as_quickstatements: bool,
    thesis_qid: str | None,
    out_path: Path | None,
    mappings_path: Path | None,
) -> None:
    """Export edits that add 'described by source' (P1343) = the thesis to linked people.

    Only confirmed owl:sameAs links to people are exported, one line each:
    `Q<person> TAB P1343 TAB <thesis QID> TAB S854 TAB "<thesis IRI>"`, i.e. the
    statement with a reference URL pointing at the thesis in this dataset.
    P1343 needs an item as value and the thesis has no Wikidata item yet, so
    the command refuses (exit 2) until you create that item and pass its id
    with --thesis-qid. Paste the output into QuickStatements and review it
    before running the batch.
    """
    from redarmy_kg.links.quickstatements import check_thesis_qid, quickstatements

    if not as_quickstatements:
        raise click.UsageError("choose an export format: --quickstatements")
    check_thesis_qid(thesis_qid)
    mapping_set = _load(mappings_path)
    text = quickstatements(mapping_set.links, thesis_qid)
    if out_path is None:
        click.echo(text, nl=False)
        return
    out_path.write_text(text, encoding="utf-8")
    click.echo(f"wrote {text.count(chr(10))} QuickStatements lines to {out_path}", err=True)
