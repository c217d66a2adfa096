"""One build at a time in a project: an exclusive lock on a file beside the build cache.

The lock is the kernel's (flock): it ends with the process that holds it, however that process ends,
so a killed build never leaves a stale lock. The holder writes who it is into the file (pid, command,
since when), so that a build that has to wait can say for whom. Within one process the lock is
re-entrant: `builder serve` holds it for a whole rebuild, which may be a full build that takes it too.
"""

from __future__ import annotations

import fcntl
import json
import os
import shlex
import sys
import time
from contextlib import contextmanager
from pathlib import Path

_held: dict[tuple[int, str], int] = {}  # (pid, lock file) -> how many times this process holds it
HOLDER_READ_TRIES = 20  # the holder writes its name just after taking the lock: wait a moment for it


def command_line() -> str:
    """This process's command as a user typed it (`python -m builder` and the `builder` script alike)."""
    program = Path(sys.argv[0]) if sys.argv and sys.argv[0] else Path(sys.executable)
    name = program.parent.name if program.name == "__main__.py" else program.name
    return shlex.join([name, *sys.argv[1:]])


def describe_holder(text: str) -> str | None:
    try:
        holder = json.loads(text)
        return f"pid {holder['pid']}, `{holder['command']}`, since {holder['since']}"
    except (ValueError, KeyError, TypeError):
        return None


@contextmanager
def exclusive_lock(lock_file: Path, progress=print):
    """Hold lock_file exclusively for the block; if another process holds it, say whom we wait for and wait."""
    key = (os.getpid(), str(lock_file.resolve()))
    if _held.get(key):
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_file, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            progress(f"waiting for another build of this project to finish ({holder_of(handle)}) …")
            fcntl.flock(handle, fcntl.LOCK_EX)  # a signal interrupts the wait (the handler raises)
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(
                json.dumps({"pid": os.getpid(), "command": command_line(), "since": time.strftime("%Y-%m-%d %H:%M:%S")})
            )
            handle.flush()
            _held[key] = 1
            yield
        finally:
            _held.pop(key, None)
            handle.seek(0)
            handle.truncate()
            handle.flush()
            fcntl.flock(handle, fcntl.LOCK_UN)


def holder_of(handle) -> str:
    for _ in range(HOLDER_READ_TRIES):
        handle.seek(0)
        described = describe_holder(handle.read())
        if described:
            return described
        time.sleep(0.05)
    return "its process did not say who it is"
