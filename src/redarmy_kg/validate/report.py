"""Write the SHACL report file and print a summary a person can act on."""

from __future__ import annotations

from pathlib import Path

from redarmy_kg.validate.model import ResultGroup, ValidationReport

REPORT_FILE = "shacl-report.ttl"
SHAPES_NS = "https://w3id.org/redarmy-kg/shapes#"


def write_report(report: ValidationReport, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / REPORT_FILE
    path.write_bytes(report.report_turtle)
    return path


def short_shape(iri: str) -> str:
    return "rkgsh:" + iri.removeprefix(SHAPES_NS) if iri.startswith(SHAPES_NS) else iri


def format_group(group: ResultGroup) -> list[str]:
    component = group.component.removesuffix("ConstraintComponent")
    lines = [f"  {short_shape(group.shape)} [{component}]: {group.count}", f"    {group.message}"]
    for example in group.examples:
        value = f" value {example.value}" if example.value is not None else ""
        lines.append(f"    e.g. {example.focus}{value}")
    return lines


def format_summary(report: ValidationReport) -> str:
    """Counts by shape and constraint, three examples each, largest first; then warnings."""
    timing = f"{report.seconds:.2f}s wall, {report.cpu_seconds:.2f}s CPU"
    if report.conforms:
        lines = [f"SHACL ({report.engine}): conforms ({timing})"]
    else:
        lines = [
            f"SHACL ({report.engine}): {len(report.results)} violations of "
            f"{len(report.groups())} constraints ({timing})"
        ]
        for group in report.groups():
            lines.extend(format_group(group))
    if report.warnings:
        lines.append(f"  warnings (they do not fail validation): {len(report.warnings)}")
        for group in report.groups(warnings=True):
            lines.extend("  " + line for line in format_group(group))
    return "\n".join(lines)
