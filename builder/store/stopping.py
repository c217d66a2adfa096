"""Stopping when asked: SIGINT and SIGTERM become one exception that unwinds the build.

The command line installs the handlers (`stop_signals`); every `with` on the way out then does its
part: worker pools kill their workers (builder/store/workers.py), staging folders are removed
(builder/store/output.py), the build lock is released (builder/store/lock.py). The few steps that
must not be cut in half (the swap of site/ and dist/) run under `signals_deferred`: a signal that
arrives there stops the build as soon as they are done.
"""

from __future__ import annotations

import os
import signal
import threading
from contextlib import contextmanager

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Stopped(BaseException):
    """The process was asked to stop by a signal. A BaseException, like KeyboardInterrupt: code that
    catches Exception to carry on (mkdocs' rebuild loop, a failed render) lets it through."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name

    @property
    def exit_status(self) -> int:
        return 128 + self.signum  # what a shell reports for a process ended by the signal: 130, 143


class _Stopping:
    """This process's handling of stop signals (one per process: signals are per process)."""

    def __init__(self):
        self.owner: int | None = None  # the pid that installed the handlers (forked workers inherit them)
        self.deferring = 0
        self.pending: int | None = None
        self.stopping = False

    def handle(self, signum: int, frame) -> None:
        if os.getpid() != self.owner:
            # a worker forked before its initializer ran: its parent decides about SIGINT; SIGTERM ends it
            if signum == signal.SIGTERM:
                os._exit(128 + signum)
            return
        if self.stopping:
            return  # already unwinding: let the clean-up finish
        if self.deferring:
            self.pending = signum
            return
        self.stopping = True
        raise Stopped(signum)


_state = _Stopping()


@contextmanager
def stop_signals():
    """SIGINT and SIGTERM raise Stopped in the main thread while this lasts."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may handle signals (a command run from a test's thread, say)
        return
    _state.owner, _state.pending, _state.stopping, _state.deferring = os.getpid(), None, False, 0
    previous = {signum: signal.signal(signum, _state.handle) for signum in STOP_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        _state.owner = None


@contextmanager
def signals_deferred():
    """Run the block whole: a stop signal that arrives inside it takes effect when it ends."""
    _state.deferring += 1
    try:
        yield
    finally:
        _state.deferring -= 1
    if not _state.deferring and _state.pending is not None and not _state.stopping:
        signum, _state.pending = _state.pending, None
        _state.stopping = True
        raise Stopped(signum)


def reset_in_worker() -> None:
    """In a worker process: SIGINT is its parent's to handle (a Ctrl-C reaches the whole process group,
    and the parent stops the workers itself); SIGTERM ends it at once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
