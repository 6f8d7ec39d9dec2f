"""The curated date vocabulary (`mappings/date_words.yaml`), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DEFAULT_PATH = Path(__file__).resolve().parents[3] / "mappings" / "date_words.yaml"


@dataclass(frozen=True, eq=False)
class DateWords:
    """Hashed by identity: one loaded vocabulary, one set of compiled patterns."""

    months: dict[str, int]
    seasons: dict[str, tuple[int, int]]
    parts_of_year: dict[str, tuple[int, int]]
    parts_of_month: dict[str, tuple[int, int]]
    parts_of_decade: dict[str, tuple[int, int]]
    month_prepositions: tuple[str, ...]
    first_year: int
    last_year: int


def _pairs(raw: dict[str, list[int]]) -> dict[str, tuple[int, int]]:
    return {str(key): (int(lo), int(hi)) for key, (lo, hi) in raw.items()}


@lru_cache(maxsize=4)
def load_date_words(path: Path = DEFAULT_PATH) -> DateWords:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    first, last = raw["year_range"]
    return DateWords(
        months={str(k): int(v) for k, v in raw["months"].items()},
        seasons=_pairs(raw["seasons"]),
        parts_of_year=_pairs(raw["parts_of_year"]),
        parts_of_month=_pairs(raw["parts_of_month"]),
        parts_of_decade=_pairs(raw["parts_of_decade"]),
        month_prepositions=tuple(str(p) for p in raw["month_prepositions"]),
        first_year=int(first),
        last_year=int(last),
    )
