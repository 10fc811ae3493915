"""Command line: options in, one library call, render, map errors to exit codes.

Exit codes: 0 done; 1 differences found with --fail-on-changes; 2 usage or input
error (one line on stderr; `--debug` shows the traceback); 3 internal error (a bug:
one line on stderr asking for a report).
"""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import re
import sys
import traceback
from importlib import import_module
from typing import TYPE_CHECKING

import click

from . import __version__
from .cli_common import (
    DEBUG,
    EXIT_CHANGES,
    EXIT_ERROR,
    EXIT_INTERNAL,
    FORMAT_HELP,
    LEXICON,
    PROFILE,
    Failure,
    check_output,
    emit,
    report_format,
)
from .errors import InputError, UnwordingError
from .language import LANGUAGES
from .output import (
    check_stdout,
    check_target,
    degrade_console,
    silence_stdout,
    write_stdout,
)
from .readers import READERS
from .report import BINARY_FORMATS, RENDERERS, RenderSettings, render, render_bytes, report_time

if TYPE_CHECKING:
    from .model import Comparison, Options
    from .precedents.records import Precedents

_GIT_HEX = re.compile(r"[0-9a-f]{7,64}|\.")
_GIT_MODE = re.compile(r"[0-7]{6}|\.")
FAIL_ON = ("changes", "substantive", "flags")
COLOR_WHEN = ("auto", "always", "never")
_WRITE_ERRORS = {  # an OSError reaching main() is a failed write (inputs are checked)
    getattr(errno, name)
    for name in ("ENOSPC", "EDQUOT", "EFBIG", "EIO", "EBADF", "EROFS")
    if hasattr(errno, name)
}


class _Commands(click.Group):
    """The commands: those defined here, and the rooms built on compare (`compile`,
    ...) imported only when named or listed, so that `unwording --version`, `compare`
    and usage errors do not load them."""

    ROOMS = {
        "compile": ("cli_compile", "compile_command"),
        "history": ("cli_history", "history_command"),
        "index": ("cli_precedents", "index_command"),
        "precedents": ("cli_precedents", "precedents_command"),
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.ROOMS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.ROOMS and cmd_name not in self.commands:
            module, name = self.ROOMS[cmd_name]
            self.add_command(getattr(import_module(f"{__package__}.{module}"), name))
        return super().get_command(ctx, cmd_name)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="unwording")
def cli() -> None:
    """Show how the wording of a UN negotiated text changed between two versions."""


@cli.command("compare")
@click.argument("base", type=click.Path(allow_dash=True))
@click.argument("draft", type=click.Path(allow_dash=True), required=False)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(sorted(RENDERERS)),
    default=None,
    help=FORMAT_HELP,
)
@click.option(
    "--output",
    "-o",
    type=click.Path(),
    help="Write the report to FILE (whole or not at all) instead of stdout.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    help="Exit with code 1 when anything changed, when a change is substantive, or "
    "when a flag is raised.",
)
@click.option("--fail-on-changes", is_flag=True, help="The same as --fail-on changes.")
@click.option(
    "--stat",
    is_flag=True,
    help="Only a line per changed paragraph and the totals (the same as --format stat).",
)
@click.option(
    "--quiet",
    "-q",
    is_flag=True,
    help="Print nothing (no report, no warnings); implies --fail-on changes.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Count differences in quotes, dashes, spaces and hyphens as changes.",
)
@LEXICON
@PROFILE
@click.option(
    "--color",
    type=click.Choice(COLOR_WHEN),
    default="auto",
    flag_value="always",
    is_flag=False,
    show_default=True,
    help="Colour the text and stat reports: auto (on a terminal, unless NO_COLOR is "
    "set; FORCE_COLOR forces it), always or never.",
)
@click.option("--no-color", "no_color", is_flag=True, hidden=True, help="--color=never")
@click.option(
    "--lang",
    type=click.Choice(["auto", *LANGUAGES]),
    default="auto",
    show_default=True,
    help="Language of the lexicons (auto: detected from the text).",
)
@click.option(
    "--changes",
    type=click.Choice(["accept", "reject"]),
    default="accept",
    show_default=True,
    help="Read Word tracked changes as accepted or rejected.",
)
@click.option(
    "--from",
    "fmt_in",
    type=click.Choice(sorted(READERS)),
    help="Read both files as this format instead of guessing it.",
)
@click.option(
    "--no-timestamp",
    is_flag=True,
    help="Leave the 'report made' time out of the HTML report and the dates out of a "
    "Word redline (reproducible bytes).",
)
@click.option(
    "--author",
    metavar="NAME",
    help="Author of the tracked changes and comments of a Word redline (--format docx). "
    "[default: unwording]",
)
@click.option(
    "--precedents",
    metavar="INDEX",
    help="Say where each inserted or removed phrase of 4 words or more was agreed before, "
    "from an index of past texts (a file made by 'unwording index add', or a "
    "postgresql:// URL); text, json and html formats.",
)
@DEBUG
def compare_command(
    base: str,
    draft: str | None,
    fmt: str | None,
    output: str | None,
    fail_on: str | None,
    fail_on_changes: bool,
    stat: bool,
    quiet: bool,
    strict: bool,
    lexicon: str | None,
    profile: str | None,
    color: str,
    no_color: bool,
    lang: str,
    changes: str,
    fmt_in: str | None,
    no_timestamp: bool,
    author: str | None,
    precedents: str | None,
    debug: bool,
) -> None:
    """Compare BASE with DRAFT (either may be '-' for stdin).

    With BASE alone, BASE must be a Word file with tracked changes: its text with
    the changes rejected is compared with its text with the changes accepted.

    \b
    Examples:
      unwording compare A_RES_79_7.txt A_80_L6.txt
      unwording compare base.txt draft.txt --format json -o changes.json
      unwording compare base.txt draft.txt --format html -o report.html
      unwording compare base.docx draft.docx --format docx -o redline.docx
      cat draft.txt | unwording compare base.txt -
      unwording compare base.txt draft.txt --stat
      unwording compare amended.docx

    Exit codes: 0 done, 1 differences found (with --fail-on or --quiet),
    2 usage or input error, 3 internal error.
    """
    fmt = _report_format(report_format(fmt, output, RENDERERS), stat)
    fail_on = fail_on or ("changes" if fail_on_changes or quiet else None)
    output = None if output == "-" else output
    _check_binary(fmt, output, author, quiet)
    _check_precedents(fmt, output, precedents)
    try:
        from .model import Options

        options = Options(
            strict, lexicon, None if lang == "auto" else lang, changes, fmt_in, profile
        )
        comparison = _run(base, draft, output, options)
        when = "never" if no_color else color
        settings = RenderSettings(
            _use_color(when, output, fmt),
            report_time(not no_timestamp),
            author,
            precedents=_precedents(comparison, precedents),
        )
        if output or not quiet:
            made = render_bytes if fmt in BINARY_FORMATS else render
            emit(made(comparison, fmt, settings), output)
    except UnwordingError as error:
        if debug:
            traceback.print_exc()
        raise Failure(str(error)) from None
    for notice in () if quiet else comparison.warnings:
        click.echo(f"unwording: warning: {notice}", err=True)
    if fail_on and fails(comparison, fail_on):
        sys.exit(EXIT_CHANGES)


def fails(comparison: Comparison, fail_on: str) -> bool:
    """Whether `comparison` has what `--fail-on` names: any change, a substantive
    change, or a flag."""
    if fail_on == "flags":
        return bool(comparison.flags)
    if fail_on == "substantive":
        return comparison.summary.substantive > 0
    return comparison.has_changes


def _report_format(fmt: str, stat: bool) -> str:
    if not stat:
        return fmt
    if fmt not in ("text", "stat"):
        raise Failure(f"--stat and --format {fmt} cannot be used together")
    return "stat"


def _check_binary(fmt: str, output: str | None, author: str | None, quiet: bool) -> None:
    """A Word redline goes to a file (or a pipe), never to a terminal; `--author` is
    for it alone."""
    if author is not None and fmt not in BINARY_FORMATS:
        raise Failure(f"--author is only used with --format docx, not --format {fmt}")
    to_terminal = sys.stdout is not None and sys.stdout.isatty()
    if fmt in BINARY_FORMATS and not output and not quiet and to_terminal:
        raise Failure(f"--format {fmt} writes a Word file: give -o FILE")


def _check_precedents(fmt: str, output: str | None, precedents: str | None) -> None:
    """`--precedents` is shown by the text, JSON and HTML reports; never written over."""
    if precedents is None:
        return
    if fmt not in ("text", "json", "html"):
        raise Failure(f"--precedents is shown with --format text, json or html, not {fmt}")
    if output:
        try:
            check_output(output, (precedents,))
        except UnwordingError as error:
            raise Failure(str(error)) from None


def _precedents(comparison: Comparison, location: str | None) -> Precedents | None:
    """Where the comparison's changed phrases were agreed before (None: not asked)."""
    if location is None:
        return None
    from .precedents import precedents_of

    return precedents_of(comparison, location)


@cli.command("terms")
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default="en",
    show_default=True,
    help="Language of the lexicons to list.",
)
@LEXICON
@PROFILE
@DEBUG
def terms_command(lang: str, lexicon: str | None, profile: str | None, debug: bool) -> None:
    """List the profiles, and the watched terms, hedges and verb scales by category."""
    try:
        from .flags import load_rulebook
        from .report.terms import render_terms

        write_stdout(render_terms(load_rulebook(lang, lexicon, profile)))
    except UnwordingError as error:
        if debug:
            traceback.print_exc()
        raise Failure(str(error)) from None


@cli.command("git-diff", hidden=True)
@click.argument("path")
@click.argument("old_file")
@click.argument("old_hex")
@click.argument("old_mode")
@click.argument("new_file")
@click.argument("new_hex")
@click.argument("new_mode")
@click.argument("rename", nargs=-1)
def git_diff_command(
    path: str,
    old_file: str,
    old_hex: str,
    old_mode: str,
    new_file: str,
    new_hex: str,
    new_mode: str,
    rename: tuple[str, ...],
) -> None:
    """git's external diff (GIT_EXTERNAL_DIFF=unwording, or a diff driver's command):
    the seven arguments git passes (nine for a rename). A file added or deleted, or one
    that cannot be read, is one line, and the exit code is 0 so that git goes on."""
    new_path = rename[0] if rename else path
    click.echo(f"unwording: a/{path} -> b/{new_path}")
    if os.devnull in (old_file, new_file):
        click.echo("  new file" if old_file == os.devnull else "  deleted file")
        return
    try:
        from .compare import compare_files
        from .model import Options

        names = (f"a/{path}", f"b/{new_path}")
        comparison = compare_files(old_file, new_file, Options(), names)
        settings = RenderSettings(_use_color("auto", None, "text"), None)
        write_stdout(render(comparison, "text", settings))
    except UnwordingError as error:
        click.echo(f"  not compared: {str(error).replace(old_file, path)}")


def git_arguments(argv: list[str]) -> list[str]:
    """The arguments, with git's external-diff form (`unwording PATH OLD-FILE OLD-HEX
    OLD-MODE NEW-FILE NEW-HEX NEW-MODE [NEW-PATH INFO]`) turned into `git-diff ...`."""
    if len(argv) not in (7, 9) or argv[0] in cli.commands or argv[0].startswith("-"):
        return argv
    hexes, modes = (argv[2], argv[5]), (argv[3], argv[6])
    if all(_GIT_HEX.fullmatch(h) for h in hexes) and all(_GIT_MODE.fullmatch(m) for m in modes):
        return ["git-diff", *argv]
    return argv


def _run(base: str, draft: str | None, output: str | None, options: Options) -> Comparison:
    if base == "-" and draft == "-":
        raise UnwordingError("only one of BASE and DRAFT can be '-' (stdin)")
    if "-" in (base, draft) and (sys.stdin is None or sys.stdin.closed):
        raise InputError("stdin is closed; nothing to read for '-'")
    if output:
        check_output(output, (base, draft, options.lexicon_path))
        check_target(output)
    else:
        check_stdout()
    from .compare import compare_files

    return compare_files(base, draft, options)


def _use_color(when: str, output: str | None, fmt: str) -> bool:
    """Colour for the text and stat reports: `always`, `never`, or `auto`: FORCE_COLOR
    set (and not 0) forces it, NO_COLOR set forbids it, else only on a terminal."""
    if fmt not in ("text", "stat") or when == "never":
        return False
    if when == "always":
        return True
    force = os.environ.get("FORCE_COLOR")
    if force is not None:
        return force.strip() not in ("0", "false", "no")
    if os.environ.get("NO_COLOR") or output:
        return False
    return sys.stdout is not None and sys.stdout.isatty()


def main(argv: list[str] | None = None) -> None:
    """Console entry point: runs the CLI, quiet on a closed pipe or Ctrl-C; an
    unexpected error is one line and exit code 3 (`--debug` shows the traceback)."""
    degrade_console()
    gc.set_threshold(200_000, 50, 100)  # a comparison makes many small lasting records
    args = git_arguments(list(sys.argv[1:] if argv is None else argv))
    try:
        cli.main(args=args, prog_name="unwording", standalone_mode=True)
    except BrokenPipeError:
        silence_stdout()
        sys.exit(0)
    except OSError as error:
        if error.errno not in _WRITE_ERRORS:
            _internal(error, argv)
        silence_stdout()
        _say(f"unwording: error: cannot write the output ({error.strerror or error})")
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        _say("unwording: interrupted")
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - the last line of defence
        _internal(error, argv)


def _internal(error: Exception, argv: list[str] | None) -> None:
    """An unexpected error: one line (`--debug` shows the traceback), exit code 3."""
    if "--debug" in (argv if argv is not None else sys.argv):
        traceback.print_exc()
    message = f"{type(error).__name__}: {error}".splitlines()[0][:300]
    _say(f"unwording: internal error: {message}; run with --debug and report it")
    sys.exit(EXIT_INTERNAL)


def _say(message: str) -> None:
    """A line on stderr, if stderr can take it (it may be closed or full)."""
    with contextlib.suppress(OSError, ValueError):
        click.echo(message, err=True)
