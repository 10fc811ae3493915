"""The per-pair stages in worker processes (workers.py, compare._pair_stages) give the
comparison of one process, byte for byte: on real paragraphs reordered and edited,
under a word-diff budget that runs out, and when a worker fails."""

from __future__ import annotations

import gc
import os
import random
import signal
import sys

import pytest
from conftest import FIXTURES

from unwording import Options, compare, render, workers
from unwording import diff as diff_module

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="worker processes are forked on Linux only"
)
CASES = ["ares-80-6-edited", "ares-80-10-traps", "sdg-goal5-en", "sdg-targets-all"]


def texts() -> tuple[str, str]:
    """Real paragraphs, each with one word changed, in another order."""
    rng = random.Random(12)
    paragraphs = []
    for case in CASES:
        text = (FIXTURES / case / "base.txt").read_text(encoding="utf-8")
        paragraphs += [p.strip() for p in text.split("\n\n") if len(p.split()) > 6]
    edited = []
    for paragraph in paragraphs:
        words = paragraph.split(" ")
        words[rng.randrange(1, len(words))] = rng.choice(["shall", "should", "not", "2030"])
        edited.append(" ".join(words))
    rng.shuffle(edited)
    return "\n\n".join(paragraphs), "\n\n".join(edited)


def report(monkeypatch: pytest.MonkeyPatch, processes: int) -> str:
    monkeypatch.setenv("UNWORDING_WORKERS", str(processes))
    base, draft = texts()
    return render(compare(base, draft, Options()), "json")


@pytest.fixture
def parts_run(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many parts each call of `run_parts` was given."""
    calls: list[int] = []
    original = workers.run_parts

    def spy(job, cuts):
        calls.append(len(cuts) - 1)
        return original(job, cuts)

    monkeypatch.setattr(workers, "run_parts", spy)
    return calls


def test_workers_give_the_report_of_one_process(monkeypatch, parts_run):
    alone = report(monkeypatch, 1)
    assert parts_run == []
    assert report(monkeypatch, 2) == alone
    assert report(monkeypatch, 3) == alone
    assert parts_run == [2, 3]


def test_a_word_diff_budget_spent_between_workers_is_redone_in_one_process(monkeypatch, parts_run):
    monkeypatch.setattr(diff_module, "DMP_BUDGET", 40)  # most pairs' squared changes
    alone = report(monkeypatch, 1)
    assert report(monkeypatch, 2) == alone
    assert parts_run == [2]


def test_a_failing_worker_leaves_the_work_to_this_process(monkeypatch, parts_run):
    parent = os.getpid()
    original = diff_module.diff_run

    def failing(*args, **kwargs):
        if os.getpid() != parent:
            raise MemoryError("a worker ran out of memory")
        return original(*args, **kwargs)

    alone = report(monkeypatch, 1)
    monkeypatch.setattr(diff_module, "diff_run", failing)
    assert report(monkeypatch, 2) == alone
    assert parts_run == [2]


def test_a_worker_that_dies_leaves_the_work_to_this_process(monkeypatch, parts_run):
    """A worker killed (out of memory, say) does not leave the comparison waiting."""
    parent = os.getpid()
    original = diff_module.diff_run

    def dying(*args, **kwargs):
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return original(*args, **kwargs)

    alone = report(monkeypatch, 1)
    monkeypatch.setattr(diff_module, "diff_run", dying)
    signal.alarm(120)  # a hang fails the test instead of the whole run
    try:
        assert report(monkeypatch, 2) == alone
    finally:
        signal.alarm(0)
    assert parts_run == [2]


def test_a_frozen_collector_stays_frozen(monkeypatch):
    gc.freeze()
    try:
        count = gc.get_freeze_count()
        report(monkeypatch, 2)
        assert gc.get_freeze_count() >= count > 0
    finally:
        gc.unfreeze()


def test_few_changed_pairs_or_other_threads_keep_one_process(monkeypatch, parts_run):
    monkeypatch.delenv("UNWORDING_WORKERS", raising=False)
    assert workers.processes(workers.MIN_WORK - 1) == 1
    monkeypatch.setenv("UNWORDING_WORKERS", "500")
    assert workers.processes(10_000) == workers.MAX_PROCESSES
    monkeypatch.setenv("UNWORDING_WORKERS", "\u00b2")  # a digit, not a number: ignored
    assert workers.processes(10_000) == min(len(os.sched_getaffinity(0)), 4)
    monkeypatch.setattr(workers.threading, "active_count", lambda: 2)
    monkeypatch.setenv("UNWORDING_WORKERS", "2")
    assert workers.processes(10_000) == 1
    report(monkeypatch, 2)  # asked for two, beside another thread: one process
    assert parts_run == []
