"""`unwording history`: follow a text through a whole negotiation.

    unwording history FILES_OR_FOLDER... [--paragraph ADDRESS] [--label NAME ...]
                      [--format text|json|html] [-o FILE] [--lang ...] [--lexicon FILE]
                      [--profile NAME,...] [--no-timestamp] [--debug]

A folder stands for its files in name order. `--paragraph` gives one provision's history
(its address in any version, `Art. 4.4`, `PP12`, `Goal 14 / 14.c`). A progress line
("comparing v2 -> v3 (2/4)") is shown on stderr when stderr is a terminal and the run
takes more than a second. Exit codes: 0 done; 2 usage or input error (fewer than two
versions, an unreadable file, an unknown --paragraph); 3 internal error.
"""

from __future__ import annotations

import sys
import time
import traceback
from dataclasses import replace

import click

from .cli_common import (
    DEBUG,
    FORMAT_HELP,
    LEXICON,
    PROFILE,
    Failure,
    check_destination,
    emit,
    report_format,
)
from .errors import UnwordingError
from .history import follow_files
from .history.records import History, Lineage
from .language import LANGUAGES
from .model import Options
from .report import report_time
from .report.history_formats import HISTORY_FORMATS, render_history
from .report.settings import RenderSettings

PROGRESS_AFTER = 1.0  # seconds before the progress line appears


class _Progress:
    """`comparing v2 -> v3 (2/4)` on a terminal's stderr, once the run passes a second."""

    def __init__(self) -> None:
        self.start = time.monotonic()
        self.shown = False
        self.live = sys.stderr.isatty()

    def __call__(self, step: int, steps: int, before: str, after: str) -> None:
        if self.live and time.monotonic() - self.start > PROGRESS_AFTER:
            click.echo(
                f"\r\x1b[Kcomparing {before} -> {after} ({step}/{steps})", err=True, nl=False
            )
            self.shown = True

    def done(self) -> None:
        if self.shown:
            click.echo("\r\x1b[K", err=True, nl=False)


@click.command("history")
@click.argument("files", nargs=-1, type=click.Path())
@click.option("--paragraph", "-p", metavar="ADDRESS", help="One provision through every version.")
@click.option(
    "--label",
    "labels",
    multiple=True,
    metavar="NAME",
    help="Name of a version, in order (repeatable).",
)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(tuple(HISTORY_FORMATS)),
    default=None,
    help=FORMAT_HELP,
)
@click.option("--output", "-o", type=click.Path(), help="Write the report to FILE.")
@click.option(
    "--lang",
    type=click.Choice(("auto", *LANGUAGES)),
    default="auto",
    show_default=True,
    help="Lexicon language.",
)
@LEXICON
@PROFILE
@click.option("--no-timestamp", is_flag=True, help="Leave the time out of the HTML report.")
@click.option(
    "--precedents",
    metavar="INDEX",
    help="Say where each step's inserted or removed phrases of 4 words or more were "
    "agreed before, from an index made by 'unwording index add' (shown under each "
    "provision's redlines with --paragraph, and in JSON).",
)
@DEBUG
def history_command(
    files: tuple[str, ...],
    paragraph: str | None,
    labels: tuple[str, ...],
    fmt: str | None,
    output: str | None,
    lang: str,
    lexicon: str | None,
    profile: str | None,
    no_timestamp: bool,
    precedents: str | None,
    debug: bool,
) -> None:
    """Follow a text through the versions FILES (or a folder of them, in name order).

    \b
    Examples:
      unwording history v1.md v2.md v3.md v4.md v5.md --format html -o paris.html
      unwording history drafts/ --format json
      unwording history v*.md --paragraph "Art. 4.4"
    """
    output = None if output == "-" else output
    progress = _Progress()
    try:
        fmt = report_format(fmt, output, HISTORY_FORMATS)
        check_destination(output, [*files, lexicon, precedents])
        options = Options(
            False, lexicon, None if lang == "auto" else lang, "accept", None, profile
        )
        history = _agreed(follow_files(files, labels, options, progress), precedents)
        progress.done()
        chosen = _chosen(history, paragraph)
        settings = RenderSettings(False, report_time(not no_timestamp))
        emit(render_history(history, fmt, settings, chosen), output)
    except UnwordingError as error:
        progress.done()
        if debug:
            traceback.print_exc()
        raise Failure(str(error)) from None
    for notice in history.warnings:
        click.echo(f"unwording: warning: {notice}", err=True)


def _chosen(history: History, paragraph: str | None) -> Lineage | None:
    if paragraph is None:
        return None
    cited = history.all_cited(paragraph)
    if not cited:
        raise UnwordingError(
            f"--paragraph {paragraph!r}: no provision has this address in any version"
        )
    others = sorted({history.versions[v].label for v, lineage in cited if lineage != cited[0][1]})
    if others:
        label = history.versions[cited[0][0]].label
        click.echo(
            f"unwording: warning: {paragraph} is followed as it is in {label}; in "
            f"{', '.join(others)} it names another provision (cite it as "
            f"{others[0]}:{paragraph})",
            err=True,
        )
    return cited[0][1]


def _agreed(history: History, location: str | None) -> History:
    """The history with each step's changed phrases looked up (unchanged if not asked)."""
    if location is None:
        return history
    from .precedents import find_precedents, open_index

    index = open_index(location)
    try:
        found = tuple(find_precedents(step.comparison, index) for step in history.steps)
    finally:
        index.close()
    return replace(history, precedents=found)
