"""The error every loader of a curated file in `mappings/` raises on malformed input."""

from __future__ import annotations

from pathlib import Path

from redarmy_kg.errors import BadInput


class MappingError(BadInput):
    """A curated mapping file is malformed; the one-line message names the file and row.

    `row` is the 1-based line number in the file, so an editor can jump to it.
    The CLI maps this error (a `BadInput`) to exit code 2.
    """

    def __init__(self, path: Path | str, row: int | None, problem: str) -> None:
        self.path = Path(path)
        self.row = row
        self.problem = problem
        shown = display_path(self.path)
        where = f"{shown}, row {row}" if row is not None else shown
        super().__init__(f"{where}: {problem}")


def display_path(path: Path) -> str:
    """The path relative to the working folder when it lies below it, else as given."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
