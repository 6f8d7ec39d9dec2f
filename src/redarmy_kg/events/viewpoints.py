"""Sentences that report a historian's view (`Conquest argued that ...`).

Such a sentence is a claim about the historian's position, not a fact of
1937: the events stage takes no events from it, and the claims stage makes it a
historiographical report attributed to the historian. The cues are curated in
`mappings/historiography_cues.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from redarmy_kg.events.model import EntityRef, EntitySpan

DEFAULT_PATH = Path(__file__).resolve().parents[3] / "mappings" / "historiography_cues.yaml"


@dataclass(frozen=True)
class ReportedView:
    historian: EntityRef
    view_start: int  # offset in the sentence text where the reported view begins
    cue: str


@dataclass(frozen=True, eq=False)
class Cues:
    verb_after: re.Pattern[str]
    preamble_before: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@lru_cache(maxsize=4)
def load_cues(path: Path = DEFAULT_PATH) -> Cues:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    verbs = _alternation(raw["reporting_verbs"])
    asides = _alternation(raw["asides"])
    verb_after = re.compile(
        rf"^(?:'?s)?(?:,?\s*(?:{asides}),?)*\s+(?P<cue>{verbs})\b(?:\s+that\b)?,?\s*"
    )
    preamble_before = re.compile(rf"(?:^|[\s,])(?P<cue>{_alternation(raw['preambles'])})\s+$")
    return Cues(verb_after=verb_after, preamble_before=preamble_before)


def reported_view(
    text: str, spans: list[EntitySpan], historians: frozenset[EntityRef], cues: Cues | None = None
) -> ReportedView | None:
    """The first historian whose view the sentence reports, or None."""
    cues = cues or load_cues()
    for span in spans:
        if span.entity not in historians:
            continue
        after = cues.verb_after.match(text[span.end:])
        if after is not None:
            return ReportedView(span.entity, span.end + after.end(), after.group("cue"))
        before = cues.preamble_before.search(text[: span.start])
        if before is not None and (before.group("cue") != "For" or before.start() == 0):
            comma = text.find(",", span.end)
            view_start = comma + 1 if comma != -1 else span.end
            return ReportedView(span.entity, view_start, before.group("cue"))
    return None
