"""The citations stage on the real thesis: coverage, counts checked by reading, and
accuracy against the hand-checked sample in tests/fixtures/citations_sample.yaml."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from pyoxigraph import Store

from redarmy_kg.citations import (
    ArchivalRef,
    IbidRef,
    NewspaperRef,
    TnaRef,
    WorkRef,
    extract_citations,
)
from redarmy_kg.citations.model import CitationIndex, Reference
from redarmy_kg.citations.report import citations_report
from redarmy_kg.rdf.citations import emit_citations

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "citations_sample.yaml"
QUERIES = Path(__file__).resolve().parents[2] / "queries"

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def index(document) -> CitationIndex:
    return extract_citations(document)


@pytest.fixture(scope="module")
def sample() -> dict[str, dict[str, list[str]]]:
    return yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))


def archival_spec(ref: ArchivalRef) -> str:
    f = ref.file
    if isinstance(ref, TnaRef):
        return f"tna {f.fond}//{f.delo} {'+'.join(ref.folios) or '-'}"
    return f"{f.archive} {f.fond}/{f.opis}/{f.delo} {'+'.join(ref.folios) or '-'}"


def source_spec(ref: Reference | None) -> str:
    if isinstance(ref, ArchivalRef):
        return archival_spec(ref).rsplit(" ", 1)[0]
    if isinstance(ref, WorkRef):
        return f"work:{ref.work_key or 'not-in-bibliography'}"
    return "unresolved"


def score(expected: list[str], got: list[str]) -> tuple[int, int]:
    """Position-wise matches over the longer list: extra or missing pieces count as wrong."""
    hits = sum(1 for a, b in zip(expected, got, strict=False) if a == b)
    return hits, max(len(expected), len(got))


def got_for(index: CitationIndex, key: str, field: str) -> list[str]:
    refs = index.footnotes[key].references
    if field == "archival":
        return [archival_spec(r) for r in refs if isinstance(r, ArchivalRef)]
    if field == "ibid":
        return [source_spec(r.resolved) for r in refs if isinstance(r, IbidRef)]
    if field == "commentary_only":
        return [str(index.footnotes[key].commentary_only).lower()]
    if field == "newspapers":
        return [f"{r.newspaper} {r.date} {r.page or '-'}" for r in refs
                if isinstance(r, NewspaperRef)]
    if field == "locators":
        return [r.locator for r in refs]
    return [r.work_key or "not-in-bibliography" for r in refs if isinstance(r, WorkRef)]


def measure(index: CitationIndex, sample: dict, field: str) -> tuple[int, int, list[str]]:
    hits = total = 0
    misses = []
    for key, expected in sample.items():
        if field not in expected:
            continue
        got = got_for(index, key, field)
        wanted = expected[field] if isinstance(expected[field], list) else [expected[field]]
        h, t = score([str(e).lower() if isinstance(e, bool) else str(e) for e in wanted], got)
        hits, total = hits + h, total + t
        if h < t:
            misses.append(f"{key}: expected {expected[field]} got {got}")
    return hits, total, misses


def batch(sample: dict, name: str) -> dict:
    """The footnotes of one batch: `tuned-1` (the parser was developed on it, no `batch`
    field) or `heldout-2` (read by hand afterwards, never tuned on)."""
    return {k: v for k, v in sample.items() if v.get("batch", "tuned-1") == name}


def test_sample_covers_every_footnote_naming_an_archive(document, sample) -> None:
    naming = {
        f.key for f in document.footnotes
        if re.search(r"RGVA|RGASPI|TNA|National Archives", f.block.text)
    }
    assert len(batch(sample, "tuned-1")) >= 100
    assert naming <= set(batch(sample, "tuned-1"))
    # every footnote naming an archive is in the first batch, so none is in the held-out one
    assert not naming & set(batch(sample, "heldout-2"))


def test_archival_references_accuracy(index, sample) -> None:
    hits, total, misses = measure(index, batch(sample, "tuned-1"), "archival")
    assert total >= 200
    assert hits / total >= 0.98, misses


def test_ibid_accuracy(index, sample) -> None:
    hits, total, misses = measure(index, batch(sample, "tuned-1"), "ibid")
    assert total >= 30
    assert hits / total >= 0.97, misses


def test_short_cite_accuracy(index, sample) -> None:
    hits, total, misses = measure(index, batch(sample, "tuned-1"), "works")
    assert total >= 40
    assert hits / total >= 0.95, misses


HELDOUT_THRESHOLDS = {"ibid": 0.97, "works": 0.95, "newspapers": 0.95, "locators": 0.95}


@pytest.mark.parametrize("field", sorted(HELDOUT_THRESHOLDS))
def test_heldout_batch_accuracy(index, sample, field) -> None:
    """The second batch, read by hand and never tuned on: each field on its own."""
    heldout = batch(sample, "heldout-2")
    assert len(heldout) >= 100
    hits, total, misses = measure(index, heldout, field)
    assert total >= 5
    assert hits / total >= HELDOUT_THRESHOLDS[field], (f"{hits}/{total}", misses)


def test_heldout_ibids_of_archival_files_are_exact(index, sample) -> None:
    """The held-out batch's archival figures: ibids repeating a file, with their own folios."""
    checked = 0
    for key, expected in batch(sample, "heldout-2").items():
        refs = index.footnotes[key].references
        ibids = [(n, r) for n, r in enumerate(refs) if isinstance(r, IbidRef)]
        for (position, ref), target in zip(ibids, expected.get("ibid", []), strict=True):
            if target.startswith("work:"):
                continue
            assert source_spec(ref.resolved) == target, key
            assert ref.locator == expected["locators"][position], key
            checked += 1
    assert checked >= 5


def test_accuracy_by_batch(index, sample, capsys) -> None:
    """Both batches side by side (shown with `pytest -s`); neither falls below the issue's bar."""
    lines = []
    for name in ("tuned-1", "heldout-2"):
        for field in ("archival", "ibid", "works", "newspapers", "locators"):
            hits, total, _ = measure(index, batch(sample, name), field)
            if total:
                lines.append(f"{name:<10} {field:<10} {hits:>4}/{total:<4} {hits / total:.3f}")
                assert hits / total >= 0.95, lines[-1]
    with capsys.disabled():
        print("\ncitation accuracy by batch\n" + "\n".join(lines))
    assert any(line.startswith("heldout-2") for line in lines)


def test_commentary_only_footnotes(index, sample) -> None:
    hits, total, misses = measure(index, batch(sample, "tuned-1"), "commentary_only")
    assert total >= 5 and hits == total, misses


def test_every_footnote_cites_or_comments(document, index) -> None:
    assert len(index.footnotes) == len(document.footnotes) == 933
    for fc in index.footnotes.values():
        assert fc.references or fc.commentary_only


def test_pieces_and_remainders_cover_every_footnote(document, index) -> None:
    for footnote in document.footnotes:
        fc = index.footnotes[footnote.key]
        pieces = sorted([(r.start, r.end) for r in fc.references]
                        + [(r.start, r.end) for r in fc.remainders])
        position = 0
        for start, end in pieces:
            assert start == position, footnote.key
            position = end
        assert position == len(footnote.block.text), footnote.key


def test_every_archive_name_and_ibid_is_a_reference(document, index) -> None:
    refs = [ref for _, _, ref in index.references()]
    ibid_words = sum(len(re.findall(r"\bibid\b", f.block.text, re.I)) for f in document.footnotes)
    assert ibid_words == sum(isinstance(r, IbidRef) for r in refs) == 263
    names = sum(len(re.findall(r"\b(?:RGVA|RGASPI)\b|KV 2/", f.block.text))
                for f in document.footnotes)
    named = sum(isinstance(r, ArchivalRef) and "archive" not in r.inherited for r in refs)
    assert names == named


def test_counts_read_in_the_thesis(index) -> None:
    report = citations_report(index)
    # The bibliography lists 102 archival files (RGVA 85, RGASPI 16, TNA 1), counted by hand.
    assert report["archival_files_in_bibliography"] == 102
    by_archive = Counter(key[0] for key in index.bibliography_files)
    assert by_archive == {"rgva": 85, "rgaspi": 16, "tna": 1}
    assert report["ibids"] >= 250 and report["ibids_unresolved"] == 0
    kinds = {f["kind"]: f for f in reversed(index.findings)}
    assert "inconsistent-reference" in kinds
    texts = {f["text"] for f in index.findings if f["kind"] == "inconsistent-reference"}
    assert "TNA KV 2/2404" in texts


@pytest.fixture(scope="module")
def store(document, index) -> Store:
    store = Store()
    store.extend(emit_citations(document, index))
    return store


def run(store: Store, name: str) -> list[tuple[str, ...]]:
    query = (QUERIES / name).read_text(encoding="utf-8")
    return [tuple(term.value for term in row) for row in store.query(
        query, use_default_graph_as_union=True)]


def test_query_most_cited_archival_files(store) -> None:
    rows = run(store, "sources-top-archival-files.rq")
    assert len(rows) == 10
    identifiers = [row[1] for row in rows]
    assert "RGVA, f. 37837, op. 21, d. 107" in identifiers


def test_query_footnotes_citing_one_file(store) -> None:
    rows = run(store, "sources-footnotes-citing-file.rq")
    footnotes = sorted({row[0].rsplit("/thesis/", 1)[1] for row in rows})
    # read in the thesis: RGVA, f. 4, op. 19, d. 16 is cited in three footnotes, and each is
    # followed by an Ibid. with its own folio (ch4/fn/151, ch4/fn/180, ch5/fn/3)
    assert footnotes == [
        "ch4/fn/150", "ch4/fn/151", "ch4/fn/179", "ch4/fn/180", "ch5/fn/2", "ch5/fn/3"
    ]


def test_query_most_cited_works(store) -> None:
    rows = run(store, "sources-top-works.rq")
    assert rows and rows[0][0].endswith("zdanovich-2008-organy-gosudarstvennoi-bezopasnosti-i")


def test_sources_command_lists_files_and_works(document, index, tmp_path) -> None:
    from click.testing import CliRunner
    from pyoxigraph import RdfFormat, serialize

    from redarmy_kg.cli import main
    from redarmy_kg.store import replace_store

    nquads = serialize(emit_citations(document, index), format=RdfFormat.N_QUADS)
    replace_store(nquads, tmp_path)
    result = CliRunner().invoke(main, ["sources", "--build", str(tmp_path), "--limit", "3"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("Archival files (105)")
    assert any("zdanovich-2008-organy-gosudarstvennoi-bezopasnosti-i" in line for line in lines)


def test_sources_command_without_a_build(tmp_path) -> None:
    from click.testing import CliRunner

    from redarmy_kg.cli import main

    result = CliRunner().invoke(main, ["sources", "--build", str(tmp_path / "none")])
    assert result.exit_code == 2
