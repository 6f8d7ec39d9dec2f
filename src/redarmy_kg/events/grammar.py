"""Surface rules that find who fills a trigger's slots in one sentence.

The rules read the words between a trigger and the entity mentions around it.
They accept only short, unambiguous stretches (an auxiliary, an adverb, a
title, a list separator); anything else (a verb, a preposition other than the
expected one, a clause break) stops them, so that what they cannot settle is
left out rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from redarmy_kg.events.model import EntitySpan

# words that end a filler stretch: verbs, conjunctions opening clauses, prepositions
STOP_WORDS = frozenset(
    [
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "being",
        "had",
        "has",
        "have",
        "do",
        "did",
        "does",
        "who",
        "whom",
        "which",
        "that",
        "but",
        "while",
        "when",
        "after",
        "before",
        "because",
        "for",
        "in",
        "on",
        "at",
        "from",
        "to",
        "with",
        "by",
        "as",
        "than",
        "not",
        "if",
        "into",
        "against",
        "during",
        "under",
        "over",
        "since",
        "until",
        "whose",
        "where",
        "although",
        "though",
        "nor",
        "so",
        "then",
        "there",
        "this",
        "these",
        "those",
        "it",
        "its",
        "they",
        "them",
        "he",
        "she",
        "him",
        "her",
        "his",
        "we",
        "our",
        "you",
        "of",
    ]
)
# auxiliaries and adverbs allowed between a subject and its verb
AUX_WORDS = frozenset(
    [
        "had",
        "has",
        "have",
        "was",
        "were",
        "been",
        "being",
        "is",
        "are",
        "be",
        "also",
        "later",
        "then",
        "subsequently",
        "soon",
        "finally",
        "eventually",
        "both",
        "all",
        "too",
        "immediately",
        "quickly",
        "formally",
        "officially",
        "publicly",
        "secretly",
        "reportedly",
        "apparently",
        "allegedly",
        "already",
        "even",
        "now",
        "duly",
        "himself",
        "themselves",
        "actually",
        "shortly",
        "swiftly",
        "promptly",
        "thereafter",
        "afterwards",
        "first",
        "himself",
        "personally",
        "fully",
        "posthumously",
    ]
)
PASSIVE_AUX = frozenset(["was", "were", "been", "being", "is", "are", "be"])
BLOCKING_WORDS = frozenset(
    [
        "not",
        "never",
        "would",
        "could",
        "might",
        "may",
        "should",
        "must",
        "will",
        "can",
        "cannot",
        "to",
        "nearly",
        "almost",
    ]
)
LIST_JOINERS = re.compile(
    r"^\s*(?:,\s*and\s+|,\s*or\s+|,\s*as\s+well\s+as\s+|,\s*|\s+and\s+|\s+or\s+"
    r"|\s+as\s+well\s+as\s+)"
)
APPOSED = re.compile(r"(?:,|\bsuch as)\s*$")
CLOSING_AFTER = re.compile(r",?\s+(?:and|or|as\s+well\s+as)\s")
WORD = re.compile(r"[A-Za-z][A-Za-z.'-]*")
SINGULAR_PRONOUNS = frozenset(["he", "she"])
PLURAL_ANAPHORS = frozenset(["all", "both", "they"])
POSSESSIVE_PRONOUNS = frozenset(["his", "her"])
NOUN_MODIFIERS = frozenset(
    [
        "subsequent",
        "eventual",
        "final",
        "sudden",
        "later",
        "own",
        "first",
        "second",
        "recent",
        "earlier",
        "formal",
    ]
)
MAX_FILLER_WORDS = 4


@dataclass(frozen=True)
class Anaphor:
    """A pronoun or plural description standing where a participant should be."""

    kind: str  # "singular" | "plural"
    start: int


@dataclass(frozen=True)
class SubjectSlot:
    """What stands before a verb: mentions or an anaphor, with the verb's voice."""

    spans: tuple[EntitySpan, ...]
    anaphor: Anaphor | None
    passive: bool


def is_filler(gap: str, allow_commas: bool = False) -> bool:
    """A short stretch of titles, names, articles: no verb, clause break or preposition."""
    if re.search(r"[;:()\[\]]", gap) or (not allow_commas and "," in gap):
        return False
    words = WORD.findall(gap)
    if len(words) > MAX_FILLER_WORDS:
        return False
    return all(w.lower().strip(".'") not in STOP_WORDS and w.lower() != "and" for w in words)


def list_continues(gap: str) -> bool:
    """`, `, ` and `, `, and the ` between two names of one list."""
    joined = LIST_JOINERS.match(gap)
    if joined is None:
        return False
    return is_filler(gap[joined.end() :], allow_commas=True)


def list_after(
    text: str,
    spans: list[EntitySpan],
    pos: int,
    kinds: tuple[str, ...] = ("person",),
    first_gap_ok=is_filler,
) -> list[EntitySpan]:
    """The list of mentions starting right after `pos` (`of Primakov, Putna and Shmidt`).

    A possessive (`of Putnas wife`) is not a list item. Names joined by commas
    only count as a list when `and`/`or` closes it (`A, B and C`, `A, B and the
    other officers`); otherwise only the first name is taken.
    """
    candidates = [s for s in spans if s.start >= pos and s.entity.kind in kinds]
    if not candidates or not first_gap_ok(text[pos : candidates[0].start]):
        return []
    if candidates[0].possessive:
        return []
    found = [candidates[0]]
    for span in candidates[1:]:
        if span.possessive or not list_continues(text[found[-1].end : span.start]):
            break
        found.append(span)
    last_join = text[found[-2].end : found[-1].start] if len(found) > 1 else ""
    if last_join and not _closed(last_join) and not CLOSING_AFTER.match(text[found[-1].end :]):
        found = found[:1]
    return _distinct(found)


def list_before(
    text: str, spans: list[EntitySpan], end: int, kinds: tuple[str, ...] = ("person",)
) -> list[EntitySpan]:
    """The list of mentions ending exactly at `end` (`Primakov and Putna` + `were ...`)."""
    candidates = [s for s in spans if s.end <= end and s.entity.kind in kinds]
    if not candidates or text[candidates[-1].end : end].strip() or candidates[-1].possessive:
        return []
    found = [candidates[-1]]
    for span in reversed(candidates[:-1]):
        if span.possessive or not list_continues(text[span.end : found[0].start]):
            break
        found.insert(0, span)
    if len(found) > 1 and not _closed(text[found[-2].end : found[-1].start]):
        found = found[-1:]
    return _distinct(found)


def _closed(gap: str) -> bool:
    return re.search(r"\b(?:and|or|as\s+well\s+as)\b", gap) is not None


def subject_before(
    text: str, spans: list[EntitySpan], pos: int, kinds: tuple[str, ...] = ("person",)
) -> SubjectSlot | None:
    """The subject of the verb starting at `pos`; None when blocked (negated, modal) or absent."""
    before = text[:pos]
    chain = re.search(r"(?:\b[A-Za-z]+\s+)*$", before)
    words: list[str] = []
    cut = pos
    if chain:
        for match in reversed(list(re.finditer(r"\b([A-Za-z]+)\s+", chain.group(0)))):
            word = match.group(1).lower()
            if word in BLOCKING_WORDS:
                return None
            starts_clause = not before[: chain.start() + match.start()].strip(" ,") or re.search(
                r"[.;:]\s*$", before[: chain.start() + match.start()]
            )
            if word not in AUX_WORDS or (word in PLURAL_ANAPHORS and starts_clause):
                break
            words.append(word)
            cut = chain.start() + match.start()
    if "be" in words and not {"been", "being"} & set(words):
        return None  # `requested that X be removed`: a wish, not a fact
    passive = any(w in PASSIVE_AUX for w in words)
    head = text[:cut].rstrip()
    head = re.sub(r",?\s*(?:who|which)$", "", head)
    anaphor = _trailing_anaphor(head)
    if anaphor is not None:
        return SubjectSlot((), anaphor, passive)
    found = list_before(text, spans, len(head), kinds)
    if not found and head.endswith(","):
        # `the aide to the commander of the KVO, R. A. Peterson, was arrested`
        listed = list_before(text, spans, len(head) - 1, kinds)
        if listed and APPOSED.search(text[: listed[0].start]):
            found = [s for s in listed if s.entity.kind == "person"]
    if not found:
        without_apposition = _strip_apposition(head)
        if without_apposition is not None:
            found = list_before(text, spans, len(without_apposition), kinds)
    return SubjectSlot(tuple(found), None, passive) if found else None


def agent_after(text: str, spans: list[EntitySpan], pos: int) -> EntitySpan | None:
    """`by Ezhov`, `by the political police` right after `pos`."""
    match = re.match(r"\s+by\s+", text[pos:])
    if match is None:
        return None
    found = list_after(text, spans, pos + match.end(), kinds=("person", "org"))
    return found[0] if found else None


def possessive_before(text: str, spans: list[EntitySpan], pos: int) -> EntitySpan | Anaphor | None:
    """`Putnas arrest`, `Putna's arrest`, `his arrest` ending at `pos`."""
    before = text[:pos]
    modifiers = re.search(r"(?:\b(?:" + "|".join(sorted(NOUN_MODIFIERS)) + r")\s+)*$", before)
    head_end = modifiers.start() if modifiers else pos
    head = before[:head_end]
    pronoun = re.search(r"\b(his|her|His|Her)\s+$", head)
    if pronoun:
        return Anaphor("singular", pronoun.start())
    for span in spans:
        if span.entity.kind == "person" and re.fullmatch(r"(?:'?s)?\s+", text[span.end : head_end]):
            return span
    return None


def _trailing_anaphor(head: str) -> Anaphor | None:
    match = re.search(r"(?:^|[\s,;])([A-Za-z]+)$", head)
    if match is None:
        return None
    word = match.group(1).lower()
    if word in SINGULAR_PRONOUNS:
        return Anaphor("singular", match.start(1))
    if word in PLURAL_ANAPHORS and re.search(r"(?:^|[.;:]\s*)[A-Za-z]+$", head):
        return Anaphor("plural", match.start(1))
    return None


def _strip_apposition(head: str) -> str | None:
    """`Shmidt, the commander of a tank brigade,` -> `Shmidt`."""
    match = re.search(r",\s*([^,;:()]{1,90}),$", head)
    if match is None:
        return None
    apposition = match.group(1)
    words = [w.lower() for w in WORD.findall(apposition)]
    relative = bool(words) and words[0] == "who"  # `Gai, who had supported Trotsky ...,`
    verbs = {"was", "were", "had", "has", "is", "are", "who", "which"}
    if not relative and any(w in verbs for w in words):
        return None
    return head[: match.start()].rstrip()


def _distinct(spans: list[EntitySpan]) -> list[EntitySpan]:
    seen: set[object] = set()
    result = []
    for span in spans:
        if span.entity not in seen:
            seen.add(span.entity)
            result.append(span)
    return result
