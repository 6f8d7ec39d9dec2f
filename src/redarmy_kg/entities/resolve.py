"""Resolve an ambiguous surname (Kamenev, Smirnov, Gai ...) from its context.

The rules are data (`mappings/ambiguous_names.tsv`: per candidate, cue words
that point to it). In order:
1. `cue`: cue words of exactly one candidate occur in the same sentence or footnote;
2. `context`: the nearest earlier mention of one of the candidates in the
   same paragraph (or footnote, or for a footnote the sentence that cites it)
   -- `S. S. Kamenev ... Kamenev ordered` -- names the same person;
3. `wider-cue`: cue words of exactly one candidate occur in the paragraph
   (for a footnote: the citing sentence and its paragraph);
4. otherwise the mention stays `unresolved` and points to the flagged
   ambiguous node: a guess is never made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from redarmy_kg.entities.catalog import AmbiguityRule


@dataclass(frozen=True)
class Resolution:
    ref: str  # the chosen entity, or the rule's ambiguous node
    method: str  # cue | context | wider-cue | unresolved


@lru_cache(maxsize=2048)
def _cue_pattern(cue: str) -> re.Pattern[str]:
    return re.compile(r"(?<![A-Za-z0-9])" + re.escape(cue) + r"(?![A-Za-z0-9])")


def candidates_cued(rule: AmbiguityRule, text: str) -> list[str]:
    """Refs of the candidates whose cue words occur in `text`."""
    return [
        c.ref for c in rule.candidates if any(_cue_pattern(cue).search(text) for cue in c.cues)
    ]


def resolve(
    rule: AmbiguityRule, own_text: str, earlier_refs: list[str], wider_text: str
) -> Resolution:
    """Pick the candidate meant by one ambiguous mention, or flag it.

    `own_text`: the container text with the mention itself blanked out;
    `earlier_refs`: refs of the resolved mentions before it in its context, nearest last;
    `wider_text`: the surrounding paragraph (or citing sentence) text.
    """
    cued = candidates_cued(rule, own_text)
    if len(cued) == 1:
        return Resolution(cued[0], "cue")
    candidate_refs = {c.ref for c in rule.candidates}
    for ref in reversed(earlier_refs):
        if ref in candidate_refs:
            return Resolution(ref, "context")
    wider = candidates_cued(rule, wider_text)
    if len(wider) == 1:
        return Resolution(wider[0], "wider-cue")
    return Resolution(rule.ref, "unresolved")
