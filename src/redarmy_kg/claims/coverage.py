"""Which footnotes support which sentences: the footnote coverage rule.

A footnote's marker often comes a sentence or two after the statement it
supports. Rule: a footnote covers the sentence carrying its marker and the
preceding sentences of the same paragraph back to (not including) the
previous sentence that carries a marker. A sentence after the last marker of
its paragraph is covered by no footnote (its claims say `rkg:noSourceGiven`).
"""

from __future__ import annotations

from itertools import groupby

from redarmy_kg.structure.model import Sentence


def footnote_coverage(sentences: list[Sentence]) -> dict[str, list[str]]:
    """Sentence key -> the footnote keys covering it (in marker order)."""
    covered: dict[str, list[str]] = {}
    for _, group in groupby(sentences, key=lambda s: s.paragraph_key):
        waiting: list[str] = []
        for sentence in group:
            waiting.append(sentence.key)
            if sentence.footnote_keys:
                for key in waiting:
                    covered[key] = list(sentence.footnote_keys)
                waiting = []
        for key in waiting:
            covered[key] = []
    return covered
