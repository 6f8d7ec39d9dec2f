"""Stable keys for events and memberships, derived from their content.

`arrest-putna-1936-08`, `execution-tukhachevskii-1937-06-12`: the type, the
main participant and the date. When two different events would get the same
key, each gets the short key of the first sentence stating it
(`...-ch5-p12-s3`); never a running counter.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import TypeVar

from redarmy_kg.iris import slugify

T = TypeVar("T")


def short_sentence_key(sentence_key: str) -> str:
    """`ch5/p/12/s/3` -> `ch5-p12-s3`."""
    parts = sentence_key.split("/")
    if len(parts) == 5:
        part, _, paragraph, _, sentence = parts
        return f"{part}-p{paragraph}-s{sentence}"
    return slugify(sentence_key)


def assign_keys(
    items: Sequence[T], base_key: Callable[[T], str], sentence_key: Callable[[T], str]
) -> list[str]:
    """A key per item: its base key, or base key + sentence key where bases collide."""
    by_base: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        by_base[base_key(item)].append(index)
    keys = [""] * len(items)
    for base, indexes in by_base.items():
        for index in indexes:
            if len(indexes) == 1:
                keys[index] = base
            else:
                keys[index] = f"{base}-{short_sentence_key(sentence_key(items[index]))}"
    return keys


def event_base_key(event_type: str, main_participant_key: str, date_key: str) -> str:
    return slugify(f"{event_type} {main_participant_key} {date_key}")
