"""The build: corpus -> typed objects stage by stage -> RDF dataset -> gate -> dumps + store.

Each stage is a pure function in its own package; this module only wires them
together, collects their reports and writes the outputs. Nothing already
published is touched until the new dataset has passed the validation gate; the
dumps are then replaced file by file (each atomically) and the store by one
atomic link swap.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from redarmy_kg.citations import CitationIndex, extract_citations
from redarmy_kg.citations.patterns import load_patterns
from redarmy_kg.citations.report import citations_report, write_findings
from redarmy_kg.claims.layer import build_events_layer
from redarmy_kg.dataset import RdfDataset
from redarmy_kg.entities.catalog import load_catalog
from redarmy_kg.entities.creators import align_creators, emit_uncatalogued
from redarmy_kg.entities.mentions import find_mentions
from redarmy_kg.entities.report import entities_report
from redarmy_kg.errors import BadInput
from redarmy_kg.links.rdf import build_links
from redarmy_kg.progress import Progress
from redarmy_kg.publish.dumps import write_dumps
from redarmy_kg.publish.metadata import ReleaseInfo
from redarmy_kg.publish.void import write_void
from redarmy_kg.rdf.citations import emit_citations
from redarmy_kg.rdf.entities import emit_entities
from redarmy_kg.rdf.structure import emit_structure
from redarmy_kg.store import replace_store
from redarmy_kg.structure import parse_document
from redarmy_kg.structure.model import Document
from redarmy_kg.structure.report import structure_report
from redarmy_kg.validate import run_gate
from redarmy_kg.validate.report import format_summary

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
    citations: CitationIndex | None = None
    report: dict[str, object] = field(default_factory=dict)
    outputs: dict[str, Path] = field(default_factory=dict)
    failed_validation: bool = False
    validation_summary: str = ""

    def summary_line(self) -> str:
        structure = self.report.get("structure", {})
        counts = structure.get("totals", {}) if isinstance(structure, dict) else {}
        parts = [f"{self.report.get('quads', 0)} quads"]
        parts += [f"{value} {name}" for name, value in sorted(counts.items())]
        seconds = sum(self.report.get("timings_s", {}).values())  # type: ignore[union-attr]
        if self.failed_validation:
            return (
                f"build FAILED validation; nothing was published "
                f"(report: {self.outputs.get('shacl_report', 'shacl-report.ttl')})\n"
                f"{self.validation_summary}"
            )
        return "built: " + ", ".join(parts) + f" in {seconds:.1f}s"


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
    """Run every stage on the corpus text and assemble the RDF dataset (no I/O but reading
    the curated mappings)."""
    dataset = RdfDataset()
    report: dict[str, object] = {}
    with progress.step("structure"):
        document = parse_document(corpus)
        dataset.add(emit_structure(document))
        report["structure"] = structure_report(document)
    with progress.step("citations"):
        patterns = load_patterns(config.mappings_dir)
        citations = extract_citations(document, patterns)
        report["citations"] = citations_report(citations)
    with progress.step("entities"):
        catalog = load_catalog(config.mappings_dir)
        mentions = find_mentions(document, catalog)
        dataset.add(emit_entities(catalog, mentions, document))
        uncatalogued = align_creators(citations.works.values(), catalog)  # type: ignore[arg-type]
        dataset.add(emit_uncatalogued(uncatalogued))
        report["entities"] = {
            **entities_report(catalog, mentions),
            "uncatalogued_authors": [creator.key for creator in uncatalogued],
        }
    with progress.step("rdf: citations"):
        dataset.add(emit_citations(document, citations, patterns))
    with progress.step("events and claims"):
        events_layer = build_events_layer(document, catalog, mentions, dataset.quads)
        dataset.add(events_layer.quads)
        report["events"] = events_layer.report
    with progress.step("wikidata links"):
        link_quads, report["wikidata_links"] = build_links(config.mappings_dir)
        dataset.add(link_quads)
    return BuildResult(document=document, dataset=dataset, citations=citations, report=report)


def run_build(config: BuildConfig, progress: Progress) -> BuildResult:
    """Build everything; if the gate passes, write dumps, description and store."""
    corpus = read_corpus(config)
    result = build_graph(corpus, config, progress)
    out_dir = config.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    with progress.step("validate"):
        nquads = result.dataset.canonical_nquads()
        gate = run_gate(nquads, out_dir)
    result.outputs["shacl_report"] = out_dir / "shacl-report.ttl"
    result.report["quads"] = nquads.count(b"\n")
    summary = format_summary(gate)
    result.report["validation"] = {"conforms": gate.conforms, "violations": len(gate.results)}
    if not gate.conforms:
        result.failed_validation = True
        result.validation_summary = summary
        return result
    with progress.step("dumps"):
        result.outputs.update(write_dumps(result.dataset, out_dir))
    with progress.step("store"):
        result.outputs["store"] = replace_store(nquads, out_dir)
    with progress.step("dataset description"):
        release = ReleaseInfo(corpus_sha256=hashlib.sha256(corpus.encode("ascii")).hexdigest())
        result.outputs["void"] = write_void(nquads, out_dir, result.outputs, release)
        if result.citations is not None:
            findings = out_dir / "citations-findings.md"
            result.outputs["findings"] = write_findings(result.citations, findings)
    with progress.step("ontology docs"):
        from redarmy_kg.docs import write_ontology_html

        result.outputs["ontology_html"] = write_ontology_html(out_dir)
    result.report["timings_s"] = dict(progress.timings)
    report_path = out_dir / "report.json"
    report_path.write_text(json.dumps(result.report, indent=2, sort_keys=True) + "\n")
    result.outputs["report"] = report_path
    return result
