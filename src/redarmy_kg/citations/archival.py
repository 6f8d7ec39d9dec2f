"""Russian archival references (`RGVA, f. 4, op. 19, d. 16, l. 265`) and TNA pieces.

Reads through the thesis's typos: a missing `f.` (`RGVA, 37837, op.`), a missing
comma (`RGVA f. 33987`), `l1.` for `ll.`, a missing `l.` (`d. 99, 160`).
Chained references (`; d. 100, ll. 2-5`, `op. 19, d. 19`) inherit the levels
they leave out from the previous archival reference.
"""

from __future__ import annotations

import re
from dataclasses import replace

from redarmy_kg.citations.model import ArchivalFile, ArchivalRef, TnaRef
from redarmy_kg.citations.patterns import Patterns

NUMBER = r"\d+[a-z]?(?:\s*-\s*\d*[a-z]?)?"
FOLIOS = rf"{NUMBER}(?:\s*,\s*{NUMBER})*"
FOLIO_MARK = r"(?P<mark>ll?\.|l1\.|L\.)"
LEVELS = (
    rf"(?:,?\s*(?P<f_mark>f\.)?\s*(?P<fond>\d+)(?=\s*,\s*op\.))?"
    r"(?:\s*,?\s*op\.\s*(?P<opis>\d+[a-z]?))?"
    r"(?:\s*,?\s*d\.\s*(?P<delo>\d+[a-z]?))?"
    rf"(?:\s*,?\s*(?:{FOLIO_MARK}\s*(?P<folios>{FOLIOS})|(?P<bare>{FOLIOS})(?=\s*(?:[.;]|$))))?"
)
CHAIN_START = re.compile(r"\b(?:f\.\s*\d+\s*,\s*op\.|op\.\s*\d+[a-z]?\s*,\s*d\.|d\.\s*\d+)")
BARE_FOLIO_START = re.compile(r"\b(?:ll?|l1)\.\s*\d")
FOND_FIRST = re.compile(r"\s*,?\s*(?:f\.\s*)?(?P<fond>\d+)")


def archive_head(patterns: Patterns) -> re.Pattern[str]:
    """`RGVA`, or the name as printed with `(hereafter RGVA)` -> group 'long' or 'abbr'."""
    russian = [a for a in patterns.archives if a.key != "tna"]
    abbreviations = "|".join(re.escape(a.abbreviation) for a in russian)
    names = "|".join(re.escape(a.name_as_printed) for a in russian)
    return re.compile(
        rf"(?:(?:{names})\s*\(hereafter (?P<long>{abbreviations})\)"
        rf"|\b(?P<abbr>{abbreviations})\b)"
    )


TNA = re.compile(
    r"(?:(?:The\s)?National Archives\s*\(TNA\)\s*:?\s*(?:Public Record Office\s*\(PRO\)\s*:?)?"
    r"|TNA\s*:\s*(?:PRO\s*:)?)?\s*\b(?P<series>KV\s?\d+)/(?P<piece>\d+)(?:\s*:\s*(?P<item>\d+[a-z]?))?"
)


def folio_list(text: str) -> list[str]:
    return [re.sub(r"\s*-\s*", "-", part.strip()) for part in text.split(",") if part.strip()]


def folio_locator(folios: list[str]) -> str:
    if not folios:
        return ""
    single = len(folios) == 1 and "-" not in folios[0]
    return ("l. " if single else "ll. ") + ", ".join(folios)


def parse_levels(text: str, start: int, end: int) -> re.Match[str] | None:
    return re.compile(LEVELS).match(text, start, end)


def parse_archival(
    text: str, start: int, end: int, patterns: Patterns, context: ArchivalFile | None
) -> ArchivalRef | None:
    """A reference beginning at `start`: with an archive name, chained, or a bare folio."""
    head = archive_head(patterns).match(text, start, end)
    if head:
        abbr = head.group("long") or head.group("abbr")
        archive = patterns.archive_by_abbreviation(abbr)
        key = archive.key if archive else abbr.lower()
        return _with_levels(text, start, head.end(), end, ArchivalFile(key), [], True)
    if context is None:
        return None
    if CHAIN_START.match(text, start, end) or BARE_FOLIO_START.match(text, start, end):
        return _with_levels(text, start, start, end, context, [], False)
    return None


def _with_levels(
    text: str,
    ref_start: int,
    pos: int,
    end: int,
    base: ArchivalFile,
    flags: list[str],
    named: bool,
) -> ArchivalRef | None:
    levels = parse_levels(text, pos, end)
    if levels is None or (levels.end() == pos and not named):
        return None
    flags = list(flags)
    fond, opis, delo = levels.group("fond"), levels.group("opis"), levels.group("delo")
    if named and not fond:
        first = FOND_FIRST.match(text, pos, end)
        if first is not None:
            fond = first.group("fond")
            flags.append("fond-marker-missing")
            pos = first.end()
    if named and levels.group("fond") and not levels.group("f_mark"):
        flags.append("fond-marker-missing")
    if named and fond and text[pos:pos + 1] != "," and not text[pos:].startswith(" ("):
        flags.append("comma-missing")
    inherited: list[str] = []
    file = base
    if named:
        file = ArchivalFile(base.archive, fond or "", opis or "", delo or "")
    elif fond:
        file = ArchivalFile(base.archive, fond, opis or "", delo or "")
        inherited = ["archive"]
    elif opis:
        file = replace(base, opis=opis, delo=delo or "")
        inherited = ["archive", "fond"]
    elif delo:
        file = replace(base, delo=delo)
        inherited = ["archive", "fond", "opis"]
    else:
        inherited = ["archive", "fond", "opis", "delo"]
    if not named and not (fond or opis or delo) and not levels.group("folios"):
        return None
    folios_text = levels.group("folios") or levels.group("bare") or ""
    if levels.group("bare"):
        flags.append("folio-marker-missing")
    if levels.group("mark") == "l1.":
        flags.append("l1-for-ll")
    folios = folio_list(folios_text)
    if named and not (file.fond and file.opis and file.delo):
        flags.append("truncated-reference")
    stop = max(levels.end(), pos)
    return ArchivalRef(
        raw=text[ref_start:stop],
        start=ref_start,
        end=stop,
        flags=flags,
        file=file,
        folios_text=folio_locator(folios),
        folios=folios,
        inherited=inherited,
    )


def parse_tna(text: str, start: int, end: int) -> TnaRef | None:
    match = TNA.match(text, start, end)
    if not match:
        return None
    series = re.sub(r"\s+", " ", match.group("series")).replace("KV", "KV ").replace("  ", " ")
    item = match.group("item") or ""
    return TnaRef(
        raw=text[start : match.end()],
        start=start,
        end=match.end(),
        file=ArchivalFile("tna", series.strip(), "", match.group("piece")),
        folios_text=item,
        folios=[item] if item else [],
    )


def tna_start(text: str) -> list[int]:
    return [m.start() for m in TNA.finditer(text) if m.group("series")]
