"""Small calendar helpers: the first and last day of months, seasons and years."""

from __future__ import annotations

import calendar
import datetime as dt


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def month_bounds(year: int, first_month: int, last_month: int) -> tuple[dt.date, dt.date]:
    """From the first day of `first_month` to the last day of `last_month` (13+ = next year)."""
    end_year = year + (last_month - 1) // 12
    end_month = (last_month - 1) % 12 + 1
    earliest = dt.date(year, first_month, 1)
    latest = dt.date(end_year, end_month, last_day(end_year, end_month))
    return earliest, latest


def year_bounds(first_year: int, last_year: int) -> tuple[dt.date, dt.date]:
    return dt.date(first_year, 1, 1), dt.date(last_year, 12, 31)


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= last_day(year, month)


def expand_short_year(first: int, second: str) -> int:
    """`1937-38` -> 1938; `1917-1920` -> 1920."""
    if len(second) == 4:
        return int(second)
    century = first - first % 100
    value = century + int(second)
    return value if value >= first else value + 100
