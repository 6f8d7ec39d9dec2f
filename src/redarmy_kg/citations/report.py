"""The stage's report for `report.json` and the readable findings for historians."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from redarmy_kg.citations.model import ArchivalRef, CitationIndex, IbidRef, WorkRef
from redarmy_kg.citations.quality import human_file

FINDING_TITLES = {
    "inconsistent-reference": "Archival references that disagree with the bibliography",
    "file-missing-from-bibliography": "Archival files cited but not listed in the bibliography",
    "file-never-cited": "Archival files listed in the bibliography but never cited",
    "truncated-reference": "Truncated references (a page or folio number lost)",
    "truncated-footnote": "Footnotes whose end was lost",
    "unresolved-ibid": "Ibids that could not be resolved",
    "unresolved-short-cite": "Short cites that reach no bibliography entry",
    "work-not-in-bibliography": "Works cited in full but missing from the bibliography",
    "work-never-cited": "Bibliography works no footnote was matched to",
    "typo": "Typographical slips in archival references",
    "unparsed-text": "Footnote text that looks like a reference but was not understood",
}


def citations_report(index: CitationIndex) -> dict[str, object]:
    refs = index.references()
    kinds = Counter(ref.kind for _, _, ref in refs)
    ibids = [ref for _, _, ref in refs if isinstance(ref, IbidRef)]
    short = [r for _, _, r in refs if isinstance(r, WorkRef) and r.form != "full"]
    return {
        "footnotes": len(index.footnotes),
        "references": len(refs),
        "by_kind": dict(sorted(kinds.items())),
        "archival_references": sum(isinstance(r, ArchivalRef) for _, _, r in refs),
        "archival_files_cited": len(index.archival_files),
        "archival_files_in_bibliography": len(index.bibliography_files),
        "works_in_bibliography": len(index.works),
        "works_cited": len(
            {r.work_key for _, _, r in refs if isinstance(r, WorkRef) and r.work_key}
        ),
        "short_cites": len(short),
        "short_cites_resolved": sum(1 for r in short if r.work_key),
        "ibids": len(ibids),
        "ibids_resolved": sum(1 for r in ibids if r.resolved is not None),
        "ibids_unresolved": sum(1 for r in ibids if r.resolved is None),
        "commentary_only_footnotes": sum(fc.commentary_only for fc in index.footnotes.values()),
        "footnotes_with_commentary": sum(fc.commenting for fc in index.footnotes.values()),
        "findings_by_kind": dict(sorted(Counter(f["kind"] for f in index.findings).items())),
        "findings": index.findings,
    }


def findings_markdown(index: CitationIndex) -> str:
    report = citations_report(index)
    lines = [
        "# Citations: data-quality findings",
        "",
        f"{report['footnotes']} footnotes, {report['references']} references "
        f"({', '.join(f'{v} {k}' for k, v in report['by_kind'].items())}); "  # type: ignore[union-attr]
        f"{report['archival_files_cited']} archival files cited, "
        f"{report['ibids_resolved']} of {report['ibids']} ibids resolved.",
        "",
    ]
    by_kind: dict[str, list[dict[str, str]]] = {}
    for item in index.findings:
        by_kind.setdefault(item["kind"], []).append(item)
    for kind in sorted(by_kind, key=lambda k: list(FINDING_TITLES).index(k)
                       if k in FINDING_TITLES else 99):
        lines += [f"## {FINDING_TITLES.get(kind, kind)} ({len(by_kind[kind])})", ""]
        for item in by_kind[kind]:
            where = f"footnote {item['footnote']}: " if item["footnote"] else ""
            lines.append(f"- {where}`{item['text']}` -- {item['detail']}")
        lines.append("")
    lines += ["## Archival files cited (citing footnotes)", ""]
    counts: Counter[tuple[str, str, str, str]] = Counter()
    for key in {(fn, r.file.key) for fn, _, r in index.references() if isinstance(r, ArchivalRef)}:
        counts[key[1]] += 1
    for file_key, file in index.archival_files.items():
        lines.append(f"- {human_file(file)}: {counts[file_key]}")
    return "\n".join(lines) + "\n"


def write_findings(index: CitationIndex, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(findings_markdown(index), encoding="utf-8")
    return path
