"""Byte-stable file output: atomic writes, deterministic gzip, SHA-256 sums."""

from __future__ import annotations

import gzip
import hashlib
import io
from collections.abc import Iterable
from pathlib import Path

SUMS_FILE = "SHA256SUMS"
GZIP_LEVEL = 6


def write_atomically(path: Path, data: bytes) -> Path:
    """Write `data` beside `path` and rename it into place (no half-written file)."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return path


def gzip_bytes(data: bytes) -> bytes:
    """Gzip with no file name and a zero timestamp in the header: same input, same bytes."""
    buffer = io.BytesIO()
    with gzip.GzipFile(
        filename="", mode="wb", fileobj=buffer, compresslevel=GZIP_LEVEL, mtime=0
    ) as stream:
        stream.write(data)
    return buffer.getvalue()


def write_gzipped(path: Path) -> Path:
    """Write `path.gz` next to `path`."""
    return write_atomically(path.with_name(path.name + ".gz"), gzip_bytes(path.read_bytes()))


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sha256sums_text(paths: Iterable[Path]) -> str:
    """`sha256sum -c`-compatible lines, sorted by file name."""
    rows = sorted((path.name, sha256_file(path)) for path in paths)
    return "".join(f"{digest}  {name}\n" for name, digest in rows)


def write_sha256sums(out_dir: Path, paths: Iterable[Path]) -> Path:
    return write_atomically(out_dir / SUMS_FILE, sha256sums_text(paths).encode("ascii"))
