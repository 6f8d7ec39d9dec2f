"""Data-quality findings a historian can check against the thesis.

Each finding is a dict with `kind`, `footnote`, `text` (what the thesis prints)
and `detail` (what looks wrong and, where known, the likely reading).
"""

from __future__ import annotations

from redarmy_kg.bibliography import Bibliography
from redarmy_kg.citations.model import (
    ArchivalFile,
    ArchivalRef,
    CitationIndex,
    IbidRef,
    WorkRef,
)

TYPO_FLAGS = {
    "fond-marker-missing": "the fond is given without 'f.'",
    "comma-missing": "no comma after the archive's name",
    "l1-for-ll": "'l1.' printed for 'll.'",
    "folio-marker-missing": "folios given without 'l.'/'ll.'",
}


def human_file(file: ArchivalFile) -> str:
    if file.archive == "tna":
        return f"TNA {file.fond}/{file.delo}"
    parts = [file.archive.upper()]
    parts += [f"{label} {value}" for label, value in
              (("f.", file.fond), ("op.", file.opis), ("d.", file.delo)) if value]
    return ", ".join(parts)


def finding(kind: str, footnote: str, text: str, detail: str) -> dict[str, str]:
    return {"kind": kind, "footnote": footnote, "text": text, "detail": detail}


def _near(cited: ArchivalFile, listed: set[tuple[str, str, str, str]]) -> list[str]:
    """Listed files that differ from `cited` in one level or by one digit dropped/added."""
    near = []
    for archive, fond, opis, delo in sorted(listed):
        if archive != cited.archive:
            continue
        values = [(fond, cited.fond), (opis, cited.opis), (delo, cited.delo)]
        differing = [(a, b) for a, b in values if a != b]
        if len(differing) == 1 and _one_slip(*differing[0]):
            near.append(human_file(ArchivalFile(archive, fond, opis, delo)))
    return near


def _one_slip(a: str, b: str) -> bool:
    """One character added, dropped or changed (`2404`/`404`, `955`/`995`, `3c`/`3`)."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


def find_quality_issues(index: CitationIndex, bibliography: Bibliography) -> list[dict[str, str]]:
    found: list[dict[str, str]] = []
    cited_files: dict[tuple[str, str, str, str], str] = {}
    for key, _, ref in index.references():
        if isinstance(ref, ArchivalRef):
            found += _archival_findings(key, ref)
            if ref.file.delo and ref.file.key not in cited_files:
                cited_files[ref.file.key] = key
        elif isinstance(ref, IbidRef) and ref.resolved is None:
            found.append(finding("unresolved-ibid", key, ref.raw, "no earlier source to repeat"))
        elif isinstance(ref, WorkRef) and "truncated-reference" in ref.flags:
            found.append(finding("truncated-reference", key, ref.raw,
                                 "the page number was lost at a page break"))
        if isinstance(ref, WorkRef) and ref.work_key is None:
            kind = "work-not-in-bibliography" if "not-in-bibliography" in ref.flags else (
                "unresolved-short-cite")
            found.append(finding(kind, key, ref.raw, "no bibliography entry matched"))
    for key, fc in index.footnotes.items():
        if "truncated" in fc.flags:
            found.append(finding("truncated-footnote", key, "", "the footnote's end was lost"))
        for rem in fc.remainders:
            if rem.unparsed:
                found.append(finding("unparsed-text", key, rem.raw.strip(), "not understood"))
    for file_key, footnote in sorted(cited_files.items()):
        if file_key not in index.bibliography_files:
            file = index.archival_files.get(file_key) or ArchivalFile(*file_key)
            near = _near(file, index.bibliography_files)
            detail = "cited but not listed in the bibliography"
            if near:
                detail += "; the bibliography lists " + ", ".join(near)
                found.append(finding("inconsistent-reference", footnote, human_file(file), detail))
            else:
                found.append(finding("file-missing-from-bibliography", footnote,
                                     human_file(file), detail))
    for file_key in sorted(index.bibliography_files - set(cited_files)):
        found.append(finding("file-never-cited", "", human_file(ArchivalFile(*file_key)),
                             "listed in the bibliography but cited by no footnote"))
    cited_works = {ref.work_key for _, _, ref in index.references()
                   if isinstance(ref, WorkRef) and ref.work_key}
    cited_works |= {ref.resolved.work_key for _, _, ref in index.references()
                    if isinstance(ref, IbidRef) and isinstance(ref.resolved, WorkRef)
                    and ref.resolved.work_key}
    for work in bibliography.works:
        if work.fabio_type != "Newspaper" and work.key not in cited_works:
            found.append(finding("work-never-cited", "", work.key,
                                 "in the bibliography but matched to no footnote"))
        if "imprint-swapped" in work.flags:
            found.append(finding("imprint-swapped", "", work.raw,
                                 f"publisher and place printed the wrong way round; read as "
                                 f"{work.place}: {work.publisher}"))
    return found


def _archival_findings(key: str, ref: ArchivalRef) -> list[dict[str, str]]:
    found = [finding("typo", key, ref.raw, TYPO_FLAGS[f]) for f in ref.flags if f in TYPO_FLAGS]
    if "truncated-reference" in ref.flags:
        found.append(finding("truncated-reference", key, ref.raw,
                             "archive named but fond/opis/delo/folio incomplete"))
    return found
