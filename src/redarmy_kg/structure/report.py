"""Counts and flags of the structure stage for `report.json`."""

from __future__ import annotations

from collections import Counter

from redarmy_kg.structure.coverage import coverage
from redarmy_kg.structure.model import Document


def structure_report(document: Document) -> dict[str, object]:
    """Per part: paragraphs, sentences, footnotes, markers linked, flagged footnotes;
    and how the corpus text is accounted for (`coverage`, unassigned text)."""
    paragraphs = Counter(p.part_key for p in document.paragraphs)
    sentences = Counter(s.part_key for s in document.sentences)
    footnotes = Counter(f.part_key for f in document.footnotes)
    linked = Counter(m.part_key for m in document.markers if m.sentence_key)
    sections = Counter(s.part_key for s in document.sections)
    parts: dict[str, dict[str, int]] = {}
    for part in document.parts:
        if part.key == "bibliography":
            continue
        parts[part.key] = {
            "sections": sections[part.key],
            "paragraphs": paragraphs[part.key],
            "sentences": sentences[part.key],
            "footnotes": footnotes[part.key],
            "markers_linked": linked[part.key],
        }
    flagged = {f.key: sorted(f.flags) for f in document.footnotes if f.flags}
    bibliography = Counter(entry.section for entry in document.bibliography)
    accounted = coverage(document)
    return {
        "parts": parts,
        "totals": {
            "paragraphs": len(document.paragraphs),
            "sentences": len(document.sentences),
            "footnotes": len(document.footnotes),
            "markers_linked": sum(linked.values()),
            "truncated_footnotes": sum(1 for f in document.footnotes if f.truncated),
            "bibliography_entries": len(document.bibliography),
            "abbreviations": len(document.abbreviations),
            "unassigned_spans": accounted.unassigned_spans,
            "unassigned_chars": accounted.unassigned_chars,
        },
        "coverage": accounted.as_dict(),
        "unassigned": {u.key: u.text[:80] for u in document.unassigned[:50]},
        "footnotes_flagged": dict(sorted(flagged.items())),
        "bibliography_entries_per_section": dict(sorted(bibliography.items())),
    }
