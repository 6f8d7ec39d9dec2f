"""One build of `copies` thesis-sized documents in this process; prints timings as JSON.

The synthetic corpus of N documents is the real thesis N times, each copy
published under its own base IRI (`<base>doc-<i>/`), so that N copies give N
times the quads with no IRI shared between copies. Every stage runs once per
copy; the store is loaded once from the merged dataset (all dump formats are
written for a single copy only). This keeps the input realistic (same text, same
traps) while scaling the output.

Usage: python -m benchmarks.build_once COPIES OUT_DIR
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from benchmarks.measure import peak_rss_mb
from redarmy_kg import iris
from redarmy_kg.dataset import RdfDataset
from redarmy_kg.pipeline import BuildConfig, build_graph, read_corpus
from redarmy_kg.progress import Progress
from redarmy_kg.publish.dumps import write_dumps
from redarmy_kg.store import replace_store


def build_copies(copies: int, out_dir: Path) -> dict[str, object]:
    config = BuildConfig(out_dir=out_dir)
    progress = Progress(enabled=False)
    corpus = read_corpus(config)
    merged = RdfDataset()
    for index in range(copies):
        if copies > 1:
            iris.set_base(f"{iris.DEFAULT_BASE}doc-{index}/")
        merged.add(build_graph(corpus, config, progress).dataset.quads)
    iris.set_base(iris.DEFAULT_BASE)
    started = time.perf_counter()
    if copies == 1:
        nquads = write_dumps(merged, out_dir)["nq"].read_bytes()
        progress.timings["dumps"] = round(time.perf_counter() - started, 3)
    else:
        # Scaling runs write only the canonical N-Quads (what the store loads); the other
        # dump formats are measured on the single thesis, and would dominate 16 copies.
        nquads = merged.canonical_nquads()
        progress.timings["canonical n-quads"] = round(time.perf_counter() - started, 3)
    started = time.perf_counter()
    replace_store(nquads, out_dir)
    progress.timings["store"] = round(time.perf_counter() - started, 3)
    return {
        "copies": copies,
        "quads": len(merged),
        "timings_s": progress.timings,
        "peak_rss_mb": peak_rss_mb(),
    }


if __name__ == "__main__":
    started = time.perf_counter()
    result = build_copies(int(sys.argv[1]), Path(sys.argv[2]))
    result["total_s"] = round(time.perf_counter() - started, 3)
    print(json.dumps(result, sort_keys=True))
