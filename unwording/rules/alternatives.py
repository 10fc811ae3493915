"""What became of a bracket's text, and which alternative or Option survived.

A base bracket gone from the draft is looked for in its **slot**, the draft text
between the words the word diff kept on either side of it. Its text, unbracketed
(`Part[y]` reads `Party`), is `kept` when its words stand there unbroken (case,
punctuation and emphasis ignored; LDCs, SIDS, CMA, COP, NDCs and their names spelt
out compare equal); `kept with edits` when enough of its content words are there
(in any order, half of them and two or more, in a slot at most 2n + 4 words long;
in order, 60% and three or more, in a longer slot, the paragraph rewritten around
it; in order, eight or more and a third, for a long clause cut down); else
`dropped`. Content words leave out short and function words and nested brackets
(optional parts of an optional part) but keep numbers: "[developed country]" is
not kept in "developing country", and "1.5" counts. Slot words that the base text
replaced along with the bracket (`beside`) are not counted as its.

Not in its slot, a bracket may have moved inside the paragraph, if some of its
content words are new to the draft (more often there than in the rest of the
base): `kept` if its words stand unbroken in the draft (two content words, or all
new), `kept with edits` if 70% of its content words are new or in order (three+).

Alternatives (`[shall][should]`, `[a / b]`) are judged one by one: `kept: should`,
`kept both`, `kept all`, else the closest `kept with edits: a`, else `dropped: no
alternative kept`. `options` finds "Option 2:" markers for `kept: Option 2`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz.distance import Indel

from ..model import Op
from ..slots import is_content
from . import PairText

ACTIONS = ("delete", "retain", "add", "alt", "reserve", "reservation", "oppose", "support")
KEPT, EDITED, DROPPED = "kept", "kept with edits", "dropped"
NARROW_SHARE, NARROW_WORDS = 0.5, 2  # content words found in a narrow slot, any order
WIDE_SHARE, WIDE_WORDS = 0.6, 3  # ... in a wider slot, in order
LONG_SHARE, LONG_WORDS = 0.35, 8  # ... of a long bracket, in order (any slot)
MOVED_SHARE, MOVED_WORDS = 0.7, 3  # ... in the whole paragraph
NARROW_FACTOR, NARROW_EXTRA = 2, 4  # a slot at most 2n + 4 words long is narrow

_ATTRIBUTION = re.compile(r"\s[-\u2013\u2014]+\s*(?P<who>[^\[\]\-\u2013\u2014]+)$")
_PARTY = re.compile(r"^[A-Z][\w.\-/]*(?:\s+[A-Z][\w.\-/]*){0,3}$")
_WORD = re.compile(r"\d+(?:[.,]\d+)*|#+|[^\W\d_]+(?:['\u2019\-\u2010\u2011][^\W\d_]+)*")
_OPTION = re.compile(r"(?m)^[ \t*_#>]*(Option[ \t]+(?:[0-9]{1,2}|[IVX]{1,4}|[A-Z]))\b[ \t*_]*:")
_OPTION_TEXT = re.compile(r"(?m)^[ \t*_#>]*Option[ \t]+\w{1,4}[ \t*_:]*(?P<text>.*)$")
_NESTED = re.compile(r"\[[^\[\]]*\]")
_PLACEMENT = re.compile(r"(?i)(?:the )?following (?:text|paragraphs?|provisions?)\b")
_SHORT = {"LDC": "ldc", "LDCs": "ldc", "SIDS": "sids", "COP": "cop", "CMA": "cma"}
_SHORT |= {"NDC": "ndc", "NDCs": "ndc"}
_SHORT_FORMS = frozenset(_SHORT.values())
_NAMES = (  # spelt-out names of bodies and groups (longest first) and their short form
    (
        "cma",
        "conference of the parties serving as the meeting of the parties to the paris agreement",
    ),
    ("cop", "conference of the parties"),
    ("ldc", "least developed countries"),
    ("ldc", "least developed country"),
    ("sids", "small island developing states"),
    ("ndc", "nationally determined contributions"),
    ("ndc", "nationally determined contribution"),
)
_SPELT_OUT: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _short, _name in _NAMES:
    _SPELT_OUT.setdefault(_name.split()[0], []).append((tuple(_name.split()), _short))


@dataclass(frozen=True)
class Word:
    """One word of a text: its comparison key and where it stands."""

    key: str
    start: int
    end: int


@dataclass(frozen=True)
class Fate:
    """What became of one reading of a bracket: its state and the text standing for it."""

    state: str
    matched: int = 0
    share: float = 0.0
    span: tuple[int, int] | None = None


@dataclass(frozen=True)
class Paragraph:
    """The other side of a pair, for a bracket not found in its slot: its words
    outside brackets and their counts, and the counts of all words of this side."""

    words: list[Word]
    counts: Counter[str]
    this: Counter[str]

    def new(self, phrase: Sequence[str], content: Sequence[str]) -> int:
        """Content words the other side has more often than this side without the phrase."""
        own, wanted = Counter(phrase), Counter(content)
        return sum(
            min(count, max(0, self.counts[word] - self.this[word] + own[word]))
            for word, count in wanted.items()
        )


def words(
    text: str, start: int = 0, end: int | None = None, skip: Sequence[tuple[int, int]] = ()
) -> list[Word]:
    """The words of `text[start:end]`, leaving out those inside the `skip` spans."""
    found = []
    inside = _Spans(skip)
    for match in _WORD.finditer(text, start, len(text) if end is None else end):
        if not inside(match.start()):
            key = _SHORT.get(match.group()) or _fold(match.group())
            found.append(Word(key, match.start(), match.end()))
    return _shortened(found) if len(found) > 2 else found


class _Spans:
    """Whether a position falls inside one of some (start, end) spans: a binary search,
    so that a paragraph with thousands of brackets is read in near linear time."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
            else:
                merged.append((a, b))
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def __call__(self, position: int) -> bool:
        at = bisect_right(self.starts, position) - 1
        return at >= 0 and position < self.ends[at]


def _shortened(found: list[Word]) -> list[Word]:
    """The words with the names of bodies and groups spelt out read as their short form
    (`least developed countries`: `LDCs`), so that the two forms compare equal."""
    keys, shortened, index = [word.key for word in found], [], 0
    while index < len(found):
        names = _SPELT_OUT.get(keys[index], ())
        name = next((n for n in names if tuple(keys[index : index + len(n[0])]) == n[0]), None)
        if name is None:
            shortened.append(found[index])
            index += 1
            continue
        last = found[index + len(name[0]) - 1]
        shortened.append(Word(name[1], found[index].start, last.end))
        index += len(name[0])
    return shortened


def _fold(word: str) -> str:
    return word.lower().replace("\u2019", "'").replace("\u2010", "-").replace("\u2011", "-")


def paragraph(other: str, skip: Sequence[tuple[int, int]], this: str) -> Paragraph:
    """The other side's words outside its brackets (`skip`), and all words of this side."""
    found = words(other, skip=skip)
    counts = Counter(word.key for word in found)
    return Paragraph(found, counts, Counter(word.key for word in words(this)))


def _carries(word: str) -> bool:
    return is_content(word) or word[0].isdigit() or word[0] == "#" or word in _SHORT_FORMS


@dataclass(frozen=True)
class Phrase:
    """A bracket's reading: all its words (to be found unbroken), and the words that
    measure how much of it was kept: its content words outside nested brackets (the
    optional parts of an optional part), or all its words when under two carry content."""

    words: list[str]
    measured: list[str]
    content: list[str]


def _phrase(reading: str) -> Phrase:
    every = [word.key for word in words(reading)]
    core = [word.key for word in words(_NESTED.sub(" ", reading))] or every
    content = [word for word in every if _carries(word)]
    measured = [word for word in core if _carries(word)]
    return Phrase(every, measured if len(measured) >= 2 else core, content)


def fate(reading: str, slot: Sequence[Word], whole: Paragraph, beside: Sequence[str] = ()) -> Fate:
    """Kept, kept with edits or dropped: `reading` looked for in its slot, then the paragraph.

    `beside` are the words of the base that the slot replaced along with the bracket
    (the diff replaced more than the bracket): slot words they explain are not its."""
    phrase = _phrase(reading)
    if not phrase.words:
        return Fate(DROPPED)
    found = _in_slot(phrase, slot, Counter(beside))
    if found.state == DROPPED and len(whole.words) > len(slot):
        moved = _in_paragraph(phrase, whole)
        return moved if moved.state != DROPPED else found
    return found


def _in_slot(phrase: Phrase, slot: Sequence[Word], beside: Counter[str]) -> Fate:
    verbatim = _verbatim(phrase.words, slot)
    if verbatim:
        return Fate(KEPT, len(phrase.words), 1.0, verbatim)
    measured = phrase.measured
    narrow = len(slot) <= NARROW_FACTOR * len(phrase.words) + NARROW_EXTRA
    matched = _bag(measured, slot, beside) if narrow else _in_order(measured, slot)[0]
    share = matched / len(measured)
    least, words_needed = (NARROW_SHARE, NARROW_WORDS) if narrow else (WIDE_SHARE, WIDE_WORDS)
    if (matched >= words_needed and share >= least) or (
        matched >= LONG_WORDS and share >= LONG_SHARE
    ):
        return Fate(EDITED, matched, share, _in_order(phrase.words, slot)[1])
    return Fate(DROPPED, matched, share, _span(slot) if narrow else None)


def _in_paragraph(phrase: Phrase, whole: Paragraph) -> Fate:
    """The bracket's words elsewhere in the draft, if some of them are new there."""
    content = phrase.content
    new = whole.new(phrase.words, content) if content else 0
    if not new:
        return Fate(DROPPED)
    verbatim = _verbatim(phrase.words, whole.words)
    if verbatim and (len(content) >= 2 or new == len(content)):
        return Fate(KEPT, len(phrase.words), 1.0, verbatim)
    if new / len(content) >= MOVED_SHARE:
        return Fate(EDITED, new, new / len(content), _near(content, whole))
    matched, span = _in_order(phrase.measured, whole.words)
    if matched >= MOVED_WORDS and matched / len(phrase.measured) >= MOVED_SHARE:
        return Fate(EDITED, matched, matched / len(phrase.measured), span)
    return Fate(DROPPED)


def _near(content: list[str], whole: Paragraph) -> tuple[int, int] | None:
    """The span of the content words new to the draft, when they stand close together."""
    found = [word for word in whole.words if word.key in content]
    if not found or len(found) > NARROW_FACTOR * len(content) + NARROW_EXTRA:
        return None
    return found[0].start, found[-1].end


def _verbatim(phrase: list[str], slot: Sequence[Word]) -> tuple[int, int] | None:
    """The span where the phrase's words stand unbroken in the slot, if they do."""
    keys, size = [word.key for word in slot], len(phrase)
    for index in range(len(keys) - size + 1):
        if keys[index] == phrase[0] and keys[index : index + size] == phrase:
            return slot[index].start, slot[index + size - 1].end
    return None


def _bag(content: list[str], slot: Sequence[Word], beside: Counter[str]) -> int:
    """Content words found anywhere in a narrow slot, but for those `beside` explains."""
    present = Counter(word.key for word in slot) - beside
    return sum((Counter(content) & present).values())


def _in_order(phrase: list[str], slot: Sequence[Word]) -> tuple[int, tuple[int, int] | None]:
    """Words of the phrase found in their order (LCS), and the span from first to last."""
    wanted = set(phrase)
    candidates = [word for word in slot if word.key in wanted]
    keys = [word.key for word in candidates]
    blocks = [op for op in Indel.opcodes(phrase, keys) if op.tag == "equal"] if keys else []
    if not blocks:
        return 0, None
    matched = sum(op.src_end - op.src_start for op in blocks)
    first, last = candidates[blocks[0].dest_start], candidates[blocks[-1].dest_end - 1]
    return matched, (first.start, last.end)


def _span(slot: Sequence[Word]) -> tuple[int, int] | None:
    return (slot[0].start, slot[-1].end) if slot else None


def resolution(fates: Sequence[Fate], alternatives: Sequence[str]) -> tuple[str, Fate]:
    """The `detail` of a resolved bracket, and the fate whose text stands in the draft."""
    if len(fates) == 1:
        return fates[0].state, fates[0]
    kept = _kept(fates)
    if kept:
        return _kept_detail(kept, len(fates), alternatives), fates[kept[0]]
    edited = [i for i, f in enumerate(fates) if f.state == EDITED]
    if edited:
        best = max(edited, key=lambda i: (fates[i].matched, fates[i].share, -i))
        return f"{EDITED}: {alternatives[best]}", fates[best]
    slot = next((f for f in fates if f.span), fates[0])
    return "dropped: no alternative kept", slot


def _kept(fates: Sequence[Fate]) -> list[int]:
    """Alternatives kept word for word, but for one that stands only inside another."""
    spans = {i: f.span for i, f in enumerate(fates) if f.state == KEPT and f.span}
    return [
        i
        for i, (start, end) in spans.items()
        if not any((a, b) != (start, end) and a <= start and end <= b for a, b in spans.values())
    ]


def _kept_detail(kept: list[int], total: int, alternatives: Sequence[str]) -> str:
    if len(kept) == total:
        return "kept both" if total == 2 else "kept all"
    return "kept: " + " / ".join(alternatives[i] for i in kept)


def options(text: str) -> list[str]:
    """The Option markers (`Option 2`, `Option II`) that open lines of `text`."""
    return [" ".join(found.group(1).split()) for found in _OPTION.finditer(text)]


def option_provision(text: str) -> bool:
    """Whether an Option line carries a provision: text after its marker that is not an
    instruction on where text goes ("The following text to be included as Article 5")."""
    found = _OPTION_TEXT.search(text)
    rest = found.group("text").strip() if found else ""
    return bool(rest) and not _PLACEMENT.match(rest)


class Slot(NamedTuple):
    """Where a span of one side stands in the other (`left:right`), and the span of its
    own side between the same anchors (`low:high`), which the other side replaced."""

    left: int
    right: int
    low: int
    high: int


@dataclass(frozen=True)
class Sides:
    """A pair's base and draft texts as the word diff rebuilds them, and its equal runs
    (base start, base end, draft start, draft end), which anchor one side in the other."""

    base: str
    draft: str
    runs: tuple[tuple[int, int, int, int], ...]

    def slot(self, start: int, end: int, reverse: bool = False) -> Slot:
        """Where the text at `start:end` of one side stands in the other: between the
        nearest equal text before and after it (`reverse`: from the draft to the base)."""
        runs = [(c, d, a, b) for a, b, c, d in self.runs] if reverse else self.runs
        here, there = (self.draft, self.base) if reverse else (self.base, self.draft)
        left, right, low, high = 0, len(there), 0, len(here)
        for here_start, here_end, there_start, there_end in runs:
            if here_start <= start:
                low = min(start, here_end)
                left = min(there_start + low - here_start, there_end)
            if here_end > end:
                high = max(end, here_start)
                right = min(there_start + high - here_start, there_end)
                break
        return Slot(left, max(left, right), low, max(low, high))


def pair_sides(text: PairText) -> Sides:
    """The texts of a pair from its edits (equal + delete, equal + insert); its keys without."""
    if not text.pair.edits:
        return Sides(text.base, text.draft, ())
    base, draft, runs, b, d = [], [], [], 0, 0
    for number, edit in enumerate(text.pair.edits):
        size = len(edit.text)
        if edit.op is Op.EQUAL:
            runs.append((b, b + size, d, d + size))
        elif edit.typographic and edit.op is Op.INSERT and number:
            previous = text.pair.edits[number - 1]  # the typographic delete it replaces
            if previous.op is Op.DELETE:
                runs.append((b - len(previous.text), b, d, d + size))
        if edit.op is not Op.INSERT:
            base.append(edit.text)
            b += size
        if edit.op is not Op.DELETE:
            draft.append(edit.text)
            d += size
    return Sides("".join(base), "".join(draft), tuple(runs))


def attributed(part: str) -> tuple[str, tuple[str, ...]]:
    """An alternative's text and the parties it is attributed to (`extreme - US; G77 delete`)."""
    trimmed = part.rstrip(" .;")
    attribution = _ATTRIBUTION.search(trimmed)
    if attribution and _looks_like_parties(attribution.group("who")):
        return trimmed[: attribution.start()].strip(), _parties(attribution.group("who"))
    return part, ()


def _clauses(who: str) -> list[list[str]]:
    return [[w for w in clause.split(",") if w.strip()] for clause in re.split(r"[;:]", who)]


def _looks_like_parties(who: str) -> bool:
    names = [_strip_action(name) for clause in _clauses(who) for name in clause]
    return bool(names) and all(_PARTY.match(name) for name in names if name)


def _strip_action(name: str) -> str:
    parts = name.split()
    while parts and parts[-1].lower() in ACTIONS:
        parts.pop()
    return " ".join(parts)


def _parties(who: str) -> tuple[str, ...]:
    """Parties of each clause; an action closing a clause applies to all its parties."""
    found = []
    for clause in _clauses(who):
        last = clause[-1].split() if clause else []
        action = last[-1].lower() if last and last[-1].lower() in ACTIONS else ""
        for name in clause:
            party = _strip_action(name)
            if party:
                found.append(f"{party} ({action})" if action else party)
    return tuple(found)
