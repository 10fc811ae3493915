"""Normalize stage: build the matching key of each paragraph.

The key ignores what a reviewer does not count as a change: runs of white space
and line wrapping, no-break and other special spaces, straight vs curly quotes,
dash and hyphen variants, soft hyphens, composed vs decomposed accents, Arabic
kashida and short-vowel marks, a compound's hyphen that text extraction set apart
from one of its words (`action- oriented`, `cross -border`; not `pre- and
post-natal`), and footnote references: Markdown `[^1]` and
the note numbers that PDF extraction glues to the word or mark they follow
(`Diversity10`, `Rights,1`, `2017/18;4`, `Trust,4`, `2014–20243` for the
Decade 2014–2024 and note 3). Display text is never changed. With
`strict=True` the key is the text itself, so every difference counts.

A glued number is taken for a note only where wording cannot put one: after a
word of three or more lowercase letters (not `CO2`, `G77`, `H5N1`); after `,`
or `;` following a letter, `:` following a lowercase letter, or `;` anywhere;
after a closing quote or bracket; after a year and `,` (`2024,1`, not `1,000`
or `2,5`); or at the end of a year range. It has 1-3 digits and no more of a
number after it (`A/RES/70/1`, `S/2015/1`, `resolution 70/1` and `article 4`
are wording). After `.` it must also end the text or come before a capital
(`Rights.1 The`; not `No.1`, `Corr.1` or `2023.4 billion`). A number set apart
by a space (`Agenda 2 and`) cannot be told from wording and stays.
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
_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()\s]*\)")
_REFERENCE_LINK = re.compile(r"!?\[([^\[\]]*)\]\[([^\[\]]*)\]")
_LINK_DEFINITION = re.compile(  # `[label]: url`: an address (a scheme, a path, <...>)
    r"(?:^|(?<=\s))\[([^\[\]]+)\]:\s+(?:<[^<>\s]*>|[A-Za-z][\w+.-]*:\S+|[/#.]\S*|[^\s/]+/\S*)"
)  # not `[Option 1]: Parties shall ...`, a bracketed label before text
_SHORTCUT = re.compile(r"\[([^\[\]]+)\]")
_EMPHASIS = re.compile(r"(?<![\w*_])[*_]{1,3}(?=[^\s*_])|(?<=[^\s*_])[*_]{1,3}(?![\w*_])")

# Footnote references (see the module docstring). A context is what may come
# before a note number: a fixed-width pattern, then the mark the number is glued
# to. The diff tokenizer keeps mark and number as one token (NOTE_TOKEN, whose key
# is the mark alone); _NOTE_NUMBER finds the same numbers in whole texts.
_LOWER = "a-zß-öø-ÿ"
_CLOSER = "”’\"')\\]"
_YEAR = r"(?<![\d.,/])(?:19|20)[0-9]{2}"
_ABBREVIATIONS = ("No", "no", "para", "art", "vol", "chap", "Corr", "Rev", "Add")
_END = r"(?![\w/]|[.,]\d)"
_SENTENCE = r"(?=\s+[A-Z“\"‘(\[]|\s*$)"
_AFTER_MARK = (
    (r"[^\W\d_]", "[,;]"),
    (f"[{_LOWER}]", ":"),
    ("", ";"),
    (r"\S", f"[{_CLOSER}]"),
    (f"[{_CLOSER}]", "[,;:]"),
    (_YEAR, ","),
    *((rf"/[0-9]{{{n}}}", ",") for n in range(1, 5)),  # after a symbol: `resolution 70/1,1`
)
_AFTER_STOP = (
    (f"[{_LOWER}]" + "".join(rf"(?<!\b{word})" for word in _ABBREVIATIONS), r"\."),
    (f"[{_CLOSER}]", r"\."),
    (_YEAR, r"\."),
)
MARKDOWN_NOTE = r"\[\^[^\]\s]{1,20}\]"
"""A Markdown footnote reference, `[^1]`."""
BROKEN_HYPHEN = (  # after a letter; the hyphen or space first, to fail fast
    rf"(?:[-\u2010\u2011](?<=[^\W\d_].) (?!(?:and|or|nor|to)\b)"
    rf"| (?=[-\u2010\u2011])(?<=[^\W\d_] )[-\u2010\u2011])(?=[{_LOWER}])"
)
"""A hyphen that text extraction set apart from its word: `action- oriented`, `cross -border`."""


def _marks(contexts: tuple[tuple[str, str], ...]) -> str:
    """The marks a note number may be glued to, each with its context before it."""
    return "|".join(rf"(?<={before}){mark}" if before else mark for before, mark in contexts)


def _digits(contexts: tuple[tuple[str, str], ...]) -> str:
    """The same contexts, as look-behinds ending at the note number's first digit."""
    return "|".join(rf"(?<={before}{mark}[0-9])" for before, mark in contexts)


NOTE_TOKEN = (  # first: a digit one or two marks on, to fail fast
    rf"(?=[^\w\s]{{1,2}}[0-9])(?:(?:{_marks(_AFTER_MARK)})[0-9]{{1,3}}{_END}"
    rf"|(?:{_marks(_AFTER_STOP)})[0-9]{{1,3}}{_END}{_SENTENCE})"
)
"""A mark with a note number glued to it (`,1`, `;4`, `”2`), as one diff token."""
_NOTE_NUMBER = re.compile(  # a digit first, then what may stand before it, to fail fast
    rf"[0-9](?:(?<=[{_LOWER}]{{3}}[0-9])"
    rf"|(?<=[,;:.{_CLOSER}][0-9])(?:{_digits(_AFTER_MARK)}"
    rf"|(?=[0-9]{{0,2}}{_END}{_SENTENCE})(?:{_digits(_AFTER_STOP)}))"
    rf"|(?<=[0-9]{{2}})(?<={_YEAR}[-–]{_YEAR}[0-9]))[0-9]{{0,2}}{_END}"
)
_SPACE_AFTER_HYPHEN = re.compile(  # hyphen first, to be found fast
    rf"-(?<=[^\W\d_]-) (?!(?:and|or|nor|to)\b)(?=[{_LOWER}])"
)
_SPACE_BEFORE_HYPHEN = re.compile(rf" (?=-[{_LOWER}])(?<=[^\W\d_] )")
_MARK_NOTE = re.compile(rf"[,;:.{_CLOSER}]{{1,2}}[0-9]{{1,3}}")
_MARKDOWN_NOTE = re.compile(MARKDOWN_NOTE)


def normalize_text(text: str, strict: bool = False) -> str:
    """Return the matching key of `text`: typography folded, white space collapsed."""
    if strict:
        return text
    folded = _fold(text)
    if "[^" in folded:
        folded = _MARKDOWN_NOTE.sub("", folded)
    return _mended(_collapsed(_NOTE_NUMBER.sub("", folded)))


def _collapsed(text: str) -> str:
    """White space collapsed to single spaces (most texts have nothing to collapse)."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # printable: no white space but the ASCII space
    return " ".join(text.split())


def normalize_token(token: str, strict: bool = False) -> str:
    """Return the matching key of one word, punctuation or space token.

    A token made by the diff tokenizer with a footnote reference (`Diversity10`,
    `,1`, `[^2]`) has the key of the token without it.
    """
    if strict:
        return token
    folded = _fold(token)
    if folded.isspace():
        return " "
    if _MARK_NOTE.fullmatch(folded):
        return folded.rstrip("0123456789")
    if "[^" in folded:
        folded = _MARKDOWN_NOTE.sub("", folded)
    return _mended(_NOTE_NUMBER.sub("", folded))


def _mended(key: str) -> str:
    """The key with compounds whose hyphen was set apart joined again (`action-oriented`)."""
    if "-" not in key:
        return key
    if "- " in key:
        key = _SPACE_AFTER_HYPHEN.sub("-", key)
    if " -" in key:
        key = _SPACE_BEFORE_HYPHEN.sub("", key)
    return key


def _fold(text: str) -> str:
    if text.isascii():
        return text
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return _SPECIAL.sub(lambda found: _FOLD[found.group()], text)


def normalize_document(
    document: Document, strict: bool = False, known: dict[str, str] | None = None
) -> Document:
    """Set the `key` of every paragraph of `document`.

    In Markdown, emphasis markers (`*Recalling*`, `__Urges__`) and link syntax
    (`[text](url)`, `[text][ref]`, `[ref]: url`) are left out of the key, so a
    change of formatting or of a link target alone is no change of wording.
    `known` maps texts already normalized (with the same `strict`) to their keys:
    pass one dict for both versions, whose paragraphs are mostly the same texts.
    """
    markdown = document.format == "markdown" and not strict
    labels = link_labels(document) if markdown else None
    known = {} if known is None else known
    paragraphs = []
    for paragraph in document.paragraphs:
        plain = _plain(paragraph.text, labels)
        key = known.get(plain)
        if key is None:
            key = known[plain] = normalize_text(plain, strict)
        paragraphs.append(paragraph.with_key(key))
    return replace(document, paragraphs=tuple(paragraphs))


def link_labels(document: Document) -> frozenset[str]:
    """Labels of Markdown link definitions (`[label]: url`) anywhere in the document."""
    return frozenset(
        found.group(1).lower()
        for paragraph in document.paragraphs
        for found in _LINK_DEFINITION.finditer(paragraph.text)
    )


LINK_SYNTAX = (_LINK, _LINK_DEFINITION, _REFERENCE_LINK, _SHORTCUT)  # in the order applied


def kept_span(found: re.Match[str], labels: frozenset[str]) -> tuple[int, int]:
    """What is kept of a match of one of `LINK_SYNTAX` (start and end in its text): a
    link's text; nothing of a definition; `[text][label]` and `[label]` are links only
    when `label` is defined (`[]` means the text itself): otherwise, as in
    `[shall][should]`, they are negotiating brackets, kept whole."""
    if found.re is _LINK:
        return found.span(1)
    if found.re is _LINK_DEFINITION:
        return found.start(), found.start()
    label = (found.group(2) if found.re is _REFERENCE_LINK else None) or found.group(1)
    return found.span(1) if label.lower() in labels else found.span()


def _plain(text: str, labels: frozenset[str] | None) -> str:
    """Markdown text without link syntax and emphasis (None: not Markdown)."""
    if labels is None:
        return text
    for pattern in LINK_SYNTAX:
        text = pattern.sub(lambda found: found.string[slice(*kept_span(found, labels))], text)
    return _EMPHASIS.sub("", text)
