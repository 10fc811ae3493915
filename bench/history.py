"""Speed of `unwording history`: successive versions, the whole process (start-up,
reading, the successive comparisons, lineage, timelines, the JSON report).

The first version is built from bench/corpus/ as bench.py builds its documents; each
next version is the previous one with bench.py's realistic edits (rewordings, hedges,
deletions, insertions, moves, renumbering) under its own seed, so edits accumulate as in
a negotiation.

    python bench/history.py                       # 5 x 60,000 words, then 20 x 100,000
    python bench/history.py --cases 5x60000 --repeat 1
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import bench

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {(5, 60_000): 3.0, (20, 100_000): 20.0}


def write_versions(folder: Path, versions: int, words: int) -> list[str]:
    """The versions as files v01.txt, v02.txt... in `folder`; their paths."""
    text, _ = bench.build(words, seed=1)
    paths = []
    for number in range(versions):
        path = folder / f"v{number + 1:02d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
        text = bench.next_version(text, seed=100 + number)
    return paths


def measure(versions: int, words: int, repeat: int) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as folder:
        paths = write_versions(Path(folder), versions, words)
        out = Path(folder) / "out.json"
        command = [
            sys.executable,
            "-m",
            "unwording",
            "history",
            folder,
            "-f",
            "json",
            "-o",
            str(out),
        ]
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run(command, check=True, env=env, stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
        size = out.stat().st_size
    target = TARGETS.get((versions, words))
    aim = f", target < {target:.0f} s" if target else ""
    runs = ", ".join(f"{t:.2f}" for t in times)
    return (
        f"{versions} versions x {words} words ({len(paths)} files): median "
        f"{statistics.median(times):.2f} s (runs: {runs}{aim}), JSON {size / 1e6:.1f} MB"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", nargs="+", default=["5x60000", "20x100000"])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for case in args.cases:
        versions, words = (int(part) for part in case.split("x"))
        print(measure(versions, words, args.repeat), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
