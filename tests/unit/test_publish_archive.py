"""The dataset archive: every part of a data release, reproducible to the byte."""

from __future__ import annotations

import hashlib
import io
import tarfile
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, parse

from redarmy_kg.dataset import RdfDataset
from redarmy_kg.publish.archive import archive_name, write_data_archive
from redarmy_kg.publish.dumps import write_dumps
from redarmy_kg.publish.metadata import ReleaseInfo
from redarmy_kg.publish.void import write_void

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "publish" / "sample.trig"


@pytest.fixture(scope="module")
def release_inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A build folder with dumps, void.ttl and a SHACL report; a repo with ontology and shapes."""
    build = tmp_path_factory.mktemp("build")
    dataset = RdfDataset()
    dataset.add(parse(path=str(SAMPLE), format=RdfFormat.TRIG))
    dumps = write_dumps(dataset, build)
    write_void(dumps["nq"], build, dumps, ReleaseInfo(corpus_sha256="ab" * 32))
    (build / "shacl-report.ttl").write_text("# conforms\n")
    repo = tmp_path_factory.mktemp("repo")
    for name, text in {
        "ontology/redarmy.ttl": "# ontology\n",
        "ontology/terms/events.ttl": "# events\n",
        "shapes/redarmy-shapes.ttl": "# shapes\n",
        "corpus/NOTICE": "copyright notice\n",
    }.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text)
    return build, repo


def members(path: Path) -> dict[str, tarfile.TarInfo]:
    with tarfile.open(path) as tar:
        return {info.name: info for info in tar.getmembers()}


def test_archive_holds_a_whole_data_release(release_inputs: tuple[Path, Path], tmp_path: Path):
    build, repo = release_inputs
    plan = write_data_archive(build, tmp_path, repo)
    assert plan.path == tmp_path / f"{archive_name()}.tar.gz"
    names = list(members(plan.path))
    top = archive_name() + "/"
    assert names == sorted(names)
    expected = {
        "README.md", "NOTICE", "SHA256SUMS", "void.ttl", "shacl-report.ttl",
        "ontology/redarmy.ttl", "ontology/terms/events.ttl", "shapes/redarmy-shapes.ttl",
        "redarmy-kg.nq", "redarmy-kg.trig", "redarmy-kg.ttl", "redarmy-kg.jsonld",
    }
    assert {name.removeprefix(top) for name in names} == expected
    assert plan.missing == ["report.json"]


def test_archive_is_reproducible(release_inputs: tuple[Path, Path], tmp_path: Path) -> None:
    build, repo = release_inputs
    first = write_data_archive(build, tmp_path / "a", repo).path
    second = write_data_archive(build, tmp_path / "b", repo).path
    assert first is not None and second is not None
    assert first.read_bytes() == second.read_bytes()
    for info in members(first).values():
        assert (info.mtime, info.uid, info.gid, info.uname, info.mode) == (0, 0, 0, "", 0o644)
    digest = hashlib.sha256(first.read_bytes()).hexdigest()
    assert (first.parent / (first.name + ".sha256")).read_text() == f"{digest}  {first.name}\n"


def test_sums_inside_the_archive_check_out(release_inputs: tuple[Path, Path], tmp_path: Path):
    build, repo = release_inputs
    path = write_data_archive(build, tmp_path, repo).path
    assert path is not None
    with tarfile.open(path) as tar:
        files = {
            info.name.split("/", 1)[1]: tar.extractfile(info).read()  # type: ignore[union-attr]
            for info in tar.getmembers()
        }
    lines = files.pop("SHA256SUMS").decode().splitlines()
    listed = {name: digest for digest, name in (line.split("  ") for line in lines)}
    assert listed == {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}
    assert b"creativecommons.org/licenses/by/4.0" in files["README.md"]
    assert files["void.ttl"] == (build / "void.ttl").read_bytes()


def test_a_build_without_dumps_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="run `redarmy-kg build`"):
        write_data_archive(tmp_path, tmp_path / "out")


def test_tar_is_readable_from_bytes(release_inputs: tuple[Path, Path], tmp_path: Path) -> None:
    build, repo = release_inputs
    path = write_data_archive(build, tmp_path, repo).path
    assert path is not None
    with tarfile.open(fileobj=io.BytesIO(path.read_bytes()), mode="r:gz") as tar:
        assert tar.getmember(f"{archive_name()}/README.md").size > 0
