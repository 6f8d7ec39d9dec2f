"""The example queries of `queries/*.rq`: each file opens with `#` lines stating its question."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

QUERIES_DIR = Path(__file__).resolve().parents[3] / "queries"


@dataclass(frozen=True)
class ExampleQuery:
    name: str
    question: str
    text: str


def load_examples(folder: Path = QUERIES_DIR) -> list[ExampleQuery]:
    if not folder.is_dir():
        return []
    examples = []
    for path in sorted(folder.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        examples.append(ExampleQuery(path.stem, _question(text) or path.stem, text))
    return examples


def _question(text: str) -> str:
    """The first comment line, without a leading 'Question:'."""
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        words = stripped.lstrip("#").strip()
        if words:
            return re.sub(r"^question:\s*", "", words, flags=re.IGNORECASE)
    return ""
