"""A short run of the fuzzing harness (bench/fuzz.py): small mutated and hostile inputs
of every format through the real command line, each case a test of its own.

The long run is by hand: `python bench/fuzz.py --count 5000 --seed 1 --jobs 2`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))
import fuzz  # noqa: E402
import fuzz_cases  # noqa: E402

SEED = 1
CASES = 24
SMALL = 40_000  # bytes of input per case: the short run keeps to quick cases


def small_cases() -> list[int]:
    """The first CASES case numbers whose two inputs are small."""
    seeds = fuzz_cases.load_seeds()
    chosen: list[int] = []
    number = 0
    while len(chosen) < CASES:
        case = fuzz_cases.make_case(number, SEED, seeds)
        if len(case.base) + len(case.draft) < SMALL:
            chosen.append(number)
        number += 1
    return chosen


NUMBERS = small_cases()


@pytest.fixture(scope="module")
def results() -> dict[int, fuzz.Result]:
    return {r.case.number: r for r in fuzz.run_cases(NUMBERS, SEED, jobs=2)}


@pytest.mark.parametrize("number", NUMBERS)
def test_case(results: dict[int, fuzz.Result], number: int) -> None:
    result = results[number]
    assert not result.problems, fuzz.describe(result)


def test_every_format_is_covered() -> None:
    seeds = fuzz_cases.load_seeds()
    formats = {fuzz_cases.make_case(n, SEED, seeds).fmt for n in NUMBERS}
    assert formats == set(fuzz_cases.FORMATS)


def test_cases_are_deterministic() -> None:
    seeds = fuzz_cases.load_seeds()
    first = [fuzz_cases.make_case(n, SEED, seeds) for n in NUMBERS[:6]]
    assert first == [fuzz_cases.make_case(n, SEED, seeds) for n in NUMBERS[:6]]
