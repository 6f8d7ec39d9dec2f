"""The mention finder: every mention of a curated entity in the thesis.

Containers are the sentences of the body, the footnotes and the bibliography
entries, each searched in its cleaned text (lines joined, hyphenation
mended, footnotes removed); offsets map back to the corpus through the
container's `TextBlock`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from redarmy_kg.entities.catalog import Catalog
from redarmy_kg.entities.matcher import RawMatch, SurfaceMatcher
from redarmy_kg.entities.resolve import resolve
from redarmy_kg.iris import slugify
from redarmy_kg.structure.model import Document, Span, TextBlock


@dataclass(frozen=True)
class Mention:
    key: str  # "ch1/p/12/s/3/m/2", "ch1/fn/12/m/1"
    entity: str  # "person/stalin", "concept/trotskyism" or "ambiguous/kamenev"
    surface: str  # the text as it stands in the container
    container: str  # sentence, footnote or bibliography entry key
    container_kind: str  # sentence | footnote | bibliography | abstract | abbreviation | heading
    start: int  # in the container's cleaned text
    end: int
    span: Span  # in the corpus
    method: str  # surface | cue | context | wider-cue | unresolved
    candidates: tuple[str, ...] = ()  # for ambiguous surfaces

    @property
    def category(self) -> str:
        return self.entity.split("/", 1)[0]


@dataclass
class MentionIndex:
    mentions: list[Mention] = field(default_factory=list)

    def counts(self) -> Counter[str]:
        return Counter(m.entity for m in self.mentions)

    def of(self, entity: str) -> list[Mention]:
        return [m for m in self.mentions if m.entity == entity]

    def in_container(self, container: str) -> list[Mention]:
        return [m for m in self.mentions if m.container == container]


@dataclass
class _Container:
    key: str
    kind: str
    block: TextBlock
    context_id: str  # paragraph key, or the footnote's own key
    wider_text: str
    inherited_refs: list[str]  # resolved refs carried in from the citing sentence


def find_mentions(document: Document, catalog: Catalog) -> MentionIndex:
    """All mentions in the abstract, the abbreviations list, body sentences, footnotes and
    bibliography entries, in document order."""
    matcher = SurfaceMatcher(catalog)
    index = MentionIndex()
    refs_by_context: dict[str, list[str]] = {}
    for container in _front_matter_containers(document):
        index.mentions.extend(_mentions_in(container, matcher, catalog, refs_by_context))
    paragraph_text = {p.key: p.block.text for p in document.paragraphs}
    refs_by_sentence: dict[str, list[str]] = {}
    for sentence in document.sentences:
        container = _Container(
            sentence.key, "sentence", sentence.block, sentence.paragraph_key,
            paragraph_text.get(sentence.paragraph_key, ""), [],
        )
        found = _mentions_in(container, matcher, catalog, refs_by_context)
        refs_by_sentence[sentence.key] = [m.entity for m in found]
        index.mentions.extend(found)
    citing = {m.footnote_key: m.sentence_key for m in document.markers if m.sentence_key}
    sentence_index = {s.key: s for s in document.sentences}
    for footnote in document.footnotes:
        sentence = sentence_index.get(citing.get(footnote.key, ""))
        wider = sentence.block.text + " " + paragraph_text.get(sentence.paragraph_key, "") \
            if sentence else ""
        inherited = refs_by_sentence.get(sentence.key, []) if sentence else []
        container = _Container(footnote.key, "footnote", footnote.block, footnote.key, wider,
                               inherited)
        index.mentions.extend(_mentions_in(container, matcher, catalog, refs_by_context))
    for entry in document.bibliography:
        container = _Container(entry.key, "bibliography", entry.block, entry.key, "", [])
        index.mentions.extend(_mentions_in(container, matcher, catalog, refs_by_context))
    return index


def _front_matter_containers(document: Document) -> list[_Container]:
    """The abstract (`id/thesis/abstract`), each line of the abbreviations list
    (`id/thesis/abbreviations/<slug>`, the structure stage's SKOS concepts) and the
    headings of parts (`id/thesis/ch1`) and sections (`id/thesis/ch1/sec/4`)."""
    containers = [_Container("abstract", "abstract", document.front.abstract, "abstract", "", [])]
    for entry in document.abbreviations:
        key = "abbreviations/" + slugify(entry.abbreviation)
        containers.append(_Container(key, "abbreviation", _raw_block(document, entry.span), key,
                                     "", []))
    headings = [(p.key, p.heading) for p in document.parts]
    headings += [(s.key, s.heading) for s in document.sections]
    for key, span in sorted(headings, key=lambda item: item[1]):
        containers.append(_Container(key, "heading", _raw_block(document, span), key, "", []))
    return containers


def _raw_block(document: Document, span: Span) -> TextBlock:
    """A one-line piece of the corpus as a block of its own."""
    return TextBlock(
        text=span.slice(document.corpus),
        char_offsets=list(range(span.start, span.end)),
        segments=(span,),
    )


def _mentions_in(
    container: _Container,
    matcher: SurfaceMatcher,
    catalog: Catalog,
    refs_by_context: dict[str, list[str]],
) -> list[Mention]:
    text = container.block.text
    earlier = refs_by_context.setdefault(container.context_id, list(container.inherited_refs))
    mentions = []
    for number, raw in enumerate(matcher.find(text), start=1):
        entity, method = _entity_for(raw, text, earlier, container.wider_text, catalog)
        if not entity.startswith(("ambiguous/", "concept/")):
            earlier.append(entity)
        mentions.append(
            Mention(
                key=f"{container.key}/m/{number}",
                entity=entity,
                surface=text[raw.start : raw.end],
                container=container.key,
                container_kind=container.kind,
                start=raw.start,
                end=raw.end,
                span=container.block.corpus_span(raw.start, raw.end),
                method=method,
                candidates=raw.target.refs if raw.target.ambiguous else (),
            )
        )
    return mentions


def _entity_for(
    raw: RawMatch, text: str, earlier: list[str], wider_text: str, catalog: Catalog
) -> tuple[str, str]:
    if not raw.target.ambiguous:
        return raw.target.refs[0], "surface"
    rule = catalog.ambiguities[raw.surface]
    own_text = text[: raw.start] + " " * (raw.end - raw.start) + text[raw.end :]
    resolution = resolve(rule, own_text, earlier, wider_text)
    return resolution.ref, resolution.method
