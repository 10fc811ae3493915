"""End-to-end speed of `unwording compare ... --format json -o FILE`, with baselines.

Documents are built from real UN resolutions (bench/corpus/, A/RES/80/*): the
resolutions are repeated as successive "sessions" (every number in a copy shifted,
as next year's version of a resolution would be) until the size is reached. The
draft applies realistic edits: ~3% of paragraphs reworded (hedges inserted, verbs
changed, phrases swapped), ~1% deleted, ~1% inserted, ~1% moved, and operative
paragraphs renumbered after the edits.

Every measurement is a fresh process (start-up, imports and writing included);
peak memory is the child's maximum resident set size.

    python bench/bench.py                 # 10k, 100k and 1M words
    python bench/bench.py --sizes 10000 --repeat 1 --timeout 30
    python bench/bench.py --shape dense   # paragraphs of ~35 words (shapes.py)
    python bench/bench.py --shape shuffled --sizes 700000 --formats json html
    python bench/bench.py --sizes 1000000 --formats json docx   # the Word redline too

Shapes (shapes.py): `long` (the resolutions' own paragraphs, ~60 words), `dense`
(cut into ~35 words) and `shuffled` (dense, each paragraph changed by one word, the
order shuffled; the run also says how many paragraphs were paired with their origin).

Baselines in the same run: `git diff --no-index --word-diff` (C), a word-level
difflib diff of the whole documents (the obvious approach in Python) and the
`redlines` package (pip install 'unwording[bench]'); `--baselines git` keeps only git.
"""

from __future__ import annotations

import argparse
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import shapes

HERE = Path(__file__).resolve().parent
NUMBER = re.compile(r"\d+")
LABEL = re.compile(r"^(\d+)\. ")
HEDGES = [", as appropriate,", ", in accordance with national legislation,", ", where possible,"]
SWAPS = [
    ("Urges", "Encourages"),
    ("Requests", "Invites"),
    ("human rights", "the rule of law"),
    ("Decides", "Recommends"),
    ("all States", "Member States"),
    ("shall", "should"),
]

DIFFLIB = """
import re, sys, difflib
a, b, out = sys.argv[1:4]
tok = re.compile(r"\\w+|[^\\w\\s]")
x = tok.findall(open(a, encoding="utf-8").read())
y = tok.findall(open(b, encoding="utf-8").read())
ops = difflib.SequenceMatcher(None, x, y).get_opcodes()
open(out, "w").write("\\n".join(map(str, ops)))
"""
REDLINES = """
import sys
from redlines import Redlines
a, b, out = sys.argv[1:4]
r = Redlines(open(a, encoding="utf-8").read(), open(b, encoding="utf-8").read())
open(out, "w").write(r.output_markdown)
"""


def corpus() -> list[list[str]]:
    return [
        p.read_text(encoding="utf-8").strip().split("\n\n")
        for p in sorted((HERE / "corpus").glob("*.txt"))
    ]


def build(words: int, seed: int = 7, shape: str = "long") -> tuple[str, str]:
    """A base of about `words` words and its draft, edited as `shape` says."""
    rng = random.Random(seed)
    resolutions, base, count, session = corpus(), [], 0, 0
    if shape != "long":
        resolutions = [shapes.dense(paragraphs) for paragraphs in resolutions]
    while count < words:
        for paragraphs in resolutions:
            copy = [NUMBER.sub(lambda m, s=session: _shift(m, s), p) for p in paragraphs]
            base.append(copy)
            count += sum(len(p.split()) for p in copy)
            if count >= words:
                break
        session += 1
    if shape == "shuffled":
        flat = [paragraph for paragraphs in base for paragraph in paragraphs]
        return _text([flat]), _text([shapes.shuffled(flat, seed)[0]])
    draft = [_edit(paragraphs, rng, resolutions) for paragraphs in base]
    return _text(base), _text(draft)


def next_version(text: str, seed: int) -> str:
    """The next version of a built text: the same realistic edits as a draft's."""
    paragraphs = text.strip().split("\n\n")
    return _text([_edit(paragraphs, random.Random(seed), corpus())])


def _shift(match: re.Match[str], session: int) -> str:
    value = int(match.group())
    return str(value + session) if value > 20 else match.group()


def _edit(paragraphs: list[str], rng: random.Random, pool: list[list[str]]) -> list[str]:
    out = []
    for paragraph in paragraphs:
        roll = rng.random()
        if roll < 0.01:
            continue
        if roll < 0.04:
            paragraph = _reword(paragraph, rng)
        out.append(paragraph)
        if rng.random() < 0.01:
            out.append(_reword(rng.choice(rng.choice(pool)), rng))
    for _ in range(max(1, len(out) // 100)):
        if rng.random() < 0.5 and len(out) > 3:
            out.insert(rng.randrange(len(out)), out.pop(rng.randrange(len(out))))
    return _renumber(out)


def _reword(paragraph: str, rng: random.Random) -> str:
    for old, new in rng.sample(SWAPS, len(SWAPS)):
        if old in paragraph:
            return paragraph.replace(old, new, 1)
    words = paragraph.split(" ")
    at = rng.randrange(1, max(2, len(words)))
    return " ".join(words[:at]) + rng.choice(HEDGES).rstrip(",") + " " + " ".join(words[at:])


def _renumber(paragraphs: list[str]) -> list[str]:
    number, out = 0, []
    for paragraph in paragraphs:
        if LABEL.match(paragraph):
            number += 1
            paragraph = LABEL.sub(f"{number}. ", paragraph, count=1)
        out.append(paragraph)
    return out


def _text(resolutions: list[list[str]]) -> str:
    return "\n\n".join("\n\n".join(paragraphs) for paragraphs in resolutions) + "\n"


def unwording_command(base: Path, draft: Path, out: Path, *options: str) -> list[str]:
    """The command line that compares `base` with `draft` into `out`."""
    return [
        sys.executable,
        "-m",
        "unwording",
        "compare",
        str(base),
        str(draft),
        "-o",
        str(out),
        *options,
    ]


def approaches(
    base: Path, draft: Path, out: Path, formats: list[str], baselines: list[str]
) -> dict[str, list[str]]:
    files = (str(base), str(draft), str(out))
    found = {
        f"unwording ({fmt})": unwording_command(base, draft, out, "-f", fmt) for fmt in formats
    }
    others = {
        "git": ("git --word-diff (C)", ["git", "diff", "--no-index", "--word-diff", *files[:2]]),
        "difflib": ("difflib words (whole document)", [sys.executable, "-c", DIFFLIB, *files]),
        "redlines": ("redlines (whole document)", [sys.executable, "-c", REDLINES, *files]),
    }
    found.update(dict(others[name] for name in baselines))
    return found


def run(sizes: list[int], repeat: int, timeout: float, options: argparse.Namespace) -> list[tuple]:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            base_text, draft_text = build(size, shape=options.shape)
            base, draft = Path(folder, "base.txt"), Path(folder, "draft.txt")
            base.write_text(base_text, encoding="utf-8")
            draft.write_text(draft_text, encoding="utf-8")
            words = len(base_text.split())
            out = Path(folder, "out")
            commands = approaches(base, draft, out, options.formats, options.baselines)
            for name, command in commands.items():
                times, peak = [], 0.0
                for _ in range(repeat if name.startswith(("unwording", "git")) else 1):
                    seconds, rss = _isolated(command, timeout)
                    if seconds is None:
                        times = []
                        break
                    times.append(seconds)
                    peak = max(peak, rss)
                rows.append((name, words, statistics.median(times) if times else None, peak))
                print(_row(rows[-1], timeout), flush=True)
    return rows


def _isolated(command: list[str], timeout: float) -> tuple[float | None, float]:
    probe = [sys.executable, "-c", _PROBE, str(timeout), *command]
    result = subprocess.run(probe, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"benchmark command failed: {' '.join(command)}\n{result.stderr}")
    seconds, rss = result.stdout.split()
    return (None if seconds == "timeout" else float(seconds)), float(rss)


_PROBE = """
import resource, subprocess, sys, threading, time
timeout, command = float(sys.argv[1]), sys.argv[2:]
start = time.perf_counter()
child = subprocess.Popen(command, stdout=subprocess.DEVNULL)
timer = threading.Timer(timeout, child.kill)
timer.start()
code = child.wait()  # a blocking wait: Popen.wait(timeout) would poll every 50 ms
elapsed = time.perf_counter() - start
timer.cancel()
if code < 0:
    print("timeout 0"); sys.exit(0)
if code not in (0, 1):  # git diff exits with 1 when the files differ
    sys.exit(code)
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""


def _row(row: tuple, timeout: float) -> str:
    name, words, seconds, peak = row
    shown = f"{seconds:.3f} s" if seconds is not None else f"> {timeout:.0f} s (stopped)"
    memory = f"{peak:.0f} MB" if seconds is not None else "-"
    return f"| {name} | {words:,} | {shown} | {memory} |"


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    import os

    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--shape", choices=("long", "dense", "shuffled"), default="long")
    parser.add_argument("--formats", nargs="+", default=["json", "html", "text"])
    parser.add_argument(
        "--baselines",
        nargs="*",
        choices=("git", "difflib", "redlines"),
        default=["git", "difflib", "redlines"],
    )
    args = parser.parse_args()
    print(f"Machine: {machine()}; shape: {args.shape}\n")
    print("| approach | words (base) | time (median) | peak memory |\n|---|---|---|---|")
    run(args.sizes, args.repeat, args.timeout, args)


if __name__ == "__main__":
    main()
