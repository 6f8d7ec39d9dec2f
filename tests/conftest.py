"""Fixtures shared by every test layer.

`full_build` builds the whole graph from the bundled thesis once per test
session (into a temporary folder) so that end-to-end, HTTP and publication
tests all look at the same real build.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def corpus_text() -> str:
    from redarmy_kg.pipeline import BuildConfig, read_corpus

    return read_corpus(BuildConfig())


@pytest.fixture(scope="session")
def document(corpus_text: str):  # -> redarmy_kg.structure.model.Document
    from redarmy_kg.structure import parse_document

    return parse_document(corpus_text)


@pytest.fixture(scope="session")
def full_build(tmp_path_factory: pytest.TempPathFactory):  # -> redarmy_kg.pipeline.BuildResult
    """The whole pipeline run once on the real thesis; outputs in `result.outputs`."""
    from redarmy_kg.pipeline import BuildConfig, run_build
    from redarmy_kg.progress import Progress

    out_dir = tmp_path_factory.mktemp("build")
    return run_build(BuildConfig(out_dir=out_dir), Progress(enabled=False))


@pytest.fixture(scope="session")
def build_dir(full_build) -> Path:
    return full_build.outputs["report"].parent


@pytest.fixture(scope="session")
def built_store(build_dir: Path):  # -> pyoxigraph.Store (read-only)
    from redarmy_kg.store import open_store

    return open_store(build_dir)
