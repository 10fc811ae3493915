"""Word renderer: the draft as a .docx with tracked changes against the base.

Open it in Word (or LibreOffice) and reject all changes: the base; accept all: the
draft. Words deleted and inserted are `w:del` and `w:ins` by the author (default
`unwording`) at the report's time; a paragraph inserted or deleted whole has its
paragraph mark tracked too, so that rejecting or accepting removes it; a moved
paragraph is `w:moveFrom` where it stood and `w:moveTo` where it is now, inside
named move ranges. Labels are text (tracked when renumbered), preambular
participles and operative verbs italic. Each flag is a comment anchored on the
words it is about. A first page gives the summary counts and the key changes.
The layout of the text is in `docx_layout.py`, the anchors of comments in
`docx_comments.py`, the other package parts in `docx_parts.py`.

Changes already tracked in a Word input keep their author and date. The draft's
own formatting (styles, bold and italic runs, numbering, tables, notes) is not
kept: paragraphs are written in the redline's few styles, tables as one paragraph
per cell, footnotes as paragraphs at the end. Markdown emphasis (`*italic*`,
`**bold**`) is formatting and a link its text, their markers left out
(`docx_markdown.py`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from itertools import count

from lxml import etree

from .. import __version__
from ..model import Comparison, Kind
from ..normalize import link_labels
from . import docx_parts as parts
from .brief import key_changes
from .docx_comments import Comment, comments
from .docx_layout import DEL, Para, Piece, layout
from .docx_markdown import emphasised
from .docx_parts import W, element
from .html_builder import safe_text
from .settings import RenderSettings
from .text import summary_line

DEFAULT_AUTHOR = "unwording"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_TAB = re.compile("(\t)")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_STYLE = {Kind.HEADING: "Heading1", Kind.FOOTNOTE: "FootnoteText"}


def render_docx(comparison: Comparison, settings: RenderSettings | None = None) -> bytes:
    """The redline as the bytes of a .docx file (the same inputs, the same bytes)."""
    settings = settings or RenderSettings()
    author = safe_text((settings.author or "").strip() or DEFAULT_AUTHOR)
    when = word_time(settings.made_at)
    paras = redline_layout(comparison, settings.typography)
    notes = comments(comparison, paras)
    writer = _Writer(author, when, notes, comparison.options.lang == "ar")
    body = writer.document(_cover(comparison, author, settings, paras), paras)
    names = (comparison.base.source, comparison.draft.source)
    return parts.package(
        {
            "[Content_Types].xml": parts.content_types(),
            "_rels/.rels": parts.package_relationships(),
            "docProps/core.xml": parts.core(f"Redline: {names[0]} -> {names[1]}", author, when),
            "word/_rels/document.xml.rels": parts.document_relationships(),
            "word/document.xml": body,
            "word/styles.xml": parts.styles(writer.rtl),
            "word/settings.xml": parts.settings(),
            "word/comments.xml": writer.comments_part(notes),
        }
    )


def redline_layout(comparison: Comparison, typography: str = "track") -> list[Para]:
    """The redline's paragraphs (docx_layout.py), Markdown emphasis as formatting."""
    paras = layout(comparison, typography)
    if "markdown" in (comparison.base.format, comparison.draft.format):
        labels = link_labels(comparison.base), link_labels(comparison.draft)
        paras = emphasised(paras, labels)
    return paras


def word_time(made_at: str | None) -> str | None:
    """The report time (`2025-10-01 10:00 UTC`) as Word dates its changes, or None."""
    if not made_at:
        return None
    try:
        moment = datetime.strptime(made_at, "%Y-%m-%d %H:%M UTC")
    except ValueError:
        return None
    return moment.strftime("%Y-%m-%dT%H:%M:00Z")


@dataclass
class _Writer:
    """Writes paragraphs and pieces, numbering every tracked change and range."""

    author: str
    when: str | None
    notes: list[Comment]
    rtl: bool
    ids: count[int] = field(default_factory=count)
    starts: dict[tuple[int, int], list[int]] = field(default_factory=dict)
    ends: dict[tuple[int, int], list[int]] = field(default_factory=dict)
    ranges: dict[tuple[str, str], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.ids = count(len(self.notes))  # comments take ids 0 .. n-1
        starts, ends = defaultdict(list), defaultdict(list)
        for note in self.notes:
            starts[note.start].append(note.id)
            ends[note.end].append(note.id)
        self.starts, self.ends = dict(starts), dict(ends)

    def revision(self, piece: Piece | None = None) -> dict[str, str]:
        """w:id, w:author and w:date of a tracked change."""
        author, when = self.author, self.when
        if piece is not None and piece.author:
            author = safe_text(piece.author)
            when = f"{piece.date}T00:00:00Z" if piece.date and _DAY.fullmatch(piece.date) else None
        elif piece is not None and piece.typographic:
            author = f"{self.author} (typography)"
        attributes = {"id": str(next(self.ids)), "author": author}
        return attributes | ({"date": when} if when else {})

    def document(self, cover: list[tuple[str, str]], paras: list[Para]) -> etree._Element:
        """The body: the cover lines (style, text) and a page break, then the redline."""
        root = element(None, "document")
        body = element(root, "body")
        for style, text in cover:
            p = element(body, "p")
            properties = element(p, "pPr") if style or self.rtl else None
            if style:
                element(properties, "pStyle", val=style)
            if self.rtl:  # the cover is in English: left to right in a right-to-left text
                element(properties, "bidi", val="0")
            write_run(p, text)
        element(element(p, "r"), "br", type="page")
        for number, para in enumerate(paras):
            self.paragraph(body, para, number)
        section = element(body, "sectPr")
        element(section, "pgSz", w="11906", h="16838")
        margins = {"top": "1440", "bottom": "1440", "left": "1440", "right": "1440"}
        element(section, "pgMar", **margins, header="720", footer="720", gutter="0")
        return root

    def paragraph(self, body: etree._Element, para: Para, number: int) -> None:
        p = element(body, "p")
        style = _STYLE.get(para.kind or Kind.OTHER)
        properties = element(p, "pPr") if style or para.mark else None
        if style:
            element(properties, "pStyle", val=style)
        if para.mark:
            element(element(properties, "rPr"), para.mark, **self.revision())
        if para.range_start:
            self.move_range(p, para, para.range_start, "RangeStart")
        for k, piece in enumerate(para.pieces):
            for note in self.starts.get((number, k), ()):
                element(p, "commentRangeStart", id=str(note))
            self.piece(p, piece)
            for note in self.ends.get((number, k), ()):
                element(p, "commentRangeEnd", id=str(note))
                element(element(p, "r"), "commentReference", id=str(note))
        if para.range_end:
            self.move_range(p, para, para.range_end, "RangeEnd")

    def move_range(self, p: etree._Element, para: Para, name: str, end: str) -> None:
        """`w:moveFromRangeStart` (named, dated) or `...RangeEnd` (its id only)."""
        key = (para.mark, name)
        if end == "RangeStart":
            self.ranges[key] = next(self.ids)
            element(p, para.mark + end, **self.revision() | {"id": str(self.ranges[key])})
            p[-1].set(f"{W}name", name)
        else:
            element(p, para.mark + end, id=str(self.ranges.pop(key)))

    def piece(self, p: etree._Element, piece: Piece) -> None:
        parent = element(p, piece.change, **self.revision(piece)) if piece.change else p
        tag = "delText" if piece.change == DEL else "t"
        write_run(parent, piece.text, piece.italic, tag, self.rtl, piece.bold)

    def comments_part(self, notes: list[Comment]) -> etree._Element:
        root = element(None, "comments")
        initials = "".join(word[0] for word in self.author.split()[:3]).upper()
        for note in notes:
            attributes = {"id": str(note.id), "author": self.author, "initials": initials}
            comment = element(root, "comment", **attributes | self.dated())
            p = element(comment, "p")
            element(element(p, "pPr"), "pStyle", val="CommentText")
            element(element(p, "r"), "annotationRef")
            write_run(p, note.text)
        return root

    def dated(self) -> dict[str, str]:
        return {"date": self.when} if self.when else {}


def write_run(
    parent: etree._Element,
    text: str,
    italic: bool = False,
    tag: str = "t",
    rtl: bool = False,
    bold: bool = False,
) -> None:
    """A run of `text` (tabs as `w:tab`; what XML cannot hold as symbols), marked
    right to left in an Arabic text."""
    run = element(parent, "r")
    if italic or rtl or bold:
        properties = element(run, "rPr")
        if bold:
            element(properties, "b")
        if italic:
            element(properties, "i")
        if rtl:
            element(properties, "rtl")
    text = safe_text(text)
    for part in _TAB.split(text) if "\t" in text else (text,):
        if part == "\t":
            element(run, "tab")
        elif part:
            node = element(run, tag)
            node.text = part
            if part[0].isspace() or part[-1].isspace():
                node.set(_SPACE, "preserve")


def _cover(
    comparison: Comparison, author: str, settings: RenderSettings, paras: list[Para]
) -> list[tuple[str, str]]:
    """The first page: what the file is, the counts, the key changes, how to read it."""
    base, draft = comparison.base.source, comparison.draft.source
    made = f" on {settings.made_at}" if settings.made_at else ""
    lines = [
        ("Title", f"Redline: {base} -> {draft}"),
        (
            "",
            f"The draft ({draft}) with its changes from the base ({base}) tracked by "
            f"{author}{made}, made by unwording {__version__}. Reject all changes to see "
            "the base, accept all to see the draft; flags are comments on the words.",
        ),
        ("", summary_line(comparison) + "."),
    ]
    brief, more = key_changes(comparison)
    if brief:
        lines.append(("Heading2", f"Key changes ({len(brief) + more})"))
        lines += [("", f"{line.address}: {line.sentence}") for line in brief]
        lines += [("", f"... and {more} more, in the comments")] if more else []
    if any(piece.typographic for para in paras for piece in para.pieces):
        lines.append(("", _TYPOGRAPHY.format(author=author)))
    return lines


_TYPOGRAPHY = (
    "Changes only of typography (quotes, dashes, spaces, hyphens) are tracked as by "
    "“{author} (typography)”: in Word, Review > Show Markup > Specific People hides "
    "them, and accepting that reviewer's changes accepts them all."
)
