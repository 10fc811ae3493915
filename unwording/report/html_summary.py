"""The summary part of the HTML report: counts, key changes, an index of changes
(substantive first) and the table of flags by category and term, linking to the
paragraphs; the index and the table fold away (closed for a long text), so that the
document starts near the top."""

from __future__ import annotations

from collections import defaultdict

from lxml import etree

from ..model import Comparison, Flag, Pair
from ..repeats import Repeat, covered_pairs, find_repeats
from ..rules.severity import by_severity
from .brief import key_changes
from .html_bidi import write_isolated
from .html_builder import append_text, css_id, element, link
from .names import Names, paragraph_names
from .wording import flag_action

SECTIONS = (
    "substantive",
    "editorial",
    "unchanged",
    "modified",
    "inserted",
    "deleted",
    "moved",
    "renumbered",
    "split",
    "merged",
)
_INDEX = (("substantive", "Substantive changes"), ("editorial", "Editorial changes"))
COLLAPSE_ABOVE = 60  # pairs; a longer text's index and table of flags start closed


def render_summary(main: etree._Element, comparison: Comparison, colours: dict[str, str]) -> None:
    """Counts, warnings and key changes, then the index of changes and the table of
    flags in a collapsible part (closed for long texts), then the legend."""
    section = etree.SubElement(
        main, "section", **{"class": "summary", "aria-labelledby": "summary-h"}
    )
    element(section, "h2", "Summary", id="summary-h")
    _counts(section, comparison)
    for notice in comparison.warnings:
        if notice.source == "comparison":
            element(section, "p", notice.message.capitalize(), **{"class": "warning"})
    _brief(section, comparison)
    _file_notes(section, comparison)
    _details(section, comparison, colours)
    _legend(section, comparison, colours)


def _counts(section: etree._Element, comparison: Comparison) -> None:
    counts = etree.SubElement(section, "ul", **{"class": "counts"})
    summary = vars(comparison.summary)
    for name in (*SECTIONS, "flags"):
        item = element(counts, "li", None, **({"class": "zero"} if not summary[name] else {}))
        element(item, "span", str(summary[name]), **{"class": "n"})
        append_text(item, _COUNT_NAMES.get(name, name))


def _file_notes(section: etree._Element, comparison: Comparison) -> None:
    file_notes = [notice for notice in comparison.warnings if notice.source != "comparison"]
    if file_notes:
        element(section, "h3", "Notes from the files (comments and what was not read)")
        notes = etree.SubElement(section, "ul", **{"class": "notes"})
        for notice in file_notes:
            element(notes, "li", str(notice))


def _details(section: etree._Element, comparison: Comparison, colours: dict[str, str]) -> None:
    """The index of changes and the table of flags, open unless the text is long."""
    if not comparison.flags:
        element(
            section,
            "p",
            "Nothing was flagged: no watched term, hedge, verb, modal or bracket changed.",
        )
    long = len(comparison.pairs) > COLLAPSE_ABOVE
    details = etree.SubElement(section, "details", **({} if long else {"open": "open"}))
    details.set("class", "more")
    summary = comparison.summary
    element(
        details,
        "summary",
        f"Index of changes and flagged terms ({summary.substantive} substantive, "
        f"{summary.editorial} editorial, {summary.flags} flags)",
    )
    _change_index(details, comparison)
    if comparison.authors:
        line = element(details, "p", None, **{"class": "index authors"})
        element(line, "strong", "Tracked changes by author: ")
        append_text(line, ", ".join(f"{name} ({n})" for name, n in comparison.authors.items()))
    if comparison.flags:
        _flag_table(details, comparison, colours)


_COUNT_NAMES = {
    "flags": "flags",
    "substantive": "substantive changes",
    "editorial": "editorial changes",
}


def _brief(section: etree._Element, comparison: Comparison) -> None:
    """The key changes: every high-severity flag (up to a screen), linked."""
    lines, more = key_changes(comparison)
    if not lines:
        return
    element(section, "h3", f"Key changes ({len(lines) + more})", id="key-h")
    listing = etree.SubElement(section, "ul", **{"class": "brief", "aria-labelledby": "key-h"})
    for line in lines:
        item = element(listing, "li", None)
        link(item, line.address, href=f"#pair-{line.pair}")
        write_isolated(item, f": {line.sentence}", comparison.options.lang)
    if more:
        element(listing, "li", f"… and {more} more in the table of flags below")


def _change_index(section: etree._Element, comparison: Comparison) -> None:
    """Links to every changed paragraph: substantive changes first, then editorial ones."""
    names = paragraph_names(comparison.draft), paragraph_names(comparison.base)
    repeats = find_repeats(comparison)
    covered = covered_pairs(comparison, repeats)
    for nature, title in _INDEX:
        numbers = [
            n
            for n, pair in enumerate(comparison.pairs)
            if pair.nature == nature and n not in covered
        ]
        if not numbers:
            continue
        line = element(section, "p", None, **{"class": f"index {nature}"})
        element(line, "strong", f"{title}: ")
        for position, number in enumerate(numbers):
            append_text(line, ", " if position else "")
            pair = comparison.pairs[number]
            link(line, _place(pair, names), href=f"#pair-{number}")
    for repeat in repeats:
        _repeat_line(section, comparison, repeat, names)


def _repeat_line(
    section: etree._Element, comparison: Comparison, repeat: Repeat, names: Names
) -> None:
    """One substitution made in many paragraphs, with links to every place."""
    line = element(section, "p", None, **{"class": "index repeated"})
    element(line, "strong", "Repeated change: ")
    if repeat.deleted:
        element(line, "del", repeat.deleted)
    if repeat.inserted:
        element(line, "ins", repeat.inserted)
    append_text(line, f" in {len(repeat.pairs)} paragraphs: ")
    for position, number in enumerate(repeat.pairs):
        append_text(line, ", " if position else "")
        link(line, _place(comparison.pairs[number], names), href=f"#pair-{number}")


def _place(pair: Pair, names: Names) -> str:
    draft_names, base_names = names
    if pair.draft:
        return "+".join(draft_names[i] for i in pair.draft)
    return base_names[pair.base[0]] + " (base, deleted)"


def _legend(section: etree._Element, comparison: Comparison, colours: dict[str, str]) -> None:
    """What the marks mean: deletions, insertions and each flag category's colour."""
    legend = etree.SubElement(section, "ul", **{"class": "legend", "aria-label": "Legend"})
    deleted = element(element(legend, "li", None), "del", "struck through")
    append_text(deleted.getparent(), ": deleted")
    inserted = element(element(legend, "li", None), "ins", "underlined")
    append_text(inserted.getparent(), ": inserted")
    for category in colours:
        item = element(legend, "li", None)
        element(
            item,
            "mark",
            comparison.category_title(category),
            **{"class": f"term {css_id(category)}-mark"},
        )


def _flag_table(section: etree._Element, comparison: Comparison, colours: dict[str, str]) -> None:
    element(section, "h3", "Flagged terms")
    wrap = etree.SubElement(section, "div", **{"class": "table-wrap"})
    table = etree.SubElement(wrap, "table", **{"class": "flags"})
    head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
    for title in (
        "Severity",
        "Category",
        "Term",
        "Change",
        "Occurrences or strength (base → draft)",
        "Paragraphs",
    ):
        element(head, "th", title, scope="col")
    body = etree.SubElement(table, "tbody")
    names = paragraph_names(comparison.draft), paragraph_names(comparison.base)
    for (_, category, term, _kind), flags in _grouped(comparison.flags).items():
        row = etree.SubElement(body, "tr", **{"class": f"severity-{flags[0].severity}"})
        element(row, "td", flags[0].severity)
        cell = element(row, "td", None)
        element(
            cell, "span", None, **{"class": f"swatch {css_id(category)}", "aria-hidden": "true"}
        )
        lang = comparison.options.lang
        write_isolated(cell, comparison.category_title(category), lang)
        write_isolated(element(row, "td", None), term.replace(" -> ", " → "), lang)
        element(row, "td", flag_action(flags[0]))
        element(row, "td", _occurrences(flags))
        links = element(row, "td", None)
        for number, flag in enumerate(flags):
            if number:
                append_text(links, ", ")
            link(links, _flag_place(flag, names), href=f"#pair-{flag.pair}")


def _occurrences(flags: list[Flag]) -> str:
    if flags[0].kind.startswith(("term_", "hedge_")):
        return f"{sum(f.base_count for f in flags)} → {sum(f.draft_count for f in flags)}"
    return "; ".join(sorted({f.detail.replace(" -> ", " → ") for f in flags if f.detail}))


def _grouped(flags: tuple[Flag, ...]) -> dict[tuple[int, str, str, str], list[Flag]]:
    """Flags by severity (high first), then category, term and kind."""
    groups: dict[tuple[int, str, str, str], list[Flag]] = defaultdict(list)
    for flag in flags:
        groups[(by_severity(flag), flag.category, flag.term, flag.kind)].append(flag)
    return dict(sorted(groups.items()))


def _flag_place(flag: Flag, names: Names) -> str:
    draft_names, base_names = names
    if flag.draft:
        return draft_names[flag.draft[0]]
    return base_names[flag.base[0]] + " (base, deleted)"
