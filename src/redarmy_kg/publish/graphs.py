"""Named graphs grouped for reporting: one group per layer graph (`<base>graph/entities`),
one group for each family of many small graphs that share a parent path (the
per-claim graphs, `<base>id/claim/<key>` or `<base>graph/claims/<key>`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GraphGroup:
    key: str
    """Readable, stable key: `entities` for a layer graph, `id-claim` for a family."""
    graph_iris: tuple[str, ...]
    family_prefix: str | None = None
    """For a family: the IRI prefix its graphs share (`<base>id/claim/`)."""

    @property
    def is_family(self) -> bool:
        return self.family_prefix is not None

    @property
    def member_noun(self) -> str:
        """`claim` for `<base>id/claim/` or `<base>graph/claims/`."""
        assert self.family_prefix is not None
        last = self.family_prefix.rstrip("/").rsplit("/", 1)[-1]
        return last[:-1] if last.endswith("s") else last


def group_graphs(graph_iris: list[str], base: str) -> list[GraphGroup]:
    """Layer graphs each on their own; graphs sharing a parent path with others together."""
    layer_prefix = base + "graph/"
    parents: dict[str, list[str]] = {}
    singles: list[str] = []
    for iri in sorted(graph_iris):
        name = iri.removeprefix(layer_prefix)
        if iri.startswith(layer_prefix) and "/" not in name:
            singles.append(iri)
        else:
            parents.setdefault(iri.rsplit("/", 1)[0] + "/", []).append(iri)
    groups = [GraphGroup(iri.removeprefix(layer_prefix), (iri,)) for iri in singles]
    for parent, members in parents.items():
        if len(members) == 1:
            groups.append(GraphGroup(_key(members[0], base), tuple(members)))
        else:
            groups.append(GraphGroup(_key(parent, base), tuple(members), family_prefix=parent))
    return sorted(groups, key=lambda group: group.key)


def _key(iri: str, base: str) -> str:
    relative = iri.removeprefix(base + "graph/").removeprefix(base)
    return "-".join(part for part in relative.replace("#", "/").split("/") if part)
