"""Typed results of a validation run, shared by the SHACL and SPARQL engines."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

EXAMPLES_PER_GROUP = 3
SH = "http://www.w3.org/ns/shacl#"


@dataclass(frozen=True, order=True)
class ValidationResult:
    """One violation: which shape and constraint, at which node, with which value."""

    shape: str  # IRI of the (property or node) shape that produced it
    component: str  # constraint component local name, e.g. "MinCountConstraintComponent"
    focus: str  # the focus node, in N-Triples form
    value: str | None = None  # the offending value (N-Triples form), when there is one
    path: str | None = None  # the shape's path in SPARQL syntax, when it has one
    message: str = ""
    severity: str = "Violation"

    @property
    def key(self) -> tuple[str, str]:
        return (self.shape, self.component)


@dataclass(frozen=True)
class ResultGroup:
    """All results of one (shape, constraint component): count and a few examples."""

    shape: str
    component: str
    message: str
    count: int
    examples: tuple[ValidationResult, ...]


def split_by_severity(
    results: list[ValidationResult],
) -> tuple[list[ValidationResult], list[ValidationResult]]:
    """(violations, warnings and infos), each sorted."""
    violations = sorted(r for r in results if r.severity == "Violation")
    return violations, sorted(r for r in results if r.severity != "Violation")


@dataclass
class ValidationReport:
    """The outcome of one engine on one dataset."""

    engine: str  # "shacl" (pySHACL) or "sparql" (the same constraints on pyoxigraph)
    conforms: bool  # no result of severity sh:Violation
    results: list[ValidationResult] = field(default_factory=list)  # violations only
    warnings: list[ValidationResult] = field(default_factory=list)  # sh:Warning / sh:Info
    seconds: float = 0.0  # wall-clock time, loading the data included
    cpu_seconds: float = 0.0  # CPU time of this process (all threads) for the same work
    report_turtle: bytes = b""  # the SHACL validation report graph

    def counts(self) -> Counter[tuple[str, str]]:
        """Result count (violations and warnings) per (shape, constraint component)."""
        return Counter(result.key for result in [*self.results, *self.warnings])

    def groups(self, warnings: bool = False) -> list[ResultGroup]:
        """Violations (or warnings) grouped by shape and component, largest group first."""
        by_key: dict[tuple[str, str], list[ValidationResult]] = {}
        for result in sorted(self.warnings if warnings else self.results):
            by_key.setdefault(result.key, []).append(result)
        groups = [
            ResultGroup(
                shape=shape,
                component=component,
                message=members[0].message,
                count=len(members),
                examples=tuple(members[:EXAMPLES_PER_GROUP]),
            )
            for (shape, component), members in by_key.items()
        ]
        return sorted(groups, key=lambda group: (-group.count, group.shape, group.component))
