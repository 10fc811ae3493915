"""Worker processes for the stages that work pair by pair (word diff and flags).

A comparison in which most paragraphs changed (a reordered and edited text) spends
most of its time diffing and flagging pairs one by one, and each pair is independent
of the others. Where the machine has several cores and the work is large enough to
repay starting processes, `run_parts` runs a function over consecutive parts of that
work: the first part here, the others in processes forked from this one, so they
share the documents and the rules without copying them. Results come back in order,
so the comparison is the same, byte for byte, as when it runs in one process.

Only on Linux (fork is cheap and safe there when no other thread runs), and never
from a process with other threads (a forked child could inherit a held lock). The
`UNWORDING_WORKERS` environment variable sets the number of processes (1: none).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

MIN_WORK = 4_000  # units of work (changed pairs) under which one process is faster
MAX_PROCESSES = 4  # past this, sending results back costs more than it saves
_JOB: list[Callable[[int, int], Any]] = []  # the function the forked workers run


def processes(work: int) -> int:
    """How many processes to run `work` units of work in (1: here alone)."""
    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return 1
    wanted = os.environ.get("UNWORDING_WORKERS", "").strip()
    if wanted.isdecimal():
        return max(1, min(int(wanted), work, MAX_PROCESSES))
    if work < MIN_WORK:
        return 1
    return max(1, min(len(os.sched_getaffinity(0)), MAX_PROCESSES))


def run_parts(job: Callable[[int, int], Any], cuts: list[int]) -> list[Any]:
    """`job(start, end)` for each part between successive `cuts`, in order: the first
    part in this process, the others in forked workers. An error in a worker, or a
    worker that died, is raised here (the caller may then do the work in one process)."""
    parts = list(zip(cuts, cuts[1:], strict=False))
    if len(parts) < 2:
        return [job(start, end) for start, end in parts]
    _JOB[:] = [job]
    frozen = gc.get_freeze_count() == 0
    if frozen:
        gc.freeze()  # a worker's collector leaves the shared objects alone (no copying)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(len(parts) - 1, context, initializer=_quiet) as pool:
            later = [pool.submit(_run, start, end) for start, end in parts[1:]]
            first = job(*parts[0])
            return [first, *(future.result() for future in later)]
    finally:
        if frozen:
            gc.unfreeze()
        _JOB.clear()


def _quiet() -> None:
    """A worker prints nothing (not even when Ctrl-C stops it): its errors come back to
    the comparing process, and so does the work if it fails. It ends with that process
    (killed, or stopped by `timeout`), rather than finish work nobody will read."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


_PR_SET_PDEATHSIG = 1  # Linux prctl(2): the signal a process gets when its parent dies


def _run(start: int, end: int) -> Any:
    return _JOB[0](start, end)
