"""Atomic output folders: build aside, then swap, so a failed build never leaves a half-written site."""
from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def staging_area(target: Path):
    """A scratch folder beside target (same file system, so the final rename is cheap).

    Removed on exit whatever happens; the caller moves its result into place with replace_tree.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def replace_tree(new: Path, target: Path) -> None:
    """Put new in target's place; the previous target is kept until the new one is in."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.previous")
        if old.exists():
            shutil.rmtree(old)
        target.rename(old)
    try:
        new.rename(target)
    except BaseException:
        if old is not None:
            old.rename(target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
