"""Addresses: how a reviewer cites each paragraph, built from the headings and labels above it.

Part of the segment stage. Examples of what comes out:

- a treaty: `Art. 2` (the heading), `Art. 2.1`, `Art. 2.1(a)`, `Art. 3` (an article's
  only unnumbered paragraph), `Art. 3 ¶2`, `PP5` (under a `Preamble` heading);
- SDG lists: `Goal 16` and `Goal 16 / 16.1`, `Goal 3 / 3.8.1`;
- a resolution: `PP11`, `OP9`, `OP9(a)(ii)`, and in its annex `Annex / 14.`,
  `Annex / I` (a section heading), `Annex / PP2`;
- anything else: `¶12` (its position in the document).

Structural headings (Annex, Part, Chapter, Section, roman and capital section
numbers, Article, Goal, Preamble) open a context; a heading replaces the ones at
its level or below. Numbered paragraphs are cited within their numbering scope:
the innermost Article or Goal, else the annex, part or chapter, else the
resolution's operative part (`OP`). A numbered list that starts again at 1 right
after a paragraph ending in a colon is a list of sub-paragraphs: `(a)`, `(b)`...
(as Markdown conversions of treaties write them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .labels import LabelMatch
from .model import Kind

_STRUCTURE = [
    (re.compile(r"^ANNEX(?:ES)?\b\s*([IVXLC]+|\d+|[A-Z])?\b", re.I), 0, "Annex"),
    (re.compile(r"^PART\s+([IVXLC]+|\d+|[A-Z]|One|Two|Three|Four|Five)\b", re.I), 1, "Part"),
    (re.compile(r"^CHAPTER\s+([IVXLC]+|\d+|[A-Z])\b", re.I), 2, "Ch."),
    (re.compile(r"^SECTION\s+([IVXLC]+|\d+|[A-Z])\b", re.I), 3, "Sect."),
    (re.compile(r"^ARTICLE\s+(\d+\s?(?:bis|ter|quater)?|[IVXLC]+)\b", re.I), 5, "Art."),
    (re.compile(r"^Goal\s+(\d{1,2})\b"), 5, "Goal"),
    (re.compile(r"^Target\s+(\d{1,2}\.\w{1,2})\b"), 5, "Target"),
    (re.compile(r"^Preamble\b", re.I), 5, "Preamble"),
]
_LABEL_LEVELS = {"roman": 3, "capital": 4, "goal": 5}
_SCOPES = frozenset({"Art.", "Goal", "Target", "Preamble"})
_EMPHASIS = re.compile(r"[*_]+")
_DIGITS = re.compile(r"\d+")
_OPTION = re.compile(r"^\[?Option\s+(\d{1,2}|[IVX]{1,4}|[A-Z])\b", re.I)
_ORGAN_WORDS = 8
_ARTICLES = frozenset({"Art.", "Goal", "Target"})
_ROMAN_SUB = re.compile(r"^\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)\)$")


@dataclass
class _Context:
    level: int
    kind: str
    text: str


@dataclass
class Addresser:
    """Gives each paragraph of one document its address, in reading order."""

    contexts: list[_Context] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)
    parent: str = ""
    sub: str = ""
    sub_roman: bool = False
    option: str = ""
    option_owner: str = ""
    continued: int = 1
    current: str = ""
    title_only: bool = False
    scope: _Context | None = None
    prefix: str = ""
    nested: list[int] = field(default_factory=list)
    last_text: str = ""
    position: int = 0

    def address(self, text: str, found: LabelMatch | None, label: str | None, kind: Kind) -> str:
        """The address of the next paragraph, given its text (label off), label and kind."""
        self.position += 1
        group = found.group if found else None
        if kind is Kind.HEADING:
            result = self._heading(text, group, label)
        elif kind is Kind.FOOTNOTE:
            number = _first_number(label or "")
            result = f"Footnote {number if number is not None else self.position}"
        elif group in ("paren", "letter") and label:
            result = self._sub(label)
        elif label and group in ("num", "target", "ppop"):
            result = self._numbered(label, group, kind, text)
        else:
            result = self._unlabelled(kind, text)
        self.last_text = text
        return result

    def _heading(self, text: str, group: str | None, label: str | None) -> str:
        plain = _EMPHASIS.sub("", f"{label or ''} {text}").strip().lstrip("[")
        context = _structure(plain, group, label)
        if context is None:
            return self._unlabelled(Kind.HEADING, text)
        self.nested, self.parent, self.sub, self.current = [], "", "", ""
        self.option, self.option_owner, self.continued = "", "", 1
        self._enter(context)
        if context.level == 0:
            self.counters = {}
        self.counters.pop("scope", None)
        return " / ".join(c.text for c in self.contexts)

    def _scope(self) -> _Context | None:
        return self.scope

    def _prefix(self) -> str:
        return self.prefix

    def _enter(self, context: _Context) -> None:
        """Open a structural context; the scope and prefix of what follows change."""
        self.contexts = [c for c in self.contexts if c.level < context.level] + [context]
        self.scope = next((c for c in reversed(self.contexts) if c.kind in _SCOPES), None)
        if self.scope is not None:
            self.prefix = self.scope.text if self.scope.kind != "Preamble" else ""
        else:
            self.prefix = " / ".join(c.text for c in self.contexts if c.level <= 2)

    def _numbered(self, label: str, group: str, kind: Kind, text: str) -> str:
        number = _first_number(label)
        if group == "num" and number is not None and self._opens_sub_list(number):
            return self._sub(f"({_letter(number)})")
        self.nested = []
        scope, prefix = self._scope(), self._prefix()
        if group == "ppop":
            result = _joined(prefix, label.rstrip(".:"))
        elif self.option:
            result = f"{self.option} / {label}"
        elif scope is not None and scope.kind == "Art.":
            result = f"{scope.text}.{label.rstrip('.')}"
        elif prefix:
            result = f"{prefix} / {label}"
        elif kind is Kind.OPERATIVE and group == "num":
            result = f"OP{label.rstrip('.)')}"
            self._count(kind)
        else:
            result = label
        self.parent = self.current = result
        self.sub, self.continued = "", 1
        self.title_only = _is_title(text)
        return result

    def _opens_sub_list(self, number: int) -> bool:
        """A `1.` after a lead-in ending with a colon, or the next number of that list
        while its last item did not end with a full stop."""
        if number == 1 and self.parent and self.last_text.rstrip().endswith(":"):
            self.nested = [1]
            return True
        ended = self.last_text.rstrip().endswith(".")
        if self.nested and number == self.nested[-1] + 1 and not ended:
            self.nested.append(number)
            return True
        return False

    def _sub(self, label: str) -> str:
        """`(a)`, or `(a)(ii)` for a roman sub-paragraph inside a lettered one."""
        label = label if label.startswith("(") else f"({label.rstrip(')')})"
        roman = bool(_ROMAN_SUB.match(label))
        next_letter = len(self.sub) == 3 and label == f"({chr(ord(self.sub[1]) + 1)})"
        owner = (self.parent or self._prefix()).split(" ¶")[0]
        self.continued, self.title_only = 1, False
        if roman and self.sub and not self.sub_roman and not next_letter:
            self.current = f"{owner}{self.sub}{label}"
            return self.current
        self.sub, self.sub_roman = label, roman and not next_letter
        self.current = f"{owner}{label}"
        return self.current

    def _unlabelled(self, kind: Kind, text: str = "") -> str:
        prefix = self._prefix()
        option = _OPTION.match(_EMPHASIS.sub("", text[:40])) if "ption" in text[:40] else None
        if option and self._in_article():
            return self._option(option, prefix)
        self.nested = []
        if self.current and self._in_article():
            return self._continued()
        scope = self._scope()
        in_preamble = scope is not None and scope.kind == "Preamble"
        if in_preamble and kind is Kind.OTHER and len(text.split()) > _ORGAN_WORDS:
            kind = Kind.PREAMBULAR  # a declaration's preamble, not "The Parties to this ...,"
        if kind in (Kind.PREAMBULAR, Kind.OPERATIVE) and not self._in_article():
            tag = "PP" if kind is Kind.PREAMBULAR else "OP"
            result = _joined(prefix, f"{tag}{self._count(kind)}")
        elif self._in_article():
            count = self.counters.get("scope", 0) + 1
            self.counters["scope"] = count
            result = prefix if count == 1 else f"{prefix} ¶{count}"
        else:
            result = _joined(prefix, f"¶{self.position}")
        self.parent, self.sub = result, ""
        return result

    def _continued(self) -> str:
        """A paragraph that carries on the provision above it: its text when the
        provision's own line was only a title (`4. **Flexibility**`), else `¶2`..."""
        self.continued += 1
        number = self.continued - 1 if self.title_only else self.continued
        return self.current if number == 1 else f"{self.current} ¶{number}"

    def _option(self, option: re.Match[str], prefix: str) -> str:
        """`Art. 2.1(a) Option 2`; an option standing alone opens a scope of its own."""
        owner = self.current.split(" Option ")[0] if self.current else prefix
        if option.group(1) in ("1", "A", "I") or not self.option_owner:
            self.option_owner = owner
        result = f"{self.option_owner} Option {option.group(1)}"
        if len(option.string.split()) <= 3:
            self.option, self.parent, self.current = result, "", ""
        return result

    def _in_article(self) -> bool:
        return self.scope is not None and self.scope.kind in _ARTICLES

    def _count(self, kind: Kind) -> int:
        key = kind.value
        self.counters[key] = self.counters.get(key, 0) + 1
        return self.counters[key]


def _structure(plain: str, group: str | None, label: str | None) -> _Context | None:
    for pattern, level, name in _STRUCTURE:
        found = pattern.match(plain)
        if found:
            number = (found.group(1) or "") if found.groups() else ""
            return _Context(level, name, f"{name} {number}".strip())
    if group in _LABEL_LEVELS and label:
        return _Context(_LABEL_LEVELS[group], group, label.rstrip(".:"))
    return None


def _is_title(text: str) -> bool:
    """A short line with no closing punctuation: a provision's title, not its text."""
    if len(text) > 80:
        return False
    plain = _EMPHASIS.sub("", text).strip()
    return bool(plain) and plain[-1] not in ".,;:" and len(plain.split()) <= 6


def _joined(prefix: str, tail: str) -> str:
    return f"{prefix} / {tail}" if prefix else tail


def _first_number(label: str) -> int | None:
    found = _DIGITS.search(label)
    return int(found.group()) if found else None


def _letter(number: int) -> str:
    return chr(ord("a") + number - 1) if 1 <= number <= 26 else str(number)
