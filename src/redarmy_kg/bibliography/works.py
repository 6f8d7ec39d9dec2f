"""One bibliography entry's text -> a `Work` (creators, title, container, imprint, type).

The thesis lost its quotation marks in extraction, so a title's end is found
from what follows it: an imprint in parentheses, ' in ' + an edited volume, or
a journal with volume and year.
"""

from __future__ import annotations

import re

from redarmy_kg.bibliography.model import Creator, Work

GIVEN_TOKEN = r"(?:[A-Z][a-z]{0,2}\.|[A-Z][a-z]+\.?|Zh\.|Iu\.)"
GIVEN = rf"{GIVEN_TOKEN}(?:\s?{GIVEN_TOKEN}){{0,3}}"
SURNAME = r"(?:(?:Von|Di|van|de|Van|De)\s)?[A-Z][A-Za-z'\-]+"
CO_AUTHOR = rf"(?P<co_given>{GIVEN})\s(?P<co_surname>{SURNAME})"
CREATORS = re.compile(
    rf"^(?P<surname>{SURNAME}),\s(?P<given>{GIVEN})"
    rf"(?:\s(?:and|&)\s(?:(?P<others>others)|{CO_AUTHOR}))?,\s"
    r"(?:(?P<eds>eds?\.?),\s)?"
)
IMPRINT = re.compile(
    r"\((?:(?P<place>[^():]+?)\s?:\s?)?(?P<publisher>[^()]+?),\s*"
    r"(?P<year>\d{4}(?:\s?-\s?\d{2,4})?)\)"
)
THESIS_IMPRINT = re.compile(
    r"\(unpublished PhD thesis:\s*(?P<publisher>[^,()]+),\s*(?P<year>\d{4})\)"
)
JOURNAL = re.compile(
    r",\s(?P<journal>[A-Za-z][^,()]*?),\s(?P<volume>\d+)(?:\.\s?(?P<issue>[\d\-]+))?\s"
    r"\((?P<date>[^):]*?(?P<year>\d{4}))\)(?:,?\s(?:pp\.\s)?(?P<pages>\d+(?:\s?-\s?\d*)?))?"
)
CHAPTER = re.compile(r",?\sin\s(?P<container>[A-Z].*?),\s(?:ed\.\s?(?:by\.?\s)?)")
PAGES = re.compile(r"pp?\.\s(?P<pages>\d+\s?-\s?\d*)")
VOLS = re.compile(r",\s\d+\svols\b")


def parse_creators(text: str) -> tuple[list[Creator], str]:
    """Leading 'Surname, Given[ and Given Surname][, eds.],' -> creators and the rest."""
    match = CREATORS.match(text)
    if not match:
        return [], text
    role = "editor" if match.group("eds") else "author"
    creators = [Creator(match.group("surname"), match.group("given").strip(), role)]
    if match.group("co_surname"):
        creators.append(Creator(match.group("co_surname"), match.group("co_given").strip(), role))
    rest = text[match.end() :]
    if match.group("others"):
        rest = "\x00others\x00" + rest
    return creators, rest


def parse_work(text: str, section: str, entry_key: str) -> Work:
    """Parse one entry of a non-archival section (books, collections, theses, newspapers)."""
    text = " ".join(text.split())
    if section == "newspapers":
        return Work("", entry_key, section, "Newspaper", [], text.strip(" ."), text)
    creators, rest = parse_creators(text)
    flags = [] if creators else ["no-creator"]
    others = rest.startswith("\x00others\x00")
    rest = rest.replace("\x00others\x00", "")
    work = Work("", entry_key, section, "Book", creators, "", text, flags=flags)
    if others:
        work.flags.append("and-others")
    if section == "theses":
        return _as_thesis(work, rest)
    journal = JOURNAL.search(rest)
    chapter = CHAPTER.search(rest)
    imprint = IMPRINT.search(rest)
    if journal and (not imprint or journal.start() < imprint.start()) and not chapter:
        return _as_article(work, rest, journal)
    if chapter and (not imprint or chapter.start() < imprint.start()):
        return _as_chapter(work, rest, chapter, imprint)
    return _as_book(work, rest, imprint)


def _as_thesis(work: Work, rest: str) -> Work:
    work.fabio_type = "DoctoralThesis"
    imprint = THESIS_IMPRINT.search(rest)
    if imprint:
        work.title = rest[: imprint.start()].strip(" ,.")
        work.publisher, work.year = imprint.group("publisher").strip(), imprint.group("year")
    else:
        work.title = rest.strip(" ,.")
        work.flags.append("no-imprint")
    return work


def _as_article(work: Work, rest: str, journal: re.Match[str]) -> Work:
    work.fabio_type = "JournalArticle"
    work.title = rest[: journal.start()].strip(" ,.")
    work.container = journal.group("journal").strip()
    work.volume = journal.group("volume")
    work.issue = journal.group("issue") or ""
    work.year = journal.group("year")
    work.pages = _dash(journal.group("pages") or "")
    return work


def _as_chapter(
    work: Work, rest: str, chapter: re.Match[str], imprint: re.Match[str] | None
) -> Work:
    work.fabio_type = "BookChapter"
    work.title = rest[: chapter.start()].strip(" ,.")
    work.container = chapter.group("container").strip(" ,")
    if imprint:
        _set_imprint(work, imprint)
        pages = PAGES.search(rest, imprint.end())
        if pages:
            work.pages = _dash(pages.group("pages"))
    else:
        work.flags.append("no-imprint")
    return work


def _as_book(work: Work, rest: str, imprint: re.Match[str] | None) -> Work:
    if imprint is None:
        work.title = rest.strip(" ,.")
        work.flags.append("no-imprint")
        return work
    head = rest[: imprint.start()]
    vols = VOLS.search(head)
    ed_by = re.search(r",\s(?:ed\.|eds\.)\s", head)
    cut = min(m.start() for m in (vols, ed_by) if m) if (vols or ed_by) else len(head)
    work.title = head[:cut].strip(" ,.")
    _set_imprint(work, imprint)
    tail = rest[imprint.end() :].strip(" ,.")
    if tail:
        work.volume = tail
    return work


def _set_imprint(work: Work, imprint: re.Match[str]) -> None:
    work.place = (imprint.group("place") or "").strip(" ,")
    work.publisher = imprint.group("publisher").strip(" ,")
    work.year = _dash(imprint.group("year"))


def _dash(text: str) -> str:
    return re.sub(r"\s*-\s*", "-", text.strip())


def mend_swapped_imprints(works: list[Work]) -> None:
    """`(Viking: London, 2004)`: publisher and place printed the wrong way round. Swapped
    back (and flagged) when the printed place is never a place in the other entries while
    the printed publisher is."""
    places: dict[str, int] = {}
    for work in works:
        if work.place:
            places[work.place] = places.get(work.place, 0) + 1
    for work in works:
        place, publisher = work.place, work.publisher
        if not place or not publisher or place == publisher:
            continue
        if places.get(place, 0) == 1 and places.get(publisher, 0) >= 1:
            work.place, work.publisher = publisher, place
            work.flags.append("imprint-swapped")
