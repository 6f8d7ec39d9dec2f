"""Lookup tables over the bibliography's works, and matching a title or an author's
name printed in a footnote to the work it names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from redarmy_kg.bibliography import Bibliography, Work
from redarmy_kg.citations.patterns import Patterns
from redarmy_kg.iris import slugify

MIN_TITLE_WORDS = 2
SHORT_MARK = "~"  # a title's first three words: a cite only where pages or a head position show it
VOLUME = re.compile(
    r"(?:^|,)\s*(?P<vol>[IVX]{1,5})(?:\s*\(\d{4}\))?\s*(?:,\s*book\s+(?P<book>[IVX\d]+)\s*)?(?:,|$)"
)


def norm(text: str) -> str:
    return " ".join(slugify(text).split("-"))


@dataclass
class WorkIndex:
    """Lookup tables over the bibliography's works."""

    works: list[Work]
    by_surname: dict[str, list[Work]] = field(default_factory=dict)
    phrases: dict[str, list[str]] = field(default_factory=dict)  # work key -> title phrases
    surname_regex: re.Pattern[str] | None = None
    title_regex: re.Pattern[str] | None = None
    works_by_phrase: dict[str, list[Work]] = field(default_factory=dict)
    short_phrases: set[str] = field(default_factory=set)


def title_phrases(work: Work) -> list[str]:
    """Normalised phrases that identify the work: its main title's first words, or container."""
    phrases = []
    for title in (work.title, work.container if not work.creators else ""):
        if not title:
            continue
        words = norm(title).split()
        if words and words[0] in ("the", "a", "an") and len(words) > 1:
            words = words[1:]
        main = norm(re.split(r"[:?]", title, maxsplit=1)[0]).split()
        if main and main[0] in ("the", "a", "an") and len(main) > 1:
            main = main[1:]
        if len(main) >= MIN_TITLE_WORDS or (len(main) == 1 and len(main[0]) >= 8):
            phrases.append(" ".join(main[:4]))
        to_comma = _words(re.split(r"[,:?]", title, maxsplit=1)[0])
        if 2 <= len(to_comma) < 4 and " ".join(to_comma) not in phrases:
            phrases.append(" ".join(to_comma))
        if len(main) >= 4:
            phrases.append(SHORT_MARK + " ".join(main[:3]))
        elif words:
            phrases.append(" ".join(words[: max(MIN_TITLE_WORDS, len(main))]))
    return phrases


def build_index(bibliography: Bibliography, patterns: Patterns) -> WorkIndex:
    index = WorkIndex([w for w in bibliography.works if w.fabio_type != "Newspaper"])
    for work in index.works:
        for creator in work.creators:
            index.by_surname.setdefault(creator.surname, []).append(work)
        marked = list(dict.fromkeys(title_phrases(work)))
        index.short_phrases |= {p[1:] for p in marked if p.startswith(SHORT_MARK)}
        index.phrases[work.key] = [p.lstrip(SHORT_MARK) for p in marked]
        for phrase in index.phrases[work.key]:
            sharing = index.works_by_phrase.setdefault(phrase, [])
            if work not in sharing:
                sharing.append(work)
    surnames = set(index.by_surname) | {
        variant for variant, targets in patterns.surname_variants.items()
        if any(t in index.by_surname for t in targets)
    }
    stop_words = "|".join(sorted(patterns.not_given_names))
    given = r"(?:(?!(?:" + stop_words + r")\b)[A-Z][a-z]*\.?\s?){0,3}"
    names = "|".join(re.escape(s) for s in sorted(surnames, key=len, reverse=True))
    index.surname_regex = re.compile(
        rf"(?:\b|(?<=see))(?P<given>{given})(?P<surname>{names})(?:\s+and\s+(?:[A-Z][a-z]*\.?\s)*"
        rf"(?P<second>{names}))?(?=\s*[,;]|\.?\s*$)"
    )
    phrases = sorted(index.works_by_phrase, key=len, reverse=True)
    index.title_regex = re.compile(
        r"\b(?:The\s|A\s|An\s)?(?P<title>"
        + "|".join(_phrase_pattern(p) for p in phrases)
        + r")\b"
    )
    return index


def _phrase_pattern(phrase: str) -> str:
    """First letter capitalised as printed, the rest in any case, any punctuation between."""
    words = phrase.split()
    first = words[0]
    head = re.escape(first)
    if first[0].isalpha():
        head = f"{first[0].upper()}(?i:{re.escape(first[1:])})" if first[1:] else first.upper()
    rest = [f"(?i:{re.escape(w)})" for w in words[1:]]
    return r"\W+".join([head, *rest])


def surname_candidates(index: WorkIndex, surname: str, patterns: Patterns) -> list[Work]:
    names = [surname, *patterns.surname_variants.get(surname, ())]
    found: list[Work] = []
    for name in names:
        for work in index.by_surname.get(name, []):
            if work not in found:
                found.append(work)
    first = [w for w in found if w.creators and w.creators[0].surname in names]
    return first or found


def _words(text: str) -> list[str]:
    words = norm(text).split()
    return words[1:] if words and words[0] in ("the", "a", "an") and len(words) > 1 else words


def prefix_score(title: str, region: str) -> int:
    """How many leading words of `title` the region starts with (0 if fewer than 2)."""
    title_words, region_words = _words(title), _words(region)
    main_words = _words(re.split(r"[:?]", title, maxsplit=1)[0])
    k = 0
    while k < min(len(title_words), len(region_words)) and title_words[k] == region_words[k]:
        k += 1
    whole_main = bool(main_words) and k >= len(main_words)
    return k * 10 if k >= 2 or (k and (k == len(title_words) or whole_main)) else 0


def best_by_title(
    index: WorkIndex, candidates: list[Work], region: str, single_words: bool = False
) -> list[Work]:
    text = f" {norm(region)} "
    scored = []
    for work in candidates:
        hits = [len(p) for p in index.phrases[work.key]
                if (single_words or (" " in p and p not in index.short_phrases))
                and f" {p} " in text]
        score = max([prefix_score(work.title, region.lstrip(" ,")), *hits, 0])
        if score:
            scored.append((score, work))
    if not scored:
        return []
    top = max(score for score, _ in scored)
    return [work for score, work in scored if score == top]


def disambiguate(candidates: list[Work], region: str, recent: dict[str, str]) -> Work | None:
    """Several works share a title (collection volumes): editor, year, volume decide."""
    if len(candidates) == 1:
        return candidates[0]
    text = norm(region)

    def score(work: Work) -> int:
        points = sum(2 for c in work.creators if norm(c.surname) in text.split())
        points += 2 if work.year[:4] and work.year[:4] in text else 0
        points += 3 if work.container and norm(work.container) in text else 0
        points += sum(1 for word in set(norm(work.title).split()) if f" {word} " in f" {text} ")
        volume = VOLUME.search(region)
        if volume and work.volume and volume.group("vol") in work.volume.replace(",", " ").split():
            points += 2
        return points

    ranked = sorted(candidates, key=lambda w: -score(w))
    if score(ranked[0]) > score(ranked[1]):
        return ranked[0]
    for work in candidates:
        if recent.get("last") == work.key:
            return work
    return None


def titled_near_start(index: WorkIndex, text: str, max_offset: int = 4) -> list[Work]:
    """Works one of whose title phrases begins within the first words of `text`
    (after an author's name: `Oleg Ken Mobilizatsionnoe planirovanie ...`)."""
    words = norm(text).split()
    found: list[Work] = []
    for offset in range(min(max_offset, len(words)) + 1):
        head = " " + " ".join(words[offset:]) + " "
        for work in index.works:
            phrases = [p for p in index.phrases[work.key]
                       if " " in p and p not in index.short_phrases]
            if any(head.startswith(f" {p} ") for p in phrases) and work not in found:
                found.append(work)
        if found:
            return found
    return found


def work_named_in(index: WorkIndex, text: str) -> Work | None:
    """The one work a stretch of prose names: by a title phrase, else by an author's
    surname at its start when that author has a single work (`Tarkhova also notes ...`)."""
    by_title = titled_near_start(index, text)
    if len(by_title) == 1:
        return by_title[0]
    first = re.match(r"\s*(?:see\s+)?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+[a-z]", text)
    if first:
        works = index.by_surname.get(first.group(1), [])
        if len(works) == 1:
            return works[0]
    return None
