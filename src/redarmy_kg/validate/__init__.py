"""Validation: the SHACL shapes (pySHACL, or the same constraints as SPARQL on
pyoxigraph) and OWL consistency (owlready2 + HermiT).

`run_gate` is the fast check the build runs; `validate_build` is what
`redarmy-kg validate` runs on a build folder or a dump.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from redarmy_kg.validate.model import ResultGroup, ValidationReport, ValidationResult
from redarmy_kg.validate.owl import OwlReport
from redarmy_kg.validate.report import format_summary, write_report

Engine = Literal["shacl", "sparql", "both"]

__all__ = [
    "BuildValidation",
    "OwlReport",
    "ResultGroup",
    "ValidationReport",
    "ValidationResult",
    "run_gate",
    "validate_build",
    "validate_nquads",
]


@dataclass
class BuildValidation:
    """Everything one `validate` run found."""

    reports: list[ValidationReport] = field(default_factory=list)
    owl: list[OwlReport] = field(default_factory=list)
    report_path: Path | None = None

    @property
    def conforms(self) -> bool:
        shapes_ok = all(report.conforms for report in self.reports)
        return shapes_ok and all(report.consistent is not False for report in self.owl)

    def engines_disagree(self) -> bool:
        counts = [report.counts() for report in self.reports]
        return len(counts) > 1 and any(other != counts[0] for other in counts[1:])

    def summary(self) -> str:
        lines = [format_summary(report) for report in self.reports]
        if self.engines_disagree():
            lines.append("WARNING: the pySHACL and SPARQL engines disagree; please report this.")
        lines += [report.summary_line() for report in self.owl]
        if self.report_path is not None:
            lines.append(f"report: {self.report_path}")
        return "\n".join(lines)


def validate_nquads(nquads: bytes, engine: Engine = "sparql") -> list[ValidationReport]:
    from redarmy_kg.validate import shacl, sparql_checks

    reports = []
    if engine in ("shacl", "both"):
        reports.append(shacl.validate_nquads(nquads))
    if engine in ("sparql", "both"):
        reports.append(sparql_checks.validate_nquads(nquads))
    return reports


def validate_build(
    path: Path, engine: Engine = "shacl", with_owl: bool = True, out_dir: Path | None = None
) -> BuildValidation:
    """Validate a build folder or dump; writes shacl-report.ttl next to it (or into out_dir)."""
    from redarmy_kg.validate import owl
    from redarmy_kg.validate.source import read_as_nquads, resolve_dump

    nquads = read_as_nquads(path)
    result = BuildValidation(reports=validate_nquads(nquads, engine))
    if with_owl:
        result.owl = [owl.check_ontology(), owl.check_nquads(nquads)]
    target = out_dir if out_dir is not None else resolve_dump(path).parent
    result.report_path = write_report(result.reports[0], target)
    return result


def run_gate(dataset_nquads: bytes, out_dir: Path) -> ValidationReport:
    """The build's gate: the SPARQL engine on the dataset; writes out_dir/shacl-report.ttl.

    The caller fails the build when `conforms` is false and can print
    `format_summary(report)`.
    """
    from redarmy_kg.validate import sparql_checks

    report = sparql_checks.validate_nquads(dataset_nquads)
    write_report(report, out_dir)
    return report
