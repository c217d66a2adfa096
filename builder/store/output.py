"""Atomic output folders: build aside, then swap, so a failed or stopped build never leaves a half-written
site, and site/ and dist/ always come from the same build.

A build writes into staging folders beside its targets (`.site.building-<pid>-…`, `.dist.building-<pid>-…`)
and moves them in at the end. Moving two folders takes several renames; a process killed among them
would leave site/ from one build and dist/ from another. So the swap first writes a record of the moves
it is about to make; the record goes only when every move is done. The next build that finds a record
finishes the moves it lists (roll forward: the new trees are complete, only their renames were cut),
then removes what interrupted builds left: staging folders of processes that are gone, and the earlier
trees kept aside during a swap (`.site.previous`, `.dist.previous`).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

STAGING = ".building-"
PREVIOUS = ".previous"


def staging_prefix(target: Path) -> str:
    return f".{target.name}{STAGING}"


def previous_of(target: Path) -> Path:
    """Where target's earlier tree waits during a swap."""
    return target.with_name(f".{target.name}{PREVIOUS}")


@contextmanager
def staging_area(target: Path):
    """A scratch folder beside target (same file system, so the final rename is cheap).

    Its name carries this process's id, so a later build can tell a leftover from a build in progress.
    Removed on exit whatever happens; the caller moves its result into place with swap_in.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{staging_prefix(target)}{os.getpid()}-", dir=target.parent))
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def owner_alive(staging: Path, target: Path) -> bool:
    """Whether the process that made this staging folder still runs (folders of older builders name none)."""
    owner = staging.name[len(staging_prefix(target)) :].split("-")[0]
    if not owner.isdigit():
        return False
    try:
        os.kill(int(owner), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_leftovers(target: Path) -> list[Path]:
    """Remove what interrupted builds left beside target; the folders removed.

    Run it after finish_interrupted_swap (a staging folder may hold a tree that swap still has to move in)
    and while holding the build lock.
    """
    removed = []
    if target.parent.is_dir():
        for staging in sorted(target.parent.glob(f"{staging_prefix(target)}*")):
            if staging.is_dir() and not owner_alive(staging, target):
                shutil.rmtree(staging, ignore_errors=True)
                removed.append(staging)
    previous = previous_of(target)
    if previous.is_dir():
        shutil.rmtree(previous, ignore_errors=True)
        removed.append(previous)
    return removed


def put_in_place(new: Path, target: Path) -> None:
    previous = previous_of(target)
    if previous.exists():  # left by an earlier swap that was cut short
        shutil.rmtree(previous)
    if target.exists():
        target.rename(previous)
    new.rename(target)


def swap_in(moves: list[tuple[Path, Path]], record: Path) -> None:
    """Move each new tree to its target, all or none of them as far as any later reader can tell.

    record: a file that lists the moves while they are made (see the module's docstring); the caller
    keeps signals off for the duration (builder/store/stopping.py), so only a kill can cut it.
    """
    record.parent.mkdir(parents=True, exist_ok=True)
    written = record.with_name(record.name + ".part")
    written.write_text(
        json.dumps({"moves": [{"new": str(new), "target": str(target)} for new, target in moves]}, indent=1),
        encoding="utf-8",
    )
    written.replace(record)
    try:
        for new, target in moves:
            put_in_place(new, target)
    except OSError:
        for new, target in reversed(moves):  # put the earlier trees back, so the targets stay one build
            if not new.exists() and target.exists():
                target.rename(new)
            if not target.exists() and previous_of(target).is_dir():
                previous_of(target).rename(target)
        record.unlink()
        raise
    record.unlink()
    for _, target in moves:
        shutil.rmtree(previous_of(target), ignore_errors=True)


def finish_interrupted_swap(record: Path) -> list[Path]:
    """Complete the swap a killed build left half done (if record is there); the targets it put right."""
    try:
        moves = [
            (Path(move["new"]), Path(move["target"]))
            for move in json.loads(record.read_text(encoding="utf-8"))["moves"]
        ]
    except FileNotFoundError:
        return []
    except (OSError, ValueError, KeyError, TypeError):
        record.unlink(missing_ok=True)  # written aside and renamed: unreadable means nothing moved by it
        return []
    repaired = []
    for new, target in moves:
        if new.is_dir():
            put_in_place(new, target)
            repaired.append(target)
        elif not target.exists() and previous_of(target).is_dir():
            # the new tree is gone (removed by hand): the earlier one is better than none
            previous_of(target).rename(target)
            repaired.append(target)
    record.unlink()
    for _, target in moves:
        shutil.rmtree(previous_of(target), ignore_errors=True)
    return repaired
