"""The bundled demo: a base text and its "Rev.1", shipped in the package.

`python -m unwording.demo [FOLDER] [--format text|json|html] [-o FILE]` writes the pair
to FOLDER (default `unwording-demo`) and compares it, so an installed wheel can be tried
without the repository. `run_demo(folder, fmt)` does the same in one call and returns
the report. The pair is illustrative (see fixtures/README.md), not a real negotiation
document; `fixtures/demo/` holds the same two files for the tests and the README.
"""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from pathlib import Path

from .compare import compare_files
from .errors import OutputError, UnwordingError
from .model import Options
from .output import degrade_console, write_file, write_stdout
from .report import BINARY_FORMATS, RENDERERS, RenderSettings, render

DEMO_FILES = ("base.txt", "draft.txt")
DEFAULT_FOLDER = "unwording-demo"


def demo_bytes(name: str) -> bytes:
    """The bytes of one bundled demo file (`base.txt` or `draft.txt`)."""
    if name not in DEMO_FILES:
        raise UnwordingError(f"no demo file {name!r} (known: {', '.join(DEMO_FILES)})")
    return resources.files(__package__).joinpath("data", "demo", name).read_bytes()


def write_demo(folder: str | Path = DEFAULT_FOLDER) -> tuple[Path, Path]:
    """Write the demo pair into `folder` (created if needed) and return the two paths.

    A file of the same name is replaced only when it already holds the demo text."""
    target = Path(folder)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{target}: cannot create the folder ({error.strerror})") from None
    base, draft = (_write_one(target / name, demo_bytes(name)) for name in DEMO_FILES)
    return base, draft


def _write_one(path: Path, data: bytes) -> Path:
    if path.exists() and (path.is_dir() or path.read_bytes() != data):
        raise OutputError(f"{path}: exists and is not the demo file; choose another folder")
    try:
        path.write_bytes(data)
    except OSError as error:
        raise OutputError(f"{path}: cannot write ({error.strerror})") from None
    return path


def run_demo(
    folder: str | Path = DEFAULT_FOLDER,
    fmt: str = "text",
    settings: RenderSettings | None = None,
) -> str:
    """Write the demo pair into `folder`, compare it and return the report in `fmt`."""
    base, draft = write_demo(folder)
    return render(compare_files(str(base), str(draft), Options()), fmt, settings)


def main(argv: list[str] | None = None) -> int:
    """`python -m unwording.demo`: the report on stdout (or `-o FILE`), hints on stderr."""
    args = _parser().parse_args(argv)
    degrade_console()
    try:
        report = run_demo(args.folder, args.format)
        _emit(report, args.output)
    except UnwordingError as error:
        print(f"unwording: error: {error}", file=sys.stderr)
        return 2
    print(_hint(Path(args.folder)), file=sys.stderr)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m unwording.demo",
        description="Write the bundled demo pair (base.txt, draft.txt) and compare it.",
    )
    parser.add_argument("folder", nargs="?", default=DEFAULT_FOLDER, help="where to write it")
    parser.add_argument(
        "--format", "-f", choices=sorted(set(RENDERERS) - BINARY_FORMATS), default="text"
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE")
    return parser


def _emit(report: str, output: str | None) -> None:
    if output is None or output == "-":
        write_stdout(report)
    else:
        write_file(output, report)


def _hint(folder: Path) -> str:
    base, draft = (folder / name for name in DEMO_FILES)
    return (
        f"unwording: the demo pair is in {folder}/; the HTML report:\n"
        f"  unwording compare {base} {draft} --format html -o report.html"
    )


if __name__ == "__main__":
    sys.exit(main())
