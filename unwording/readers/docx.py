"""Word (DOCX) reader, with lxml over the package XML.

Paragraphs come in body order, table cells included, then footnotes and endnotes
as paragraphs of kind `footnote`. Automatic numbering becomes the label Word
shows (docx_numbering.py). Tracked changes are read as accepted (default) or
rejected: `w:ins`/`w:moveTo` text belongs to the accepted view, `w:del`/
`w:moveFrom` text to the rejected one, and a deleted paragraph mark joins a
paragraph with the next. Each tracked insertion or deletion keeps its author and
date as a span of the paragraph's text. Comments and anything not read become warnings.
Every paragraph keeps the positions of the Word paragraphs it was read from
(`origin`), the same in both views, so that a redline compared with itself pairs
each paragraph with its own other view.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from ..errors import InputError
from ..model import Document, Kind, Location, Notice, Paragraph, Tracked
from .docx_numbering import Numbering, W, load_numbering
from .xmlsafe import open_zip, parse_xml, read_members

ACCEPT, REJECT = "accept", "reject"
_WALK = {
    f"{W}{tag}"
    for tag in ("hyperlink", "smartTag", "customXml", "fldSimple", "sdtContent", "dir", "bdo")
}
_SKIP = {
    f"{W}{tag}"
    for tag in (
        "pPr",
        "rPr",
        "proofErr",
        "bookmarkStart",
        "bookmarkEnd",
        "permStart",
        "permEnd",
        "lastRenderedPageBreak",
        "fldChar",
        "instrText",
        "delInstrText",
        "footnoteReference",
        "endnoteReference",
        "commentReference",
        "moveFromRangeStart",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveToRangeEnd",
        "sdtPr",
        "sdtEndPr",
        "annotationRef",
        "footnoteRef",
        "endnoteRef",
        "separator",
        "continuationSeparator",
        "rPrChange",
        "pPrChange",
        "noProof",
        "customXmlInsRangeStart",
        "customXmlInsRangeEnd",
    )
}
_CHARACTERS = {
    f"{W}tab": "\t",
    f"{W}br": " ",
    f"{W}cr": " ",
    f"{W}noBreakHyphen": "\u2011",
    f"{W}softHyphen": "\u00ad",
}
MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_HEX = re.compile(r"[0-9A-Fa-f]{1,8}")
_PARTS = ("document", "numbering", "styles", "footnotes", "endnotes", "comments")
_NOTE_IDS = {"footnote": 10_000_000, "endnote": 20_000_000}  # origins of notes: apart


@dataclass
class _Text:
    """Text of one paragraph being read, with the author spans of tracked changes."""

    parts: list[str] = field(default_factory=list)
    spans: list[tuple[int, int, Tracked]] = field(default_factory=list)
    size: int = 0

    def add(self, text: str, author: Tracked | None = None) -> None:
        if text:
            if author:
                self.spans.append((self.size, self.size + len(text), author))
            self.parts.append(text)
            self.size += len(text)


@dataclass
class _Reader:
    source: str
    view: str
    numbering: Numbering
    comments: dict[str, tuple[str, str]]
    notices: dict[str, None] = field(default_factory=dict)  # in order, each once
    anchors: dict[str, int] = field(default_factory=dict)  # comment id -> start in `log`
    log: list[str] = field(default_factory=list)  # every piece of text read, in order
    ids: dict[etree._Element, int] = field(default_factory=dict)

    def warn(self, message: str) -> None:
        self.notices.setdefault(message, None)

    def anchor(self, key: str) -> str:
        """The start (up to 200 characters) of the text read since comment `key` began."""
        pieces, size = [], 0
        for piece in self.log[self.anchors.pop(key) :]:
            pieces.append(piece)
            size += len(piece)
            if size > 200:
                break
        return "".join(pieces)


def read_docx(data: bytes, source: str, changes: str = ACCEPT) -> Document:
    """Read a Word file as it looks with all tracked changes accepted (or rejected)."""
    package = open_zip(data, source)
    found = read_members(package, tuple(f"word/{name}.xml" for name in _PARTS), source)
    parts = {name: _parsed(found[f"word/{name}.xml"], name, source) for name in _PARTS}
    if parts["document"] is None:
        raise InputError(f"{source}: not a Word document (no word/document.xml)")
    reader = _Reader(
        source,
        changes,
        load_numbering(parts["numbering"], parts["styles"]),
        _comments(parts["comments"]),
    )
    body = parts["document"].find(f"{W}body")
    if body is not None:
        reader.ids = {paragraph: n for n, paragraph in enumerate(body.iter(f"{W}p"))}
    blocks = list(_blocks(body, reader)) if body is not None else []
    blocks += list(_notes(parts["footnotes"], "footnote", reader))
    blocks += list(_notes(parts["endnotes"], "endnote", reader))
    _comment_warnings(reader)
    paragraphs = tuple(_paragraph(n, block) for n, block in enumerate(blocks))
    notices = tuple(Notice(source, message) for message in reader.notices)
    return Document(source=source, paragraphs=paragraphs, warnings=notices, format="docx")


def has_tracked_changes(data: bytes, source: str) -> bool:
    """True when the Word file holds tracked insertions, deletions or moves."""
    name = "word/document.xml"
    document = read_members(open_zip(data, source), (name,), source)[name] or b""
    return any(tag in document for tag in (b"<w:ins ", b"<w:del ", b"<w:moveTo ", b"<w:moveFrom "))


def _parsed(data: bytes | None, name: str, source: str) -> etree._Element | None:
    return parse_xml(data, f"{source}: word/{name}.xml") if data is not None else None


@dataclass(frozen=True)
class _Block:
    text: str
    label: str | None
    kind: Kind | None
    spans: tuple[tuple[int, int, Tracked], ...]
    number: int
    origin: tuple[int, ...] = ()


def _paragraph(index: int, block: _Block) -> Paragraph:
    return Paragraph(
        index,
        block.text,
        block.label,
        block.kind,
        Location(block.number, block.number),
        authors=block.spans,
        origin=block.origin,
    )


def _blocks(container: etree._Element, reader: _Reader) -> Iterator[_Block]:
    pending: list[tuple[etree._Element, _Text]] = []
    for number, paragraph in enumerate(_body_paragraphs(container, reader), start=1):
        text = _paragraph_text(paragraph, reader)
        pending.append((paragraph, text))
        if _mark_removed(paragraph, reader.view):
            continue
        yield from _joined(pending, reader, number)
        pending = []
    if pending:
        yield from _joined(pending, reader, number)


def _joined(
    pending: list[tuple[etree._Element, _Text]], reader: _Reader, number: int
) -> Iterator[_Block]:
    """Paragraphs whose marks were removed, joined with the paragraph that follows."""
    first = pending[0][0]
    joined = _Text()
    for _, text in pending:
        offset = joined.size
        joined.parts += text.parts
        joined.spans += [
            (start + offset, end + offset, author) for start, end, author in text.spans
        ]
        joined.size += text.size
    raw = "".join(joined.parts)
    stripped = raw.strip()
    if not stripped:
        return
    shift = len(raw) - len(raw.lstrip())
    spans = tuple(
        (max(0, a - shift), min(len(stripped), b - shift), who)
        for a, b, who in joined.spans
        if b - shift > 0 and a - shift < len(stripped)
    )
    origin = tuple(reader.ids.get(p, -1) for p, text in pending if "".join(text.parts).strip())
    yield _Block(stripped, reader.numbering.label(first), None, spans, number, origin)


def _mark_removed(paragraph: etree._Element, view: str) -> bool:
    """Whether the paragraph mark is gone in this view (so it joins the next one)."""
    mark = paragraph.find(f"{W}pPr/{W}rPr")
    if mark is None:
        return False
    tag = f"{W}del" if view == ACCEPT else f"{W}ins"
    return mark.find(tag) is not None


def _body_paragraphs(container: etree._Element, reader: _Reader) -> Iterator[etree._Element]:
    for child in container:
        tag = child.tag
        if tag == f"{W}p":
            yield child
        elif tag in (f"{W}tbl", f"{W}tr", f"{W}tc", f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            yield from _body_paragraphs(child, reader)
        elif tag in (f"{W}ins", f"{W}moveTo"):
            if reader.view == ACCEPT:
                yield from _body_paragraphs(child, reader)
        elif tag in (f"{W}del", f"{W}moveFrom"):
            if reader.view == REJECT:
                yield from _body_paragraphs(child, reader)
        elif tag not in _SKIP and tag not in (
            f"{W}sectPr",
            f"{W}tblPr",
            f"{W}tblGrid",
            f"{W}trPr",
            f"{W}tcPr",
            f"{W}tblPrEx",
        ):
            reader.warn(f"element not read: {etree.QName(tag).localname}")


def _paragraph_text(paragraph: etree._Element, reader: _Reader) -> _Text:
    text = _Text()
    _walk(paragraph, reader, text, None)
    return text


def _walk(element: etree._Element, reader: _Reader, text: _Text, author: Tracked | None) -> None:
    for child in element:
        tag = child.tag
        if tag == f"{W}r":
            _run(child, reader, text, author)
        elif tag in (f"{W}ins", f"{W}moveTo"):
            if reader.view == ACCEPT:
                _walk(child, reader, text, _tracked(child))
        elif tag in (f"{W}del", f"{W}moveFrom"):
            if reader.view == REJECT:
                _walk(child, reader, text, _tracked(child))
        elif tag in _WALK or tag == f"{W}sdt":
            _walk(child, reader, text, author)
        elif tag in (f"{W}commentRangeStart", f"{W}commentRangeEnd"):
            _comment_range(child, reader, text)
        elif tag.startswith(MATH):
            _add(reader, text, "".join(child.itertext()), author)
        elif tag not in _SKIP and isinstance(tag, str):
            reader.warn(f"element not read: {etree.QName(tag).localname}")


def _tracked(change: etree._Element) -> Tracked:
    date = change.get(f"{W}date")
    return Tracked(change.get(f"{W}author") or "unknown", date[:10] if date else None)


def _run(run: etree._Element, reader: _Reader, text: _Text, author: Tracked | None) -> None:
    for child in run:
        tag = child.tag
        if tag in (f"{W}t", f"{W}delText"):
            _add(reader, text, child.text or "", author)
        elif tag in _CHARACTERS:
            _add(reader, text, _CHARACTERS[tag], author)
        elif tag == f"{W}sym":
            _add(reader, text, _symbol(child, reader), author)
        elif tag in (f"{W}drawing", f"{W}pict", f"{W}object"):
            reader.warn("drawings, text boxes and embedded objects are not read")
        elif tag not in _SKIP:
            reader.warn(f"element not read: {etree.QName(tag).localname}")


def _symbol(element: etree._Element, reader: _Reader) -> str:
    """The character of a `w:sym` (a hex code); a code that is no character (`zz`,
    a surrogate, a control character) is left out with a warning."""
    code = element.get(f"{W}char", "20")
    value = int(code, 16) & 0xFFFF if _HEX.fullmatch(code) else 0
    if value < 0x20 or 0xD800 <= value < 0xE000 or value in (0xFFFE, 0xFFFF):
        reader.warn("symbols with invalid character codes (w:sym) are not read")
        return ""
    return chr(value)


def _add(reader: _Reader, text: _Text, value: str, author: Tracked | None) -> None:
    text.add(value, author)
    if reader.anchors:
        reader.log.append(value)


def _comment_range(element: etree._Element, reader: _Reader, text: _Text) -> None:
    key = element.get(f"{W}id")
    if element.tag == f"{W}commentRangeStart":
        reader.anchors.setdefault(key, len(reader.log))
    elif key in reader.anchors:
        _record_comment(reader, key, reader.anchor(key))


def _record_comment(reader: _Reader, key: str, anchor: str) -> None:
    author, body = reader.comments.get(key, ("unknown", ""))
    reader.warn(f"comment by {author} on “{' '.join(anchor.split())[:80]}”: {body[:200]}")


def _comment_warnings(reader: _Reader) -> None:
    for key in list(reader.anchors):
        _record_comment(reader, key, reader.anchor(key))


def _comments(root: etree._Element | None) -> dict[str, tuple[str, str]]:
    if root is None:
        return {}
    return {
        comment.get(f"{W}id"): (
            comment.get(f"{W}author") or "unknown",
            " ".join("".join(comment.itertext()).split()),
        )
        for comment in root.iter(f"{W}comment")
    }


def _notes(root: etree._Element | None, kind: str, reader: _Reader) -> Iterator[_Block]:
    if root is None:
        return
    number = 0
    for note in root.iter(f"{W}{kind}"):
        if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        number += 1
        texts = [_paragraph_text(p, reader) for p in note.iter(f"{W}p")]
        body = " ".join("".join(t.parts).strip() for t in texts if "".join(t.parts).strip())
        if body:
            label = f"[{'fn' if kind == 'footnote' else 'en'}{number}]"
            origin = (_NOTE_IDS[kind] + number,)
            yield _Block(body, label, Kind.FOOTNOTE, (), 0, origin)
