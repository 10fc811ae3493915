"""Stat renderer (`--stat`): one line per changed paragraph, then the totals.

As `git diff --stat` does for files: each changed paragraph (in draft order) with its
name, what happened to it, the words inserted and deleted and a bar of `+` and `-`
scaled to the largest change, and its flags; the last line adds them up. Typography
alone (quotes, dashes, spaces) counts no words, as in the other reports.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import Comparison, Edit, Op, Pair
from .names import paragraph_names
from .settings import RenderSettings
from .text import terminal_safe

BAR_WIDTH = 40
NAME_WIDTH = 24
_WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|\w+")
_GREEN, _RED, _RESET = "\x1b[32m", "\x1b[31m", "\x1b[0m"


def render_stat(comparison: Comparison, settings: RenderSettings | None = None) -> str:
    """The comparison as a short table of changed paragraphs, ending with a newline."""
    color = bool(settings and settings.color)
    flags = Counter(flag.pair for flag in comparison.flags)
    names = (paragraph_names(comparison.base), paragraph_names(comparison.draft))
    rows = [
        (_name(names, pair), _what(pair), *word_counts(pair.edits), flags[number])
        for number, pair in enumerate(comparison.pairs)
        if pair.changed or flags[number]
    ]
    widest = max((inserted + deleted for _, _, inserted, deleted, _ in rows), default=0)
    widths = (
        min(NAME_WIDTH, max((len(row[0]) for row in rows), default=0)),
        max((len(row[1]) for row in rows), default=0),
    )
    lines = [_row(*row, widths, widest, color) for row in rows]
    return "\n".join([*lines, _total(comparison, rows)]) + "\n"


def word_counts(edits: tuple[Edit, ...]) -> tuple[int, int]:
    """Words inserted and deleted by `edits` (typographic edits count none)."""
    counts = {Op.INSERT: 0, Op.DELETE: 0}
    for edit in edits:
        if edit.op in counts and not edit.typographic:
            counts[edit.op] += len(_WORD.findall(edit.text))
    return counts[Op.INSERT], counts[Op.DELETE]


def _name(names: tuple[list[str], list[str]], pair: Pair) -> str:
    before = "+".join(names[0][i] for i in pair.base)
    after = "+".join(names[1][i] for i in pair.draft)
    if not before or not after or before == after:
        return terminal_safe(after or before)
    return terminal_safe(f"{before} -> {after}")


def _what(pair: Pair) -> str:
    words = [pair.status.value]
    words += ["moved"] if pair.moved and pair.status.value != "moved" else []
    words += ["renumbered"] if pair.renumbered and not pair.moved else []
    words += [pair.nature] if pair.nature else []
    return ", ".join(words)


def _row(
    name: str,
    what: str,
    inserted: int,
    deleted: int,
    flags: int,
    widths: tuple[int, int],
    widest: int,
    color: bool,
) -> str:
    plus, minus = _bar(inserted, deleted, widest)
    if color:
        plus = f"{_GREEN}{plus}{_RESET}" if plus else ""
        minus = f"{_RED}{minus}{_RESET}" if minus else ""
    flagged = f"  {flags} flag{'s' * (flags != 1)}" if flags else ""
    counts = f"+{inserted} -{deleted}"
    line = f" {name:<{widths[0]}} | {what:<{widths[1]}} {counts:>11} {plus}{minus}{flagged}"
    return line.rstrip()


def _bar(inserted: int, deleted: int, widest: int) -> tuple[str, str]:
    """`+` and `-` marks in proportion, at least one for a side that has words."""
    if widest <= BAR_WIDTH:
        return "+" * inserted, "-" * deleted
    plus = max(round(inserted * BAR_WIDTH / widest), 1 if inserted else 0)
    minus = max(round(deleted * BAR_WIDTH / widest), 1 if deleted else 0)
    return "+" * plus, "-" * minus


def _total(comparison: Comparison, rows: list[tuple[str, str, int, int, int]]) -> str:
    s = comparison.summary
    inserted = sum(row[2] for row in rows)
    deleted = sum(row[3] for row in rows)
    changed = sum(1 for pair in comparison.pairs if pair.changed)
    return (
        f" {changed} of {len(comparison.pairs)} paragraphs changed "
        f"({s.substantive} substantive, {s.editorial} editorial), "
        f"{inserted} words inserted(+), {deleted} deleted(-), "
        f"{s.flags} flag{'s' * (s.flags != 1)}"
    )
