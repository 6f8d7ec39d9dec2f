"""The normalised date of a piece of text, with the precision the text gives."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

PRECISIONS = (
    "day",
    "part-of-month",
    "month",
    "season",
    "part-of-year",
    "year",
    "range",
    "decade",
)


@dataclass(frozen=True)
class DateValue:
    """A date found in a text.

    `value` is the lexical form of the most specific standard datatype that the
    text supports (`1937-06-12` xsd:date, `1937-06` xsd:gYearMonth, `1937`
    xsd:gYear), or None when no single such value encloses it (`1937-38`, `the
    late 1920s`); `earliest`/`latest` always bound it, so that range queries work
    uniformly. `start`/`end` are offsets into the parsed text (end exclusive).
    """

    text: str
    value: str | None
    precision: str
    earliest: dt.date
    latest: dt.date
    inferred_year: bool
    start: int
    end: int

    @property
    def datatype(self) -> str | None:
        """`date`, `gYearMonth` or `gYear` (XML Schema local name), from the value's form."""
        if self.value is None:
            return None
        return {10: "date", 7: "gYearMonth", 4: "gYear"}.get(len(self.value))

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    @property
    def sort_key(self) -> str:
        """A stable slug-friendly form: the value, else `<earliest>--<latest>`."""
        if self.value is not None:
            return self.value
        return f"{self.earliest.isoformat()}--{self.latest.isoformat()}"
