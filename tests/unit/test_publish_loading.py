"""The loading recipes of the data README run as written: rdflib and pyoxigraph read
the dumps with no warning and no logged message, and see the same data."""

from __future__ import annotations

import contextlib
import io
import logging
import os
import re
import warnings
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, parse

from redarmy_kg.dataset import RdfDataset
from redarmy_kg.publish.dumps import write_dumps

PUBLISH = Path(__file__).resolve().parents[2] / "src" / "redarmy_kg" / "publish"
DATA_README = PUBLISH / "DATA-README.md"
SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "publish" / "sample.trig"
CODE_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def recipes() -> list[str]:
    return CODE_BLOCK.findall(DATA_README.read_text())


@pytest.fixture(scope="module")
def dumps_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dataset = RdfDataset()
    dataset.add(parse(path=str(SAMPLE), format=RdfFormat.TRIG))
    out = tmp_path_factory.mktemp("dumps")
    write_dumps(dataset, out)
    return out


def run_recipe(code: str, folder: Path) -> tuple[str, list[warnings.WarningMessage], list[str]]:
    """Run a README code block in `folder`; return its output, warnings and log records."""
    records: list[str] = []
    handler = logging.Handler(level=logging.WARNING)
    handler.emit = lambda record: records.append(record.getMessage())  # type: ignore[method-assign]
    root = logging.getLogger()
    root.addHandler(handler)
    output = io.StringIO()
    previous = Path.cwd()
    try:
        os.chdir(folder)
        with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(output):
            warnings.simplefilter("always")
            exec(compile(code, str(DATA_README), "exec"), {"__name__": "__recipe__"})
    finally:
        os.chdir(previous)
        root.removeHandler(handler)
    return output.getvalue(), list(caught), records


def about_the_data(caught: list[warnings.WarningMessage]) -> list[str]:
    """Warnings other than rdflib's deprecation notices about its own internals."""
    return [
        f"{w.category.__name__}: {w.message} ({w.filename})"
        for w in caught
        if not (issubclass(w.category, DeprecationWarning) and "rdflib" in w.filename)
    ]


def test_readme_has_an_rdflib_and_a_pyoxigraph_recipe() -> None:
    blocks = recipes()
    assert any("from rdflib import Dataset" in block for block in blocks)
    assert any("from pyoxigraph import" in block for block in blocks)


@pytest.mark.parametrize("index", range(len(recipes())))
def test_recipe_loads_the_dumps_without_warnings(index: int, dumps_dir: Path) -> None:
    output, caught, records = run_recipe(recipes()[index], dumps_dir)
    assert about_the_data(caught) == []
    assert records == []
    union = len(list(parse(path=str(dumps_dir / "redarmy-kg.ttl"), format=RdfFormat.TURTLE)))
    quads = len(list(parse(path=str(dumps_dir / "redarmy-kg.nq"), format=RdfFormat.N_QUADS)))
    assert quads > union, "the sample repeats facts in two graphs"
    if "rdflib" in recipes()[index]:
        assert output.strip() == f"{union} triples; 2 people"
    else:
        assert output.strip() == f"{quads} quads; {union} triples in the union"


def test_the_trig_variant_of_the_rdflib_recipe_gives_the_same_graph(dumps_dir: Path) -> None:
    code = next(block for block in recipes() if "rdflib" in block)
    trig = code.replace('"redarmy-kg.nq", format="nquads"', '"redarmy-kg.trig", format="trig"')
    assert trig != code
    from_nquads = run_recipe(code, dumps_dir)
    from_trig = run_recipe(trig, dumps_dir)
    assert from_trig[0] == from_nquads[0]
    assert about_the_data(from_trig[1]) == [] and from_trig[2] == []
