"""One footnote's text -> its references and remainders, in order.

Reference starts (tokens) are searched chunk by chunk; each parser reads as far
as its reference goes; the text in between is kept as remainder.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from redarmy_kg.citations import archival, newspapers
from redarmy_kg.citations.extent import PUBLISHER_IMPRINT, work_extent
from redarmy_kg.citations.ibid import parse_ibid
from redarmy_kg.citations.locators import ANY_LOCATOR, PAGE_MARK, normalise
from redarmy_kg.citations.model import (
    ArchivalFile,
    ArchivalRef,
    NewspaperRef,
    Reference,
    Remainder,
    WorkRef,
)
from redarmy_kg.citations.patterns import Patterns
from redarmy_kg.citations.segment import split_chunks
from redarmy_kg.citations.work_index import WorkIndex, norm, work_named_in
from redarmy_kg.citations.works import (
    make_ref,
    parse_author_cite,
    parse_title_cite,
    parse_unlisted_full_cite,
)

BARE_PAGE = re.compile(r"(?:(?<=^)|(?<=see\s)|(?<=see,\s)|(?<=\s))pp?\.\s*\d")
BARE_CONTEXT = re.compile(r"(?:\b(?:see|on|also|and|in|cf\.)[,:]?|[.;])\s*$", re.IGNORECASE)
CITING_WORD = re.compile(
    r"(?:\bsee|\bin|\bsee also|for example|e\.g\.)[,:]?\s+(?:The\s|A\s)?$", re.IGNORECASE
)
LOOKS_LIKE_REFERENCE = re.compile(r"\b(?:pp?|ll?|op|d|f)\.\s*\d|\bIbid\b", re.IGNORECASE)


@dataclass
class Context:
    """What earlier references leave for later ones: the archival file, the last source."""

    archival: ArchivalFile | None = None
    last: Reference | None = None
    recent_works: dict[str, str] = field(default_factory=dict)


@dataclass
class Parsers:
    patterns: Patterns
    works: WorkIndex
    archive_head: re.Pattern[str]
    newspaper_title: re.Pattern[str]


def make_parsers(patterns: Patterns, works: WorkIndex) -> Parsers:
    return Parsers(
        patterns, works, archival.archive_head(patterns), newspapers.title_pattern(patterns)
    )


Candidate = tuple[int, int, Callable[[], Reference | None]]


def _paged(text: str, pos: int, end: int) -> bool:
    """A page locator follows within the same clause (`, ed. by Khaustov and others, p. 764`)."""
    window = text[pos:min(end, pos + 100)]
    window = re.split(r";|\.\s+(?=[A-Z])", window, maxsplit=1)[0]
    return re.search(rf"(?<![A-Za-z]){PAGE_MARK}|^,\s*eds?\.", window) is not None


def candidates(
    text: str, pos: int, end: int, chunk_start: int, parsers: Parsers, ctx: Context,
    previous: Reference | None = None,
) -> list[Candidate]:
    """Possible reference starts in text[pos:end]: (start, priority, parse)."""
    found: list[Candidate] = []
    pat = parsers.patterns

    def add(start: int, priority: int, parse: Callable[[], Reference | None]) -> None:
        found.append((start, priority, parse))

    for m in parsers.archive_head.finditer(text, pos, end):
        add(m.start(), 0, partial(archival.parse_archival, text, m.start(), end, pat, None))
    for m in archival.TNA.finditer(text, pos, end):
        add(m.start(), 0, partial(archival.parse_tna, text, m.start(), end))
    for m in pat.ibid.finditer(text, pos, end):
        if m.start() == 0 or not text[m.start() - 1].isalnum():
            add(m.start(), 1, partial(parse_ibid, text, m.start(), end, pat))
    for regex in (archival.CHAIN_START, archival.BARE_FOLIO_START):
        for m in regex.finditer(text, pos, end):
            add(m.start(), 2, partial(
                archival.parse_archival, text, m.start(), end, pat, ctx.archival))
    for m in parsers.newspaper_title.finditer(text, pos, end):
        add(m.start(), 3, partial(
            newspapers.parse_newspaper, text, max(chunk_start, pos), m.start(), end, pat))
    assert parsers.works.title_regex is not None and parsers.works.surname_regex is not None
    head = _lead_in_end(text, max(chunk_start, pos), end)
    for m in parsers.works.title_regex.finditer(text, pos, end):
        cited = CITING_WORD.search(text, max(pos, m.start() - 20), m.start())
        full = text[max(pos, m.start() - 2):m.start()] == ", " and PUBLISHER_IMPRINT.search(
            text, m.end(), end)
        words = len(m.group("title").split())
        long_title = words >= 2 or len(m.group("title")) >= 8
        paged = _paged(text, m.end(), end)
        if set(norm(m.group("title")).split()) <= pat.generic_title_words:
            full = paged = False
        if norm(m.group("title")) in parsers.works.short_phrases:
            cited = full = None
            paged = re.match(rf",?\s*{PAGE_MARK}", text[m.end():end]) is not None
        at_head = m.start() <= head and (words >= 2 or paged or full)
        if at_head or (cited and words >= 3) or ((full or paged) and long_title):
            add(m.start(), 5, partial(
                parse_title_cite, parsers.works, text, m, end, ctx.recent_works))
    for m in parsers.works.surname_regex.finditer(text, pos, end):
        add(m.start(), 4, partial(
            parse_author_cite, parsers.works, text, m, end, pat, ctx.recent_works,
            m.start() <= head))
    if isinstance(previous, NewspaperRef) and not parsers.newspaper_title.search(text, pos, end):
        add(head, 3, partial(newspapers.parse_chained, text, head, end, previous))
    for m in BARE_PAGE.finditer(text, pos, end):
        add(m.start(), 6, partial(bare_page, text, m.start(), end, head, ctx, parsers.works))
    return sorted(found, key=lambda c: (c[0], c[1]))


def bare_page(
    text: str, start: int, end: int, chunk_head: int, ctx: Context, works: WorkIndex
) -> Reference | None:
    """`see p. 289`: the same work as the last source, with its own pages.

    After other words (`Harris, The Great Urals, pp. 217-218`) the pages belong to a
    short cite of a work the bibliography lacks: kept as an unresolved work cite."""
    locator = ANY_LOCATOR.match(text, start, end)
    if locator is None:
        return None
    before = text[chunk_head:start]
    if before.strip() and not BARE_CONTEXT.search(before):
        full = parse_unlisted_full_cite(text, chunk_head, locator.end(), works)
        if full is not None:
            return full
        known = work_named_in(works, before)
        if known is not None:
            return make_ref(known, text, chunk_head, locator.end(),
                            normalise(locator.group(0)), "short", ["matched-in-prose"])
        return WorkRef(
            raw=text[chunk_head:locator.end()], start=chunk_head, end=locator.end(),
            flags=["work-unresolved"], work_key=None,
            pages=normalise(locator.group(0)), form="short",
        )
    last = ctx.last
    if not isinstance(last, WorkRef) or last.work_key is None:
        return None
    return type(last)(
        raw=text[start:locator.end()], start=start, end=locator.end(), flags=["inherited"],
        work_key=last.work_key, pages=normalise(locator.group(0)), form="bare", implicit=True,
    )


def parse_footnote_text(
    text: str, parsers: Parsers, ctx: Context, on_reference: Callable[[Reference], None]
) -> tuple[list[Reference], list[Remainder]]:
    """References and remainders covering `text`; `on_reference` resolves each as it comes."""
    references: list[Reference] = []
    remainders: list[Remainder] = []
    pos = 0
    for chunk_start, chunk_end in split_chunks(text, parsers.patterns.abbreviations):
        pos = max(pos, chunk_start)
        while pos < chunk_end:
            previous = references[-1] if references else None
            ref = first_reference(text, pos, chunk_end, chunk_start, parsers, ctx, previous)
            if ref is None:
                break
            if _completes_previous(text, ref, references):
                while remainders and remainders[-1].start >= references[-1].end:
                    remainders.pop()
                _extend(text, references[-1], ref)
                pos = ref.end
                continue
            _keep_remainder(text, pos, ref.start, remainders)
            references.append(ref)
            on_reference(ref)
            pos = ref.end
        if pos < chunk_end and _continues_title(text, pos, chunk_end, references):
            previous = references[-1]
            assert isinstance(previous, WorkRef)
            while remainders and remainders[-1].start >= previous.end:
                remainders.pop()
            stop, pages = work_extent(text, previous.end, chunk_end)
            previous.end, previous.raw = stop, text[previous.start:stop]
            previous.pages = previous.pages or pages
            previous.form = "full"
            pos = stop
        if pos < chunk_end:
            unlisted = parse_unlisted_full_cite(
                text, _lead_in_end(text, pos, chunk_end), chunk_end, parsers.works
            )
            if unlisted is not None:
                _keep_remainder(text, pos, unlisted.start, remainders)
                references.append(unlisted)
                on_reference(unlisted)
                pos = unlisted.end
        _keep_remainder(text, pos, chunk_end, remainders)
        pos = max(pos, chunk_end)
    merged = _merge(remainders, text)
    return references, _absorb_dangling_locators(text, references, merged)


DANGLING = re.compile(r"\s*,?\s*(?:pp?|ll?|l1)\.\s*$")
DANGLING_INSIDE = re.compile(r",\s*(?:pp?|ll?|l1)\.?$")


def _absorb_dangling_locators(
    text: str, references: list[Reference], remainders: list[Remainder]
) -> list[Remainder]:
    """`..., p.` or `..., l.` with the number lost at a page break: the reference is
    truncated; the dangling mark becomes part of it and the reference is flagged."""
    kept = []
    for ref in references:
        if not ref.locator and DANGLING_INSIDE.search(ref.raw):
            ref.flags.append("truncated-reference")
    ends = {ref.end: ref for ref in references}
    for rem in remainders:
        ref = ends.get(rem.start)
        match = DANGLING.match(rem.raw)
        if ref is not None and "truncated-reference" in ref.flags and rem.raw.startswith("."):
            match = re.match(r"\.", rem.raw)
            ref.flags.remove("truncated-reference")
        if ref is not None and match is not None:
            ref.end = rem.start + match.end()
            ref.raw = text[ref.start:ref.end]
            ref.flags.append("truncated-reference")
            rest = rem.raw[match.end():]
            if rest:
                kept.append(Remainder(rest, ref.end, rem.end, False, False))
            continue
        kept.append(rem)
    return kept


# `, Cahiers du Monde Russe, 40. 1-2 (1999)`: a journal, its volume and issue, the year
JOURNAL_ISSUE = re.compile(r",\s[A-Z][^,()]*,\s\d+(?:\.\s?[\d-]+)?\s\([^()]*\d{4}\)")


def _continues_title(text: str, pos: int, end: int, references: list[Reference]) -> bool:
    """A title cut at a full stop (`Stalins Peasants. Resistance and Survival ... (New York:
    Oxford University Press, 1994)`, `Letter-Writing and the State. Reader Correspondence ...,
    Cahiers du Monde Russe, 40. 1-2 (1999)`): the rest up to the imprint or the journal issue
    belongs to the previous cite."""
    if not references or not isinstance(references[-1], WorkRef):
        return False
    previous = references[-1]
    if previous.work_key is None or previous.pages or "(" in previous.raw:
        return False
    imprint = PUBLISHER_IMPRINT.search(text, pos, end) or JOURNAL_ISSUE.search(text, pos, end)
    if imprint is None or imprint.start() - previous.end > 250:
        return False
    between = re.sub(r"\([^()]*\)", "", text[previous.end:imprint.start()])
    return re.search(r"\bsee\b|\bibid\b|;", between, re.IGNORECASE) is None


def _completes_previous(text: str, ref: Reference, references: list[Reference]) -> bool:
    """Pages after a sentence break that end the previous, page-less cite of a work
    (`..., Vol. 1: 1918. How the Revolution Armed (London: ..., 1979), p. 10`)."""
    if not references or not isinstance(ref, WorkRef) or ref.work_key is not None:
        return False
    previous = references[-1]
    if not isinstance(previous, WorkRef) or previous.work_key is None or previous.pages:
        return False
    between = re.sub(r"\([^()]*\)", "", text[previous.end:ref.end])
    return len(between) < 400 and not re.search(r"\bsee\b|\bibid\b|;", between, re.IGNORECASE)


def _extend(text: str, previous: Reference, ref: Reference) -> None:
    assert isinstance(previous, WorkRef) and isinstance(ref, WorkRef)
    previous.end = ref.end
    previous.raw = text[previous.start:ref.end]
    previous.pages = ref.pages


def first_reference(
    text: str, pos: int, end: int, chunk_start: int, parsers: Parsers, ctx: Context,
    previous: Reference | None = None,
) -> Reference | None:
    for start, _, parse in candidates(text, pos, end, chunk_start, parsers, ctx, previous):
        ref = parse()
        if ref is not None and ref.end > ref.start and ref.start >= pos:
            if isinstance(ref, ArchivalRef) and ref.file.archive:
                ctx.archival = ref.file
            return ref
        del start
    return None


LEAD_IN = re.compile(
    r"\s*(?:(?:see|for example|see for example|see also|also|for more|quoted in|cf\.)[,:]?\s*)*",
    re.IGNORECASE,
)


def _lead_in_end(text: str, pos: int, end: int) -> int:
    match = LEAD_IN.match(text, pos, end)
    return match.end() if match else pos


def _keep_remainder(text: str, start: int, end: int, remainders: list[Remainder]) -> None:
    if end <= start:
        return
    raw = text[start:end]
    words = re.findall(r"[A-Za-z]{2,}", raw)
    commentary = len(words) >= 3
    unparsed = not commentary and bool(LOOKS_LIKE_REFERENCE.search(raw))
    remainders.append(Remainder(raw, start, end, commentary, unparsed))


def _merge(remainders: list[Remainder], text: str) -> list[Remainder]:
    merged: list[Remainder] = []
    for rem in remainders:
        if merged and merged[-1].end == rem.start:
            prev = merged.pop()
            raw = text[prev.start:rem.end]
            commentary = prev.commentary or rem.commentary
            unparsed = (prev.unparsed or rem.unparsed) and not commentary
            merged.append(Remainder(raw, prev.start, rem.end, commentary, unparsed))
        else:
            merged.append(rem)
    return merged
