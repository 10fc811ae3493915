"""Normalize stage: build the matching key of each paragraph.

The key ignores what a reviewer does not count as a change: runs of white space
and line wrapping, no-break and other special spaces, straight vs curly quotes,
dash and hyphen variants, soft hyphens, composed vs decomposed accents, Arabic
kashida and short-vowel marks. Display
text is never changed. With
`strict=True` the key is the text itself, so every difference counts.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from .model import Document

_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u00b4`"
_DQUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_SPACES = (
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_DELETED = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u0640" + "".join(
    chr(code) for code in (*range(0x064B, 0x0660), 0x0670)
)  # soft hyphen, zero-width characters, Arabic tatweel (kashida) and short-vowel marks

_FOLD = {
    **{c: "'" for c in _QUOTES},
    **{c: '"' for c in _DQUOTES},
    **{c: "-" for c in _DASHES},
    **{c: " " for c in _SPACES},
    **{c: "" for c in _DELETED},
}
_SPECIAL = re.compile("[" + re.escape("".join(_FOLD)) + "]")
_LINK = re.compile(r"!?\[([^\[\]]*)\](?:\([^()\s]*\)|\[[^\[\]]*\])")
_LINK_DEFINITION = re.compile(r"(?:^|(?<=\s))\[([^\[\]]+)\]:\s+\S+")
_SHORTCUT = re.compile(r"\[([^\[\]]+)\]")
_EMPHASIS = re.compile(r"(?<![\w*_])[*_]{1,3}(?=[^\s*_])|(?<=[^\s*_])[*_]{1,3}(?![\w*_])")


def normalize_text(text: str, strict: bool = False) -> str:
    """Return the matching key of `text`: typography folded, white space collapsed."""
    if strict:
        return text
    return " ".join(_fold(text).split())


def normalize_token(token: str, strict: bool = False) -> str:
    """Return the matching key of one word, punctuation or space token."""
    if strict:
        return token
    folded = _fold(token)
    return " " if folded.isspace() else folded


def _fold(text: str) -> str:
    if text.isascii():
        return text
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return _SPECIAL.sub(lambda found: _FOLD[found.group()], text)


def normalize_document(document: Document, strict: bool = False) -> Document:
    """Set the `key` of every paragraph of `document`.

    In Markdown, emphasis markers (`*Recalling*`, `__Urges__`) and link syntax
    (`[text](url)`, `[text][ref]`, `[ref]: url`) are left out of the key, so a
    change of formatting or of a link target alone is no change of wording.
    """
    markdown = document.format == "markdown" and not strict
    labels = _link_labels(document) if markdown else None
    paragraphs = tuple(
        paragraph.with_key(normalize_text(_plain(paragraph.text, labels), strict))
        for paragraph in document.paragraphs
    )
    return replace(document, paragraphs=paragraphs)


def _link_labels(document: Document) -> frozenset[str]:
    """Labels of Markdown link definitions (`[label]: url`) anywhere in the document."""
    return frozenset(
        found.group(1).lower()
        for paragraph in document.paragraphs
        for found in _LINK_DEFINITION.finditer(paragraph.text)
    )


def _plain(text: str, labels: frozenset[str] | None) -> str:
    """Markdown text without link syntax and emphasis (None: not Markdown)."""
    if labels is None:
        return text
    text = _LINK_DEFINITION.sub("", _LINK.sub(r"\1", text))
    text = _SHORTCUT.sub(lambda m: m.group(1) if m.group(1).lower() in labels else m.group(), text)
    return _EMPHASIS.sub("", text)
