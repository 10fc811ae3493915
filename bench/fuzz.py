"""Fuzz the command line: mutated and hostile inputs of every format, run for real.

    python bench/fuzz.py --count 5000 --seed 1 --jobs 2 [--keep DIR] [--start N]
                         [--package SOURCE-TREE]

Each case (see `fuzz_cases`) writes two input files and runs
`python -m unwording compare BASE DRAFT --format F -o OUT` in a subprocess with a
20 s timeout and a 2 GB address-space limit, then checks (see `fuzz_checks`):
exit code 0, 1 or 2; no traceback or internal error; an error is one line starting
`unwording: error:`; under 20 s and 2 GB; JSON edits rebuild both texts of every
pair; the HTML report is inert; no output (or temporary file) left after an error.
Prints a table of cases by input format and outcome; with `--keep DIR`, each
failing case is saved in DIR with its input files, the command and the traceback
(the command run again with `--debug`). A case depends only on `--seed` and its
number, never on `--jobs`.
"""

from __future__ import annotations

import argparse
import os
import resource
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import json  # noqa: E402

import fuzz_cases  # noqa: E402
import fuzz_checks  # noqa: E402
from fuzz_cases import Case  # noqa: E402
from fuzz_checks import LIMIT_BYTES, LIMIT_SECONDS, Run  # noqa: E402

ROOT = HERE.parent
PACKAGE = {"root": ROOT}  # the source tree whose `unwording` is run (--package)
OUTPUT_NAME = {"text": "report.txt", "json": "report.json", "html": "report.html"}


@dataclass(frozen=True)
class Result:
    """A case and what its run gave: outcome ok, rejected (exit 2) or a failure kind."""

    case: Case
    outcome: str
    problems: tuple[tuple[str, str], ...]
    seconds: float
    peak_bytes: int
    stderr: str


def limit_memory() -> None:
    """In the child before exec: the address-space limit."""
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))


def command(case: Case, base: str, draft: str, output: str) -> list[str]:
    """The command line of a case (paths as given)."""
    return [
        sys.executable,
        "-m",
        "unwording",
        "compare",
        base,
        draft,
        "--format",
        case.output,
        "-o",
        output,
        "--no-timestamp",
    ]


def write_inputs(case: Case, folder: Path) -> tuple[Path, Path]:
    base, draft = folder / f"base{case.suffix}", folder / f"draft{case.suffix}"
    base.write_bytes(case.base)
    draft.write_bytes(case.draft)
    return base, draft


# `python -m unwording` that writes its own peak memory (VmHWM) to $FUZZ_PEAK on exit:
# the child's ru_maxrss would count the harness's memory copied into it by fork()
PEAK = """
import atexit, os, runpy, sys
def _peak():
    with open("/proc/self/status") as status, open(os.environ["FUZZ_PEAK"], "w") as out:
        out.write(next(line for line in status if line.startswith("VmHWM")))
if os.path.exists("/proc/self/status"):
    atexit.register(_peak)
sys.argv[0] = "unwording"
runpy.run_module("unwording", run_name="__main__", alter_sys=True)
"""


def execute(argv: list[str], cwd: Path) -> tuple[int, float, int, bool]:
    """Run with the limits; (exit code, seconds, peak bytes, timed out). Output goes to
    files in cwd: stdout.txt and stderr.txt."""
    peak = cwd.parent / f"{cwd.name}.peak"
    env = {
        **os.environ,
        "PYTHONPATH": str(PACKAGE["root"]),
        "NO_COLOR": "1",
        "PYTHONHASHSEED": "0",
        "FUZZ_PEAK": str(peak),
    }
    if argv[1:3] == ["-m", "unwording"]:
        argv = [argv[0], "-c", PEAK, *argv[3:]]
    with open(cwd / "stdout.txt", "wb") as out, open(cwd / "stderr.txt", "wb") as err:
        start = time.monotonic()
        child = subprocess.Popen(
            argv,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            preexec_fn=limit_memory,
        )
        killed = threading.Event()
        timer = threading.Timer(LIMIT_SECONDS, _kill, (child.pid, killed))
        timer.start()
        _, status, usage = os.wait4(child.pid, 0)
        timer.cancel()
        child.returncode = code = os.waitstatus_to_exitcode(status)
    return code, time.monotonic() - start, _peak(peak, usage.ru_maxrss), killed.is_set()


def _peak(record: Path, maxrss_kib: int) -> int:
    """Bytes: the child's own VmHWM when it wrote it, else its ru_maxrss."""
    try:
        kib = int(record.read_text().split()[1])
        record.unlink()
    except (OSError, IndexError, ValueError):
        kib = maxrss_kib
    return kib * 1024


def _kill(pid: int, killed: threading.Event) -> None:
    killed.set()
    os.kill(pid, signal.SIGKILL)


def run_case(case: Case, keep: Path | None = None) -> Result:
    """Run one case in a fresh temporary folder; save it under `keep` if it failed."""
    with tempfile.TemporaryDirectory(prefix="unwording-fuzz-") as tmp:
        folder = Path(tmp)
        (folder / "out").mkdir()
        base, draft = write_inputs(case, folder)
        output = folder / "out" / OUTPUT_NAME[case.output]
        argv = command(case, base.name, draft.name, str(output.relative_to(folder)))
        code, seconds, peak, timed_out = execute(argv, folder)
        stdout, stderr = (_read(folder / n) for n in ("stdout.txt", "stderr.txt"))
        run = Run(code, stdout, stderr, seconds, peak, timed_out, output, case.output)
        problems = tuple(fuzz_checks.check(run))
        result = Result(case, _outcome(code, problems), problems, seconds, peak, stderr)
        if problems and keep is not None:
            save(result, folder, keep)
    return result


def _read(path: Path) -> str:
    return path.read_bytes()[:100_000].decode("utf-8", "replace")


def _outcome(code: int, problems: tuple[tuple[str, str], ...]) -> str:
    if problems:
        return problems[0][0]
    return {0: "ok", 1: "changes", 2: "rejected"}.get(code, f"exit {code}")


def save(result: Result, folder: Path, keep: Path) -> Path:
    """A failing case's reproducer: inputs, command.sh, README.txt, traceback.txt."""
    case = result.case
    target = keep / f"{case.number:06d}-{result.outcome}-{case.fmt}"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    base, draft = write_inputs(case, target)
    argv = command(case, base.name, draft.name, f"out/{OUTPUT_NAME[case.output]}")
    argv[0] = "python3"
    script = f'#!/bin/sh\ncd "$(dirname "$0")"\nmkdir -p out\nulimit -v {LIMIT_BYTES // 1024}\n'
    (target / "command.sh").write_text(
        script + f"timeout {LIMIT_SECONDS:.0f} {shlex.join(argv)}\n"
    )
    (target / "README.txt").write_text(describe(result))
    (target / "stderr.txt").write_text(result.stderr)
    if result.outcome == "crash":
        (target / "traceback.txt").write_text(traceback_of(case, folder))
    return target


def describe(result: Result) -> str:
    case = result.case
    lines = [
        f"case {case.number}: {case.fmt} input, {case.kind}, {case.pairing}, -f {case.output}",
        f"what: {case.note}",
        f"time {result.seconds:.2f} s, peak {result.peak_bytes / 2**20:.0f} MiB",
        *(f"{k}: {d}" for k, d in result.problems),
    ]
    return "\n".join(lines) + "\n"


def traceback_of(case: Case, folder: Path) -> str:
    """The failing command run again with --debug: its stderr (the traceback)."""
    argv = command(case, f"base{case.suffix}", f"draft{case.suffix}", "debug-out") + ["--debug"]
    execute(argv, folder)
    return _read(folder / "stderr.txt")


def run_cases(
    numbers: Iterable[int], seed: int, jobs: int = 2, keep: Path | None = None, log=None
) -> list[Result]:
    """Run the cases numbered `numbers` of the run seeded `seed`, `jobs` at a time;
    `log` (an open file) gets one JSON line per case as it ends."""
    seeds = fuzz_cases.load_seeds()
    lock = threading.Lock()

    def one(number: int) -> Result:
        result = run_case(fuzz_cases.make_case(number, seed, seeds), keep)
        if log is not None:
            with lock:
                log.write(json.dumps(record(result)) + "\n")
                log.flush()
        return result

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(one, numbers))


def record(result: Result) -> dict:
    """A case's result as one JSON line (--log)."""
    case = result.case
    return {
        "case": case.number,
        "format": case.fmt,
        "kind": case.kind,
        "pairing": case.pairing,
        "report": case.output,
        "outcome": result.outcome,
        "seconds": round(result.seconds, 3),
        "peak_mib": round(result.peak_bytes / 2**20),
        "problems": result.problems,
    }


def table(results: list[Result]) -> str:
    """Cases by input format (rows) and outcome (columns), with times."""
    outcomes = sorted({r.outcome for r in results}, key=lambda o: (o not in ("ok", "rejected"), o))
    head = ["format", "cases", *outcomes, "median s", "max s", "max MiB"]
    rows = [head]
    for fmt in [*fuzz_cases.FORMATS, "all"]:
        chosen = [r for r in results if fmt in ("all", r.case.fmt)]
        if chosen:
            rows.append(_row(fmt, chosen, outcomes))
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = ["  ".join(cell.rjust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(lines)


def _row(name: str, results: list[Result], outcomes: list[str]) -> list[str]:
    counts = Counter(r.outcome for r in results)
    times = sorted(r.seconds for r in results)
    peak = max(r.peak_bytes for r in results) / 2**20
    return [
        name,
        str(len(results)),
        *(str(counts[o]) for o in outcomes),
        f"{times[len(times) // 2]:.2f}",
        f"{times[-1]:.1f}",
        f"{peak:.0f}",
    ]


def failures(results: list[Result]) -> list[Result]:
    return [r for r in results if r.problems]


def signatures(results: list[Result]) -> Counter[str]:
    """Distinct failures: kind and the first detail, with digits blurred."""
    blur = str.maketrans("0123456789", "#" * 10)
    return Counter(
        f"{r.outcome}: {r.problems[0][1][:120].translate(blur)}" for r in failures(results)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=200, help="number of cases")
    parser.add_argument("--start", type=int, default=0, help="first case number")
    parser.add_argument("--seed", type=int, default=1, help="master seed")
    parser.add_argument("--jobs", type=int, default=2, help="cases run at once")
    parser.add_argument("--keep", type=Path, help="folder for failing cases")
    parser.add_argument("--log", type=Path, help="JSON lines file, one line per case")
    parser.add_argument("--package", type=Path, default=ROOT, help="source tree to run")
    args = parser.parse_args(argv)
    PACKAGE["root"] = args.package.resolve()
    started = time.monotonic()
    numbers = range(args.start, args.start + args.count)
    with open(args.log or os.devnull, "a", encoding="utf-8") as log:
        results = run_cases(numbers, args.seed, args.jobs, args.keep, log)
    print(table(results))
    for signature, count in signatures(results).most_common():
        print(f"{count:5d}  {signature}")
    print(
        f"{len(results)} cases, {len(failures(results))} failures, "
        f"{time.monotonic() - started:.0f} s (seed {args.seed}, jobs {args.jobs})"
    )
    return 1 if failures(results) else 0


if __name__ == "__main__":
    sys.exit(main())
