"""Finding an instruction's words in a paragraph, and putting new words in.

Finding is tolerant of what a reader does not see: curly or straight quotes,
dash and hyphen variants, runs of white space (line wrapping, no-break spaces)
and, where that leaves one match only, case. Words are whole: "and" is not
found in "Andes". What is put in is exactly the text given; a space is added
only where the new words would otherwise run into a word of the paragraph.
"""

from __future__ import annotations

import re

_SINGLE = "'\u2018\u2019\u201a\u201b\u2032`\u00b4"
_DOUBLE = '"\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb'
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_CLASSES = {
    **{c: f"[{re.escape(_SINGLE)}]" for c in _SINGLE},
    **{c: f"[{re.escape(_DOUBLE)}]" for c in _DOUBLE},
    **{c: f"[{re.escape(_DASHES)}]" for c in _DASHES},
}
_CLOSING = ";.,:"

Span = tuple[int, int]


def find_words(text: str, words: str) -> tuple[Span, ...]:
    """Where `words` occur in `text`: matched with their case if they are there
    so, else without it."""
    pattern = _pattern(words)
    if pattern is None:
        return ()
    exact = tuple(found.span() for found in re.finditer(pattern, text))
    if exact:
        return exact
    return tuple(found.span() for found in re.finditer(pattern, text, re.IGNORECASE))


def _pattern(words: str) -> str | None:
    words = words.strip()
    if not words:
        return None
    parts = []
    for piece in re.split(r"(\s+)", words):
        if piece.isspace():
            parts.append(r"\s+")
        else:
            parts.append("".join(_CLASSES.get(c, re.escape(c)) for c in piece))
    start = r"(?<!\w)" if words[0].isalnum() else ""
    end = r"(?!\w)" if words[-1].isalnum() else ""
    return start + "".join(parts) + end


def splice(text: str, span: Span, new: str) -> str:
    """`text` with `span` replaced by `new` (deleted when `new` is empty)."""
    left, right = text[: span[0]], text[span[1] :]
    if not new:
        return _closed(left, right)
    if left and left[-1].isalnum() and new[0].isalnum():
        new = " " + new
    if right and right[0].isalnum() and new[-1].isalnum():
        new = new + " "
    return left + new + right


def _closed(left: str, right: str) -> str:
    """Two pieces around deleted words, without a doubled space or a space before
    punctuation at the seam."""
    if left.endswith((" ", "\t")) and (not right or right[0].isspace() or right[0] in _CLOSING):
        left = left.rstrip()
    if not left:
        right = right.lstrip()
    return left + right


def end_span(text: str) -> Span:
    """The empty span where words added "at the end" go: before the closing mark
    (`;`, `.`, `,` or `:`) of the paragraph, if it has one."""
    body = text.rstrip()
    if body and body[-1] in _CLOSING:
        return len(body) - 1, len(body) - 1
    return len(body), len(body)
