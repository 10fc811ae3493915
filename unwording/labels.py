"""The grammar of UN paragraph labels, shared by the text reader and segment.

Recognised at the start of a paragraph (or of a line inside a block):

- operative numbers `1.`, `12.`, `1)`, with `bis`, `ter`, ... forms: `2 bis.`, `2.bis`;
- negotiators' `PP3`, `OP5`, `OP5 bis`, `OP5(b)`;
- sub-paragraphs `(a)`, `(ii)`, `(aa)` and the French/Spanish `a)`, `ii)`;
- SDG targets and indicators `16.3`, `16.a`, `16.10.1`, a proposed `16.9 bis`, and
  `Goal 16.`;
- heading numbers: roman `IV.` and capital letters `B.`;
- footnote and endnote markers `[fn1]`, `[en2]` (as the Word reader writes them).

`format_number` writes a list counter as Word and HTML lists show it (`c`, `iv`),
bounded: a value a format cannot show briefly is written in digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_LATIN = r"(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies)\b"

_LABEL = re.compile(
    rf"""^(?:
      (?P<note>\[(?:fn|en)\d{{1,4}}\])
    | (?P<ppop>(?:PP|OP)\s?\d{{1,3}}(?:\s?{_LATIN})?(?:\s?\([a-z]{{1,4}}\))?[.:]?)
    | (?P<goal>Goal\s+\d{{1,2}}[.:]?)
    | (?P<target>\d{{1,2}}\.(?:\d{{1,2}}|[a-z])(?:\.\d{{1,2}})?(?:\s?{_LATIN})?\.?)
    | (?P<num>\d{{1,3}}(?:\s?{_LATIN}\.|[.)](?:\s?{_LATIN}\b\.?)?))
    | (?P<paren>\((?:[a-z]{{1,2}}|[ivxlc]{{1,7}}|\d{{1,2}})\)(?:\s?{_LATIN})?)
    | (?P<letter>(?:[a-z]|[ivx]{{1,5}})\))
    | (?P<roman>[IVXL]{{1,6}}\.)
    | (?P<capital>[A-Z]\.)
    )(?=\s|$)""",
    re.X,
)
_NUMBER = re.compile(r"\d+")

MAX_ROMAN = 3_999  # past MMMCMXCIX, roman numerals need symbols nobody types
MAX_LETTERS = 780  # a to z, aa to zz... up to 30 repeated letters
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)

HEADING_GROUPS = frozenset({"roman", "capital", "goal"})
SUB_GROUPS = frozenset({"paren", "letter"})


@dataclass(frozen=True)
class LabelMatch:
    """A label found at the start of a text: its text, group and where the rest begins."""

    label: str
    group: str
    end: int

    @property
    def number(self) -> int | None:
        """The first number in the label, if it has one (`OP12` -> 12)."""
        found = _NUMBER.search(self.label)
        return int(found.group()) if found else None


def match_label(text: str) -> LabelMatch | None:
    """Return the label that opens `text`, if any, with the offset of the rest."""
    found = _LABEL.match(text)
    if not found:
        return None
    rest = len(text) - len(text[found.end() :].lstrip())
    return LabelMatch(label=found.group().strip(), group=found.lastgroup or "", end=rest)


@lru_cache(maxsize=4096)
def label_core(label: str | None) -> str:
    """The comparable core of a label: `1.` and `1)` are the same number."""
    if not label:
        return ""
    return re.sub(r"[^0-9a-z]", "", label.lower())


def starts_new_paragraph(line: str, previous: LabelMatch | None) -> bool:
    """Tell whether a line inside a block starts a paragraph of its own.

    Sub-paragraph and PP/OP labels always do; a number does only when it follows
    the previous numbered label of the block (so a wrapped line that starts with a
    year such as `2030.` stays in its paragraph).
    """
    found = match_label(line)
    if found is None or found.group in HEADING_GROUPS:
        return False
    if found.group in SUB_GROUPS or found.group == "ppop":
        return True
    if previous is None or previous.group != found.group:
        return False
    return _follows(previous, found)


def _follows(previous: LabelMatch, current: LabelMatch) -> bool:
    if current.group == "target":
        return current.label.split(".")[0] == previous.label.split(".")[0]
    if previous.number is None or current.number is None:
        return False
    return current.number in (previous.number, previous.number + 1)


def format_number(value: int, fmt: str) -> str:
    """A list counter in Word's format: decimal, lowerLetter, upperRoman...; a value
    out of the format's range (0, negative, past 3999 in roman, past 780 in letters)
    is written in digits, so a label is never longer than its number."""
    if fmt in ("lowerLetter", "upperLetter") and 0 < value <= MAX_LETTERS:
        letters = _letters(value)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman") and 0 < value <= MAX_ROMAN:
        roman = _roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    return str(value)


def _letters(value: int) -> str:
    """a..z, then aa, bb... as Word does."""
    letter = chr(ord("a") + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    parts = []
    for number, text in _ROMAN:
        count, value = divmod(value, number)
        parts.append(text * count)
    return "".join(parts)
