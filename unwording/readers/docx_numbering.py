"""Word's automatic numbering: the labels ("1.", "(a)", "16.3") that Word draws
from numbering.xml instead of storing them in the text.

A paragraph is numbered by its own `w:numPr` or by its style's. Each list
(`w:num`, pointing to a `w:abstractNum`) keeps one counter per level; a level
going up resets the deeper ones; `w:lvlText` such as `%1.` or `(%2)` is filled in
with the counters, each in its level's format (decimal, lowerLetter, lowerRoman...).
A level outside 0-8, or a value that is no number, is ignored as Word ignores it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from ..labels import format_number

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_LEVEL = 8  # Word's lists have levels 0 to 8
MAX_START = 999_999  # a start value past this is damage: the level starts at 1
_DIGITS = re.compile(r"\s*[0-9]{1,9}\s*")


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
    counters: dict[str | None, dict[int, int]] = field(default_factory=dict)  # by abstract list

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
            level = num.find(f"{W}ilvl")  # none: level 0; a damaged one: no label
            number = 0 if level is None else _int(level, -1, MAX_LEVEL)
            return num.find(f"{W}numId").get(f"{W}val"), number
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
                    _int(num.find(f"{W}ilvl"), 0, MAX_LEVEL),
                )
    return numbering


def _levels(abstract: etree._Element) -> dict[int, Level]:
    levels = {}
    for level in abstract.iter(f"{W}lvl"):
        number = _number(level.get(f"{W}ilvl", "0"), -1, MAX_LEVEL)
        if number < 0:
            continue
        fmt = level.find(f"{W}numFmt")
        text = level.find(f"{W}lvlText")
        levels[number] = Level(
            format=fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal",
            text=text.get(f"{W}val", "") if text is not None else "",
            start=_int(level.find(f"{W}start"), 1, MAX_START),
        )
    return levels


def _int(element: etree._Element | None, default: int, highest: int) -> int:
    """The `w:val` of `element`, when it is a number from 0 to `highest`."""
    return default if element is None else _number(element.get(f"{W}val"), default, highest)


def _number(value: str | None, default: int, highest: int) -> int:
    if value is None or not _DIGITS.fullmatch(value):
        return default
    number = int(value)
    return number if number <= highest else default


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
