"""People listed after a copula: `arrests at this time included ..., Primakov, on 14 August`.

An event noun with no `of`-list and no possessive may be followed, within its
clause, by `included` or `were` and the people it concerns (`The group chosen
for the trial ... were Tukhachevskii, Iakir, ... and Putna`). The list is read
with the ordinary list rule; a single name may also come after a description
set off by a comma (`included the former Trotskyist and deputy commander of the
LVO, Primakov,`). A clause break, another person before the copula, or a verb in
the description stops the rule.
"""

from __future__ import annotations

import re

from redarmy_kg.events.grammar import list_after
from redarmy_kg.events.model import EntitySpan

COPULA = re.compile(r"(?P<gap>[^.;:,()]{0,90}?)\b(?:included|were)\s+")
DESCRIPTION = re.compile(r"(?:the\s+)?[A-Za-z][A-Za-z' -]{0,80},\s*$")
VERBISH = re.compile(
    r"\b(?:was|were|is|are|had|has|have|who|which|that|not|been|[a-z]+ed\s+by)\b"
)
CLAUSE_WORDS = re.compile(r"\b(?:when|while|where|whom|whose|if|because|never)\b")
AFTER_NAME = re.compile(r"\s*(?:,|\.|$)")


def listed_after_copula(text: str, spans: list[EntitySpan], end: int) -> list[EntitySpan]:
    """The people named after `included`/`were` that follows the noun ending at `end`."""
    copula = COPULA.match(text, end)
    if copula is None or _person_between(spans, end, copula.end()):
        return []
    if VERBISH.search(copula.group("gap")) or CLAUSE_WORDS.search(copula.group("gap")):
        return []
    listed = list_after(text, spans, copula.end())
    if listed:
        return listed
    return _described_name(text, spans, copula.end())


def _described_name(text: str, spans: list[EntitySpan], pos: int) -> list[EntitySpan]:
    people = [s for s in spans if s.start >= pos and s.entity.kind == "person"]
    if not people or people[0].possessive:
        return []
    first = people[0]
    description = text[pos : first.start]
    if not DESCRIPTION.fullmatch(description) or VERBISH.search(description):
        return []
    if not AFTER_NAME.match(text, first.end):
        return []
    return [first]


def _person_between(spans: list[EntitySpan], start: int, end: int) -> bool:
    return any(start <= s.start < end and s.entity.kind == "person" for s in spans)


def people_after_opener(
    text: str, spans: list[EntitySpan], start: int, end: int, dates: list
) -> list[EntitySpan]:
    """`Under interrogation at the end of April, Gai, Volovich and Prokofiev gave ...`.

    The trigger opens the sentence; a date may follow it, then (after an
    optional comma) the list of people who are the subject of the main clause.
    """
    if text[:start].strip():
        return []
    pos = end
    for date in dates:
        lead = text[pos : date.start]
        if date.start >= pos and re.fullmatch(r"\s+(?:in|on|at|during|from|by)?\s*", lead):
            pos = date.end
            break
    comma = re.match(r"\.?,?\s+", text[pos:])
    if comma is None:
        return []
    return list_after(text, spans, pos + comma.end())
