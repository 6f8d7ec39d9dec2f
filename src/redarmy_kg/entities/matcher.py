"""Find every surface form of the catalog in a cleaned text (Aho-Corasick).

pyahocorasick finds all occurrences of thousands of forms in one pass; this
module only adds what the automaton does not know: word boundaries, the
possessive `s` whose apostrophe the PDF extraction lost (`Stalins`), guarded
forms that count only in their citation form (`Main, The Red Army`), the
imprints of cited works (`(Moscow: ROSSPEN, 2007)`: not a place the thesis
speaks of), and the choice of the leftmost-longest match where forms overlap
(`Leningrad Military District` beats `Leningrad`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from redarmy_kg.entities.catalog import Catalog


@dataclass(frozen=True)
class Target:
    """What a surface form points to: one entity, or an ambiguity rule to resolve."""

    refs: tuple[str, ...]  # one ref, or the candidates of an ambiguous surface
    guarded: bool = False
    ambiguous: bool = False

    @property
    def is_place(self) -> bool:
        return self.refs[0].startswith("place/")


@dataclass(frozen=True)
class RawMatch:
    start: int
    end: int  # exclusive, includes a possessive 's'
    surface: str  # the form as listed (without the possessive 's')
    target: Target


class SurfaceMatcher:
    def __init__(self, catalog: Catalog) -> None:
        self._guard_words = catalog.guard_words
        self._automaton = ahocorasick.Automaton()
        forms: dict[str, Target] = {}
        for ref, entity in sorted(catalog.entities.items()):
            for form in entity.surface_forms:
                forms[form] = Target((ref,))
            for form in entity.guarded_forms:
                forms.setdefault(form, Target((ref,), guarded=True))
        for surface, rule in sorted(catalog.ambiguities.items()):
            forms[surface] = Target(tuple(c.ref for c in rule.candidates), ambiguous=True)
        for form, target in sorted(forms.items()):
            self._automaton.add_word(form, (form, target))
        self._automaton.make_automaton()

    def find(self, text: str) -> list[RawMatch]:
        """Non-overlapping matches in `text`, leftmost-longest, in text order."""
        found = []
        for last, (form, target) in self._automaton.iter(text):
            start = last - len(form) + 1
            end = _accepted_end(text, start, last + 1, target.guarded, self._guard_words)
            if end is not None and not (target.is_place and _is_imprint(text, start, end)):
                found.append(RawMatch(start, end, form, target))
        return _leftmost_longest(found)


def _is_word_char(char: str) -> bool:
    return char.isalnum()


def _accepted_end(
    text: str, start: int, end: int, guarded: bool, guard_words: frozenset[str]
) -> int | None:
    """The match's end (after a possessive 's') if it sits on word boundaries, else None."""
    if start > 0 and _is_word_char(text[start - 1]):
        return None
    after = text[end : end + 2]
    if guarded:
        return end if _guard_satisfied(text, end, guard_words) else None
    if not after or not _is_word_char(after[0]):
        return end
    if after[0] == "s" and (len(after) == 1 or not _is_word_char(after[1])):
        return end + 1  # `Stalins` = Stalin's
    return None


def _guard_satisfied(text: str, end: int, guard_words: frozenset[str]) -> bool:
    """A guarded form counts as `Name,` or before a reporting word (`Stone has noted`)."""
    if text.startswith(",", end):
        return True
    if not text.startswith(" ", end):
        return False
    next_word = text[end + 1 :].split(" ", 1)[0].rstrip(".,;:")
    return next_word in guard_words


IMPRINT_END = re.compile(r"(:|;|, \d)")


def _is_imprint(text: str, start: int, end: int) -> bool:
    """`(Moscow: ROSSPEN, 2007)`, `(London; Portland, Or.: ...)`, `(Moscow, 2000)`:
    the place of publication of a cited work, not a place the thesis speaks of."""
    return text[start - 1 : start] == "(" and IMPRINT_END.match(text, end) is not None


def _leftmost_longest(matches: list[RawMatch]) -> list[RawMatch]:
    chosen: list[RawMatch] = []
    cursor = 0
    for match in sorted(matches, key=lambda m: (m.start, -(m.end - m.start))):
        if match.start >= cursor:
            chosen.append(match)
            cursor = match.end
    return chosen
