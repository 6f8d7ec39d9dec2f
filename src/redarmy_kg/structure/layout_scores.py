"""Scores for the uncertain boundaries of a page's footnote block.

Footnotes are set in smaller type, so a full footnote line is wider (98-115
characters) than a full body line (76-95), and footnote lines are dense with
citation furniture (`pp. 12`, `(London:`, `ed. by`, `1998)`). `footnote_evidence`
turns that into a log-odds score per line. The gap after a page's last footnote
is labelled by a small Viterbi search over three states (footnote, body after a
finished footnote, body after a footnote cut at the page break), so that a
footnote may continue at the foot of the following page(s) when it broke off
mid-sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from redarmy_kg.structure.lines import Line

WIDE_FOOTNOTE = 98  # no body line is this wide
MAYBE_FOOTNOTE = 96

_SENTENCE_END = re.compile(r"""[.?!]['"]?\)?$|\.\)$""")
_TRAILING_MARKER = re.compile(r"(?<=[.?!'\")])\s?\d{1,3}$")
_PAGE_REFERENCE_END = re.compile(r"\b(?:pp?|ll?)\. ?[\dxvi]+(?:-\d+)?$")
_TRUNCATED_END = re.compile(r"(?:\b(?:p|pp|l|ll|f|op|d|ed)\.|[-,;:(]|\band|\bsee)$")
_CITATION_CUES = re.compile(
    r"\b(?:pp?|ll?|f|op|d|ed|vols?|trans)\.\s?\d"
    r"|\([A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*:\s"
    r"|\b(?:1[89]|20)\d\d\)"
    r"|\bIbid\b|\bed\. by\b|\bRG[A-Z]+,"
)

FOOTNOTE, BODY_CLOSED, BODY_OPEN = 0, 1, 2


def ends_sentence(text: str) -> bool:
    if _PAGE_REFERENCE_END.search(text.rstrip()):
        return True  # a complete citation that lost only its full stop
    stripped = _TRAILING_MARKER.sub("", text.rstrip())
    return bool(_SENTENCE_END.search(stripped)) and not looks_truncated(stripped)


def looks_truncated(text: str) -> bool:
    """`pp. 85-`, `p.`, `ll. 15-`, `2006),`: a citation cut off before its end."""
    return bool(_TRUNCATED_END.search(text.rstrip()))


def footnote_evidence(line: Line) -> float:
    """Log-odds that a line is footnote rather than body text."""
    width = line.width
    if width >= WIDE_FOOTNOTE:
        score = 4.0
    elif width >= MAYBE_FOOTNOTE:
        score = 1.5
    elif width >= 90:
        score = 0.0
    elif width >= 76:
        score = -0.5  # a full body line
    else:
        score = 0.0
    if line.raw.startswith(" ") and width >= 40:
        score -= 1.5  # an indented paragraph opening
    cues = len(_CITATION_CUES.findall(line.raw))
    return score + min(cues, 3) * 1.0


def label_gap(
    lines: Sequence[Line], first: int, last: int, footnote_last: int, body_before: int | None
) -> list[int]:
    """Label lines `first..last` as FOOTNOTE (the page's last footnote, continued)
    or body; `footnote_last` is the footnote's line just before `first`, and line
    `last` (carrying the next marker) must be body unless it ends the part."""
    count = last - first + 1
    if count <= 0:
        return []
    expects_lower = body_before is not None and not ends_sentence(lines[body_before].text)
    neg = float("-inf")
    # score[i][state], back[i][state]
    score = [[neg] * 3 for _ in range(count)]
    back = [[0] * 3 for _ in range(count)]
    for i in range(count):
        line = lines[first + i]
        evidence = footnote_evidence(line)
        prev_text = lines[first + i - 1].text
        for state in (FOOTNOTE, BODY_CLOSED, BODY_OPEN):
            emit = evidence if state == FOOTNOTE else -evidence
            candidates: list[tuple[float, int]] = []
            previous_states = (FOOTNOTE,) if i == 0 else (FOOTNOTE, BODY_CLOSED, BODY_OPEN)
            for prev in previous_states:
                base = 0.0 if i == 0 else score[i - 1][prev]
                step = _transition(prev, state, prev_text, line.text, expects_lower)
                candidates.append((base + step, prev))
            best_value, best_prev = max(candidates, key=lambda item: item[0])
            score[i][state] = best_value + emit
            back[i][state] = best_prev
    final_states = (BODY_CLOSED, BODY_OPEN) if last < len(lines) - 1 else (0, 1, 2)
    state = max(final_states, key=lambda s: score[count - 1][s])
    labels = [0] * count
    for i in range(count - 1, -1, -1):
        labels[i] = state
        state = back[i][state]
    return labels


def _transition(prev: int, state: int, prev_text: str, text: str, expects_lower: bool) -> float:
    if prev == FOOTNOTE and state == FOOTNOTE:
        # inside a footnote every line but the last is full width
        if re.search(r"[a-z]-$", prev_text) and text[:1].islower():
            return 2.0  # a word broken across the two lines
        return -1.5 if 20 <= len(prev_text) < 85 and "\t" not in prev_text else 0.0
    if prev == FOOTNOTE:  # the footnote ends, the body resumes
        closed = ends_sentence(prev_text)
        if (state == BODY_CLOSED) != closed:
            return float("-inf")
        if closed:
            return 1.5 + _body_start(text, expects_lower)
        # cut at the page break: its last line then runs to the full width
        cut_short = -2.5 if len(prev_text) < 90 else 0.0
        return -1.0 + cut_short + _body_start(text, expects_lower)
    if state == FOOTNOTE:  # continuation at the foot of a later page
        if prev == BODY_CLOSED:
            return float("-inf")
        return -2.0
    return 0.0 if prev == state else float("-inf")


def _body_start(text: str, expects_lower: bool) -> float:
    initial = text[:1]
    if not initial:
        return 0.0
    if expects_lower:
        return 1.5 if initial.islower() else (0.0 if initial.isdigit() else -0.5)
    return 1.0 if initial.isupper() else -1.0


def continuation_start(lines: Sequence[Line], earliest: int, start: int) -> int:
    """First line of an unnumbered continuation just before footnote start `start`
    (`start` itself when there is none); `earliest` is the first possible line."""
    best, best_score = start, 0.0
    running = 0.0
    for first in range(start - 1, earliest - 1, -1):
        running += footnote_evidence(lines[first])
        score = running - 2.0 + (0.5 if lines[first].text[:1].islower() else 0.0)
        if score > best_score:
            best, best_score = first, score
    return best
