"""The build: corpus -> typed objects stage by stage -> RDF dataset -> dumps + store.

Each stage is a pure function in its own package; this module only wires them
together, collects their reports and writes the outputs.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from redarmy_kg.dataset import RdfDataset
from redarmy_kg.errors import BadInput
from redarmy_kg.progress import Progress
from redarmy_kg.publish.dumps import write_dumps
from redarmy_kg.rdf.structure import emit_structure
from redarmy_kg.store import replace_store
from redarmy_kg.structure import parse_document
from redarmy_kg.structure.model import Document

REPO_ROOT = Path(__file__).resolve().parents[2]
CORPUS_FILE = "whitewood-2012-the-red-army-and-the-terror.txt"
CORPUS_SHA256 = "e0337546b73cce468c5c79d9de6880d07c73dbd49ed2a3bd4b3525a02ff961ab"


@dataclass
class BuildConfig:
    corpus_path: Path = REPO_ROOT / "corpus" / CORPUS_FILE
    mappings_dir: Path = REPO_ROOT / "mappings"
    out_dir: Path = REPO_ROOT / "build"
    check_checksum: bool = True


@dataclass
class BuildResult:
    document: Document
    dataset: RdfDataset
    report: dict[str, object] = field(default_factory=dict)
    outputs: dict[str, Path] = field(default_factory=dict)
    failed_validation: bool = False

    def summary_line(self) -> str:
        structure = self.report.get("structure", {})
        counts = structure.get("totals", {}) if isinstance(structure, dict) else {}
        parts = [f"{self.report.get('quads', 0)} quads"]
        parts += [f"{value} {name}" for name, value in sorted(counts.items())]
        seconds = sum(self.report.get("timings_s", {}).values())
        verdict = "FAILED validation" if self.failed_validation else "built"
        return f"{verdict}: " + ", ".join(parts) + f" in {seconds:.1f}s"


def read_corpus(config: BuildConfig) -> str:
    try:
        raw = config.corpus_path.read_bytes()
    except OSError as error:
        raise BadInput(f"cannot read corpus {config.corpus_path}: {error.strerror}") from error
    digest = hashlib.sha256(raw).hexdigest()
    if config.check_checksum and digest != CORPUS_SHA256:
        raise BadInput(
            f"corpus {config.corpus_path.name} has SHA-256 {digest[:12]}..., expected "
            f"{CORPUS_SHA256[:12]}...: restore the bundled file (git checkout corpus/)"
        )
    try:
        return raw.decode("ascii")
    except UnicodeDecodeError as error:
        raise BadInput(f"corpus {config.corpus_path.name} is not ASCII text: {error}") from error


def build_graph(corpus: str, config: BuildConfig, progress: Progress) -> BuildResult:
    """Run every stage on the corpus text and assemble the RDF dataset (no I/O)."""
    with progress.step("structure"):
        document = parse_document(corpus)
    dataset = RdfDataset()
    report: dict[str, object] = {}
    with progress.step("rdf: structure"):
        dataset.add(emit_structure(document))
    report["structure"] = structure_counts(document)
    return BuildResult(document=document, dataset=dataset, report=report)


def run_build(config: BuildConfig, progress: Progress) -> BuildResult:
    """Build everything and write dumps, report and store into `config.out_dir`."""
    corpus = read_corpus(config)
    result = build_graph(corpus, config, progress)
    with progress.step("dumps"):
        result.outputs = write_dumps(result.dataset, config.out_dir)
    with progress.step("store"):
        nquads = result.outputs["nq"].read_bytes()
        result.outputs["store"] = replace_store(nquads, config.out_dir)
    result.report["quads"] = len(result.dataset.canonical_quads())
    result.report["timings_s"] = dict(progress.timings)
    report_path = config.out_dir / "report.json"
    report_path.write_text(json.dumps(result.report, indent=2, sort_keys=True) + "\n")
    result.outputs["report"] = report_path
    return result


def structure_counts(document: Document) -> dict[str, object]:
    from redarmy_kg.structure.report import structure_report

    return structure_report(document)
