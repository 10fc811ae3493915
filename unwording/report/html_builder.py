"""The escaping HTML builder: small helpers over lxml elements.

Text only ever enters the page as an element's text, tail or attribute value,
which lxml escapes; nothing is assembled from strings of markup.
"""

from __future__ import annotations

import re

from lxml import etree


def css_id(category: str) -> str:
    """A category id made safe for a CSS class name."""
    return "cat-" + re.sub(r"[^a-z0-9-]", "-", category.lower())


def link(parent: etree._Element, text: str, **attributes: str) -> etree._Element:
    """Append `<a>` with `text`."""
    anchor = etree.SubElement(parent, "a", **attributes)
    anchor.text = text
    return anchor


def element(parent: etree._Element, tag: str, text: str | None = None, **attributes: str):
    """Append a child element with optional text."""
    child = etree.SubElement(parent, tag, **attributes)
    child.text = text
    return child


def append_text(parent: etree._Element, text: str) -> None:
    """Add text after the last child of `parent` (or as its text)."""
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text
