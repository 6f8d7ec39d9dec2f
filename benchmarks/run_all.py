"""`make bench`: every benchmark in turn; tables on stdout, JSON in benchmarks/results/."""

from __future__ import annotations

import importlib

BENCHMARKS = ("benchmarks.bench_build", "benchmarks.bench_endpoint")


def main() -> None:
    for name in BENCHMARKS:
        print(f"\n=== {name} ===")
        importlib.import_module(name).main()


if __name__ == "__main__":
    main()
