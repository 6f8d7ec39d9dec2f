"""Rule-based event extraction over one sentence at a time.

For every trigger of `mappings/event_triggers.yaml` found in a sentence, the
grammar rules fill its slots from the entity mentions around it (active and
passive voice, `the arrests of A, B and C`, `A's arrest`, `by B`), the coref
rules resolve `he`/`his`/`All` where the previous sentence leaves no doubt,
and the dating rules give the event its date. A trigger whose slots or date
cannot be settled yields nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from redarmy_kg.dates.model import DateValue
from redarmy_kg.events import coref, dating
from redarmy_kg.events.grammar import (
    Anaphor,
    SubjectSlot,
    agent_after,
    list_after,
    possessive_before,
    subject_before,
)
from redarmy_kg.events.listed import listed_after_copula, people_after_opener
from redarmy_kg.events.model import EntityRef, EntitySpan, EventMention, Participant
from redarmy_kg.events.place_events import place_of_noun
from redarmy_kg.events.triggers import EventType, Trigger, any_trigger, load_speech_verbs

ROLE_ORDER = (
    "victim",
    "defendant",
    "appointee",
    "author",
    "participant",
    "replacedPerson",
    "recipient",
    "agent",
    "organiser",
)
HEDGES = re.compile(
    r"\b(?:[Ii]f|[Ww]hether|[Uu]nless|would|could|might|may|[Pp]erhaps|[Pp]robably|[Pp]ossibly"
    r"|supposedly|[Pp]lanned|[Tt]hreatened|wanted|wished|proposed|requested|demanded)\b"
)
NOUN_DATE_CHARS = 20
LETTER_PHRASE = re.compile(r"\b[Ii]n\s+(?:a|an|his|her|another|one|the)\s+(?:\w+\s+)?\w+\s+to\b")
INCLUDING = re.compile(
    r"(?:\s+of\s+[^,;:]{0,60}?|\s+in\s+[^,;:]{0,30}?)?,?\s+including\s+(?:the\s+)?"
)
COORDINATED = re.compile(r"\band\s+(?:(?:also|later|then|subsequently|soon)\s+)*$")
PASSIVE_VERB = re.compile(r"\b(?:was|were)\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]+ed)\b")
NOUN_FORMS = ("noun", "to_noun", "body_noun", "place_noun")
SENTENCE_OPENER = re.compile(r"\s*(?:(?:The|His|Her|Their)\s+)?(?:[A-Z][\w-]*\s+)?")
NOUN_OF = re.compile(r"(?:\s+(?:and|or)\s+(?:the\s+)?[a-z]+)?\s+of\s+")
AGENT_KINDS = ("person", "org")
PLACE_DESCRIPTION = re.compile(r"(?:\s+[a-z]+){0,3}")


@dataclass
class SentenceInput:
    key: str
    paragraph_key: str
    text: str
    spans: list[EntitySpan]
    dates: list[DateValue]
    reports_view: bool = False  # the sentence reports a historian's view: no events
    previous: list[SentenceInput] = field(default_factory=list)  # same paragraph, nearest last


@dataclass(frozen=True)
class _Slots:
    patients: tuple[EntityRef, ...]
    others: tuple[Participant, ...]
    end: int  # where the last filled slot ends (for the clause and place search)
    subject_noun: bool = False  # `The group chosen for the trial ... were A, B`


def extract_sentence(sentence: SentenceInput, types: tuple[EventType, ...]) -> list[EventMention]:
    if sentence.reports_view or not any_trigger(types).search(sentence.text):
        return []
    found: list[EventMention] = []
    for event_type in types:
        for trigger in event_type.triggers:
            for match in trigger.pattern.finditer(sentence.text):
                found.extend(_events_at(sentence, event_type, trigger, match.start(), match.end()))
    return _without_duplicates(found)


def _events_at(
    sentence: SentenceInput, event_type: EventType, trigger: Trigger, start: int, end: int
) -> list[EventMention]:
    left, right = dating.clause_bounds(sentence.text, start, end)
    if HEDGES.search(sentence.text[left:start]) or _undone(sentence.text[end:right], trigger):
        return []
    slots = _fill_slots(sentence, trigger, start, end)
    if slots is None or not (slots.patients or slots.others):
        return []
    if trigger.form in NOUN_FORMS:
        date, from_context = _noun_date(
            sentence, start, max(end, slots.end), opens=slots.subject_noun
        )
    else:
        date, from_context = _date(sentence, start, end)
    if date is None:
        return []
    used = {p.entity for p in slots.others} | set(slots.patients)
    institutions = _entities_in(sentence.spans, "org", left, right, exclude=used)
    places = _entities_in(sentence.spans, "place", left, right, exclude=used)
    if not slots.patients and all(p.role == "place" for p in slots.others) and not institutions:
        return []  # a place is not a participant: an event needs someone who took part
    groups = (
        [(p,) for p in slots.patients]
        if event_type.per_patient and slots.patients
        else [slots.patients]
    )
    mentions = []
    for patients in groups:
        participants = [
            Participant(trigger.patient or trigger.subject or "participant", p) for p in patients
        ] + list(slots.others)
        mentions.append(
            EventMention(
                type=event_type.key,
                participants=_ordered(participants),
                date=date,
                date_from_context=from_context,
                institutions=institutions,
                places=places,
                sentence_key=sentence.key,
                trigger_start=start,
                trigger_end=end,
                trigger_text=sentence.text[start:end],
            )
        )
    return mentions


def _undone(after: str, trigger: Trigger) -> bool:
    """`Feldmans appointment ... was annulled`, `expelled from the Central Committee`."""
    return any(re.search(rf"\b{re.escape(words)}\b", after) for words in trigger.not_after)


def _fill_slots(sentence: SentenceInput, trigger: Trigger, start: int, end: int) -> _Slots | None:
    handler = {
        "verb": _verb,
        "passive": _verb,
        "noun": _noun,
        "subject": _subject,
        "to_verb": _to_verb,
        "to_noun": _to_noun,
        "sent_noun": _sent_noun,
        "body_noun": _body_noun,
        "place_noun": _place_noun,
        "opener": _opener,
    }[trigger.form]
    return handler(sentence, trigger, start, end)


def _verb(sentence: SentenceInput, trigger: Trigger, start: int, end: int) -> _Slots | None:
    slot = subject_before(sentence.text, sentence.spans, start, kinds=AGENT_KINDS)
    if slot is None:
        slot = _coordinated_subject(sentence, start)
    if slot is None:
        return None
    subjects = _resolve_slot(sentence, slot.spans, slot.anaphor)
    if slot.passive:
        patients = tuple(e for e in subjects if e.kind == "person")
        agent = agent_after(sentence.text, sentence.spans, end)
        others = (Participant(trigger.agent, agent.entity),) if agent and trigger.agent else ()
        return _Slots(patients, others, agent.end if agent else end)
    if trigger.form == "passive":
        return None
    objects = list_after(sentence.text, sentence.spans, end)
    if not objects or not subjects:
        return None
    others = tuple(Participant(trigger.agent, e) for e in subjects) if trigger.agent else ()
    return _Slots(tuple(s.entity for s in objects), others, objects[-1].end)


def _coordinated_subject(sentence: SentenceInput, start: int) -> SubjectSlot | None:
    """`Kork was removed from his position and arrested`: the passive subject of the first verb."""
    left, _ = dating.clause_bounds(sentence.text, start, start)
    before = sentence.text[left:start]
    if not COORDINATED.search(before):
        return None
    first = None
    for match in PASSIVE_VERB.finditer(before):
        first = match
    if first is None:
        return None
    slot = subject_before(sentence.text, sentence.spans, left + first.start("verb"))
    return slot if slot is not None and slot.passive else None


def _noun(sentence: SentenceInput, trigger: Trigger, start: int, end: int) -> _Slots | None:
    text = sentence.text
    of = NOUN_OF.match(text, end)
    patients: list[EntityRef] = []
    last = end
    if of is not None:
        listed = list_after(text, sentence.spans, of.end())
        patients = [s.entity for s in listed]
        last = listed[-1].end if listed else end
    including = INCLUDING.match(text, end)
    if not patients and including is not None:
        # `the arrests of several senior officers, including Putna and Primakov`
        listed = list_after(text, sentence.spans, including.end())
        patients = [s.entity for s in listed]
        last = listed[-1].end if listed else end
    if not patients and of is None and including is None:
        owner = possessive_before(text, sentence.spans, _before_date(sentence, start))
        if isinstance(owner, Anaphor):
            patients = _resolve_slot(sentence, (), owner)
        elif owner is not None:
            patients = [owner.entity]
    subject_noun = False
    if not patients and of is None and including is None:
        listed = listed_after_copula(text, sentence.spans, end)
        patients = [s.entity for s in listed]
        last = listed[-1].end if listed else end
        subject_noun = bool(listed)
    if not patients:
        return None
    agent = agent_after(text, sentence.spans, last)
    others = (Participant(trigger.agent, agent.entity),) if agent and trigger.agent else ()
    return _Slots(tuple(e for e in patients if e.kind == "person"), others, last, subject_noun)


def _subject(sentence: SentenceInput, trigger: Trigger, start: int, end: int) -> _Slots | None:
    slot = subject_before(sentence.text, sentence.spans, start, kinds=trigger.subject_kinds)
    if slot is None or slot.passive:
        return None
    subjects = _resolve_slot(sentence, slot.spans, slot.anaphor)
    role = trigger.subject or "participant"
    return _Slots((), tuple(Participant(role, e) for e in subjects), end)


def _opener(sentence: SentenceInput, trigger: Trigger, start: int, end: int) -> _Slots | None:
    if not sentence.dates:  # `Under interrogation Olberg ...`: when is not said
        return None
    listed = people_after_opener(sentence.text, sentence.spans, start, end, sentence.dates)
    if not listed:
        return None
    return _Slots(tuple(s.entity for s in listed), (), end)


def _body_noun(sentence: SentenceInput, trigger: Trigger, start: int, end: int) -> _Slots | None:
    """`a Plenum of the Central Committee`, `the Tenth Party Congress`: the body that meets."""
    text = sentence.text
    role = trigger.agent or "organiser"
    of = re.match(r"\s+of\s+", text[end:])
    if of is not None:
        bodies = list_after(text, sentence.spans, end + of.end(), kinds=("org",))
        if bodies:
            return _Slots((), tuple(Participant(role, b.entity) for b in bodies), bodies[-1].end)
    word_before = re.search(r"(\w+)\s+$", text[:start])
    for word, org in trigger.default_organisers:
        if word_before is not None and word_before.group(1) == word:
            return _Slots((), (Participant(role, EntityRef("org", org)),), end)
    return None


def _place_noun(
    sentence: SentenceInput, trigger: Trigger, start: int, end: int
) -> _Slots | None:
    place = place_of_noun(sentence.text, sentence.spans, start, end)
    if place is None:
        return None
    described = PLACE_DESCRIPTION.match(sentence.text, place.end)  # `Kronstadt naval fortress`
    return _Slots((), (Participant("place", place.entity),), max(end, described.end()))


def _to_verb(sentence: SentenceInput, trigger: Trigger, start: int, end: int) -> _Slots | None:
    slot = subject_before(sentence.text, sentence.spans, start, kinds=AGENT_KINDS)
    if slot is None or slot.passive:
        return None
    subjects = _resolve_slot(sentence, slot.spans, slot.anaphor)
    targets = list_after(sentence.text, sentence.spans, end, kinds=AGENT_KINDS)
    if not subjects or not targets:
        return None
    others = [Participant(trigger.agent or "participant", e) for e in subjects]
    others += [Participant(trigger.target or "participant", s.entity) for s in targets]
    return _Slots((), tuple(others), targets[-1].end)


def _to_noun(sentence: SentenceInput, trigger: Trigger, start: int, end: int) -> _Slots | None:
    text = sentence.text
    others: list[Participant] = []
    last = end
    sender = re.match(r"\s+from\s+", text[end:])
    if sender:
        authors = list_after(text, sentence.spans, end + sender.end(), kinds=AGENT_KINDS)
        if authors:
            others.append(Participant(trigger.agent or "participant", authors[0].entity))
            last = authors[0].end
    else:
        owner = possessive_before(text, sentence.spans, _before_date(sentence, start))
        owners = (
            _resolve_slot(sentence, (), owner)
            if isinstance(owner, Anaphor)
            else [owner.entity]
            if owner is not None
            else []
        )
        others += [Participant(trigger.agent or "participant", e) for e in owners]
    addressee = re.match(r"\s+to\s+", text[last:])
    if addressee:
        targets = list_after(text, sentence.spans, last + addressee.end(), kinds=AGENT_KINDS)
        others += [Participant(trigger.target or "participant", s.entity) for s in targets]
        last = targets[-1].end if targets else last
    if not any(p.role == (trigger.target or "participant") for p in others):
        return None
    author_role = trigger.agent or "participant"
    if not any(p.role == author_role for p in others):
        speaker = _speaker_after(sentence, last)
        if speaker is not None:
            others.append(Participant(author_role, speaker))
    return _Slots((), tuple(others), last)


def _before_date(sentence: SentenceInput, start: int) -> int:
    """`his August 1936 letter`: look for the owner before the date that qualifies the noun."""
    for date in sentence.dates:
        if date.end <= start and not sentence.text[date.end : start].strip():
            return date.start
    return start


def _speaker_after(sentence: SentenceInput, pos: int) -> EntityRef | None:
    """`In a letter to Lenin in January 1919, Trotsky wrote`: the name before a speech verb.

    Only when the letter is named in a phrase `in a/his/another letter to ...`.
    """
    if not LETTER_PHRASE.search(sentence.text[:pos]):
        return None
    comma = re.compile(r"[^,;:]*,\s*").match(sentence.text, pos)
    clause_start = comma.end() if comma else pos
    for span in sentence.spans:
        if span.start < clause_start or span.entity.kind != "person":
            continue
        if load_speech_verbs().match(sentence.text, span.end) and not span.possessive:
            return span.entity
        return None
    return None


def _sent_noun(sentence: SentenceInput, trigger: Trigger, start: int, end: int) -> _Slots | None:
    """`Budennyi, who sent Voroshilov a letter`: the trigger is the noun; `sent` precedes."""
    text = sentence.text
    before = re.search(
        r"\bsent\s+(?P<rest>.{1,60}?)\s+(?:a|an|the)\s+(?:[a-z]+\s+)?$", text[:start]
    )
    if before is None:
        return None
    sent_at = before.start()
    targets = list_after(text, sentence.spans, before.start("rest"), kinds=AGENT_KINDS)
    if not targets or targets[-1].end != before.end("rest"):
        return None
    slot = subject_before(text, sentence.spans, sent_at, kinds=AGENT_KINDS)
    if slot is None or slot.passive:
        return None
    authors = _resolve_slot(sentence, slot.spans, slot.anaphor)
    if not authors:
        return None
    others = [Participant(trigger.agent or "participant", e) for e in authors]
    others += [Participant(trigger.target or "participant", s.entity) for s in targets]
    return _Slots((), tuple(others), end)


def _resolve_slot(
    sentence: SentenceInput, spans: tuple[EntitySpan, ...], anaphor: Anaphor | None
) -> list[EntityRef]:
    if anaphor is None:
        return [s.entity for s in spans]
    previous = sentence.previous[-1] if sentence.previous else None
    return coref.resolve(
        anaphor,
        sentence.spans,
        previous.spans if previous else None,
        sentence.text,
        previous.text if previous else "",
        coref.paragraph_topic([s.spans for s in sentence.previous]),
    )


def _noun_date(
    sentence: SentenceInput, start: int, end: int, opens: bool = False
) -> tuple[DateValue | None, bool]:
    """A noun (`the arrest of X`) often names an event told elsewhere: only a date close to it.

    Its date is one within a few words of the phrase; the previous sentences' date
    only when the phrase opens the sentence (`The executions of ... caused`) or is the
    subject a list of people follows (`opens`: `The group chosen for the trial ... were`).
    """
    near = [
        d
        for d in sentence.dates
        if start - NOUN_DATE_CHARS <= d.end and d.start <= end + NOUN_DATE_CHARS
    ]
    if near:
        return min(near, key=lambda d: abs(d.start - end)), False
    if sentence.dates or not (opens or SENTENCE_OPENER.fullmatch(sentence.text[:start])):
        return None, False
    inherited = dating.date_from_context(
        sentence.text, [(s.text, s.dates) for s in sentence.previous]
    )
    return inherited, inherited is not None


def _date(sentence: SentenceInput, start: int, end: int) -> tuple[DateValue | None, bool]:
    own = dating.date_in_sentence(sentence.text, sentence.dates, start, end)
    if own is not None:
        return own, False
    if sentence.dates or dating.is_pluperfect(sentence.text, start):
        return None, False
    inherited = dating.date_from_context(
        sentence.text, [(s.text, s.dates) for s in sentence.previous]
    )
    return inherited, inherited is not None


def _entities_in(
    spans: list[EntitySpan], kind: str, left: int, right: int, exclude: set[EntityRef]
) -> tuple[EntityRef, ...]:
    found: list[EntityRef] = []
    for span in spans:
        inside = span.entity.kind == kind and left <= span.start and span.end <= right
        if inside and span.entity not in exclude and span.entity not in found:
            found.append(span.entity)
    return tuple(found)


def _ordered(participants: list[Participant]) -> tuple[Participant, ...]:
    unique = list(dict.fromkeys(participants))
    return tuple(
        sorted(
            unique,
            key=lambda p: ROLE_ORDER.index(p.role) if p.role in ROLE_ORDER else len(ROLE_ORDER),
        )
    )


def _without_duplicates(found: list[EventMention]) -> list[EventMention]:
    """Drop repeats and mentions another mention of the same type already contains.

    (`sent a report to Voroshilov` is read by the verb and the noun rule: keep the
    reading with the author.)
    """
    seen: set[object] = set()
    result = []
    for mention in sorted(found, key=lambda m: (m.trigger_start, m.type)):
        identity = mention.identity()
        if identity in seen or any(_contains(other, mention) for other in found):
            continue
        seen.add(identity)
        result.append(mention)
    return result


def _contains(bigger: EventMention, smaller: EventMention) -> bool:
    if bigger is smaller or bigger.type != smaller.type:
        return False
    overlap = bigger.trigger_start < smaller.trigger_end + 40 and (
        smaller.trigger_start < bigger.trigger_end + 40
    )
    return overlap and set(smaller.participants) < set(bigger.participants)
