"""Paragraph references in amendment instruments, and where they point in a base text.

Recognised (case-insensitive, "the" optional):

- `operative paragraph 5`, `OP5`, `OP 5 bis`, `operative paragraph 5 (b)`, `OP5(b)(ii)`;
- `preambular paragraph 3`, `PP3`, `the third preambular paragraph`,
  `the first paragraph of the preamble`, `the last preambular paragraph`;
- `sub-paragraph (b) of operative paragraph 5`, `paragraph (a)`;
- `target 16.1`, `paragraph 16.b`;
- `Article 4`, `Article 4, paragraph 4`, `Article 4, paragraph 4 (a)`;
- `paragraph 5`, `paragraph 2(c)`: a numbered paragraph of any part;
- lists, for deletions: `operative paragraphs 8 and 9`, `paragraphs 2 to 4`.

`Article 8` alone is the whole article: its heading and the paragraphs under it
(`article`); a change of words there is ambiguous when it has several paragraphs.

A reference resolves against the addresses the segment stage gives the base
(`OP5`, `PP3`, `OP5(b)`, `Art. 4.4`) and, for targets and bare numbers, against
paragraph labels (`16.1`, `14.`). Preambular paragraphs are counted, as
negotiators count them: the third preambular paragraph is `PP3`.
"""

from __future__ import annotations

import re

from ..model import Kind, Paragraph
from .model import Reference

_UNITS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_TENS = {"twent": 20, "thirt": 30, "fort": 40, "fift": 50}
ORDINALS: dict[str, int] = {word: number for number, word in enumerate(_UNITS, start=1)}
ORDINALS.update({f"{stem}ieth": tens for stem, tens in _TENS.items()})
ORDINALS.update(
    {
        f"{stem}y-{unit}": tens + number
        for stem, tens in _TENS.items()
        for number, unit in enumerate(_UNITS[:9], start=1)
    }
)
LATIN = (
    "bis",
    "ter",
    "quater",
    "quinquies",
    "sexies",
    "septies",
    "octies",
    "novies",
    "decies",
    "undecies",
    "duodecies",
    "terdecies",
    "quaterdecies",
    "quindecies",
    "sexdecies",
    "septdecies",
    "octodecies",
    "novodecies",
    "vicies",
)
_LATIN = "(?:" + "|".join(sorted(LATIN, key=len, reverse=True)) + ")"
_ORD = r"(?:last|\d{1,2}(?:st|nd|rd|th)|" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + ")"
_NUM = rf"\d+(?:\s?{_LATIN})?"
_SUB = r"(?:\s*\(\s*[a-z]{1,4}\s*\)(?:\s*\(\s*[ivxlc]{1,6}\s*\))?)"
_TARGET = r"\d{1,2}\.(?:\d{1,2}|[a-z])\b"
_PARTS = r"(?:preambular|operative)"
REF = (
    r"(?:the\s+)?(?:"
    rf"{_ORD}\s+{_PARTS}\s+paragraph\b"
    rf"|{_ORD}\s+paragraph\s+of\s+the\s+(?:preamble|operative\s+part)\b"
    rf"|sub-?paragraph\s+\(?[a-z]{{1,4}}\)?(?:\s+of\s+(?:{_PARTS}\s+)?paragraph\s+{_NUM})?"
    rf"|{_PARTS}\s+paragraph\s+{_NUM}{_SUB}?"
    rf"|\b(?:PP|OP)\s?{_NUM}{_SUB}?"
    rf"|target\s+{_TARGET}"
    rf"|article\s+{_NUM}(?:\s*,?\s*paragraph\s+\d+{_SUB}?)?"
    rf"|paragraph\s+(?:{_TARGET}|{_NUM}{_SUB}?|\([a-z]{{1,4}}\))"
    r")(?!\w)"
)
REFERENCE = re.compile(REF, re.IGNORECASE)
PART_OF = (
    r"(?:the\s+(?:\w+\s+(?:line|sentence)|chapeau|(?:opening|introductory)\s+(?:part|phrase))"
    r"\s+of\s+)?"
)
_JOIN = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*(?:-|–|to|through)\s*)"
PLURAL = (
    rf"(?:the\s+)?(?:(?P<part>{_PARTS})\s+)?paragraphs\s+"
    rf"(?P<list>{_NUM}(?:{_JOIN}{_NUM})+)(?!\w)"
)
_RANGE = re.compile(r"(\d+)\s*(?:-|–|to|through)\s*(\d+)$", re.I)
MAX_RANGE = 200  # paragraphs one range may name
_ORDINAL = re.compile(rf"^(?:the\s+)?({_ORD})\s+(?:paragraph\s+of\s+the\s+)?(\w+)", re.I)
_SUBPARAGRAPH = re.compile(
    rf"^(?:the\s+)?sub-?paragraph\s+\(?([a-z]{{1,4}})\)?(?:\s+of\s+(?:({_PARTS})\s+)?"
    rf"paragraph\s+({_NUM}))?",
    re.I,
)
_ARTICLE = re.compile(rf"^(?:the\s+)?article\s+({_NUM})(?:\s*,?\s*paragraph\s+(\d+))?", re.I)
_NUMBERED = re.compile(
    rf"^(?:the\s+)?(?:({_PARTS})\s+paragraph\s+|(PP|OP)\s?|(target)\s+|paragraph\s+)"
    rf"({_TARGET}|{_NUM})?",
    re.I,
)
_SUBS = re.compile(r"\(\s*([a-z]{1,4})\s*\)", re.I)
_ADDRESS_PART = {"preambular": "PP", "operative": "OP"}
_SUB_GROUP = re.compile(r"^\(?[a-z]{1,4}\)$")


def parse_reference(text: str) -> Reference:
    """The fields of a reference that `REFERENCE` matched."""
    plain = " ".join(text.split())
    for parse in (_ordinal, _subparagraph, _article):
        found = parse(plain)
        if found is not None:
            return found
    return _numbered(plain)


def plural_references(part: str, listed: str) -> tuple[Reference, ...]:
    """The paragraphs a list names (`8 and 9`, `3, 5 and 7`, `2 to 4`, `2-4`), each as
    `operative paragraph 8`; none when a range runs backwards or is too long."""
    part = part.lower()
    found: list[Reference] = []
    for piece in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", listed.strip()):
        numbers = _expanded(piece)
        if not numbers:
            return ()
        written = f"{part} paragraph" if part else "paragraph"
        found += [Reference(f"{written} {n}", part, n) for n in numbers]
    return tuple(found)


def _expanded(piece: str) -> list[str]:
    """`2 to 4` as 2, 3, 4; `5 bis` as itself; nothing for a range that cannot be."""
    span = _RANGE.match(piece)
    if span is None:
        return [_number(piece)]
    low, high = int(span.group(1)), int(span.group(2))
    if not low <= high <= low + MAX_RANGE:
        return []
    return [str(n) for n in range(low, high + 1)]


def _ordinal(text: str) -> Reference | None:
    found = _ORDINAL.match(text)
    if found is None:
        return None
    word, part = found.group(1).lower(), found.group(2).lower()
    number = "last" if word == "last" else str(ORDINALS.get(word) or int(word[:-2]))
    part = "preambular" if part.startswith("pream") else "operative"
    return Reference(text, part, number)


def _subparagraph(text: str) -> Reference | None:
    found = _SUBPARAGRAPH.match(text)
    if found is None:
        return None
    letter, part, number = found.groups()
    part = (part or ("operative" if number else "")).lower()
    return Reference(text, part, _number(number or ""), f"({letter.lower()})")


def _article(text: str) -> Reference | None:
    found = _ARTICLE.match(text)
    if found is None:
        return None
    sub = "".join(f"({letter.lower()})" for letter in _SUBS.findall(text))
    return Reference(text, "article", found.group(2) or "", sub, _number(found.group(1)))


def _numbered(text: str) -> Reference:
    found = _NUMBERED.match(text)
    sub = "".join(f"({letter.lower()})" for letter in _SUBS.findall(text))
    if found is None:
        return Reference(text, "", "", sub)
    part, tag, target, number = found.groups()
    if tag:
        part = "preambular" if tag.upper() == "PP" else "operative"
    part = "target" if target else (part or "").lower()
    return Reference(text, part, _number(number or ""), sub)


def _number(number: str) -> str:
    """`5bis` and `5  bis` as `5 bis`; `16.A` as `16.a`."""
    found = re.match(rf"(\d+)\s*({_LATIN})$", number, re.I)
    return f"{found.group(1)} {found.group(2).lower()}" if found else number.lower()


def resolve(reference: Reference, paragraphs: tuple[Paragraph, ...]) -> tuple[int, ...]:
    """The indices of the base paragraphs a reference may mean (none, one or more).

    `paragraphs` are the base's, segmented (labels split off, addresses set).
    """
    if reference.number == "last":
        return _last(reference, paragraphs)
    for wanted in _wanted(reference):
        found = _matching(wanted, paragraphs)
        if found:
            return found
    if reference.part in ("target", "") and reference.number:
        return _by_label(reference, paragraphs)
    if reference.part == "article" and not reference.number:
        return tuple(
            i for i in article(reference, paragraphs) if paragraphs[i].kind is not Kind.HEADING
        )
    if not reference.number and reference.sub:
        return _by_label(reference, paragraphs)
    return ()


def article(reference: Reference, paragraphs: tuple[Paragraph, ...]) -> tuple[int, ...]:
    """The heading and paragraphs of a whole article (`Article 8`): those whose
    address is `Art. 8` or starts with `Art. 8.` or `Art. 8(`; none for any other
    reference."""
    if reference.part != "article" or reference.number or not reference.article:
        return ()
    key = address_key(f"Art. {reference.article}")
    return tuple(
        p.index
        for p in paragraphs
        if address_key(p.address) == key
        or address_key(p.address).startswith((key + ".", key + "("))
    )


def _wanted(reference: Reference) -> tuple[str, ...]:
    """The addresses a reference may be written as, most specific first."""
    number, sub = reference.number, reference.sub
    if reference.part == "article":
        return (
            f"Art. {reference.article}.{number}{sub}" if number else f"Art. {reference.article}",
        )
    if reference.part in _ADDRESS_PART and number:
        return (f"{_ADDRESS_PART[reference.part]}{number}{sub}",)
    if reference.part == "" and number and "." not in number:
        return (f"OP{number}{sub}",)
    return ()


def _matching(wanted: str, paragraphs: tuple[Paragraph, ...]) -> tuple[int, ...]:
    """Paragraphs whose address is `wanted`; else those whose address ends with it
    (`Annex / OP5`)."""
    key = address_key(wanted)
    usable = [p for p in paragraphs if p.kind is not Kind.HEADING]
    exact = tuple(p.index for p in usable if address_key(p.address) == key)
    if exact:
        return exact
    return tuple(p.index for p in usable if address_key(p.address).endswith("/" + key))


def _by_label(reference: Reference, paragraphs: tuple[Paragraph, ...]) -> tuple[int, ...]:
    """Paragraphs labelled with the number (`16.1`, `14.`), or the sub-paragraph
    letter alone (`(a)`)."""
    wanted = address_key(reference.number or reference.sub)
    found = []
    for paragraph in paragraphs:
        label = address_key(paragraph.label or "").strip("()")
        if paragraph.kind is not Kind.HEADING and label == wanted.strip("()"):
            found.append(paragraph.index)
    return tuple(found)


def _last(reference: Reference, paragraphs: tuple[Paragraph, ...]) -> tuple[int, ...]:
    tag = _ADDRESS_PART.get(reference.part, "OP")
    pattern = re.compile(rf"^{tag}\d+(?:{_LATIN})?$")
    found = [p.index for p in paragraphs if pattern.match(address_key(p.address).upper())]
    return (found[-1],) if found else ()


def address_key(address: str) -> str:
    """An address or label compared without case, spaces or a closing full stop."""
    return re.sub(r"\s+", "", address).rstrip(".").lower()


def block(index: int, paragraphs: tuple[Paragraph, ...]) -> tuple[int, ...]:
    """A paragraph and the sub-paragraphs that follow it (`OP5`, `OP5(a)`, `OP5(b)`)."""
    head = address_key(paragraphs[index].address)
    members = [index]
    for paragraph in paragraphs[index + 1 :]:
        if not head or not address_key(paragraph.address).startswith(head + "("):
            break
        members.append(paragraph.index)
    return tuple(members)


def is_sub_label(label: str | None) -> bool:
    """True for a sub-paragraph label such as `(a)` or `b)`."""
    return bool(label) and bool(_SUB_GROUP.match(label or ""))
