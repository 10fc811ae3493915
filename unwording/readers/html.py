"""HTML reader, with lxml.html.

Block elements (p, li, h1-h6, td, th, dd, dt, blockquote, pre, caption, and div
with text of its own) become paragraphs; list item numbers become labels (`1.`,
`(a)`, `(i)`, as the list's type says); headings are headings; script, style,
template and hidden elements are dropped; `<ins>` and `<del>` are read like
tracked changes (accepted by default). Blocks of UN page furniture (job numbers,
page counters, running headers: furniture.py) are dropped too, and a paragraph
they cut in two is joined again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree
from lxml import html as lxml_html

from ..errors import InputError
from ..labels import format_number
from ..model import Document, Kind, Location, Paragraph
from . import furniture
from .layout import continues

BLOCKS = {
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "dd",
    "dt",
    "blockquote",
    "pre",
    "caption",
    "div",
    "section",
    "article",
    "main",
    "body",
    "figcaption",
    "address",
}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
DROPPED = {
    "script",
    "style",
    "template",
    "noscript",
    "head",
    "iframe",
    "object",
    "svg",
    "math",
    "button",
    "select",
    "input",
    "textarea",
}
CONTAINERS = {"ol", "ul", "table", "tbody", "thead", "tfoot", "tr", "dl"}
_NUMBER = re.compile(r"\s*-?[0-9]{1,9}\s*")
_LIST_TYPES = {"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}


def read_html(data: bytes, source: str, changes: str = "accept") -> Document:
    """Read an HTML page into paragraphs."""
    try:
        root = lxml_html.document_fromstring(data, parser=_parser())
    except (etree.ParserError, ValueError) as error:
        raise InputError(f"{source}: cannot read HTML ({error})") from None
    skipped = "del" if changes == "accept" else "ins"
    blocks = _without_furniture([block for block in _blocks(root, skipped) if block[0]])
    paragraphs = tuple(
        Paragraph(n, text, label, kind, Location()) for n, (text, label, kind) in enumerate(blocks)
    )
    return Document(source=source, paragraphs=paragraphs, format="html")


def _without_furniture(blocks: list[Block]) -> list[Block]:
    """Blocks without UN page furniture (a page saved as HTML keeps its job numbers and
    running headers); a paragraph that the furniture cut in two is joined again."""
    dropped = furniture.dropped([text for text, _, _ in blocks])
    if not dropped:
        return blocks
    kept: list[Block] = []
    cut = False
    for index, block in enumerate(blocks):
        if index in dropped:
            cut = bool(kept)
            continue
        if cut and _plain(kept[-1]) and _plain(block) and continues(kept[-1][0], block[0]):
            kept[-1] = (f"{kept[-1][0]} {block[0]}", None, None)
        else:
            kept.append(block)
        cut = False
    return kept


def _plain(block: Block) -> bool:
    return block[1] is None and block[2] is None


def _parser() -> lxml_html.HTMLParser:
    return lxml_html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)


def _hidden(element: etree._Element) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return (
        element.get("hidden") is not None
        or element.get("aria-hidden") == "true"
        or "display:none" in style
        or "visibility:hidden" in style
    )


Block = tuple[str, str | None, Kind | None]


def _blocks(element: etree._Element, skipped: str) -> Iterator[Block]:
    """Paragraphs inside a container: its loose text between blocks, and its blocks."""
    pieces: list[str] = [element.text or ""]
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in BLOCKS or tag in CONTAINERS:
            if not (tag in DROPPED or _hidden(child)):
                yield from _flush(pieces)
                pieces = []
                yield from _block(child, skipped)
        elif not (tag in DROPPED or _hidden(child) or tag == skipped):
            pieces.append(" " if tag == "br" else _inline(child, skipped))
        pieces.append(child.tail or "")
    yield from _flush(pieces)


def _has_blocks(element: etree._Element) -> bool:
    return any(
        isinstance(c.tag, str) and (c.tag in BLOCKS or c.tag in CONTAINERS) for c in element
    )


def _block(element: etree._Element, skipped: str) -> Iterator[Block]:
    tag = element.tag
    if tag in ("ol", "ul"):
        yield from _list(element, skipped)
        return
    if tag in HEADINGS and not _has_blocks(element):
        yield " ".join(_inline(element, skipped).split()), None, Kind.HEADING
        return
    if not _has_blocks(element):
        yield " ".join(_inline(element, skipped).split()), None, None
        return
    yield from _blocks(element, skipped)


def _flush(pieces: list[str]) -> Iterator[tuple[str, None, None]]:
    text = " ".join("".join(pieces).split())
    if text:
        yield text, None, None


def _list(element: etree._Element, skipped: str) -> Iterator[Block]:
    ordered = element.tag == "ol"
    fmt = _LIST_TYPES.get(element.get("type") or "1", "decimal")
    number = _int(element.get("start"), 1) - 1
    for item in element:
        if (
            not isinstance(item.tag, str)
            or item.tag != "li"
            or _hidden(item)
            or item.tag == skipped
        ):
            continue
        number = _int(item.get("value"), number + 1)
        label = _label(number, fmt) if ordered else None
        for position, (text, own_label, kind) in enumerate(_block(item, skipped)):
            yield text, (label if position == 0 else own_label), kind


def _label(number: int, fmt: str) -> str:
    value = format_number(number, fmt)
    return f"{value}." if fmt == "decimal" else f"({value})"


def _int(value: str | None, default: int) -> int:
    """A list's `start` or an item's `value`: a number of at most nine digits."""
    return int(value) if value is not None and _NUMBER.fullmatch(value) else default


def _inline(element: etree._Element, skipped: str) -> str:
    """Text inside an element (not its tail), without dropped, hidden or skipped parts."""
    parts = [element.text or ""]
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if not (tag in DROPPED or _hidden(child) or tag == skipped):
            parts.append(" " if tag == "br" else _inline(child, skipped))
        parts.append(child.tail or "")
    return "".join(parts)
