"""Build benchmarks: per-stage times on the thesis (median of several runs) and scaling.

Each run is a fresh process, so peak memory is that run's own.
"""

from __future__ import annotations

import tempfile
from collections import defaultdict

from benchmarks.measure import median, print_table, run_child, save

RUNS = 3
SCALES = (1, 4, 16)


def stage_times(runs: int = RUNS) -> dict[str, object]:
    per_stage: dict[str, list[float]] = defaultdict(list)
    totals: list[float] = []
    peaks: list[float] = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as out:
            result = run_child(["benchmarks.build_once", "1", out])
        for stage, seconds in result["timings_s"].items():  # type: ignore[union-attr]
            per_stage[stage].append(seconds)
        totals.append(result["total_s"])  # type: ignore[arg-type]
        peaks.append(result["peak_rss_mb"])  # type: ignore[arg-type]
    return {
        "runs": runs,
        "median_s": {stage: median(values) for stage, values in sorted(per_stage.items())},
        "total_median_s": median(totals),
        "peak_rss_mb_max": max(peaks),
    }


def scaling(scales: tuple[int, ...] = SCALES) -> list[dict[str, object]]:
    rows = []
    for copies in scales:
        with tempfile.TemporaryDirectory() as out:
            rows.append(run_child(["benchmarks.build_once", str(copies), out]))
    return rows


def main() -> None:
    stages = stage_times()
    print(f"\nBuild stages on the thesis (median of {stages['runs']} runs, seconds)")
    print_table(["stage", "median s"], [[k, v] for k, v in stages["median_s"].items()])  # type: ignore[union-attr]
    print(f"total {stages['total_median_s']} s, peak RSS {stages['peak_rss_mb_max']} MB")
    rows = scaling()
    base = rows[0]
    print("\nScaling: N thesis-sized documents (one process each)")
    print_table(
        ["documents", "quads", "total s", "x time", "peak MB", "x memory"],
        [
            [
                r["copies"],
                r["quads"],
                r["total_s"],
                round(r["total_s"] / base["total_s"], 2),  # type: ignore[operator]
                r["peak_rss_mb"],
                round(r["peak_rss_mb"] / base["peak_rss_mb"], 2),  # type: ignore[operator]
            ]
            for r in rows
        ],
    )
    path = save("build", {"stages": stages, "scaling": rows})
    print(f"saved {path.name}")


if __name__ == "__main__":
    main()
