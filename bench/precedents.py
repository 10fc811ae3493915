"""Speed of the agreed-language index (issue 16), on SQLite and on PostgreSQL.

The index holds about 50,000 paragraphs: the resolutions of bench/corpus/ repeated as
successive sessions, every number above 20 shifted (as bench.py builds its documents),
one file per resolution and session, added with `add_paths` (reading, preparing,
storing: what `unwording index add FOLDER` does). Then:

- lookups: the median of 200 phrases of 6 to 12 words taken from the corpus (half
  of them with one word changed, so that near matches are searched too);
- a comparison of 20,000 words (bench.py's base and draft): what `find_precedents`
  adds to it.

Targets: building under 60 s on SQLite, a lookup under 50 ms median, precedents
under 1 s for the 20,000-word comparison.

    python bench/precedents.py                      # SQLite
    python bench/precedents.py --postgres URL       # and PostgreSQL
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

import bench
from unwording.compare import compare_documents
from unwording.precedents import add_paths, find_precedents, lookup, open_index
from unwording.readers import read_bytes

PARAGRAPHS = 50_000
LOOKUPS = 200


def write_corpus(folder: Path, paragraphs: int) -> int:
    """Resolution files in `folder` until `paragraphs` are written; how many files."""
    count, files, session = 0, 0, 0
    while count < paragraphs:
        for number, resolution in enumerate(bench.corpus()):
            copy = [
                bench.NUMBER.sub(lambda m, s=session: bench._shift(m, s), p) for p in resolution
            ]
            (folder / f"s{session:03d}-{number:02d}.txt").write_text("\n\n".join(copy) + "\n")
            count, files = count + len(copy), files + 1
        session += 1
    return files


def phrases(count: int, seed: int = 3) -> list[str]:
    """Phrases of 6 to 12 words from the corpus; every other one with a word changed."""
    rng = random.Random(seed)
    pool = [p.split() for resolution in bench.corpus() for p in resolution if len(p.split()) > 14]
    chosen = []
    for n in range(count):
        words = rng.choice(pool)
        size = rng.randint(6, 12)
        start = rng.randrange(len(words) - size)
        piece = words[start : start + size]
        if n % 2:
            piece[rng.randrange(1, size - 1)] = "particularly"
        chosen.append(" ".join(piece))
    return chosen


def measure(location: str, folder: Path) -> dict[str, float]:
    """Build the index at `location` from `folder`, then time lookups and precedents."""
    started = time.perf_counter()
    index = open_index(location, create=True)
    added = add_paths(index, [str(folder)])
    built = time.perf_counter() - started
    times = []
    for phrase in phrases(LOOKUPS):
        begin = time.perf_counter()
        lookup(index, phrase)
        times.append(time.perf_counter() - begin)
    base, draft = bench.build(20_000)
    comparison = compare_documents(
        read_bytes(base.encode(), "base"), read_bytes(draft.encode(), "draft")
    )
    begin = time.perf_counter()
    found = find_precedents(comparison, index)
    adds = time.perf_counter() - begin
    index.close()
    return {
        "paragraphs": sum(d.paragraphs for d in added.documents),
        "documents": len(added.documents),
        "build_s": built,
        "lookup_median_ms": statistics.median(times) * 1000,
        "lookup_p90_ms": sorted(times)[int(len(times) * 0.9)] * 1000,
        "phrases": len(found.findings),
        "precedents_s": adds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=PARAGRAPHS)
    parser.add_argument("--postgres", help="a postgresql:// URL of an empty database")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "corpus"
        folder.mkdir()
        write_corpus(folder, args.paragraphs)
        locations = [("sqlite", str(Path(temporary) / "bench.db"))]
        locations += [("postgresql", args.postgres)] if args.postgres else []
        print(
            "| backend | documents | paragraphs | build | lookup median (p90) "
            "| precedents of a 20k-word comparison (phrases) |"
        )
        print("|---|---|---|---|---|---|")
        for name, location in locations:
            r = measure(location, folder)
            print(
                f"| {name} | {r['documents']:,} | {r['paragraphs']:,} | {r['build_s']:.1f} s "
                f"| {r['lookup_median_ms']:.1f} ms ({r['lookup_p90_ms']:.1f} ms) "
                f"| {r['precedents_s']:.2f} s ({r['phrases']:.0f}) |",
                flush=True,
            )


if __name__ == "__main__":
    main()
