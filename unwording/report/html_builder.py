"""The escaping HTML builder: small helpers over lxml elements.

Text only ever enters the page as an element's text, tail or attribute value,
which lxml escapes; nothing is assembled from strings of markup. Characters that
XML cannot hold (control characters from a damaged document, lone surrogates from
an undecodable file name) are shown as symbols: U+0001 as `␁`, a surrogate as `�`.
"""

from __future__ import annotations

import re

from lxml import etree

_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_SYMBOLS = {code: 0x2400 + code for code in range(32)} | {0x7F: 0x2421}


def safe_text(text: str) -> str:
    """`text` with what XML cannot hold shown as symbols (control pictures, U+FFFD)."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(_symbol, text)


def _symbol(found: re.Match[str]) -> str:
    code = ord(found.group())
    return chr(_SYMBOLS[code]) if code in _SYMBOLS else "\ufffd"


def _safe_attributes(attributes: dict[str, str]) -> dict[str, str]:
    return {name: safe_text(value) for name, value in attributes.items()}


def css_id(category: str) -> str:
    """A category id made safe for a CSS class name."""
    return "cat-" + re.sub(r"[^a-z0-9-]", "-", category.lower())


def link(parent: etree._Element, text: str, **attributes: str) -> etree._Element:
    """Append `<a>` with `text`."""
    anchor = etree.SubElement(parent, "a", **_safe_attributes(attributes))
    anchor.text = safe_text(text)
    return anchor


def element(
    parent: etree._Element, tag: str, text: str | None = None, **attributes: str
) -> etree._Element:
    """Append a child element with optional text."""
    child = etree.SubElement(parent, tag, **_safe_attributes(attributes))
    child.text = safe_text(text) if text is not None else None
    return child


def append_text(parent: etree._Element, text: str) -> None:
    """Add text after the last child of `parent` (or as its text)."""
    text = safe_text(text)
    try:
        last = parent[-1]  # found from the end; len() would count every child
    except IndexError:
        parent.text = (parent.text or "") + text
        return
    last.tail = (last.tail or "") + text
