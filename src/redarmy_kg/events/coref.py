"""Who a pronoun or plural description stands for, when the text leaves no doubt.

A singular pronoun (`he`, `his`) refers to the one person named earlier in its
sentence; if none is named there, to the one person named in the previous
sentence of the paragraph, or, when that sentence names several, to the
paragraph's main person among them (named at least three times so far and at
least twice more than anyone else: `... very damning for Putna. He was
eventually arrested`). A sentence-initial `All`/`Both`/`They` refers to
the people of the previous sentence when it names them in one list and names
no one else (`Both` only to exactly two). Two or more candidates, or none,
leave the referent unresolved.
"""

from __future__ import annotations

from collections import Counter

from redarmy_kg.events.grammar import Anaphor, list_after
from redarmy_kg.events.model import EntityRef, EntitySpan


def _people(spans: list[EntitySpan], before: int | None = None) -> list[EntityRef]:
    seen: list[EntityRef] = []
    for span in spans:
        in_range = before is None or span.end <= before
        if span.entity.kind == "person" and in_range and span.entity not in seen:
            seen.append(span.entity)
    return seen


def resolve(
    anaphor: Anaphor,
    spans: list[EntitySpan],
    previous_spans: list[EntitySpan] | None,
    text: str,
    previous_text: str = "",
    topic: EntityRef | None = None,
) -> list[EntityRef]:
    earlier_here = _people(spans, before=anaphor.start)
    previous = _people(previous_spans) if previous_spans is not None else []
    if anaphor.kind == "singular":
        if len(earlier_here) == 1:
            return earlier_here
        if not earlier_here and len(previous) == 1:
            return previous
        if not earlier_here and topic is not None and topic in previous:
            return [topic]
        return []
    word = text[anaphor.start :].split(maxsplit=1)[0].lower()
    if earlier_here or len(previous) < 2 or (word == "both" and len(previous) != 2):
        return []
    return previous if _one_list(previous_spans or [], previous_text, previous) else []


def paragraph_topic(
    previous_spans: list[list[EntitySpan]], min_count: int = 3, lead: int = 2
) -> EntityRef | None:
    """The person the paragraph so far is about: named most often, clearly ahead of the rest."""
    counts = Counter(
        s.entity for spans in previous_spans for s in spans if s.entity.kind == "person"
    )
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < min_count:
        return None
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < lead:
        return None
    return ranked[0][0]


def _one_list(spans: list[EntitySpan], text: str, people: list[EntityRef]) -> bool:
    """The previous sentence names its people in one list (`were A, B and C`), nothing else."""
    persons = [s for s in spans if s.entity.kind == "person"]
    listed = list_after(text, spans, persons[0].start, first_gap_ok=lambda gap: True)
    return [s.entity for s in listed] == people
