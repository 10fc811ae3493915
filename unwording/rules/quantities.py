"""Quantity flags: deadlines, per cents, money, counts and thresholds that changed.

"By 2020" -> "By 2030" moves a deadline ten years; "[x] per cent" -> "5 per cent",
"1.5 °C", "55 Parties", "12 per 1,000 live births" and "US$ 100 billion" are the
numbers a negotiation is fought over. Each side of a modified pair is searched for
quantities (a number with what it counts, or a year with a deadline word before
it); those found on one side only are paired by kind, in order:

- `quantity_changed`: the same kind of quantity with another value (`before` and
  `after` hold both; for deadlines `detail` says how many years earlier or later);
- `quantity_added` / `quantity_removed`: a quantity with no counterpart.

A figure replaced by a reference to the article that sets it ("1.5 °C" -> "the
temperature goal referred to in Article 2") is not removed. References are not
quantities and stay editorial: resolution and document
symbols (`70/1`, `A/RES/80/6`, `1/CP.17`), article, paragraph, target and
footnote numbers, session and meeting numbers, and dates (a day, a month and a
year: when a meeting was held).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Flag, Status
from . import PairText
from .editorial import changes_with_context

_NUMBER = r"\[\d+(?:\.\d+)?(?:\]\[\d+(?:\.\d+)?)+\]|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# (the first form: numbers in alternative brackets, "[50][60] Parties", one value)
_WORD_NUMBERS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    "forty|fifty|sixty|hundred|half|a third|one third|two thirds|a quarter"
)
_SPELLED = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "fifteen": "15",
    "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60",
    "hundred": "100", "half": "0.5", "a third": "0.33", "one third": "0.33",
    "two thirds": "0.67", "a quarter": "0.25",
}  # fmt: skip
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DEADLINE_WORDS = (
    r"by|before|until|till|through|no later than|not later than|after|beyond|"
    r"as of|as from|starting in|up to|post-|pre-"
)
_PATTERNS = [
    (
        "temperature",
        rf"(?<![\w/.])(?P<value>{_NUMBER})\s*(?:°|º|degrees?)\s*(?:C\b|Celsius)",
    ),
    (
        "per cent",
        rf"(?<![\w/.])(?P<value>{_NUMBER}|\[x\]|x|{_WORD_NUMBERS})\s*(?:per\s*cent|percent|%)",
    ),
    (
        "money",
        rf"(?:US\s?\$|\$|USD|EUR|€)\s?(?P<value>{_NUMBER})(?:\s*(?:million|billion|trillion))?"
        rf"|(?<![\w/.])(?P<value2>{_NUMBER})\s*(?:million|billion|trillion)\s+"
        r"(?:United States\s+)?(?:dollars|US dollars|euros)",
    ),
    (
        "rate",
        rf"(?<![\w/.])(?P<value>{_NUMBER})\s+per\s+(?P<unit>{_NUMBER}|hundred|thousand|million)"
        r"(?:\s+\w+){0,2}",
    ),
    (
        "deadline",
        rf"(?<![\w/])(?P<word>{_DEADLINE_WORDS})\s*(?:the\s+(?:end\s+of\s+|year\s+)?)?"
        r"(?P<value>(?:19|20)\d\d)(?![\w/]|[.,]\d|\s*(?:Agenda|Framework))",
    ),
    (
        "count",
        rf"(?<![\w/.,])(?P<value>{_NUMBER}|{_WORD_NUMBERS})\s+(?P<unit>Parties|countries|States|"
        r"years|months|days|weeks|members|times|million|billion|"
        r"hectares|tons|tonnes|people|persons|children|deaths)\b",
    ),
]
_COMPILED = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _PATTERNS]
_NEEDLES = {  # one of these must be in the (lower-cased) text for the pattern to be tried
    "temperature": ("°", "º", "degree"),
    "per cent": ("per cent", "percent", "%", "per  cent"),
    "money": ("$", "usd", "eur", "€", "dollar", "euro", "million", "billion", "trillion"),
    "rate": (" per ",),
    "deadline": ("19", "20"),
    "count": (
        "parties", "countries", "states", "year", "month", "day", "week", "member", "times",
        "million", "billion", "hectare", "ton", "people", "person", "children", "death",
    ),
}  # fmt: skip
_NEEDLE = {
    kind: re.compile("|".join(map(re.escape, needles))) for kind, needles in _NEEDLES.items()
}
_DIGIT = re.compile(r"\d")
_SPELLED_KINDS = ("per cent", "count")  # the kinds whose value may be a word; the others
# need a digit (`_NUMBER`, a year)
_DATE = re.compile(rf"\b\d{{1,2}}\s+(?:{_MONTHS})\s*$|\b(?:{_MONTHS})\s*$", re.IGNORECASE)
_REFERENCE_BEFORE = re.compile(
    r"(?:article|articles|paragraph|paragraphs|para\.|resolution|resolutions|decision|"
    r"decisions|section|annex|chapter|no\.|target|targets|goal|goals|indicator|session|"
    r"meeting|rule|rules|part)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    """A quantity found in a text: its kind, its value as written and the phrase."""

    kind: str
    value: str
    phrase: str


def find_quantities(text: str) -> list[Quantity]:
    """Quantities in `text`, in order (see the module docstring)."""
    found: list[tuple[int, int, Quantity]] = []
    taken: list[tuple[int, int]] = []
    lowered = text.lower()
    digits = _DIGIT.search(text) is not None
    for kind, pattern in _COMPILED:
        if not (digits or kind in _SPELLED_KINDS) or not _NEEDLE[kind].search(lowered):
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < b and end > a for a, b in taken) or _is_reference(text, match):
                continue
            taken.append((start, end))
            phrase = " ".join(match.group().split())
            found.append((start, end, Quantity(kind, _value(match), phrase)))
    return [quantity for _, _, quantity in sorted(found, key=lambda item: item[0])]


def _is_reference(text: str, match: re.Match[str]) -> bool:
    """A number that points at something (an article, a resolution, a date)."""
    before = text[max(0, match.start() - 30) : match.start()]
    return bool(_REFERENCE_BEFORE.search(before) or before.endswith("/") or _DATE.search(before))


def _value(match: re.Match[str]) -> str:
    """The value compared: the number (with its base, for a rate), without separators."""
    groups = match.groupdict()
    value = groups.get("value") or groups.get("value2") or ""
    value = _SPELLED.get(value.lower(), value)
    if groups.get("unit") and "per" in match.group().lower().split():
        value = f"{value} per {groups['unit']}"
    return value.replace(",", "").lower()


def quantity_flags(text: PairText) -> Iterator[Flag]:
    """Quantities changed, added or removed inside a modified, split or merged pair."""
    if text.pair.status in (Status.INSERTED, Status.DELETED, Status.UNCHANGED):
        return
    base, draft = find_quantities(text.base), find_quantities(text.draft)
    removed, added = _unmatched(base, draft), _unmatched(draft, base)
    for old in list(removed):
        new = next((q for q in added if q.kind == old.kind), None)
        if new is None:
            continue
        removed.remove(old)
        added.remove(new)
        yield _flag(text, "quantity_changed", old, new)
    for old in removed:
        if not _referred(old, text) and not _unit_sign_only(old, text.draft):
            yield _flag(text, "quantity_removed", old, None)
    for new in added:
        if not _unit_sign_only(new, text.base):
            yield _flag(text, "quantity_added", None, new)


_BARE_CELSIUS = r"(?<![\w/.]){}\s*C(?![\w.])"  # "2 C": a degree sign lost or not typed


def _unit_sign_only(quantity: Quantity, other: str) -> bool:
    """Whether the other side states the same temperature without its degree sign
    ("below 2 C" -> "below 2 °C", as drafts typed in a hurry or extracted from PDF
    have it): a change of typography, not a figure added or removed."""
    if quantity.kind != "temperature":
        return False
    return re.search(_BARE_CELSIUS.format(re.escape(quantity.value)), other) is not None


def _referred(old: Quantity, text: PairText) -> bool:
    """A figure replaced by a reference to where it is set ("1.5 °C" -> "the
    temperature goal referred to in Article 2", in the change or right after it): no
    figure was given up."""
    first = old.phrase.split()[0]
    return any(
        first in deleted and _REFERS.search(inserted + after[:_CONTEXT])
        for deleted, inserted, after in changes_with_context(text.pair.edits)
    )


_CONTEXT = 60
_REFERS = re.compile(
    r"\b(?:referred to|set out|specified|defined|established|provided for|as provided)"
    r"\s+(?:in|under)\s+(?:this\s+)?(?:Article|paragraph|decision|section)",
    re.IGNORECASE,
)


def _unmatched(first: list[Quantity], second: list[Quantity]) -> list[Quantity]:
    """Quantities of `first` whose value the other side does not state at all (a
    value said twice in the base and once in the draft has not changed)."""
    known = {(q.kind, q.value) for q in second}
    left, seen = [], set()
    for quantity in first:
        key = (quantity.kind, quantity.value)
        if key not in known and key not in seen:
            seen.add(key)
            left.append(quantity)
    return left


def _flag(text: PairText, kind: str, old: Quantity | None, new: Quantity | None) -> Flag:
    shown = new or old
    assert shown is not None
    return Flag(
        kind=kind,
        category="quantity",
        term=shown.kind,
        matched=shown.phrase,
        base=text.pair.base,
        draft=text.pair.draft,
        pair=text.number,
        detail=_detail(old, new),
        before=old.phrase if old else "",
        after=new.phrase if new else "",
    )


def _detail(old: Quantity | None, new: Quantity | None) -> str:
    if old is None or new is None:
        shown = new or old
        return shown.phrase if shown else ""
    detail = f"{old.phrase} -> {new.phrase}"
    if old.kind == "deadline" and old.value.isdigit() and new.value.isdigit():
        years = int(new.value) - int(old.value)
        if years:
            later = "later" if years > 0 else "earlier"
            detail += f" ({abs(years)} year{'s' if abs(years) != 1 else ''} {later})"
    return detail
