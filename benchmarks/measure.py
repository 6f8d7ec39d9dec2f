"""Small measuring helpers shared by the benchmarks: medians, peak memory, JSON output."""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

RESULTS_DIR = Path(__file__).resolve().parent / "results"


def run_child(args: list[str]) -> dict[str, object]:
    """Run `python -m <args>` in a fresh process; it prints one JSON object last on stdout."""
    completed = subprocess.run(
        [sys.executable, "-m", *args], check=True, capture_output=True, text=True
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def median(values: list[float]) -> float:
    return round(statistics.median(values), 3)


def save(name: str, data: object) -> Path:
    RESULTS_DIR.mkdir(exist_ok=True)
    path = RESULTS_DIR / f"{name}.json"
    path.write_text(json.dumps(data, indent=2, sort_keys=True, default=_default) + "\n")
    return path


def _default(value: object) -> object:
    if hasattr(value, "__dataclass_fields__"):
        return asdict(value)  # type: ignore[arg-type]
    raise TypeError(f"cannot serialise {type(value).__name__}")


def print_table(headers: list[str], rows: list[list[object]]) -> None:
    widths = [max(len(str(h)), *(len(str(r[i])) for r in rows)) for i, h in enumerate(headers)]
    line = "  ".join(str(h).ljust(w) for h, w in zip(headers, widths, strict=True))
    print(line)
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))
