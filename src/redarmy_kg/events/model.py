"""Typed objects of the events stage: entity spans in, events and posts out."""

from __future__ import annotations

from dataclasses import dataclass, field

from redarmy_kg.dates.model import DateValue

ENTITY_KINDS = ("person", "org", "place")


@dataclass(frozen=True, order=True)
class EntityRef:
    """A curated entity: `EntityRef("person", "putna")` is `id/person/putna`."""

    kind: str
    key: str

    @property
    def path(self) -> tuple[str, str]:
        return (self.kind, self.key)


@dataclass(frozen=True, order=True)
class EntitySpan:
    """A mention of an entity inside one sentence's cleaned text (offsets into `block.text`)."""

    start: int
    end: int
    entity: EntityRef
    possessive: bool = False  # `Putnas` (Putna's): the span ends with the possessive s


@dataclass(frozen=True)
class Participant:
    role: str  # an rkg: property local name: victim, defendant, agent, author, ...
    entity: EntityRef


@dataclass(frozen=True)
class EventMention:
    """One event as one sentence states it."""

    type: str  # key in mappings/event_triggers.yaml: arrest, execution, ...
    participants: tuple[Participant, ...]
    date: DateValue
    date_from_context: bool  # the date was taken from an earlier sentence of the paragraph
    institutions: tuple[EntityRef, ...]
    places: tuple[EntityRef, ...]
    sentence_key: str
    trigger_start: int
    trigger_end: int
    trigger_text: str

    @property
    def main_participant(self) -> EntityRef:
        return self.participants[0].entity

    def identity(self) -> tuple[object, ...]:
        """Same type, participants and date: the same event, however often it is stated."""
        return (
            self.type,
            tuple(sorted((p.role, p.entity) for p in self.participants)),
            self.date.sort_key,
        )


@dataclass
class Event:
    """An event with every sentence that states it (`mentions`, in document order)."""

    key: str
    mentions: list[EventMention] = field(default_factory=list)

    @property
    def first(self) -> EventMention:
        return self.mentions[0]

    @property
    def type(self) -> str:
        return self.first.type

    @property
    def date(self) -> DateValue:
        return self.first.date


@dataclass(frozen=True)
class PostMention:
    """A sentence stating that a person held (or took) a post in an institution."""

    person: EntityRef
    role: str  # slug of the org:Role concept, id/role/<slug>
    role_label: str
    organization: EntityRef | None
    date: DateValue | None
    starts: bool  # the sentence reports the person taking the post (an appointment)
    sentence_key: str
    start: int
    end: int


@dataclass
class Membership:
    """org:Membership of a person in an organisation in a role, with every stating sentence."""

    key: str
    person: EntityRef
    role: str
    role_label: str
    organization: EntityRef | None
    mentions: list[PostMention] = field(default_factory=list)
