"""Stable, human-readable IRIs for everything the graph holds.

IRIs are derived from stable keys (a part's name, a footnote's number, a curated
entity key), never from counters that shift when the code changes.
"""

from __future__ import annotations

import re
import unicodedata

DEFAULT_BASE = "https://w3id.org/redarmy-kg/"
ONTOLOGY = DEFAULT_BASE + "ontology#"

_base = DEFAULT_BASE


def set_base(base: str) -> None:
    """Change the public base IRI (must end with '/')."""
    global _base
    if not base.endswith("/"):
        raise ValueError(f"base IRI must end with '/': {base!r}")
    _base = base


def base() -> str:
    return _base


def id_iri(*path: str) -> str:
    """`id_iri("person", "tukhachevskii")` -> `<base>id/person/tukhachevskii`."""
    return _base + "id/" + "/".join(path)


def graph_iri(name: str) -> str:
    """The IRI of one named graph of the dataset (`structure`, `citations`, ...)."""
    return _base + "graph/" + name


def slugify(text: str, max_words: int | None = None) -> str:
    """Lower-case ASCII slug: 'The Road to Terror' -> 'the-road-to-terror'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    if max_words is not None:
        words = words[:max_words]
    return "-".join(words)
