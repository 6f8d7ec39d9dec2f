"""Views the thesis ascribes to historians through a footnote.

A sentence that carries a footnote marker and speaks of the historiography
(`The most common interpretation sees Stalin launch a pre-planned military
purge ...`, cues in `mappings/historiography_cues.yaml`) reports the position
of the historians whose works that footnote cites (the works' creators of
kind `historian`): one historiographical claim per historian, attributed to
them, derived from the citations of their works.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

import yaml
from pyoxigraph import Quad

from redarmy_kg.claims.model import SourceRef
from redarmy_kg.events.mentions import entity_ref
from redarmy_kg.events.model import EntityRef
from redarmy_kg.events.viewpoints import DEFAULT_PATH
from redarmy_kg.rdf.terms import DCTERMS, node
from redarmy_kg.structure.model import Sentence


@lru_cache(maxsize=4)
def _cues(path: Path = DEFAULT_PATH) -> re.Pattern[str]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    words = sorted(raw["historiography_sentence_cues"], key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def work_historians(
    quads: Iterable[Quad], historians: frozenset[EntityRef]
) -> dict[str, list[EntityRef]]:
    """Work IRI -> its creators who are curated historians (from `dcterms:creator`)."""
    prefix = node("").value
    found: dict[str, list[EntityRef]] = {}
    for quad in quads:
        if quad.predicate != DCTERMS.creator or not quad.object.value.startswith(prefix):
            continue
        person = entity_ref(quad.object.value[len(prefix) :])
        if person is not None and person in historians:
            creators = found.setdefault(quad.subject.value, [])
            if person not in creators:
                creators.append(person)
    return found


def cited_views(
    sentence: Sentence,
    footnote_sources: Mapping[str, list[SourceRef]],
    creators: Mapping[str, list[EntityRef]],
) -> list[tuple[EntityRef, list[SourceRef]]]:
    """(historian, the citations of their works) for a historiographical sentence."""
    if not sentence.footnote_keys or not _cues().search(sentence.block.text):
        return []
    result: dict[EntityRef, list[SourceRef]] = {}
    for footnote in sentence.footnote_keys:
        for source in footnote_sources.get(footnote, []):
            for historian in creators.get(source.cited_iri or "", []):
                if historian.key != "whitewood":
                    result.setdefault(historian, []).append(source)
    return sorted(result.items())
