"""`unwording compile`: proposals from many delegations compiled against one base.

    unwording compile BASE [PROPOSAL...] [--proposal NAME=FILE ...]
                      [--format text|json|html] [-o FILE] [--lang ...] [--lexicon FILE]
                      [--profile NAME,...] [--strict] [--no-timestamp] [--debug]

A proposal file `X.txt` is sponsored by `X`; `--proposal NAME=FILE` names the
sponsor; a Word file with tracked changes gives one proposal per author; an
amendment instrument ("In target 16.1, replace ... with ...") is applied to BASE,
each instruction that cannot be applied a warning with its line. With BASE
alone, BASE must be a Word redline: its text with the changes rejected is the base and
each author's changes are a proposal.

Exit codes: 0 compiled (a proposal file that cannot be read is left out with a warning
naming it, and the rest is compiled); 2 usage or input error: a malformed --proposal,
an unreadable BASE, or no proposal that could be read; 3 internal error.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

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
from .language import LANGUAGES
from .model import Notice, Options
from .proposals.compile import compile_proposals
from .proposals.reading import read_proposals, read_redline_base
from .proposals.records import Compilation, Proposal
from .readers import read_source
from .report import report_time
from .report.compile_formats import COMPILE_FORMATS, render_compilation
from .report.settings import RenderSettings

F = TypeVar("F", bound=Callable[..., Any])
TRACKED_BASE = (
    "the base has tracked changes and is read with them accepted; to compile a redline's "
    "authors against its text, give it alone: unwording compile REDLINE.docx"
)


def _choice(*names: str, choices: tuple[str, ...], help: str) -> Callable[[F], F]:
    """An option taking one of `choices`, the first by default."""
    kind = click.Choice(choices)
    return click.option(*names, type=kind, default=choices[0], show_default=True, help=help)


@click.command("compile")
@click.argument("base", type=click.Path())
@click.argument("proposals", nargs=-1, type=click.Path())
@click.option(
    "--proposal",
    "named",
    multiple=True,
    metavar="NAME=FILE",
    help="A proposal sponsored by NAME (repeatable).",
)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(COMPILE_FORMATS),
    default=None,
    help=FORMAT_HELP + " docx: the compilation text as a Word document.",
)
@click.option("--output", "-o", type=click.Path(), help="Write the report to FILE.")
@LEXICON
@PROFILE
@_choice("--lang", choices=("auto", *LANGUAGES), help="Lexicon language (auto: the base's).")
@click.option("--strict", is_flag=True, help="Count typography-only differences as changes.")
@click.option("--no-timestamp", is_flag=True, help="Leave the time out of the HTML report.")
@click.option(
    "--precedents",
    metavar="INDEX",
    help="Say where each proposed phrase of 4 words or more (and each base phrase "
    "proposed for removal) was agreed before, from an index made by 'unwording index "
    "add' (a file, or a postgresql:// URL); text, json and html formats.",
)
@DEBUG
def compile_command(
    base: str,
    proposals: tuple[str, ...],
    named: tuple[str, ...],
    fmt: str | None,
    output: str | None,
    lexicon: str | None,
    profile: str | None,
    lang: str,
    strict: bool,
    no_timestamp: bool,
    precedents: str | None,
    debug: bool,
) -> None:
    """Compile the PROPOSALS of several delegations against BASE, paragraph by paragraph.

    \b
    Examples:
      unwording compile base.docx --proposal Belarus=by.docx --proposal "European Union=eu.txt"
      unwording compile base.docx redline-with-several-authors.docx
      unwording compile base.txt amendments/*.txt --format html -o compilation.html
      unwording compile base.txt amendments/*.txt --format docx -o compilation.docx

    Exit codes: 0 compiled (unreadable proposals are left out with a warning),
    2 usage or input error (BASE unreadable, or no proposal readable), 3 internal error.
    """
    output = None if output == "-" else output
    try:
        fmt = report_format(fmt, output, COMPILE_FORMATS)
        options = Options(
            strict, lexicon, None if lang == "auto" else lang, "accept", None, profile
        )
        pairs: list[tuple[str | None, str]] = [(None, path) for path in proposals]
        pairs += [_named(spec) for spec in named]
        if fmt == "docx" and not output and sys.stdout is not None and sys.stdout.isatty():
            raise Failure("a Word file is not shown on a terminal: give -o FILE.docx")
        check_destination(output, [base, *(path for _, path in pairs), lexicon, precedents])
        if precedents is not None and fmt not in ("text", "json", "html"):
            raise Failure(f"--precedents is shown with --format text, json or html, not {fmt}")
        compilation, notices = _compile(base, pairs, options)
        compilation = _agreed(compilation, precedents)
        settings = RenderSettings(False, report_time(not no_timestamp))
        emit(render_compilation(compilation, fmt, settings), output)
    except UnwordingError as error:
        if debug:
            traceback.print_exc()
        raise Failure(str(error)) from None
    for notice in (*notices, *compilation.warnings):
        click.echo(f"unwording: warning: {notice}", err=True)


def _named(spec: str) -> tuple[str, str]:
    name, equals, path = spec.partition("=")
    if not equals or not name.strip() or not path:
        raise Failure(f"--proposal {spec!r}: give NAME=FILE")
    return name.strip(), path


def _compile(
    base: str, pairs: list[tuple[str | None, str]], options: Options
) -> tuple[Compilation, list[Notice]]:
    """Read BASE and the proposals, then compile; unreadable proposals are notices."""
    if not pairs:
        document, redline = read_redline_base(base, options)
        return compile_proposals(document, redline, options), []
    document = read_source(base, None, options.changes)
    found: list[Proposal] = []
    notices: list[Notice] = []
    if any(paragraph.authors for paragraph in document.paragraphs):
        notices.append(Notice(base, TRACKED_BASE))
    for sponsor, path in pairs:
        if _same_file(path, base):
            notices.append(Notice(path, "left out: it is the base text itself"))
            continue
        read, problems = read_proposals(path, sponsor, options, document)
        found += read
        notices += problems
    if not found:
        reasons = "; ".join(str(notice) for notice in notices) or "none given"
        raise UnwordingError(f"nothing to compile: no proposal could be read ({reasons})")
    return compile_proposals(document, found, options), notices


def _same_file(path: str, base: str) -> bool:
    """Whether `path` is the base file (a glob such as `*.md` may take it in)."""
    try:
        return os.path.samefile(path, base)
    except OSError:
        return False


def _agreed(compilation: Compilation, location: str | None) -> Compilation:
    """The compilation with its proposed phrases looked up (unchanged when not asked)."""
    if location is None:
        return compilation
    from .precedents.compiled import precedents_of_compilation

    return replace(compilation, precedents=precedents_of_compilation(compilation, location))
