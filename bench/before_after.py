"""Whole-process timings of two checkouts, interleaved run by run (this machine's speed
drifts by 10-20% over minutes: alternating keeps the comparison fair).

    git worktree add /tmp/before COMMIT
    python bench/before_after.py --before /tmp/before [--only "dense 1M"]

Inputs are made by bench.py's `build` (dense 100k, 1M and 3M words; the shuffled input
of 700k words) in a temporary folder; each run is `python -m unwording ...` with
`PYTHONPATH` set to the checkout. Prints medians (and minimum) of wall and CPU time.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import bench

HERE = Path(__file__).resolve().parent
INPUTS = {"d100k": (100_000, "dense"), "d1m": (1_000_000, "dense"), "d3m": (3_000_000, "dense")}
INPUTS["shuffled"] = (700_000, "shuffled")
CASES = [  # name, input, arguments, runs
    ("--version", None, ["--version"], 9),
    ("dense 100k json", "d100k", ["-f", "json"], 7),
    ("dense 1M json", "d1m", ["-f", "json"], 5),
    ("dense 3M json", "d3m", ["-f", "json"], 5),
    ("shuffled json", "shuffled", ["-f", "json"], 3),
    ("shuffled html", "shuffled", ["-f", "html", "--no-timestamp"], 3),
]


def run(tree: str, command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one whole process."""
    env = dict(os.environ, PYTHONPATH=tree)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def command(folder: Path, name: str | None, arguments: list[str]) -> list[str]:
    if name is None:
        return [sys.executable, "-m", "unwording", *arguments]
    files = [str(folder / f"{name}_base.txt"), str(folder / f"{name}_draft.txt")]
    out = ["-o", str(folder / "out")]
    return [sys.executable, "-m", "unwording", "compare", *files, *arguments, *out]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True, help="a checkout of the earlier code")
    parser.add_argument("--after", default=str(HERE.parent), help="this checkout by default")
    parser.add_argument("--only", nargs="*", default=[], help="cases whose name holds one")
    options = parser.parse_args()
    cases = [c for c in CASES if not options.only or any(o in c[0] for o in options.only)]
    with tempfile.TemporaryDirectory() as folder:
        for name in sorted({case[1] for case in cases if case[1]}):
            words, shape = INPUTS[name]
            base, draft = bench.build(words, shape=shape)
            Path(folder, f"{name}_base.txt").write_text(base, encoding="utf-8")
            Path(folder, f"{name}_draft.txt").write_text(draft, encoding="utf-8")
        for label, name, arguments, runs in cases:
            line = command(Path(folder), name, arguments)
            found: dict[str, list[tuple[float, float]]] = {"before": [], "after": []}
            for _ in range(runs):
                for side in ("before", "after"):
                    found[side].append(run(getattr(options, side), line))
            print(label, *(_summary(side, found[side]) for side in found), sep=" | ", flush=True)


def _summary(side: str, times: list[tuple[float, float]]) -> str:
    walls, cpus = [w for w, _ in times], [c for _, c in times]
    return (
        f"{side} wall {statistics.median(walls):.3f} s (min {min(walls):.3f}), "
        f"cpu {statistics.median(cpus):.3f} s"
    )


if __name__ == "__main__":
    main()
