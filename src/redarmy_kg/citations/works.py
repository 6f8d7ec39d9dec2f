"""Footnote cites of bibliography works: full first citations, short cites
(`Getty and Naumov, The Road to Terror, p. 276`), author-only cites (`Zdanovich,
p. 377`) and title-only cites of collections (`Lubianka, ed. by Khaustov and others`).
"""

from __future__ import annotations

import re

from redarmy_kg.bibliography import Work
from redarmy_kg.citations.extent import IMPRINT, PUBLISHER_IMPRINT, work_extent
from redarmy_kg.citations.locators import PAGE_MARK
from redarmy_kg.citations.model import CollectionRef, WorkRef
from redarmy_kg.citations.patterns import Patterns
from redarmy_kg.citations.work_index import (
    VOLUME,
    WorkIndex,
    best_by_title,
    disambiguate,
    norm,
    prefix_score,
    surname_candidates,
    titled_near_start,
)

SEE = re.compile(r"\b(?:see(?: for example| also)?|such as),?\s+", re.IGNORECASE)
# before an author-only cite: `the work of`, `see`, and the names listed after them
NAME_LIST_LEAD = re.compile(r"\b(?:works? of|see)\s+(?:[A-Z][\w-]+,?\s+(?:and\s+)?)*$")
LOOKAHEAD = 400  # a title-first cite's edition details may run past a sentence break


def make_ref(
    work: Work | None, text: str, start: int, stop: int, pages: str, form: str, flags: list[str]
) -> WorkRef:
    cls = CollectionRef if work is not None and work.is_collection else WorkRef
    ref = cls(
        raw=text[start:stop], start=start, end=stop, flags=flags,
        work_key=work.key if work else None, pages=pages, form=form,
    )
    if work is not None and (work.is_collection or "vols" in work.raw or work.volume):
        volume = VOLUME.search(text[start:stop])
        book = f", book {volume.group('book')}" if volume and volume.group("book") else ""
        ref.volume = volume.group("vol") + book if volume else ""
    if work is not None and not pages and work.fabio_type == "JournalArticle":
        ref.pages = _pinpoint_range(text[start:stop], work.pages)
    return ref


ISSUE_RANGE = re.compile(r"\d{4}\),\s*(?P<range>\d+\s*-\s*\d+)\s*$")


def _pinpoint_range(raw: str, article_pages: str) -> str:
    """`Cahiers du Monde Russe, 40. 1-2 (1999), 34-36` for an article on pp. 13-63: the
    range after the issue is the cited pages when it is not the article's own range."""
    found = ISSUE_RANGE.search(raw)
    if found is None:
        return ""
    cited = re.sub(r"\s*-\s*", "-", found.group("range"))
    return "" if not article_pages or cited == article_pages else f"pp. {cited}"


def _initials(given: str) -> str:
    return "".join(word[0] for word in re.findall(r"[A-Z][a-z]*", given))


def parse_author_cite(
    index: WorkIndex, text: str, match: re.Match[str], end: int, patterns: Patterns,
    recent: dict[str, str], at_head: bool,
) -> WorkRef | None:
    """`[Given] Surname[ and Surname2], [Title, ...][p. N]` starting at `match`."""
    after = match.end()
    region = text[after:end]
    candidates = surname_candidates(index, match.group("surname"), patterns)
    given = _initials(match.group("given") or "")
    spellings = {match.group("surname"), *patterns.surname_variants.get(match.group("surname"), ())}
    if given:
        same_person = [w for w in candidates if w.creators and any(
            c.surname in spellings and _initials(c.given) == given for c in w.creators)]
        candidates = same_person or candidates
    second = match.group("second")
    both: list[Work] = []
    if second:
        everyone = index.by_surname.get(match.group("surname"), [])
        both = [w for w in everyone if any(c.surname == second for c in w.creators)]
        candidates = both or candidates
    titled = best_by_title(index, candidates, region[:240], single_words=True)
    has_imprint = IMPRINT.search(region) is not None
    locator_next = re.match(rf"\s*,\s*(?:see\s+)?{PAGE_MARK}", region) is not None
    # `see Benvenuti, p.` with the number lost at a page break: still the author's cite
    locator_next = locator_next or re.match(r"\s*,\s*pp?\.\s*$", region) is not None
    work_of = NAME_LIST_LEAD.search(text, max(0, match.start() - 80), match.start())
    alone = (at_head or work_of is not None) and re.match(r"[.;]?\s*$", region) is not None
    flags: list[str] = []
    if second and not both and alone and len(candidates) == 1:
        # `the work of Tynchenko and Zdanovich.`: two authors without a joint work are two cites
        stop = match.end("surname")
        return make_ref(candidates[0], text, match.start(), stop, "", "author", flags)
    if titled:
        work = disambiguate(titled, text[match.start():end], recent)
        form = "full" if has_imprint else "short"
    elif locator_next or alone:
        form = "author"
        if len(candidates) == 1:
            work = candidates[0]
        else:
            work = next((w for w in candidates if recent.get(w.first_surname) == w.key), None)
            flags.append("author-has-several-works")
    else:
        return None
    if work is None:
        flags.append("work-unresolved")
    stop, pages = work_extent(text, after, end)
    return make_ref(work, text, match.start(), stop, pages, form, flags)


def parse_title_cite(
    index: WorkIndex, text: str, match: re.Match[str], end: int, recent: dict[str, str]
) -> WorkRef | None:
    phrase = norm(match.group("title"))
    candidates = index.works_by_phrase.get(phrase, [])
    if not candidates:
        return None
    work = disambiguate(candidates, text[match.start():match.start() + LOOKAHEAD], recent)
    if work is None:
        return None
    flags: list[str] = []
    stop, pages = work_extent(text, match.end(), end)
    region = text[match.start():stop]
    form = "full" if IMPRINT.search(region) else "title"
    return make_ref(work, text, match.start(), stop, pages, form, flags)


def parse_unlisted_full_cite(
    text: str, start: int, end: int, index: WorkIndex | None = None
) -> WorkRef | None:
    """A full citation ('Author, Title (Place: Publisher, 2006)') the bibliography lacks."""
    imprint = PUBLISHER_IMPRINT.search(text, start, end)
    if imprint is None:
        return None
    introduced = start == 0 or text[:start].rstrip().endswith(";")
    for see in SEE.finditer(text, start, imprint.start()):
        start = see.end()
        introduced = True
    head = text[start:imprint.start()]
    if not re.match(r"[A-Z0-9]", head) or len(head) > 300:
        return None
    if "," not in head and not (introduced and len(head) <= 200):
        return None
    stop, pages = work_extent(text, imprint.start(), end)
    if index is not None:
        by_title = titled_near_start(index, head) or _author_named_with_title(index, head)
        if len(by_title) == 1:
            return make_ref(by_title[0], text, start, stop, pages, "full", ["matched-by-title"])
    return WorkRef(
        raw=text[start:stop], start=start, end=stop, flags=["not-in-bibliography"],
        work_key=None, pages=pages, form="full",
    )


def _author_named_with_title(index: WorkIndex, head: str) -> list[Work]:
    """`Ian Thatcher notes that ..., Trotsky (London: ...)`: an author named in the prose
    and one of their works' titles just before the imprint."""
    title = head.rstrip(" ,").rsplit(",", 1)[-1]
    named = {w for w in re.findall(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", head) if w in index.by_surname}
    found = []
    for surname in sorted(named):
        for work in index.by_surname[surname]:
            if prefix_score(work.title, title) and work not in found:
                found.append(work)
    return found
