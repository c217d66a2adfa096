"""Worker processes that share one large, read-only object with their parent.

The object (the content model, the Markdown dialect) is handed to each worker once, as it starts, by the
pool's initializer; with the fork start method it is inherited, never pickled. Tasks then carry only
small arguments.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import Executor, ProcessPoolExecutor


class Shared:
    value = None  # this worker's shared object, set by start()

    @classmethod
    def start(cls, value) -> None:
        cls.value = value


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def forked_pool(workers: int, shared) -> Executor:
    """A pool whose workers find `shared` in Shared.value."""
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=Shared.start, initargs=(shared,))
