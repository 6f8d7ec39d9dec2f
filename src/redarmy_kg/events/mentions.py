"""Entity mentions per sentence, as the events rules need them.

The rules need, for each sentence, the spans of people, organisations and
places in its cleaned text. They come from the entities stage's mention
finder (`spans_from_mentions`, ambiguous names resolved there); mentions left
ambiguous are left out, as the rules must not guess who is meant.
"""

from __future__ import annotations

from collections.abc import Iterable

from redarmy_kg.entities.catalog import Catalog
from redarmy_kg.entities.matcher import SurfaceMatcher
from redarmy_kg.entities.mentions import MentionIndex
from redarmy_kg.events.model import EntityRef, EntitySpan
from redarmy_kg.structure.model import Sentence

KINDS = {"person": "person", "org": "org", "place": "place"}


def entity_ref(ref: str) -> EntityRef | None:
    """`person/putna` -> EntityRef("person", "putna"); other categories -> None."""
    kind, _, key = ref.partition("/")
    return EntityRef(KINDS[kind], key) if kind in KINDS and key else None


def sentence_spans(sentences: Iterable[Sentence], catalog: Catalog) -> dict[str, list[EntitySpan]]:
    matcher = SurfaceMatcher(catalog)
    result: dict[str, list[EntitySpan]] = {}
    for sentence in sentences:
        spans = []
        for match in matcher.find(sentence.block.text):
            if match.target.ambiguous or len(match.target.refs) != 1:
                continue
            entity = entity_ref(match.target.refs[0])
            if entity is not None:
                possessive = match.end - match.start > len(match.surface)
                spans.append(EntitySpan(match.start, match.end, entity, possessive))
        result[sentence.key] = sorted(spans)
    return result


def historians(catalog: Catalog) -> frozenset[EntityRef]:
    return frozenset(
        EntityRef("person", e.key)
        for e in catalog.entities.values()
        if e.category == "person" and e.kind == "historian"
    )


def spans_from_mentions(index: MentionIndex, catalog: Catalog) -> dict[str, list[EntitySpan]]:
    """Sentence key -> the spans of its resolved person, organisation and place mentions."""
    result: dict[str, list[EntitySpan]] = {}
    for mention in index.mentions:
        if mention.container_kind != "sentence":
            continue
        entity = entity_ref(mention.entity)
        if entity is None:
            continue
        forms = catalog.entities[mention.entity].surface_forms if (
            mention.entity in catalog.entities) else ()
        possessive = mention.surface not in forms and mention.surface[:-1] in forms
        span = EntitySpan(mention.start, mention.end, entity, possessive)
        result.setdefault(mention.container, []).append(span)
    return {key: sorted(spans) for key, spans in result.items()}


def entity_labels(catalog: Catalog) -> dict[EntityRef, str]:
    labels = {}
    for ref, entity in catalog.entities.items():
        found = entity_ref(ref)
        if found is not None:
            labels[found] = entity.pref_label
    return labels


def post_organisations(catalog: Catalog, kinds: frozenset[str]) -> frozenset[EntityRef]:
    return frozenset(
        EntityRef("org", e.key)
        for e in catalog.entities.values()
        if e.category == "organisation" and e.kind in kinds
    )
