"""Speed of `unwording compile`: 20 proposals against a base of about 20,000 words,
the whole process (start-up, reading, 20 comparisons, grouping, the JSON report).

The base is built from bench/corpus/ as bench.py builds its documents; each proposal
is the base with bench.py's realistic edits under its own seed (rewordings, hedges,
deletions, insertions, moves, renumbering), so proposals overlap and conflict.

    python bench/compile.py                    # 20 proposals, 20,000 words, 3 runs
    python bench/compile.py --proposals 5 --words 5000 --repeat 1
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


def write_case(folder: Path, words: int, proposals: int) -> list[str]:
    """The base and proposals as files in `folder`; the command's arguments."""
    base, _ = bench.build(words, seed=1)
    (folder / "base.txt").write_text(base, encoding="utf-8")
    names = []
    for number in range(proposals):
        _, draft = bench.build(words, seed=100 + number)
        path = folder / f"Delegation {number + 1:02d}.txt"
        path.write_text(draft, encoding="utf-8")
        names.append(str(path))
    return [str(folder / "base.txt"), *names, "--format", "json", "-o", str(folder / "out.json")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=20_000)
    parser.add_argument("--proposals", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as folder:
        arguments = write_case(Path(folder), args.words, args.proposals)
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            command = [sys.executable, "-m", "unwording", "compile", *arguments]
            subprocess.run(command, check=True, env=env, stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
        size = (Path(folder) / "out.json").stat().st_size
    print(
        f"{args.proposals} proposals x {args.words} words: median {statistics.median(times):.2f} s"
        f" (runs: {', '.join(f'{t:.2f}' for t in times)}), JSON {size / 1e6:.1f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
