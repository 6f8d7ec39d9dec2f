"""Sentences in which the thesis author argues rather than reports.

A claim from such a sentence is an `rkg:AuthorInterpretation` (its facts are
still published, attributed to the author). The cues are curated in
`mappings/historiography_cues.yaml` (`author_cues`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from redarmy_kg.events.viewpoints import DEFAULT_PATH


@lru_cache(maxsize=4)
def _author_cues(path: Path = DEFAULT_PATH) -> re.Pattern[str]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    words = sorted(raw["author_cues"], key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def is_interpretation(text: str) -> bool:
    return _author_cues().search(text) is not None
