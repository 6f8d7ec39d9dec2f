"""`Ibid.` and its variants (`Ibid,.`, `Ibid,`, `See ibid.`, `Quoted in ibid.`) with a locator."""

from __future__ import annotations

import re

from redarmy_kg.citations.locators import ANY_LOCATOR, normalise
from redarmy_kg.citations.model import IbidRef
from redarmy_kg.citations.patterns import Patterns


def ibid_starts(text: str, patterns: Patterns) -> list[int]:
    return [m.start() for m in patterns.ibid.finditer(text) if _word_start(text, m.start())]


def _word_start(text: str, pos: int) -> bool:
    return pos == 0 or not text[pos - 1].isalnum()


def parse_ibid(text: str, start: int, end: int, patterns: Patterns) -> IbidRef | None:
    match = patterns.ibid.match(text, start, end)
    if not match:
        return None
    stop = match.end()
    own = ""
    locator = ANY_LOCATOR.match(text, _skip_space(text, stop, end), end)
    if locator:
        own = normalise(locator.group(0))
        stop = locator.end()
    raw = text[start:stop]
    flags = [] if re.fullmatch(r"Ibid\.?(?:,\s.*)?", raw, re.DOTALL) else ["ibid-variant"]
    return IbidRef(raw=raw, start=start, end=stop, flags=flags, own_locator=own)


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " ,.":
        pos += 1
    return pos
