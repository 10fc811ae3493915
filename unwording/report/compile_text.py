"""Text report of a compilation: the compilation text, then the conflicts, each
proposal's word diff by paragraph with its flags, and the per-delegation table.

The compilation text follows the convention of `proposals/bracketed.py`. Word diffs
show deleted words `[-like this-]` and inserted ones `{+like this+}`, each line tagged
with its sponsors, as the compare text report does.
"""

from __future__ import annotations

from .. import __version__
from ..proposals.bracketed import compilation_lines, site_text
from ..proposals.records import (
    Compilation,
    CompiledParagraph,
    DelegationSummary,
    NewParagraph,
    SponsoredFlag,
    Version,
)
from ..proposals.summary import delegation_sentence, move_place
from .precedents import proposed_line
from .settings import RenderSettings
from .text import BOLD, Style, inline, terminal_safe
from .wording import flag_action, flag_body

_PLAIN = Style(False)  # word diffs: terminal-safe already, never coloured
COLUMNS = (
    "deleted",
    "new",
    "terms removed",
    "terms added",
    "hedges added",
    "hedges removed",
    "verbs weakened",
    "verbs strengthened",
    "quantities",
)


def render_compile_text(compilation: Compilation, settings: RenderSettings | None = None) -> str:
    """The compilation as a terminal report, ending with a newline."""
    style = Style(bool(settings and settings.color))
    lines = header_lines(compilation)
    lines += _section("Compilation text", compilation_lines(compilation), style)
    lines += _section("Conflicts", _conflict_lines(compilation), style)
    lines += _section("Proposals by paragraph", _change_lines(compilation), style)
    lines += _section("Delegations", _delegation_lines(compilation), style)
    if compilation.precedents is not None:
        agreed = [f"  {terminal_safe(proposed_line(p))}" for p in compilation.precedents]
        lines += _section("Agreed language", agreed or ["  no proposed phrase to look up"], style)
    return "\n".join(lines) + "\n"


def header_lines(compilation: Compilation) -> list[str]:
    """The title and the counts."""
    touched = sum(p.changed for p in compilation.paragraphs)
    count = len(compilation.delegations)
    return [
        terminal_safe(f"unwording {__version__}: {count} proposal{'s' * (count != 1)} ")
        + terminal_safe(f"against {compilation.base.source}"),
        f"{touched} of {len(compilation.paragraphs)} paragraphs touched, "
        f"{len(compilation.conflicts)} with conflicts; "
        f"{len(compilation.new_paragraphs)} new paragraph"
        f"{'s' * (len(compilation.new_paragraphs) != 1)} proposed",
    ]


def _section(title: str, body: list[str], style: Style) -> list[str]:
    if not body:
        return []
    return ["", style(BOLD, f"== {title}"), *map(terminal_safe, body)]


def _conflict_lines(compilation: Compilation) -> list[str]:
    lines = []
    for paragraph in compilation.conflicts:
        for site in paragraph.sites:
            if site.conflict:
                lines.append(f"  {paragraph.address}: {site_text(site).strip()}")
        if paragraph.deleted_by and paragraph.amended_by:
            lines.append(
                f"  {paragraph.address}: deleted by {', '.join(paragraph.deleted_by)}; "
                f"amended by {', '.join(paragraph.amended_by)}"
            )
        if paragraph.moves and (paragraph.deleted_by or len(paragraph.moves) > 1):
            deleted = [f"deleted by {', '.join(paragraph.deleted_by)}"] * bool(
                paragraph.deleted_by
            )
            places = move_lines(paragraph, compilation)
            lines.append(f"  {paragraph.address}: " + "; ".join(deleted + places))
    return lines


def _change_lines(compilation: Compilation) -> list[str]:
    lines: list[str] = []
    new_after: dict[int | None, list[NewParagraph]] = {}
    for new in compilation.new_paragraphs:
        new_after.setdefault(new.after, []).append(new)
    for new in new_after.get(None, []):
        lines += _new_lines(new)
    for paragraph in compilation.paragraphs:
        if paragraph.changed:
            lines += _paragraph_lines(paragraph, compilation)
        for new in new_after.get(paragraph.index, []):
            lines += _new_lines(new)
    return lines


def _paragraph_lines(paragraph: CompiledParagraph, compilation: Compilation) -> list[str]:
    note = " [conflict]" if paragraph.conflict else ""
    lines = ["", f"{paragraph.address}{note}"]
    lines += [_version_line(version) for version in paragraph.versions]
    lines += [f"  {line}" for line in move_lines(paragraph, compilation)]
    return lines + flag_lines(paragraph.flags)


def move_lines(paragraph: CompiledParagraph, compilation: Compilation) -> list[str]:
    """`Norway: move after 16.7`, one line per place proposed for the paragraph."""
    return [
        f"{', '.join(move.sponsors)}: move {move_place(move.after, compilation.paragraphs)}"
        for move in paragraph.moves
    ]


def _new_lines(new: NewParagraph) -> list[str]:
    lines = ["", f"{new.address} [new]"]
    lines += [_version_line(version) for version in new.variants]
    return lines + flag_lines(new.flags)


def _version_line(version: Version) -> str:
    who = ", ".join(version.sponsors)
    if version.deleted:
        return f"  {who}: delete the paragraph"
    return f"  {who}: " + inline(version.edits, _PLAIN).replace("\n", " ¶ ")


def flag_lines(flags: tuple[SponsoredFlag, ...]) -> list[str]:
    """One line per flag: `! Sponsor: added Family: “the family” (0 -> 2)`."""
    return [f"  ! {f.sponsor}: {flag_action(f.flag)} {flag_body(f.flag, f.title)}" for f in flags]


def _delegation_lines(compilation: Compilation) -> list[str]:
    lines = [f"  {delegation_sentence(summary)}" for summary in compilation.delegations]
    rows: list[tuple[str, ...]] = [("delegation", "paragraphs", *COLUMNS)]
    rows += [_row(summary) for summary in compilation.delegations]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines.append("")
    lines += [
        "  " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    lines += [f"  ! {s.sponsor}: {p}" for s in compilation.delegations for p in s.problems]
    return lines


def _row(summary: DelegationSummary) -> tuple[str, ...]:
    counts = (
        summary.deleted,
        summary.new,
        summary.terms_removed,
        summary.terms_added,
        summary.hedges_added,
        summary.hedges_removed,
        summary.verbs_weakened,
        summary.verbs_strengthened,
        summary.quantities_changed,
    )
    return (summary.sponsor, str(len(summary.touched)), *(str(len(c)) for c in counts))
