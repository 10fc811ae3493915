"""Text renderer: a summary, then each changed paragraph with inline word changes.

Deleted words are shown `[-like this-]`, inserted ones `{+like this+}` (in red
and green as well when `color` is on). Typography-only edits are shown in their
draft form. Flags follow their paragraph; paragraphs that were only renumbered
are listed together at the end.
"""

from __future__ import annotations

from collections import defaultdict

from .. import __version__
from ..model import EDITORIAL, SUBSTANTIVE, Comparison, Edit, Flag, Op, Pair, Status
from ..repeats import Repeat, covered_pairs, find_repeats
from .brief import key_changes
from .names import Names, paragraph_names
from .settings import RenderSettings
from .wording import flag_action, flag_body

_RED, _GREEN, _YELLOW, BOLD, _DIM, _RESET = (
    "\x1b[31m",
    "\x1b[32m",
    "\x1b[33m",
    "\x1b[1m",
    "\x1b[2m",
    "\x1b[0m",
)


_CONTROLS = {code: 0x2400 + code for code in range(32) if chr(code) not in "\t\n"}
_CONTROLS[0x7F] = 0x2421


def terminal_safe(text: str) -> str:
    """Document text with control characters shown as symbols (no terminal escapes)."""
    return text.translate(_CONTROLS)


class Style:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if self.color and text else text


def render_text(comparison: Comparison, settings: RenderSettings | None = None) -> str:
    """The comparison as a terminal report, ending with a newline."""
    style = Style(bool(settings and settings.color))
    names = (paragraph_names(comparison.base), paragraph_names(comparison.draft))
    flags_by_pair: dict[int, list[Flag]] = defaultdict(list)
    for flag in comparison.flags:
        flags_by_pair[flag.pair].append(flag)
    lines = _header(comparison, style)
    lines += _brief_lines(comparison, style)
    repeats = find_repeats(comparison)
    lines += _repeat_lines(repeats, comparison, style)
    covered = covered_pairs(comparison, repeats)
    for title, numbers in _sections(comparison.pairs, covered):
        lines += ["", style(BOLD, f"== {title} ({len(numbers)})")] if numbers else []
        for number in numbers:
            pair = comparison.pairs[number]
            lines += _pair_lines(comparison, pair, names, flags_by_pair[number], style)
            lines += _precedent_lines(settings, number, style)
    lines += _renumbered_lines(comparison.pairs, names)
    return "\n".join(lines) + "\n"


def _sections(pairs: tuple[Pair, ...], covered: frozenset[int]) -> list[tuple[str, list[int]]]:
    """Substantive changes first, then editorial ones, then moves of unchanged text;
    pairs that only repeat a substitution listed above are left out."""
    groups: dict[str, list[int]] = {SUBSTANTIVE: [], EDITORIAL: [], "moved": []}
    for number, pair in enumerate(pairs):
        if number in covered and not pair.moved:
            continue
        if pair.nature in groups:
            groups[pair.nature].append(number)
        elif pair.moved:
            groups["moved"].append(number)
    return [
        ("Substantive changes", groups[SUBSTANTIVE]),
        ("Editorial changes (references, numbers, dates)", groups[EDITORIAL]),
        ("Moved, text unchanged", groups["moved"]),
    ]


def _brief_lines(comparison: Comparison, style: Style) -> list[str]:
    brief, more = key_changes(comparison)
    if not brief:
        return []
    lines = ["", style(BOLD, f"== Key changes ({len(brief) + more})")]
    lines += [f"  {terminal_safe(line.address)}: {terminal_safe(line.sentence)}" for line in brief]
    if more:
        lines.append(f"  ... and {more} more, flagged below")
    return lines


def _repeat_lines(repeats: tuple[Repeat, ...], comparison: Comparison, style: Style) -> list[str]:
    if not repeats:
        return []
    names = paragraph_names(comparison.draft)
    lines = ["", style(BOLD, f"== Repeated changes ({len(repeats)})")]
    for repeat in repeats:
        change = _deleted(repeat.deleted, style) if repeat.deleted else ""
        change += _inserted(repeat.inserted, style) if repeat.inserted else ""
        places = ", ".join(names[comparison.pairs[n].draft[0]] for n in repeat.pairs)
        lines += ["", f"{change} in {len(repeat.pairs)} paragraphs: {terminal_safe(places)}"]
    return lines + [
        "",
        "(Paragraphs changed only in these ways, with no flag, are not listed again.)",
    ]


def summary_line(comparison: Comparison) -> str:
    """The counts that open a report: changes by nature, pairs by status, flags."""
    s = comparison.summary
    return (
        f"{s.substantive} substantive and {s.editorial} editorial changes; "
        f"{s.unchanged} unchanged, {s.modified} modified, {s.inserted} inserted, "
        f"{s.deleted} deleted, {s.moved} moved, {s.renumbered} renumbered, "
        f"{s.split} split, {s.merged} merged; {s.flags} flags"
    )


def _header(comparison: Comparison, style: Style) -> list[str]:
    counts = summary_line(comparison)
    title = terminal_safe(
        f"unwording {__version__}: {comparison.base.source} -> {comparison.draft.source}"
    )
    verdict = "" if comparison.has_changes else "No differences in wording."
    authors = comparison.authors
    by = ["Tracked changes by " + ", ".join(f"{name} ({n})" for name, n in authors.items())]
    return [style(BOLD, title), counts] + ([verdict] if verdict else []) + (by if authors else [])


def _pair_lines(
    comparison: Comparison,
    pair: Pair,
    names: Names,
    flags: list[Flag],
    style: Style,
) -> list[str]:
    lines = ["", style(BOLD, _title(pair, names))]
    if pair.status is Status.UNCHANGED:
        lines.append(
            "  "
            + terminal_safe(" / ".join(comparison.draft.paragraphs[i].text for i in pair.draft))
        )
    elif pair.status is Status.INSERTED:
        lines.append("  " + _inserted(comparison.draft.paragraphs[pair.draft[0]].text, style))
    elif pair.status is Status.DELETED:
        lines.append("  " + _deleted(comparison.base.paragraphs[pair.base[0]].text, style))
    else:
        lines.append("  " + inline(pair.edits, style).replace("\n", "\n  "))
    authors = sorted({edit.author for edit in pair.edits if edit.author})
    if authors:
        lines.append(style(_DIM, "  changes by " + terminal_safe(", ".join(authors))))
    lines += [_flag_line(flag, comparison, style) for flag in flags]
    return lines


def _title(pair: Pair, names: Names) -> str:
    base = "+".join(names[0][i] for i in pair.base)
    draft = "+".join(names[1][i] for i in pair.draft)
    if base and draft:
        where = base if base == draft else f"{base} -> {draft}"
    else:
        where = f"{base} (base)" if base else f"{draft} (draft)"
    notes = [pair.status.value]
    if pair.moved:
        notes.append("moved")
    if pair.status not in (Status.INSERTED, Status.DELETED, Status.UNCHANGED):
        notes.append(f"similarity {pair.similarity:.2f}")
    return f"{where} [{', '.join(notes)}]"


def inline(edits: tuple[Edit, ...], style: Style) -> str:
    parts = []
    for edit in edits:
        if edit.op is Op.EQUAL or (edit.typographic and edit.op is Op.INSERT):
            parts.append(terminal_safe(edit.text))
        elif edit.op is Op.DELETE and not edit.typographic:
            parts.append(_deleted(edit.text, style))
        elif edit.op is Op.INSERT:
            parts.append(_inserted(edit.text, style))
    return "".join(parts)


def _deleted(text: str, style: Style) -> str:
    return style(_RED, f"[-{terminal_safe(text)}-]")


def _inserted(text: str, style: Style) -> str:
    return style(_GREEN, f"{{+{terminal_safe(text)}+}}")


def _flag_line(flag: Flag, comparison: Comparison, style: Style) -> str:
    body = flag_body(flag, comparison.category_title(flag.category))
    return style(_YELLOW, f"  ! {flag_action(flag)} {terminal_safe(body)}")


def _precedent_lines(settings: RenderSettings | None, number: int, style: Style) -> list[str]:
    """A line per changed phrase of pair `number`: where it was agreed, or new."""
    if settings is None or settings.precedents is None:
        return []
    from .precedents import finding_line

    found = settings.precedents.of_pair(number)
    return [style(_DIM, f"  = {terminal_safe(finding_line(f))}") for f in found]


def _renumbered_lines(pairs: tuple[Pair, ...], names: Names) -> list[str]:
    only = [p for p in pairs if p.renumbered and p.status is Status.UNCHANGED and not p.moved]
    if not only:
        return []
    moves = [f"{names[0][p.base[0]]}->{names[1][p.draft[0]]}" for p in only]
    return ["", f"Renumbered only ({len(only)}): " + ", ".join(moves)]
