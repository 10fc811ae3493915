"""Accuracy on real resolutions with recorded edits (fixtures/*/truth.json).

Each truth file lists every expected pair: which base and draft paragraphs,
the status, and whether it was moved or renumbered. All must be found exactly.
"""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, case_files

from unwording import Status, compare_files

# (compile-goal16/truth.json is a compilation's truth, read by tests/test_compile.py)
TRUTH_CASES = sorted(
    p.parent for p in FIXTURES.glob("*/truth.json") if list(p.parent.glob("base.*"))
)


@pytest.mark.parametrize("case", TRUTH_CASES, ids=[c.name for c in TRUTH_CASES])
def test_every_paragraph_lands_in_the_right_pair(case):
    comparison = compare_files(*case_files(case))
    found = {(p.base, p.draft): p for p in comparison.pairs}
    truth = json.loads((case / "truth.json").read_text(encoding="utf-8"))["pairs"]
    wrong = []
    for expected in truth:
        pair = found.get((tuple(expected["base"]), tuple(expected["draft"])))
        got = pair and (pair.status.value, pair.moved, pair.renumbered)
        if got != (expected["status"], expected["moved"], expected["renumbered"]):
            wrong.append((expected, got))
    assert not wrong
    assert len(comparison.pairs) == len(truth)


def test_typography_only_changes_report_nothing():
    comparison = compare_files(*case_files(FIXTURES / "ares-80-10-typography"))
    assert all(p.status is Status.UNCHANGED and not p.moved for p in comparison.pairs)
    assert comparison.flags == ()
    assert not comparison.has_changes


def test_recorded_edits_raise_the_expected_flags():
    comparison = compare_files(*case_files(FIXTURES / "ares-80-6-edited"))
    flags = {(f.kind, f.term) for f in comparison.flags}
    assert ("term_removed", "human rights") in flags
    assert ("term_added", "sovereignty") in flags
    assert ("term_removed", "civil society") in flags
    assert ("term_added", "family-supporting") in flags


def test_sdg_proofing_edits_are_modifications_in_place():
    comparison = compare_files(*case_files(FIXTURES / "sdg-owg-vs-final"))
    summary = comparison.summary
    assert (summary.inserted, summary.deleted, summary.moved) == (0, 0, 0)
    labels = {
        comparison.base.paragraphs[p.base[0]].label
        for p in comparison.pairs
        if p.status is Status.MODIFIED
    }
    assert {"4.4", "4.6", "11.5", "14.c", "16.2"} <= labels
