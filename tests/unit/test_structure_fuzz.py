"""Fuzzing the structure parser with hypothesis: on arbitrary text, on mutilated
slices of the real thesis and on tiny inputs, `parse_document` never raises and
never drops text: every non-whitespace character is in exactly one published
component or kept as unassigned text, and the RDF can be emitted."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redarmy_kg.rdf.structure import emit_structure
from redarmy_kg.structure import parse_document
from redarmy_kg.structure.coverage import coverage

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# lines that steer the parser into its branches: headings, footnotes, markers, title page
TRICKY_LINES = (
    "",
    " ",
    "Introduction ",
    "Chapter One: The Army ",
    "Chapter Two: The Purge ",
    "Conclusion ",
    "Bibliography ",
    "Books and Journal Articles ",
    "Archival Sources ",
    "Rossiiskii gosudarstvennyi voennyi arkhiv (RGVA) ",
    "f. 4, op. 19 ",
    "Submitted July 2012 ",
    "Submitted Smarch 2012 ",
    "This copy has been supplied ",
    "Acknowledgements ",
    "Abstract ",
    "Table of Contents ",
    "Abbreviations ",
    "GPU - State Political Directorate ",
    "and Sabotage ",
    "Military Districts ",
    "Terminology and Transliteration ",
    "The officers were arrested after the conspiracy was exposed.1 This was only ",
    "the beginning.2 ",
    "1 Getty and Naumov, The Road to Terror, p. 276. ",
    "2For more, see RGVA, f. 4, op. 19, d. 16, ll. 15- ",
    "3  Ibid. ",
    "16 March 1937 saw the first arrests. ",
    "Operation vesna ",
    "Conquest, Robert, The Great Terror (London: Macmillan, 1973) ",
)


@lru_cache(maxsize=1)
def thesis_lines() -> list[str]:
    path = next(CORPUS.glob("*.txt"))
    return path.read_text(encoding="utf-8").split("\n")


def assert_nothing_lost(text: str) -> None:
    document = parse_document(text)
    result = coverage(document)
    assert result.non_whitespace_chars == len(re.findall(r"\S", text))
    assert result.overlapping_chars == 0, result.overlaps
    assert result.covered_chars + result.unassigned_chars == result.non_whitespace_chars
    for item in document.unassigned:
        assert item.span.slice(text) == item.text and item.text.strip() == item.text
    emit_structure(document)


@FUZZ
@given(st.text(max_size=400))
def test_arbitrary_text(text: str) -> None:
    assert_nothing_lost(text)


@FUZZ
@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=127), max_size=600))
def test_random_ascii(text: str) -> None:
    assert_nothing_lost(text)


@FUZZ
@given(st.lists(st.sampled_from(TRICKY_LINES), max_size=40))
def test_documents_of_tricky_lines(lines: list[str]) -> None:
    assert_nothing_lost("\n".join(lines))


@settings(max_examples=1, deadline=None)
@given(st.sampled_from(["", "\n", " \n\t", "1", "x", "Introduction", "Bibliography\n"]))
def test_empty_and_tiny_input(text: str) -> None:
    assert_nothing_lost(text)


MUTATIONS = ("drop", "duplicate", "swap", "truncate", "digits", "ascii")


def mutate(lines: list[str], operations: list[tuple[str, int, int, str]]) -> list[str]:
    lines = list(lines)
    for operation, where, amount, noise in operations:
        if not lines:
            break
        index = where % len(lines)
        line = lines[index]
        if operation == "drop":
            del lines[index]
        elif operation == "duplicate":
            lines.insert(index, line)
        elif operation == "swap":
            other = amount % len(lines)
            lines[index], lines[other] = lines[other], line
        elif operation == "truncate":
            lines[index] = line[: amount % (len(line) + 1)]
        elif operation == "digits":
            lines[index] = f"{amount}{line}"
        else:
            cut = amount % (len(line) + 1)
            lines[index] = line[:cut] + noise + line[cut:]
    return lines


operations = st.lists(
    st.tuples(
        st.sampled_from(MUTATIONS),
        st.integers(min_value=0, max_value=10_000),
        st.integers(min_value=0, max_value=300),
        st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=127), max_size=8),
    ),
    max_size=12,
)


@FUZZ
@given(
    start=st.one_of(st.just(0), st.integers(min_value=0, max_value=9_400)),
    length=st.integers(min_value=1, max_value=300),
    changes=operations,
)
def test_mutilated_slices_of_the_thesis(
    start: int, length: int, changes: list[tuple[str, int, int, str]]
) -> None:
    lines = thesis_lines()[start : start + length]
    assert_nothing_lost("\n".join(mutate(lines, changes)))


@settings(max_examples=10, deadline=None)
@given(
    start=st.integers(min_value=0, max_value=9_000),
    changes=operations,
)
def test_front_matter_and_a_part_boundary_mutilated(
    start: int, changes: list[tuple[str, int, int, str]]
) -> None:
    """The front matter glued to a later stretch, so that both are parsed."""
    lines = thesis_lines()
    assert_nothing_lost("\n".join(mutate(lines[:120] + lines[start : start + 150], changes)))
