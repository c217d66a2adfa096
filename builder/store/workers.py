"""Worker processes that share one large, read-only object with their parent, and never outlive it.

The object (the content model, the Markdown dialect) is handed to each worker once, as it starts, by the
pool's initializer; with the fork start method it is inherited, never pickled. Tasks then carry only
small arguments.

A pool left by an exception (a failed task, Ctrl-C, SIGTERM) kills its workers at once instead of
waiting for their tasks to end. A worker whose parent dies, even by SIGKILL, is killed by the kernel
(Linux's parent-death signal) or, elsewhere, ends itself when a watchdog thread sees the parent gone.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import Executor, ProcessPoolExecutor

from builder.store.stopping import reset_in_worker

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
KILL_GRACE = 0.5  # seconds a stopped pool gives its workers after SIGTERM, then after SIGKILL
WATCHDOG_INTERVAL = 0.5


class Shared:
    value = None  # this worker's shared object, set by start()

    @classmethod
    def start(cls, value) -> None:
        cls.value = value


def die_with_parent(parent: int) -> None:
    """End this process when `parent` ends (run first thing in a worker)."""
    if not parent_death_signal(signal.SIGKILL):
        threading.Thread(target=watch_parent, args=(parent,), daemon=True, name="parent-watchdog").start()
    if os.getppid() != parent:  # the parent died before the signal was asked for: nobody would send it
        os._exit(1)


def parent_death_signal(signum: int) -> bool:
    """Ask Linux to send signum to this process when its parent ends; False where that is not possible."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signum, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCHDOG_INTERVAL)
    os._exit(1)


def start_worker(parent: int, shared) -> None:
    """The initializer of every worker."""
    die_with_parent(parent)
    reset_in_worker()
    Shared.start(shared)


class WorkerPool(ProcessPoolExecutor):
    """A process pool that, left by an exception, kills its workers instead of waiting for them."""

    def __exit__(self, kind, error, trace):
        if kind is None:
            self.shutdown(wait=True)
        else:
            self.kill_workers()
        return False

    def kill_workers(self) -> None:
        # ProcessPoolExecutor keeps its processes in _processes (pid -> Process) from 3.7 to 3.13;
        # there is no public way to stop a pool whose tasks are running.
        processes = list((self._processes or {}).values())
        manager = self._executor_manager_thread
        for process in processes:
            process.terminate()
        deadline = time.monotonic() + KILL_GRACE
        for process in processes:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.exitcode is None:
                process.kill()
                process.join(KILL_GRACE)
        self.shutdown(wait=False, cancel_futures=True)
        if manager is not None:
            # it notices the dead workers, fails the pending futures and closes the queues
            manager.join(KILL_GRACE)


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def forked_pool(workers: int, shared=None) -> Executor:
    """A pool whose workers find `shared` in Shared.value (forked where the platform allows it)."""
    context = multiprocessing.get_context("fork" if can_fork() else None)
    return WorkerPool(workers, mp_context=context, initializer=start_worker, initargs=(os.getpid(), shared))
