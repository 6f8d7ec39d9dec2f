"""The on-disk pyoxigraph store, replaced atomically on every build.

`build/store` is a symbolic link to `build/stores/<checksum>`; a new store is
loaded beside the old one and the link is swapped with one `rename`, so a build
that dies half-way leaves the previous store in place and serving.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from pyoxigraph import RdfFormat, Store

STORE_LINK = "store"
STORES_DIR = "stores"


def replace_store(nquads: bytes, build_dir: Path) -> Path:
    """Load `nquads` into a fresh store and make it the current one; return its path."""
    stores = build_dir / STORES_DIR
    stores.mkdir(parents=True, exist_ok=True)
    target = stores / hashlib.sha256(nquads).hexdigest()[:16]
    if not target.exists():
        staging = stores / (target.name + ".loading")
        shutil.rmtree(staging, ignore_errors=True)
        store = Store(str(staging))
        store.bulk_load(nquads, format=RdfFormat.N_QUADS)
        store.flush()
        del store
        staging.rename(target)
    _swap_link(build_dir / STORE_LINK, target)
    _remove_old_stores(stores, keep=target)
    return target


def open_store(build_dir: Path) -> Store:
    """Open the current store of a build folder read-only."""
    path = build_dir / STORE_LINK
    if not path.exists():
        raise FileNotFoundError(f"no store in {build_dir}: run `redarmy-kg build` first")
    return Store.read_only(str(path.resolve()))


def _swap_link(link: Path, target: Path) -> None:
    tmp_link = link.with_name(link.name + ".new")
    if tmp_link.is_symlink() or tmp_link.exists():
        tmp_link.unlink()
    os.symlink(os.path.relpath(target, link.parent), tmp_link)
    os.replace(tmp_link, link)


def _remove_old_stores(stores: Path, keep: Path) -> None:
    for child in stores.iterdir():
        if child != keep:
            shutil.rmtree(child, ignore_errors=True)
