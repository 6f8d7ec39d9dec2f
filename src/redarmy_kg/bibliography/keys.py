"""Stable keys of works (`getty-naumov-1999-road-to-terror`) and people (`davies-r-w`)."""

from __future__ import annotations

import re
from collections import defaultdict

from redarmy_kg.bibliography.model import Creator, Work
from redarmy_kg.iris import slugify

TITLE_WORDS = 4


def title_slug(
    title: str, leading_articles: frozenset[str], max_words: int = TITLE_WORDS
) -> str:
    """The first four words of the main title (before ':' or '.'), leading article dropped."""
    main = re.split(r"[:?]|(?<![A-Z])\.\s", title, maxsplit=1)[0]
    words = slugify(main).split("-")
    while words and words[0] in leading_articles and len(words) > 1:
        words = words[1:]
    return "-".join(w for w in words[:max_words] if w)


def base_work_key(work: Work, leading_articles: frozenset[str]) -> str:
    authors = work.creators
    if len(authors) > 2 or (authors and "and-others" in work.flags):
        names = [slugify(authors[0].surname), "et-al"]
    else:
        names = [slugify(c.surname) for c in authors]
    year = re.match(r"\d{4}", work.year)
    parts = [*names, year.group(0) if year else "nd", title_slug(work.title, leading_articles)]
    return "-".join(p for p in parts if p)


def assign_work_keys(works: list[Work], leading_articles: frozenset[str]) -> None:
    """Set `work.key`; collisions get `-2`, `-3` in bibliography order."""
    seen: dict[str, int] = defaultdict(int)
    for work in works:
        base = base_work_key(work, leading_articles)
        if work.fabio_type == "Newspaper":
            base = title_slug(work.title, leading_articles) or base
        seen[base] += 1
        work.key = base if seen[base] == 1 else f"{base}-{seen[base]}"


def person_identity(creator: Creator) -> tuple[str, str]:
    """Two printings of one person's name compare equal: ('davies', 'rw')."""
    given = re.sub(r"[^a-z]", "", creator.given.lower())
    return (slugify(creator.surname), given[:1] if len(given) <= 3 else given)


def assign_person_keys(works: list[Work]) -> dict[str, Creator]:
    """`getty`; when two people share a surname, `davies-r-w` / `davies-sarah`."""
    people: dict[tuple[str, str], Creator] = {}
    for work in works:
        for creator in work.creators:
            people.setdefault(person_identity(creator), creator)
    givens_by_surname: dict[str, set[str]] = defaultdict(set)
    for surname, given in people:
        givens_by_surname[surname].add(given)
    keys: dict[tuple[str, str], str] = {}
    for identity, creator in people.items():
        surname = identity[0]
        shared = len(givens_by_surname[surname]) > 1
        keys[identity] = f"{surname}-{slugify(creator.given)}" if shared else surname
    for work in works:
        work.person_keys = [keys[person_identity(c)] for c in work.creators]
    return {key: people[identity] for identity, key in sorted(keys.items(), key=lambda i: i[1])}
