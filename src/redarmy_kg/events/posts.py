"""Posts and memberships the thesis states (`Belov, now the commander of the BVO`).

Curated role phrases (`mappings/post_patterns.yaml`) are tied to a person by
three surface patterns: an apposition after the name, a title before the name,
or a predicate (`X became head of PUR`). Each statement is a `PostMention`;
mentions of the same person, role and organisation make one `Membership`
(W3C ORG). A predicate with a start verb (`became`, `was appointed`) also
reports an appointment, and so does `A was replaced by B as <post>` for B. A
second post joined by `and` after a dated first one (`became deputy Chief of
Staff in July 1924 and Chief of Staff in November 1925`) has the same holder.
A post named as `former` gets no date from its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from redarmy_kg.events import coref, dating
from redarmy_kg.events.extract import SentenceInput
from redarmy_kg.events.grammar import subject_before
from redarmy_kg.events.keys import assign_keys
from redarmy_kg.events.model import EntityRef, EntitySpan, Membership, PostMention
from redarmy_kg.iris import slugify

# `Iagoda was replaced by Ezhov as the head of ...`: the successor takes the post
REPLACED_BY = re.compile(r"\breplaced\s+by\s+(?P<who>[A-Z][\w.' -]*?)\s+as\s+(?:the\s+)?$")
# between two posts of one predicate: a date at most, then `and`
SECOND_POST = r"\s+(?:in|on|from)\s+[\w ]{3,30}?\s+and\s+(?:then\s+|later\s+)?(?:the\s+)?"
DEFAULT_PATH = Path(__file__).resolve().parents[3] / "mappings" / "post_patterns.yaml"


@dataclass(frozen=True)
class Role:
    slug: str
    label: str
    phrases: tuple[str, ...]
    organization: str  # an org key, or "following"


@dataclass(frozen=True, eq=False)
class PostRules:
    roles: tuple[Role, ...]
    phrase_pattern: re.Pattern[str]
    role_by_phrase: dict[str, Role]
    post_org_kinds: frozenset[str]
    start_verbs: re.Pattern[str]
    predicate: re.Pattern[str]
    apposition: re.Pattern[str]


def _alternation(words: Sequence[str]) -> str:
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@lru_cache(maxsize=4)
def load_post_rules(path: Path = DEFAULT_PATH) -> PostRules:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    roles = tuple(
        Role(slug, body["label"], tuple(body["phrases"]), body["organization"])
        for slug, body in sorted(raw["roles"].items())
    )
    by_phrase = {phrase: role for role in roles for phrase in role.phrases}
    verbs = list(raw["start_verbs"]) + list(raw["hold_verbs"])
    return PostRules(
        roles=roles,
        phrase_pattern=re.compile(rf"(?<![\w-])(?:{_alternation(list(by_phrase))})(?![\w-])"),
        role_by_phrase={re.sub(r"\s+", " ", p): r for p, r in by_phrase.items()},
        post_org_kinds=frozenset(raw["post_organisation_kinds"]),
        start_verbs=re.compile(rf"^(?:{_alternation(raw['start_verbs'])})$"),
        predicate=re.compile(rf"(?:^|\s)(?P<verb>{_alternation(verbs)})\s+(?:(?:the|a|an)\s+)?$"),
        apposition=re.compile(
            rf",\s*(?:(?:{_alternation(raw['apposition_openers'])})\s+)?(?P<former>former\s+)?$"
        ),
    )


def find_posts(
    sentence: SentenceInput, post_orgs: frozenset[EntityRef], rules: PostRules | None = None
) -> list[PostMention]:
    """Every post held by a named person that the sentence states."""
    rules = rules or load_post_rules()
    found: list[PostMention] = []
    for match in rules.phrase_pattern.finditer(sentence.text):
        if found and _follows_with_and(sentence.text, found[-1].end, match.start()):
            continuing = [(m.person, m.starts, False) for m in found if m.end == found[-1].end]
        else:
            continuing = []
        role = rules.role_by_phrase[re.sub(r"\s+", " ", match.group(0))]
        located = _organisation(sentence, role, match.end(), post_orgs)
        if located is None:
            continue
        organization, post_end = located
        holders = continuing or _holders(sentence, rules, match.start(), post_end)
        for person, starts, former in holders:
            date = None if former else _date(sentence, match.start(), post_end)
            found.append(PostMention(
                person=person, role=role.slug, role_label=role.label, organization=organization,
                date=date, starts=starts, sentence_key=sentence.key, start=match.start(),
                end=post_end,
            ))
    return _distinct(found)


def _organisation(
    sentence: SentenceInput, role: Role, end: int, post_orgs: frozenset[EntityRef]
) -> tuple[EntityRef, int] | None:
    if role.organization != "following":
        return EntityRef("org", role.organization), end
    for span in sentence.spans:
        if span.start >= end and span.entity.kind == "org":
            gap = sentence.text[end:span.start]
            if re.fullmatch(r"\s*(?:the\s+)?", gap) and span.entity in post_orgs:
                in_other = re.match(r"\s+in\s+the\s+", sentence.text[span.end:])
                return None if in_other else (span.entity, span.end)
            return None
    return None


def _holders(
    sentence: SentenceInput, rules: PostRules, start: int, end: int
) -> list[tuple[EntityRef, bool, bool]]:
    text, spans = sentence.text, sentence.spans
    successor = REPLACED_BY.search(text[:start])
    if successor is not None:
        person = _person_ending_at(spans, successor.end("who"))
        return [(person, True, False)] if person is not None else []
    apposition = rules.apposition.search(text[:start])
    if apposition is not None:
        person = _person_ending_at(spans, apposition.start())
        if person is not None:
            return [(person, False, apposition.group("former") is not None)]
    after = re.match(r",?\s+", text[end:])
    if after is not None:
        person = _person_starting_at(spans, end + after.end())
        if person is not None:
            return [(person, False, False)]
    predicate = rules.predicate.search(text[:start])
    if predicate is None:
        return []
    verb = re.sub(r"\s+", " ", predicate.group("verb"))
    slot = subject_before(text, spans, predicate.start("verb"))
    if slot is None:
        return []
    if slot.anaphor is not None:
        previous = sentence.previous[-1] if sentence.previous else None
        people = coref.resolve(
            slot.anaphor, spans, previous.spans if previous else None, text,
            previous.text if previous else "",
            coref.paragraph_topic([s.spans for s in sentence.previous]),
        )
    else:
        people = [s.entity for s in slot.spans]
    starts = rules.start_verbs.match(verb) is not None
    return [(p, starts, verb == "had been") for p in people if p.kind == "person"]


def _follows_with_and(text: str, previous_end: int, start: int) -> bool:
    """`became deputy Chief of Staff in July 1924 and Chief of Staff`: one holder, two posts."""
    return re.fullmatch(SECOND_POST, text[previous_end:start]) is not None


def _person_ending_at(spans: list[EntitySpan], end: int) -> EntityRef | None:
    for span in spans:
        if span.end == end and span.entity.kind == "person":
            return span.entity
    return None


def _person_starting_at(spans: list[EntitySpan], start: int) -> EntityRef | None:
    for span in spans:
        if span.start == start and span.entity.kind == "person":
            return span.entity
    return None


def _date(sentence: SentenceInput, start: int, end: int):
    return dating.date_in_sentence(sentence.text, sentence.dates, start, end)


def _distinct(found: list[PostMention]) -> list[PostMention]:
    seen: set[tuple[object, ...]] = set()
    result = []
    for post in found:
        identity = (post.person, post.role, post.organization)
        if identity not in seen:
            seen.add(identity)
            result.append(post)
    return result


def membership_base_key(post: PostMention) -> str:
    org = post.organization.key if post.organization else "none"
    return slugify(f"{post.person.key} {post.role} {org}")


def group_memberships(posts: Sequence[PostMention]) -> list[Membership]:
    grouped: dict[str, list[PostMention]] = {}
    for post in posts:
        grouped.setdefault(membership_base_key(post), []).append(post)
    groups = [grouped[k] for k in sorted(grouped)]
    keys = assign_keys(groups, lambda g: membership_base_key(g[0]), lambda g: g[0].sentence_key)
    return [
        Membership(key=k, person=g[0].person, role=g[0].role, role_label=g[0].role_label,
                   organization=g[0].organization, mentions=g)
        for k, g in zip(keys, groups, strict=True)
    ]
