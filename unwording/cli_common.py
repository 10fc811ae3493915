"""What the commands of the command line share: the one-line failure, the options
every command takes the same way, and writing a report whole or to stdout."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import click

from .errors import OutputError
from .output import check_stdout, check_target, write_file, write_stdout

EXIT_CHANGES = 1
EXIT_ERROR = 2
EXIT_INTERNAL = 3


class Failure(click.ClickException):
    """An UnwordingError shown as one line, with exit code 2 (not click's 1)."""

    exit_code = EXIT_ERROR

    def show(self, file: IO[Any] | None = None) -> None:
        """One line, whatever the message holds (a parser's message may span lines)."""
        click.echo(f"unwording: error: {' '.join(self.message.split())}", err=True)


LEXICON = click.option(
    "--lexicon",
    type=click.Path(),
    help="TOML or YAML file of terms and hedges added to (or replacing) the defaults.",
)
PROFILE = click.option(
    "--profile",
    metavar="NAME[,NAME...]",
    help="Groups of watched terms (see 'unwording terms'): names, 'default' or 'all'. "
    "[default: default]",
)
DEBUG = click.option("--debug", is_flag=True, help="Show a traceback on errors.")


def check_output(output: str, inputs: tuple[str | None, ...]) -> None:
    """Refuse an output path that is one of the inputs."""
    target = Path(output).resolve()
    for path in inputs:
        if path and path != "-" and Path(path).resolve() == target:
            raise OutputError(f"{output}: refusing to overwrite an input file")


def emit(report: str | bytes, output: str | None) -> None:
    """Write the report to `output` (whole or not at all), or to stdout."""
    if output:
        write_file(output, report)
    else:
        write_stdout(report)


def check_destination(output: str | None, inputs: list[str | None]) -> None:
    """Before any work: refuse an output that is an input or cannot be written, or
    standard output when it is closed."""
    if output:
        check_output(output, tuple(inputs))
        check_target(output)
    else:
        check_stdout()


SUFFIX_FORMATS = {".docx": "docx", ".html": "html", ".htm": "html", ".json": "json"}
FORMAT_HELP = "Report format [default: from the -o suffix (.html, .json, .docx), else text]."


def report_format(fmt: str | None, output: str | None, known: Iterable[str]) -> str:
    """The format asked for, else the one the output's suffix names, else text; a
    format that contradicts the suffix (`--format text -o report.docx`) is refused,
    so that nobody sends a Word file that is really text."""
    suffix = Path(output).suffix.lower() if output and output != "-" else ""
    implied = SUFFIX_FORMATS.get(suffix)
    if implied is not None and implied not in known:
        implied = None
    if fmt is None:
        return implied or "text"
    if implied is not None and implied != fmt:
        raise Failure(f"--format {fmt} but -o {output}: the suffix says {implied}; give one")
    return fmt
