"""Counts and flags of the entities stage for `report.json`."""

from __future__ import annotations

from collections import Counter

from redarmy_kg.entities.catalog import Catalog
from redarmy_kg.entities.mentions import MentionIndex


def entities_report(catalog: Catalog, mentions: MentionIndex) -> dict[str, object]:
    counts = mentions.counts()
    by_kind = Counter(f"{e.category}/{e.kind}" for e in catalog.entities.values())
    unresolved = [m for m in mentions.mentions if m.method == "unresolved"]
    without = sorted(ref for ref in catalog.entities if counts[ref] == 0)
    return {
        "entities": len(catalog.entities),
        "entities_by_category": dict(sorted(Counter(
            e.category for e in catalog.entities.values()).items())),
        "entities_by_kind": dict(sorted(by_kind.items())),
        "mentions": len(mentions.mentions),
        "mentions_by_category": dict(sorted(Counter(
            m.category for m in mentions.mentions).items())),
        "mentions_by_container": dict(sorted(Counter(
            m.container_kind for m in mentions.mentions).items())),
        "ambiguous_mentions": len([m for m in mentions.mentions if m.candidates]),
        "ambiguous_resolution": dict(sorted(Counter(
            m.method for m in mentions.mentions if m.candidates).items())),
        "unresolved_mentions": [f"{m.key} {m.surface}" for m in unresolved],
        "entities_without_mentions": without,
        "renamings": len(catalog.renamings),
    }
