"""Akoma Ntoso (AKN 2.0 and 3.0, the UN's AKN4UN) reader.

The preface (document number, title...) and the preamble (`<recital>` or `<p>`)
give paragraphs whose kind the segment stage finds as for plain text, and the
body gives operative paragraphs from `<point>`, `<paragraph>`,
`<subparagraph>`, `<article>`... with their `<num>` as label; `<heading>` gives a
heading. Authorial notes become `footnote` paragraphs. Other XML is refused.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from ..errors import InputError
from ..model import Document, Kind, Location, Notice, Paragraph
from .xmlsafe import parse_xml

NAMESPACES = (
    "http://www.akomantoso.org/2.0",
    "http://docs.oasis-open.org/legaldocml/ns/akn/3.0",
    "http://www.akomantoso.org/3.0",
)
_HIERARCHY = {
    "point",
    "paragraph",
    "subparagraph",
    "article",
    "section",
    "subsection",
    "clause",
    "subclause",
    "chapter",
    "part",
    "title",
    "book",
    "tome",
    "division",
    "list",
    "indent",
    "alinea",
    "rule",
    "subrule",
    "proviso",
    "item",
    "level",
    "hcontainer",
    "blockList",
}
_SKIP = {"meta", "num", "heading", "subheading", "authorialNote", "noteRef", "eol", "eop"}


def read_akn(data: bytes, source: str) -> Document:
    """Read an Akoma Ntoso document into paragraphs with labels and kinds."""
    root = parse_xml(data, source)
    namespace = etree.QName(root).namespace
    if etree.QName(root).localname != "akomaNtoso" or namespace not in NAMESPACES:
        raise InputError(
            f"{source}: XML but not Akoma Ntoso (root <{etree.QName(root).localname}>)"
        )
    items = list(_items(root, namespace))
    notes = [
        (" ".join(_text(note, namespace).split()), "footnote")
        for note in root.iter(f"{{{namespace}}}authorialNote")
    ]
    paragraphs: list[Paragraph] = []
    footnotes = 0
    for text, label, kind in items + [(t, None, Kind.FOOTNOTE) for t, _ in notes]:
        if text:
            if kind is Kind.FOOTNOTE:
                footnotes += 1
                label = f"[fn{footnotes}]"
            paragraphs.append(Paragraph(len(paragraphs), text, label, kind, Location()))
    warnings = () if paragraphs else (Notice(source, "no paragraphs found in the document"),)
    return Document(source=source, paragraphs=tuple(paragraphs), warnings=warnings, format="akn")


def _items(root: etree._Element, ns: str) -> Iterator[tuple[str, str | None, Kind | None]]:
    for part in root.iter(
        f"{{{ns}}}preface",
        f"{{{ns}}}preamble",
        f"{{{ns}}}body",
        f"{{{ns}}}mainBody",
        f"{{{ns}}}conclusions",
    ):
        local = etree.QName(part).localname
        if local in ("preface", "preamble", "conclusions"):
            yield from ((text, None, None) for text in _blocks(part, ns))
        else:
            yield from _body(part, ns)


def _body(element: etree._Element, ns: str) -> Iterator[tuple[str, str | None, Kind | None]]:
    for child in element:
        local = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if local == "heading":
            yield " ".join(_text(child, ns).split()), None, Kind.HEADING
        elif local in _HIERARCHY:
            yield from _unit(child, ns)
        elif local not in _SKIP and local:
            yield from ((t, None, None) for t in _blocks(child, ns))


def _unit(unit: etree._Element, ns: str) -> Iterator[tuple[str, str | None, Kind | None]]:
    number = unit.find(f"{{{ns}}}num")
    label = " ".join(_text(number, ns).split()) if number is not None else None
    heading = unit.find(f"{{{ns}}}heading")
    if heading is not None:
        yield " ".join(_text(heading, ns).split()), label, Kind.HEADING
        label = None
    own = [c for c in unit if etree.QName(c).localname not in _HIERARCHY | _SKIP]
    text = " ".join(" ".join(_text(c, ns).split()) for c in own).strip()
    if text or label:
        yield text, label, None
    for child in unit:
        if etree.QName(child).localname in _HIERARCHY:
            yield from _unit(child, ns)


def _blocks(part: etree._Element, ns: str) -> Iterator[str]:
    for element in part.iter(f"{{{ns}}}p", f"{{{ns}}}recital", f"{{{ns}}}formula"):
        if _inside_note(element) or _has_block_parent(element, part):
            continue
        text = " ".join(_text(element, ns).split())
        if text:
            yield text


def _inside_note(element: etree._Element) -> bool:
    return any(etree.QName(a).localname == "authorialNote" for a in element.iterancestors())


def _has_block_parent(element: etree._Element, stop: etree._Element) -> bool:
    for ancestor in element.iterancestors():
        if ancestor is stop:
            return False
        if etree.QName(ancestor).localname in ("recital", "formula"):
            return True
    return False


def _text(element: etree._Element, ns: str) -> str:
    """Text of `element` without authorial notes."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and etree.QName(child).localname != "authorialNote":
            parts.append(_text(child, ns))
        parts.append(child.tail or "")
    return "".join(parts)
