"""Footnote cites of bibliography works: full first citations, short cites
(`Getty and Naumov, The Road to Terror, p. 276`), author-only cites (`Zdanovich,
p. 377`) and title-only cites of collections (`Lubianka, ed. by Khaustov and others`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from redarmy_kg.bibliography import Bibliography, Work
from redarmy_kg.citations.locators import PAGE_LOCATOR, normalise
from redarmy_kg.citations.model import CollectionRef, WorkRef
from redarmy_kg.citations.patterns import Patterns
from redarmy_kg.iris import slugify

IMPRINT = re.compile(r"\((?:[^():]+:\s*)?[^()]*\d{4}(?:\s*-\s*\d{2,4})?\)")
PUBLISHER_IMPRINT = re.compile(r"\([^():]+:\s*[^()]*\d{4}(?:\s*-\s*\d{2,4})?\)")
SEE = re.compile(r"\b(?:see(?: for example| also)?|such as),?\s+", re.IGNORECASE)
VOLUME = re.compile(r"(?:^|,)\s*(?P<vol>[IVX]{1,5})(?:\s*\(\d{4}\))?\s*,")
MIN_TITLE_WORDS = 2
SHORT_MARK = "~"  # a title's first three words: a cite only where pages or a head position show it
LOOKAHEAD = 400  # a title-first cite's edition details may run past a sentence break


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
        rf"(?P<second>{names}))?(?=\s*,|\.?\s*$)"
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


STOP = re.compile(r"\b(?:RGVA|RGASPI|TNA|[Ii]bid)\b")


NEXT_CITE = re.compile(r",\s+(?:and|see|see also)\s+(?=[A-Z])")
MORE_PAGES = re.compile(r"\)?\s*,\s*(?=pp?\.\s*[\dxivlc])")


def work_extent(text: str, start: int, end: int) -> tuple[int, str]:
    """End of the cite (after its page locators, else the chunk) and its pages.

    `II (pp. 96-166), p. 109`: a chapter's range in brackets gives way to the cited page;
    `p. 187, p. 432`: both pages are kept."""
    stop_at = STOP.search(text, start, end)
    if stop_at:
        end = stop_at.start()
    locator = PAGE_LOCATOR.search(text, start, end)
    if locator is None:
        next_cite = NEXT_CITE.search(text, start, end)
        stop = next_cite.start() if next_cite else end
        imprint = _last_imprint(text, start, stop)
        if imprint is not None:
            volume = re.compile(r",\s*[IVX]{1,5}(?:\s*\(\d{4}\))?").match(text, imprint, end)
            stop = volume.end() if volume else imprint
        while stop > start and text[stop - 1] in " .;,":
            stop -= 1
        return stop, ""
    found = [locator]
    while (more := MORE_PAGES.match(text, found[-1].end(), end)) is not None:
        following = PAGE_LOCATOR.match(text, more.end(), end)
        if following is None:
            break
        found.append(following)
    if len(found) > 1 and text[max(0, found[0].start() - 1)] == "(":
        found = found[1:]
    pages = [_pages(m) for m in found]
    return found[-1].end(), pages[0] if len(pages) == 1 else _join_pages(pages)


def _last_imprint(text: str, start: int, end: int) -> int | None:
    """End of the last '(Place: Publisher, 1999)' in text[start:end], if any."""
    found = None
    for match in PUBLISHER_IMPRINT.finditer(text, start, end):
        found = match.end()
    return found


def _pages(locator: re.Match[str]) -> str:
    inner = re.search(r"\((p{1,2}\.\s*[^)]*)\)", locator.group(0))
    if inner:
        return normalise(inner.group(1))
    return normalise(f"{locator.group('mark')} {locator.group('nums')}")


def _join_pages(pages: list[str]) -> str:
    numbers = [re.sub(r"^pp?\.\s*", "", p) for p in pages]
    return "pp. " + ", ".join(numbers)


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
        ref.volume = volume.group("vol") if volume else ""
    return ref


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
    if second:
        everyone = index.by_surname.get(match.group("surname"), [])
        both = [w for w in everyone if any(c.surname == second for c in w.creators)]
        candidates = both or candidates
    titled = best_by_title(index, candidates, region[:240], single_words=True)
    has_imprint = IMPRINT.search(region) is not None
    locator_next = re.match(r"\s*,\s*(?:see\s+)?pp?\.\s*[\dxivlc]", region) is not None
    work_of = re.search(r"\b(?:work of|see)\s+$", text[max(0, match.start() - 12):match.start()])
    alone = (at_head or work_of is not None) and re.match(r"\.?\s*$", region) is not None
    flags: list[str] = []
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
        by_title = titled_near_start(index, head)
        if len(by_title) == 1:
            return make_ref(by_title[0], text, start, stop, pages, "full", ["matched-by-title"])
    return WorkRef(
        raw=text[start:stop], start=start, end=stop, flags=["not-in-bibliography"],
        work_key=None, pages=pages, form="full",
    )


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
