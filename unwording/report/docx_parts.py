"""The parts of a Word package besides the document body, and the package itself.

Built with lxml on WordprocessingML, no template: `[Content_Types].xml`,
`_rels/.rels`, `word/_rels/document.xml.rels`, `word/styles.xml`,
`word/settings.xml` (with `w:trackRevisions`, so that edits made in Word are
tracked too), `word/comments.xml` and `docProps/core.xml`. The zip is
deterministic: entries in name order, each dated 1980-01-01, the same
compression, so the same report gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

from lxml import etree

from .html_builder import safe_text

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CORE_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DC, _DCTERMS = "http://purl.org/dc/elements/1.1/", "http://purl.org/dc/terms/"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
FONT = "Times New Roman"

# style id -> (name, paragraph properties, run properties)
STYLES: dict[str, tuple[str, dict[str, dict[str, str]], dict[str, dict[str, str]]]] = {
    "Normal": ("Normal", {"spacing": {"after": "120"}}, {}),
    "Title": ("Title", {"spacing": {"after": "240"}}, {"b": {}, "sz": {"val": "32"}}),
    "Heading1": ("heading 1", {"keepNext": {}, "spacing": {"before": "240"}}, {"b": {}}),
    "Heading2": ("heading 2", {"keepNext": {}, "spacing": {"before": "200"}}, {"b": {}}),
    "FootnoteText": ("footnote text", {}, {"sz": {"val": "20"}}),
    "CommentText": ("annotation text", {}, {"sz": {"val": "20"}}),
}


def element(parent: etree._Element | None, tag: str, **attributes: str) -> etree._Element:
    """A `w:` element (appended to `parent` if given) with `w:` attributes (values
    from outside, such as an author's name, must have passed `safe_text`)."""
    attrib = {W + name: value for name, value in attributes.items()}
    if parent is None:
        return etree.Element(f"{W}{tag}", attrib, nsmap={"w": W_NS})
    return etree.SubElement(parent, f"{W}{tag}", attrib)


def content_types() -> etree._Element:
    root = etree.Element(
        "Types", nsmap={None: "http://schemas.openxmlformats.org/package/2006/content-types"}
    )
    ns = root.nsmap[None]
    for extension, kind in (
        ("rels", "application/vnd.openxmlformats-package.relationships+xml"),
        ("xml", "application/xml"),
    ):
        etree.SubElement(root, f"{{{ns}}}Default", Extension=extension, ContentType=kind)
    for part, kind in (
        ("/word/document.xml", f"{_WML}.document.main+xml"),
        ("/word/styles.xml", f"{_WML}.styles+xml"),
        ("/word/settings.xml", f"{_WML}.settings+xml"),
        ("/word/comments.xml", f"{_WML}.comments+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
    ):
        etree.SubElement(root, f"{{{ns}}}Override", PartName=part, ContentType=kind)
    return root


def relationships(targets: Iterable[tuple[str, str]]) -> etree._Element:
    """A relationships part: (type, target) pairs, numbered rId1, rId2..."""
    root = etree.Element(f"{{{_PKG_RELS}}}Relationships", nsmap={None: _PKG_RELS})
    for number, (kind, target) in enumerate(targets, start=1):
        etree.SubElement(
            root, f"{{{_PKG_RELS}}}Relationship", Id=f"rId{number}", Type=kind, Target=target
        )
    return root


def package_relationships() -> etree._Element:
    return relationships(
        [
            (f"{_OFFICE_RELS}/officeDocument", "word/document.xml"),
            (f"{_PKG_RELS}/metadata/core-properties", "docProps/core.xml"),
        ]
    )


def document_relationships() -> etree._Element:
    return relationships(
        (f"{_OFFICE_RELS}/{name}", f"{name}.xml") for name in ("styles", "settings", "comments")
    )


def styles(rtl: bool) -> etree._Element:
    """Times New Roman 12 pt, and the few paragraph styles the redline uses."""
    root = element(None, "styles")
    defaults = element(element(root, "docDefaults"), "rPrDefault")
    run = element(defaults, "rPr")
    element(run, "rFonts", ascii=FONT, hAnsi=FONT, cs=FONT, eastAsia=FONT)
    element(run, "sz", val="24")
    element(run, "szCs", val="24")
    for style_id, (name, paragraph, characters) in STYLES.items():
        style = element(root, "style", type="paragraph", styleId=style_id)
        if style_id == "Normal":
            style.set(f"{W}default", "1")
        element(style, "name", val=name)
        if style_id != "Normal":
            element(style, "basedOn", val="Normal")
        _properties(element(style, "pPr"), {**paragraph, **({"bidi": {}} if rtl else {})})
        _properties(element(style, "rPr"), characters)
    return root


def _properties(parent: etree._Element, properties: dict[str, dict[str, str]]) -> None:
    for tag in _SCHEMA_ORDER:
        if tag in properties:
            element(parent, tag, **properties[tag])


_SCHEMA_ORDER = ("keepNext", "bidi", "spacing", "b", "sz")  # as CT_PPr and CT_RPr order them


def settings() -> etree._Element:
    """Track changes on; a 1 cm default tab stop; Word 2013+ layout."""
    root = element(None, "settings")
    element(root, "trackRevisions")
    element(root, "defaultTabStop", val="567")
    compat = element(root, "compat")
    element(
        compat,
        "compatSetting",
        name="compatibilityMode",
        uri="http://schemas.microsoft.com/office/word",
        val="15",
    )
    return root


def core(title: str, author: str, when: str | None) -> etree._Element:
    """docProps/core.xml: title, creator and (unless no time is given) dates."""
    nsmap = {"cp": _CORE_NS, "dc": _DC, "dcterms": _DCTERMS, "xsi": _XSI}
    root = etree.Element(f"{{{_CORE_NS}}}coreProperties", nsmap=nsmap)
    etree.SubElement(root, f"{{{_DC}}}title").text = safe_text(title)
    etree.SubElement(root, f"{{{_DC}}}creator").text = safe_text(author)
    etree.SubElement(root, f"{{{_CORE_NS}}}lastModifiedBy").text = safe_text(author)
    for name in ("created", "modified") if when else ():
        date = etree.SubElement(root, f"{{{_DCTERMS}}}{name}")
        date.set(f"{{{_XSI}}}type", "dcterms:W3CDTF")
        date.text = when
    return root


def package(parts: dict[str, etree._Element]) -> bytes:
    """The zip package of `parts` (name -> root element), deterministic."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name in sorted(parts):
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            data = etree.tostring(
                parts[name], xml_declaration=True, encoding="UTF-8", standalone=True
            )
            archive.writestr(info, data, compresslevel=6)
    return buffer.getvalue()
