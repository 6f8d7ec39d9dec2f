"""Dates: normalising date phrases of the thesis with their precision and bounds."""

from redarmy_kg.dates.context import context_year, dates_in_passage
from redarmy_kg.dates.model import PRECISIONS, DateValue
from redarmy_kg.dates.parse import find_dates

__all__ = ["PRECISIONS", "DateValue", "context_year", "dates_in_passage", "find_dates"]
