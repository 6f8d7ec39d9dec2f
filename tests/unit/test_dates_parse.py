"""Dates with precision and bounds from hand-made phrases in the thesis's style."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redarmy_kg.dates import dates_in_passage, find_dates


def only(text: str, context_year: int | None = None):
    found = find_dates(text, context_year)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "precision", "earliest", "latest"),
    [
        ("On 11 June 1937 a court met", "1937-06-11", "day", "1937-06-11", "1937-06-11"),
        ("on 22 August 1936 he wrote", "1936-08-22", "day", "1936-08-22", "1936-08-22"),
        ("arrested in May 1937.", "1937-05", "month", "1937-05-01", "1937-05-31"),
        ("in 1929 he", "1929", "year", "1929-01-01", "1929-12-31"),
        ("during the summer of 1936", "1936", "season", "1936-06-01", "1936-08-31"),
        ("in early 1937", "1937", "part-of-year", "1937-01-01", "1937-04-30"),
        ("the second half of 1936", "1936", "part-of-year", "1936-07-01", "1936-12-31"),
        ("by mid-1937", "1937", "part-of-year", "1937-05-01", "1937-08-31"),
        ("the end of 1937", "1937", "part-of-year", "1937-10-01", "1937-12-31"),
        ("mid-June 1937", "1937-06", "part-of-month", "1937-06-11", "1937-06-20"),
        ("on 1-4 June 1937", "1937-06", "range", "1937-06-01", "1937-06-04"),
        ("during 1937-38", None, "range", "1937-01-01", "1938-12-31"),
        ("between 1934 and 1936", None, "range", "1934-01-01", "1936-12-31"),
        ("between July 1936 and February 1937", None, "range", "1936-07-01", "1937-02-28"),
        ("in the late 1920s", None, "decade", "1926-01-01", "1929-12-31"),
        ("in the 1930s", None, "decade", "1930-01-01", "1939-12-31"),
        ("the summer and autumn of 1936", "1936", "season", "1936-06-01", "1936-11-30"),
    ],
)
def test_phrase_normalised(text, value, precision, earliest, latest):
    found = only(text)
    assert (found.value, found.precision) == (value, precision)
    assert (found.earliest.isoformat(), found.latest.isoformat()) == (earliest, latest)
    assert not found.inferred_year
    assert text[found.start : found.end] == found.text


def test_datatype_follows_value():
    assert only("11 June 1937").datatype == "date"
    assert only("June 1937").datatype == "gYearMonth"
    assert only("1937").datatype == "gYear"
    assert only("1937-38").datatype is None


def test_day_month_takes_year_from_earlier_sentences():
    found = dates_in_passage(
        "On 25 September Iagoda was replaced.",
        ["Ezhov rose in 1935.", "In the summer of 1936 the trial began.", "Nothing dated."],
    )
    assert len(found) == 1
    assert found[0].value == "1936-09-25"
    assert found[0].inferred_year


def test_year_earlier_in_same_sentence_wins():
    found = dates_in_passage("In 1937 things moved fast and on 12 June all were shot.", ["1935."])
    assert [d.value for d in found] == ["1937", "1937-06-12"]
    assert found[1].inferred_year


def test_yearless_date_without_context_is_left_out():
    assert dates_in_passage("On 25 September Iagoda was replaced.", []) == []


def test_bare_month_needs_a_preposition():
    assert find_dates("May I add this", 1936) == []
    assert only("In June Voroshilov wrote", 1936).value == "1936-06"


def test_impossible_day_and_out_of_range_numbers_are_not_dates():
    assert only("31 June 1937").precision == "month"
    assert find_dates("1640 people were arrested") == []


def test_footnote_marker_glued_to_year_keeps_the_year():
    assert only("executed in 1936.107 Later").value == "1936"


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789 -,.June Mayofthe summerlyearid1937s")),
        max_size=60,
    ),
    st.one_of(st.none(), st.integers(min_value=1, max_value=3000)),
)
def test_fuzz_never_raises_and_bounds_are_ordered(text, year):
    for found in find_dates(text, year):
        assert found.earliest <= found.latest
        assert text[found.start : found.end] == found.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.lists(st.text(max_size=40), max_size=3))
def test_fuzz_passages_never_raise(text, previous):
    for found in dates_in_passage(text, previous):
        assert isinstance(found.earliest, dt.date)
        assert found.earliest <= found.latest


def test_yearless_date_takes_the_year_of_the_span_the_paragraph_just_stated():
    from redarmy_kg.dates import dates_in_passage
    from redarmy_kg.events.years import within_stated_range

    span = dates_in_passage("Between July 1936 and February 1937, few were arrested.")
    text = "On 10 November he wrote to Stalin."
    dates = within_stated_range(text, dates_in_passage(text, anchor_year=1937), [span])
    assert [(d.value, d.inferred_year) for d in dates] == [("1936-11-10", True)]
    outside = "On 10 April he wrote to Stalin."
    kept = within_stated_range(outside, dates_in_passage(outside, anchor_year=1937), [span])
    assert [d.value for d in kept] == ["1937-04-10"]


def test_two_months_without_a_year_are_one_range_in_the_context_year():
    from redarmy_kg.dates import find_dates

    (both,) = find_dates("During November and December, Eismont was arrested.", 1932)
    assert (both.text, both.precision, both.inferred_year) == (
        "November and December",
        "range",
        True,
    )
    assert (both.earliest.isoformat(), both.latest.isoformat()) == ("1932-11-01", "1932-12-31")
    assert [d.text for d in find_dates("in December and January", 1932)] == ["December", "January"]
