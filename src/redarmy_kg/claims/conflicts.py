"""Claims that cannot both be true: one event the thesis dates twice, differently.

Two events of a type a person undergoes once (execution, suicide,
assassination: `once_only` in `mappings/event_triggers.yaml`) with the same
participants and date intervals that do not overlap are the same event dated
twice; every claim of the one conflicts with every claim of the other. Both
stay in the graph, each with its own provenance (the Introduction's 11 June
1937 and Chapter Five's 12 June for the executions after the June trial).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from redarmy_kg.claims.model import Claim
from redarmy_kg.events.model import Event
from redarmy_kg.events.stage import EventsResult
from redarmy_kg.events.triggers import event_type_table


def conflicting_events(events: list[Event]) -> list[tuple[str, str]]:
    once_only = {key for key, t in event_type_table().items() if t.once_only}
    groups: dict[tuple[object, ...], list[Event]] = defaultdict(list)
    for event in events:
        if event.type in once_only:
            roles = tuple(sorted((p.role, p.entity) for p in event.first.participants))
            groups[(event.type, roles)].append(event)
    pairs = []
    for group in groups.values():
        for a, b in combinations(sorted(group, key=lambda e: e.key), 2):
            if a.date.latest < b.date.earliest or b.date.latest < a.date.earliest:
                pairs.append((a.key, b.key))
    return sorted(pairs)


def link_conflicts(claims: list[Claim], events: EventsResult) -> None:
    by_event: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.event_key:
            by_event[claim.event_key].append(claim)
    for a, b in conflicting_events(events.events):
        for left in by_event[a]:
            for right in by_event[b]:
                if right.key not in left.conflicts_with:
                    left.conflicts_with.append(right.key)
                if left.key not in right.conflicts_with:
                    right.conflicts_with.append(left.key)
    for claim in claims:
        claim.conflicts_with.sort()
