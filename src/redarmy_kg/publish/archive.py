"""The dataset archive of a release: `redarmy-kg-data-<version>.tar.gz`.

It holds the dumps, the VoID/DCAT description, the ontology, the SHACL shapes
and report, the build report, a README for data users, the thesis NOTICE and a
SHA256SUMS of its own. The tar is reproducible: members sorted by name, fixed
time stamp, owner and modes, gzip header without name or time.
"""

from __future__ import annotations

import hashlib
import io
import tarfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from redarmy_kg import __version__
from redarmy_kg.publish.dumps import DUMP_FORMATS, DUMP_STEM
from redarmy_kg.publish.files import SUMS_FILE, gzip_bytes, sha256sums_text, write_atomically
from redarmy_kg.publish.void import VOID_FILE

REPO_ROOT = Path(__file__).resolve().parents[3]
DATA_README = "DATA-README.md"
FIXED_MTIME = 0
OPTIONAL_BUILD_FILES = ("shacl-report.ttl", "report.json")
FOLDERS = ("ontology", "shapes")


@dataclass
class ArchivePlan:
    """Archive member name -> bytes, and what was looked for but not found."""

    members: dict[str, bytes] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    path: Path | None = None


def archive_name(version: str = __version__) -> str:
    return f"redarmy-kg-data-{version}"


def plan_archive(build_dir: Path, repo_root: Path = REPO_ROOT) -> ArchivePlan:
    """Collect the files; the dumps and void.ttl are required, the rest is reported if absent."""
    plan = ArchivePlan()
    required = [f"{DUMP_STEM}.{fmt}" for fmt in DUMP_FORMATS] + [VOID_FILE]
    for name in required:
        path = build_dir / name
        if not path.is_file():
            raise FileNotFoundError(
                f"{path} is missing: run `redarmy-kg build` (or `publish --dumps`) first"
            )
        plan.members[name] = path.read_bytes()
    for name in OPTIONAL_BUILD_FILES:
        _add_if_present(plan, name, build_dir / name)
    for folder in FOLDERS:
        files = sorted(p for p in (repo_root / folder).rglob("*") if p.is_file())
        if not files:
            plan.missing.append(f"{folder}/")
        for path in files:
            plan.members[path.relative_to(repo_root).as_posix()] = path.read_bytes()
    _add_if_present(plan, "NOTICE", repo_root / "corpus" / "NOTICE")
    plan.members["README.md"] = data_readme()
    plan.members[SUMS_FILE] = member_sums(plan.members)
    return plan


def data_readme() -> bytes:
    return resources.files(__package__).joinpath(DATA_README).read_bytes()


def member_sums(members: dict[str, bytes]) -> bytes:
    lines = [
        f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in sorted(members.items())
    ]
    return "".join(lines).encode("ascii")


def tar_gz_bytes(members: dict[str, bytes], top: str) -> bytes:
    """A reproducible .tar.gz of `members` under the folder `top`."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.GNU_FORMAT) as tar:
        for name, data in sorted(members.items()):
            info = tarfile.TarInfo(f"{top}/{name}")
            info.size = len(data)
            info.mtime = FIXED_MTIME
            info.mode = 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tar.addfile(info, io.BytesIO(data))
    return gzip_bytes(buffer.getvalue())


def write_data_archive(build_dir: Path, out_dir: Path, repo_root: Path = REPO_ROOT) -> ArchivePlan:
    """Write `out_dir/redarmy-kg-data-<version>.tar.gz` (+ its `.sha256`); return the plan."""
    plan = plan_archive(build_dir, repo_root)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{archive_name()}.tar.gz"
    write_atomically(target, tar_gz_bytes(plan.members, archive_name()))
    sums = sha256sums_text([target]).encode("ascii")
    write_atomically(out_dir / f"{target.name}.sha256", sums)
    plan.path = target
    return plan


def _add_if_present(plan: ArchivePlan, name: str, path: Path) -> None:
    if path.is_file():
        plan.members[name] = path.read_bytes()
    else:
        plan.missing.append(name)
