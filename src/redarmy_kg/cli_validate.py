"""`redarmy-kg validate [PATH]`: SHACL shapes and OWL consistency of a build or dump."""

from __future__ import annotations

from pathlib import Path

import click

from redarmy_kg.cli import ValidationFailed, handle_errors


@click.command()
@click.argument("path", type=click.Path(path_type=Path), default=Path("build"))
@click.option(
    "--engine",
    type=click.Choice(["shacl", "sparql", "both"]),
    default="shacl",
    show_default=True,
    help="pySHACL (the reference), the same constraints as SPARQL on pyoxigraph "
    "(fast, what `build` runs), or both (and compare).",
)
@click.option(
    "--owl/--no-owl",
    "with_owl",
    default=True,
    show_default=True,
    help="Also check OWL consistency of the ontology and data with HermiT (needs Java).",
)
@click.option(
    "--report-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to write shacl-report.ttl (default: next to the dump).",
)
@handle_errors
def validate(path: Path, engine: str, with_owl: bool, report_dir: Path | None) -> None:
    """Check a build folder or a dump (.nq/.trig/.ttl) against the shapes and the ontology.

    Exit 0 when it conforms, 1 on violations, 2 on bad input, 3 on an internal error.
    """
    from redarmy_kg.validate import validate_build

    result = validate_build(path, engine=engine, with_owl=with_owl, out_dir=report_dir)  # type: ignore[arg-type]
    click.echo(result.summary())
    if not result.conforms:
        violations = max(len(report.results) for report in result.reports)
        raise ValidationFailed(
            f"validation failed: {violations} SHACL violations"
            + ("" if all(r.consistent is not False for r in result.owl) else ", OWL inconsistent")
            + f" (see {result.report_path})"
        )
