"""`redarmy-kg sources`: the thesis's sources by use, from the built store.

Archival files with the number of footnotes citing them (ibids included), and
works by number of citations. The queries are the ones kept in `queries/`.
"""

from __future__ import annotations

from pathlib import Path

import click

from redarmy_kg.cli import handle_errors

ARCHIVAL_FILES = """
PREFIX cito: <http://purl.org/spar/cito/>
PREFIX rico: <https://www.ica.org/standards/RiC/ontology#>
SELECT ?identifier (COUNT(DISTINCT ?footnote) AS ?footnotes)
WHERE {
  ?citation a cito:Citation ; cito:hasCitingEntity ?footnote ; cito:hasCitedEntity ?file .
  ?file rico:hasRecordSetType <https://www.ica.org/standards/RiC/vocabularies/recordSetTypes#File> ;
        rico:identifier ?identifier .
}
GROUP BY ?identifier
ORDER BY DESC(?footnotes) ?identifier
"""

WORKS = """
PREFIX cito: <http://purl.org/spar/cito/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rkg: <https://w3id.org/redarmy-kg/ontology#>
SELECT ?work ?title (COUNT(?citation) AS ?citations)
WHERE {
  ?citation a cito:Citation ; cito:hasCitedEntity ?work .
  ?work rkg:bibliographyEntry ?entry ; dcterms:title ?title .
}
GROUP BY ?work ?title
ORDER BY DESC(?citations) ?title
"""


def source_rows(store: object, query: str) -> list[list[str]]:
    """Rows of plain values; the union of all graphs is queried."""
    results = store.query(query, use_default_graph_as_union=True)  # type: ignore[attr-defined]
    return [[term.value for term in row] for row in results]


@click.command()
@click.option(
    "--build",
    "build_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("build"),
    show_default=True,
    help="Build folder holding the store.",
)
@click.option(
    "--kind",
    type=click.Choice(["all", "archival", "works"]),
    default="all",
    show_default=True,
    help="Which list to print.",
)
@click.option("--limit", type=int, default=0, help="Print at most this many rows per list.")
@handle_errors
def sources(build_dir: Path, kind: str, limit: int) -> None:
    """List archival files by citing footnotes and works by citations."""
    from redarmy_kg.store import open_store

    store = open_store(build_dir)
    if kind in ("all", "archival"):
        rows = source_rows(store, ARCHIVAL_FILES)
        click.echo(f"Archival files ({len(rows)}), by citing footnotes:")
        for identifier, count in rows[: limit or None]:
            click.echo(f"{int(count):5d}  {identifier}")
    if kind in ("all", "works"):
        rows = source_rows(store, WORKS)
        click.echo(f"Works ({len(rows)}), by citations:")
        for work, title, count in rows[: limit or None]:
            key = work.rsplit("/", 1)[-1]
            click.echo(f"{int(count):5d}  {key}  {title}")
