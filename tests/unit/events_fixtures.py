"""Hand-made sentences with entity spans found by name, for the events and claims tests."""

from __future__ import annotations

import re

from redarmy_kg.dates import dates_in_passage
from redarmy_kg.events.extract import SentenceInput
from redarmy_kg.events.model import EntityRef, EntitySpan

NAMES = {
    "Tukhachevskii": EntityRef("person", "tukhachevskii"),
    "Putna": EntityRef("person", "putna"),
    "Primakov": EntityRef("person", "primakov"),
    "Shmidt": EntityRef("person", "shmidt"),
    "Iagoda": EntityRef("person", "iagoda"),
    "Ezhov": EntityRef("person", "ezhov"),
    "Stalin": EntityRef("person", "stalin"),
    "Voroshilov": EntityRef("person", "voroshilov"),
    "Budennyi": EntityRef("person", "budennyi"),
    "Gamarnik": EntityRef("person", "gamarnik"),
    "Iakir": EntityRef("person", "iakir"),
    "Conquest": EntityRef("person", "conquest"),
    "Kork": EntityRef("person", "kork"),
    "Central Committee": EntityRef("org", "tsk"),
    "Military Soviet": EntityRef("org", "military-soviet"),
    "NKVD": EntityRef("org", "nkvd"),
    "PUR": EntityRef("org", "pur"),
    "Politburo": EntityRef("org", "politburo"),
    "KVO": EntityRef("org", "kvo"),
    "Moscow": EntityRef("place", "moscow"),
}
PATTERN = re.compile(r"\b(" + "|".join(sorted(NAMES, key=len, reverse=True)) + r")")


def spans_of(text: str) -> list[EntitySpan]:
    return [EntitySpan(m.start(), m.end(), NAMES[m.group(1)]) for m in PATTERN.finditer(text)]


def paragraph(
    *texts: str, key: str = "ch5/p/1", earlier: tuple[str, ...] = ()
) -> list[SentenceInput]:
    """The sentences of one paragraph, each knowing the ones before it."""
    result: list[SentenceInput] = []
    for index, text in enumerate(texts, start=1):
        before = list(earlier) + list(texts[: index - 1])
        result.append(
            SentenceInput(
                key=f"{key}/s/{index}",
                paragraph_key=key,
                text=text,
                spans=spans_of(text),
                dates=dates_in_passage(text, before),
                previous=list(result),
            )
        )
    return result
