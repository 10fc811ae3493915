"""Word's automatic numbering: the labels ("1.", "(a)", "16.3") that Word draws
from numbering.xml instead of storing them in the text.

A paragraph is numbered by its own `w:numPr` or by its style's. Each list
(`w:num`, pointing to a `w:abstractNum`) keeps one counter per level; a level
going up resets the deeper ones; `w:lvlText` such as `%1.` or `(%2)` is filled in
with the counters, each in its level's format (decimal, lowerLetter, lowerRoman...).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
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


@dataclass(frozen=True)
class Level:
    """One level of a list: its format, text pattern and start value."""

    format: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class Numbering:
    """Lists of a document, and the running counters of each."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)
    abstract_of: dict[str, str] = field(default_factory=dict)
    style_numbering: dict[str, tuple[str, int]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def label(self, paragraph: etree._Element) -> str | None:
        """The label Word shows for `paragraph`, advancing the list's counters."""
        found = self._numbering_of(paragraph)
        if found is None:
            return None
        num_id, level = found
        abstract = self.abstract_of.get(num_id)
        levels = self.levels.get(abstract or "", {})
        if num_id == "0" or level not in levels:
            return None
        counters = self.counters.setdefault(abstract, {})
        counters[level] = counters.get(level, levels[level].start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        return _fill(levels, counters, level)

    def _numbering_of(self, paragraph: etree._Element) -> tuple[str, int] | None:
        properties = paragraph.find(f"{W}pPr")
        if properties is None:
            return None
        num = properties.find(f"{W}numPr")
        if num is not None and num.find(f"{W}numId") is not None:
            level = num.find(f"{W}ilvl")
            return num.find(f"{W}numId").get(f"{W}val"), _int(level, 0)
        style = properties.find(f"{W}pStyle")
        return self.style_numbering.get(style.get(f"{W}val")) if style is not None else None


def load_numbering(
    numbering_xml: etree._Element | None, styles_xml: etree._Element | None
) -> Numbering:
    """Read numbering.xml and the numbering of paragraph styles in styles.xml."""
    numbering = Numbering()
    if numbering_xml is not None:
        for abstract in numbering_xml.iter(f"{W}abstractNum"):
            numbering.levels[abstract.get(f"{W}abstractNumId")] = _levels(abstract)
        for num in numbering_xml.iter(f"{W}num"):
            target = num.find(f"{W}abstractNumId")
            if target is not None:
                numbering.abstract_of[num.get(f"{W}numId")] = target.get(f"{W}val")
    if styles_xml is not None:
        for style in styles_xml.iter(f"{W}style"):
            num = style.find(f"{W}pPr/{W}numPr")
            if num is not None and num.find(f"{W}numId") is not None:
                num_id = num.find(f"{W}numId").get(f"{W}val")
                numbering.style_numbering[style.get(f"{W}styleId")] = (
                    num_id,
                    _int(num.find(f"{W}ilvl"), 0),
                )
    return numbering


def _levels(abstract: etree._Element) -> dict[int, Level]:
    levels = {}
    for level in abstract.iter(f"{W}lvl"):
        number = int(level.get(f"{W}ilvl", "0"))
        fmt = level.find(f"{W}numFmt")
        text = level.find(f"{W}lvlText")
        levels[number] = Level(
            format=fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal",
            text=text.get(f"{W}val", "") if text is not None else "",
            start=_int(level.find(f"{W}start"), 1),
        )
    return levels


def _int(element: etree._Element | None, default: int) -> int:
    if element is None:
        return default
    try:
        return int(element.get(f"{W}val", default))
    except ValueError:
        return default


def _fill(levels: dict[int, Level], counters: dict[int, int], level: int) -> str | None:
    own = levels[level]
    if own.format in ("bullet", "none") or not own.text:
        return None
    text = own.text
    for number in range(level, -1, -1):
        placeholder = f"%{number + 1}"
        if placeholder in text:
            value = counters.get(number, levels.get(number, Level()).start)
            text = text.replace(placeholder, format_number(value, levels.get(number, own).format))
    return text.strip() or None


def format_number(value: int, fmt: str) -> str:
    """A list counter in Word's format: decimal, lowerLetter, upperRoman..."""
    if fmt == "lowerLetter":
        return _letters(value)
    if fmt == "upperLetter":
        return _letters(value).upper()
    if fmt == "lowerRoman":
        return _roman(value)
    if fmt == "upperRoman":
        return _roman(value).upper()
    return str(value)


def _letters(value: int) -> str:
    """a..z, then aa, bb... as Word does."""
    letter = chr(ord("a") + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    result = ""
    for number, text in _ROMAN:
        while value >= number:
            result += text
            value -= number
    return result
