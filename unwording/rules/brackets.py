"""Bracket flags: square-bracketed negotiating text added, changed, removed or resolved.

A bracket is `[text]`, `[text - US; G77 delete]` (attributed, with an action),
`[a / b - EU]`, or brackets side by side, `[shall][should]`: alternatives. They are
read in the texts the word diff rebuilds (Markdown and all), not in the keys. Never
flagged: procedural notes (`[without reference to a Main Committee (A/80/L.9)]`,
`[on the report of the Third Committee (...)]`, `[Agreed ad ref]`); editorial notes
(`[Note: ...]`, `[Placeholder for ...]`, `*[level of ambition]*` in italics whole);
Markdown links and notes (`[text](url)`, `[text][12dec]`, `[three or more words][label]`,
a lone `[label]` the key drops as a defined link, `[ref]: url`, `[^1]`).

- `bracket_added`: `new text`, `existing text bracketed` (`, with edits`), or once
  for a new paragraph, `new paragraph` (`, with N other brackets`);
- `bracket_changed`: `still bracketed` with other words (`before` / `after`: both
  brackets) or `still bracketed, attribution changed`; typography alone is none;
- `bracket_resolved`: gone from the draft (see `alternatives`): `kept`, `kept with
  edits`, `dropped`, `kept: should`, `kept both`, `dropped: no alternative kept`...,
  `after` the draft text in its place; `kept: Option 2` where the base of a kept pair
  holds an Option, `dropped: Option 1` once for a deleted Option (not a bare "Option
  1:" line nor "The following text to be ..."); a bracketed heading, `[Article
  3bis]`, brackets a whole article: `kept`, `after` the draft heading;
- `bracket_removed`: once for a deleted paragraph: `paragraph deleted` (`, with N
  other brackets`, `, all of it in brackets`).

Only the first `MAX_BRACKETS` brackets of each side of a paragraph get flags of their
own: a paragraph of thousands of brackets (never seen in a real text) would otherwise
cost time in the square of their number; the word changes still show every one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Flag, Status
from ..normalize import normalize_text
from ..slots import is_content
from . import PairText
from . import alternatives as alt

MAX_BRACKETS = 200  # brackets of one paragraph looked at: the first 200 of each side

_TERM_LIMIT = 80
_SQUARE = re.compile(r"[\[\]]")
_NOTE = re.compile(
    r"(?i)(?:without reference to a main committee|on the (?:report|recommendation|proposal) of"
    r"|subsequently,? the delegation|(?:agreed|adopted) ad ref|ad ref(?:erendum)?\W*$"
    r"|notes?\s*[:.\-]|note by|placeholder|pending (?:the )?outcome of|footnote"
    r"|sans renvoi à une grande commission|sin remisión previa a una comisión principal"
    r"|без передачи в главный комитет|未经发交主要委员会|دون الإحالة إلى لجنة رئيسية)"
)
_SYMBOL_NOTE = re.compile(r"\((?:A|E|S)/[^()]*\)\s*$")  # a line `[... (A/80/534, para. 7)]`
_HEADING_LABEL = re.compile(r"(?i)(?:article|section|chapter|part|annex|appendix)\s+[\w.]+")
_URL = re.compile(
    r"\((?:[a-z][a-z0-9+.\-]*:|/|#|\.{1,2}/|www\.)[^\s()]*\)|\([^\s()]+\.(?:html?|pdf|md|docx?)\)",
    re.IGNORECASE,
)
_DEFINITION = re.compile(r":[ \t]+\S")
_LABEL = re.compile(r"[a-z0-9][\w.\-]*")
_EMPHASIS = "*_"
_NO_EMPHASIS = str.maketrans("", "", _EMPHASIS)
_LABEL_WORDS = 6
_HEAD = re.compile(r"\[(?!x+\]|X+\])[^\W\d_]{1,3}(?![^\W\d_])")  # `[y]`, `[n intended]`, not `[x]`
_TAIL = re.compile(r"(?<![^\W\d_])(?!x+\]\Z|X+\]\Z)[^\W\d_]{1,3}\]\Z")
_LETTERS_BEFORE = re.compile(r"[^\W\d_]+\Z")
_LETTERS_AFTER = re.compile(r"[^\W\d_]+")
_BRACES = re.compile(r"\{[^{}]*\}")


@dataclass(frozen=True)
class Bracket:
    """A top-level bracket or a run of them (alternatives): `text` is its alternatives
    joined by " / ", `raw` the text from `start` to `end` with the word parts glued to it
    (`glue`: `Part[y]`)."""

    raw: str
    text: str
    parties: tuple[str, ...]
    alternatives: tuple[str, ...]
    start: int = 0
    end: int = 0
    glue: tuple[str, str] = ("", "")

    @property
    def readings(self) -> tuple[str, ...]:
        """Each alternative as it reads without brackets (`Part[y]`: `Party`)."""
        return tuple(self.glue[0] + choice + self.glue[1] for choice in self.alternatives)


def find_brackets(text: str, key: str | None = None) -> list[Bracket]:
    """The negotiating brackets of `text`: nested ones stay inside their parent,
    brackets side by side are one bracket with alternatives, notes and links are left out.

    `key` is the matching key of `text`: a lone bracket missing from it is a Markdown
    link to a label defined elsewhere in the document (`[report]`), which the key drops.
    """
    if "[" not in text:
        return []
    spans = [span for span in _spans(text) if not _aside(text, *span)]
    folded = _folded(key) if key is not None else None
    return [
        _bracket(text, run)
        for run in _runs(spans)
        if not _reference_link(text, run) and not _shortcut_link(text, run, folded)
    ]


def _spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every top-level bracket; an opening bracket never closed is passed
    over (what follows it is read on its own), a closing one never opened is ignored.
    One pass: each `]` closes the last `[` still open (a bracket never closed is never
    on top when a `]` comes), and the outermost of those pairs are the spans."""
    pairs: list[tuple[int, int]] = []
    opened: list[int] = []
    for mark in _SQUARE.finditer(text):
        if mark.group() == "[":
            opened.append(mark.start())
        elif opened:
            pairs.append((opened.pop(), mark.end()))
    spans: list[tuple[int, int]] = []
    for start, end in sorted(pairs):
        if not spans or start >= spans[-1][1]:
            spans.append((start, end))
    return spans


def _aside(text: str, start: int, end: int) -> bool:
    """Whether the bracket at `start:end` is a note or a link (a procedural note in any
    language: a line in brackets ending in a document symbol), not negotiating text."""
    inner = text[start + 1 : end - 1].strip(" \t\n" + _EMPHASIS)
    return (
        not inner
        or inner.startswith("^")
        or _URL.match(text, end) is not None
        or (_opens_line(text, start, "") and _DEFINITION.match(text, end) is not None)
        or _is_italic(text, start, end)
        or _NOTE.match(inner) is not None
        or (_SYMBOL_NOTE.search(inner) is not None and _opens_line(text, start))
    )


def _is_italic(text: str, start: int, end: int) -> bool:
    """`*[...]*` or `_[...]_`: a bracket set in italics whole, a transcriber's note."""
    mark = text[start - 1 : start] if start else ""
    return (
        mark in ("*", "_")
        and text[end : end + 1] == mark
        and text[start - 2 : start - 1] != mark
        and text[end + 1 : end + 2] != mark
    )


def _opens_line(text: str, start: int, allowed: str = " \t#>" + _EMPHASIS) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return all(char in allowed for char in text[line_start:start])


def _runs(spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Brackets grouped into runs of brackets that touch: `[shall][should]`."""
    runs: list[list[tuple[int, int]]] = []
    for span in spans:
        if runs and runs[-1][-1][1] == span[0]:
            runs[-1].append(span)
        else:
            runs.append([span])
    return runs


def _reference_link(text: str, run: list[tuple[int, int]]) -> bool:
    """`[link text][label]`: a Markdown reference link, not two alternatives."""
    if len(run) != 2:
        return False
    (a, b), (c, d) = run
    shown, label = text[a + 1 : b - 1], text[c + 1 : d - 1]
    if "[" in shown or not _LABEL.fullmatch(label) or label.isdigit():
        return False
    return any(char.isdigit() for char in label) or (len(shown.split()) >= 3 and is_content(label))


def _shortcut_link(text: str, run: list[tuple[int, int]], folded_key: str | None) -> bool:
    """A lone short bracket that the key lost: a Markdown link with its label defined."""
    if folded_key is None or len(run) != 1:
        return False
    inner = text[run[0][0] + 1 : run[0][1] - 1]
    if "[" in inner or len(inner.split()) > _LABEL_WORDS:
        return False
    return f"[{_folded(inner)}]" not in folded_key


def _folded(text: str) -> str:
    plain = normalize_text(text).translate(_NO_EMPHASIS)
    return " ".join(plain.lower().split())


def _bracket(text: str, run: list[tuple[int, int]]) -> Bracket:
    parts = [parse_bracket(text[a + 1 : b - 1]) for a, b in run]
    alternatives = tuple(choice for part in parts for choice in part.alternatives)
    parties = tuple(party for part in parts for party in part.parties)
    start, end = run[0][0], run[-1][1]
    before, after = _glue(text, start, end)
    start, end = start - len(before), end + len(after)
    text_of = " / ".join(alternatives)
    return Bracket(text[start:end], text_of, parties, alternatives, start, end, (before, after))


def _glue(text: str, start: int, end: int) -> tuple[str, str]:
    """The letters of the words touching a bracket whose text opens (or closes) with a
    word part of at most three letters, not a placeholder: `Part[y]`, `a[n intended]`."""
    before = _HEAD.match(text, start) and _LETTERS_BEFORE.search(text[max(0, start - 40) : start])
    after = _TAIL.search(text, start, end) and _LETTERS_AFTER.match(text, end)
    return (before.group() if before else "", after.group() if after else "")


def parse_bracket(inner: str) -> Bracket:
    """Split a bracket's inside into its alternatives (`a / b`), each with its attribution."""
    alternatives: list[str] = []
    parties: list[str] = []
    for part in _split_alternatives(inner):
        text, who = alt.attributed(part.strip())
        if text:
            alternatives.append(text)
        parties.extend(who)
    text = " / ".join(alternatives)
    return Bracket(f"[{inner}]", text, tuple(parties), tuple(alternatives))


def _split_alternatives(inner: str) -> list[str]:
    """`inner` cut at each " / " that is not inside a nested bracket."""
    parts, depth, last = [], 0, 0
    for index, char in enumerate(inner):
        depth += (char == "[") - (char == "]" and depth > 0)
        if depth == 0 and inner.startswith(" / ", index):
            parts.append(inner[last:index])
            last = index + 3
    return [*parts, inner[last:]]


def bracket_flags(text: PairText) -> Iterator[Flag]:
    """Brackets added, changed, resolved or removed between the two sides of a pair."""
    sides = alt.pair_sides(text)
    if text.pair.status is Status.DELETED:
        if alt.options(sides.base):
            yield from _option_flags(text, sides)
        else:
            removed = "paragraph deleted"
            yield from _paragraph_flag(text, sides.base, text.base, "bracket_removed", removed)
        return
    if text.pair.status is Status.INSERTED:
        yield from _paragraph_flag(text, sides.draft, text.draft, "bracket_added", "new paragraph")
        return
    yield from _option_flags(text, sides)
    if "[" in sides.base or "[" in sides.draft:
        yield from (f for f in _pair_brackets(text, sides) if not trivial(f.term))


_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "or",
        "nor",
        "the",
        "of",
        "on",
        "in",
        "at",
        "to",
        "for",
        "by",
        "with",
        "through",
        "from",
        "each",
        "all",
        "any",
        "its",
        "their",
        "his",
        "her",
        "these",
        "those",
        "this",
        "that",
        "as",
    ]
)
_WORD_ENDINGS = frozenset({"s", "es", "y", "ies", "ed", "d", "ing", "ly", "al", "n"})
_PLACEHOLDER = re.compile(r"^(?:x|#+|\.{3}|…|\d{1,3}(?:\.\d{1,2})?)$", re.IGNORECASE)


def trivial(term: str) -> bool:
    """See `_trivial`; also a bracket around a placeholder still to be filled ("###",
    "{...}"), whose outcome is that placeholder's, not a negotiated choice."""
    return "###" in term or "{" in term or _trivial(term)


def _trivial(term: str) -> bool:
    """A bracket that decides nothing a negotiator weighs: a function word ("[and]",
    "[Each]"), a fragment of a word ("Part[y]", "[ies]"), a placeholder ("[X]",
    "[###]") or a cross-reference number ("[14]") in every alternative. Numbers
    with what they count are reported as quantities."""
    alternatives = [a.strip(" ,.;:") for a in term.split(" / ")]
    return all(_trivial_part(a) for a in alternatives)


def _trivial_part(text: str) -> bool:
    words = text.lower().replace(",", " ").split()
    if not words:
        return True
    if len(words) == 1 and (_PLACEHOLDER.match(words[0]) or words[0] in _WORD_ENDINGS):
        return True
    if len(words[0]) == 1 and words[0].isalpha() and words[0] not in "ai":
        return True  # the end of a word: "a[n intended]"
    return all(word in _FUNCTION_WORDS or _reference_word(word) for word in words)


def _reference_word(word: str) -> bool:
    """A word of a cross-reference: "[3, paragraph 2][2 bis.]" is renumbering."""
    return word.strip(".") in _REFERENCE_WORDS or bool(_PLACEHOLDER.match(word.strip(".")))


_REFERENCE_WORDS = frozenset(
    {"paragraph", "paragraphs", "para", "article", "articles", "bis", "ter", "annex"}
)


def _paragraph_flag(text: PairText, source: str, key: str, kind: str, what: str) -> Iterator[Flag]:
    """One flag for all the brackets of a paragraph deleted or inserted whole."""
    brackets = find_brackets(source, key)
    if not brackets:
        return
    others = len(brackets) - 1
    if others:
        what += f", with {others} other bracket{'s' if others > 1 else ''}"
    elif _whole(source, brackets[0]):
        what += ", all of it in brackets"
    parties = tuple(dict.fromkeys(party for bracket in brackets for party in bracket.parties))
    yield _flag(text, kind, brackets[0], what, parties=parties)


def _whole(source: str, bracket: Bracket) -> bool:
    """Whether the bracket is the whole paragraph (but for punctuation and braced notes)."""
    rest = source[: bracket.start] + " " + _BRACES.sub("", source[bracket.end :])
    return not rest.strip(" \t\n.,;:" + _EMPHASIS)


def _option_flags(text: PairText, sides: alt.Sides) -> Iterator[Flag]:
    """`kept: Option 2` where a kept pair's base holds an Option and its draft none;
    `dropped: Option 1` once for a deleted Option with a provision (not a bare "Option
    1:" line whose provisions follow, nor "The following text to be included as ...")."""
    found, deleted = alt.options(sides.base), text.pair.status is Status.DELETED
    resolved = found and not deleted and not alt.options(sides.draft)
    if resolved or (deleted and alt.option_provision(sides.base)):
        chosen = ", ".join(found)
        outcome = f"{'dropped' if deleted else 'kept'}: {chosen}"
        yield _flag(text, "bracket_resolved", Bracket(chosen, "Options", (), ()), outcome)


def _pair_brackets(text: PairText, sides: alt.Sides) -> Iterator[Flag]:
    base, draft = find_brackets(sides.base, text.base), find_brackets(sides.draft, text.draft)
    base_spans, draft_spans = _spans_of(base), _spans_of(draft)
    base, draft = base[:MAX_BRACKETS], draft[:MAX_BRACKETS]  # bounded cost (see MAX_BRACKETS)
    open_draft, pending = list(draft), []
    for bracket in base:
        twin = next((d for d in open_draft if _words_of(d) == _words_of(bracket)), None)
        if twin is None:
            pending.append(bracket)
            continue
        open_draft.remove(twin)
        if twin.parties != bracket.parties:
            yield _changed(text, bracket, twin, "still bracketed, attribution changed")
    if pending:
        context = alt.paragraph(sides.draft, draft_spans, sides.base)
        for bracket in pending:
            yield _gone_or_changed(text, sides, bracket, (open_draft, draft_spans), context)
    context = alt.paragraph(sides.base, base_spans, sides.draft)
    for bracket in open_draft:
        if not any(_part_of(bracket, outer) for outer in base):
            yield _added(text, sides, bracket, base_spans, context)


def _spans_of(brackets: Sequence[Bracket]) -> list[tuple[int, int]]:
    return [(bracket.start, bracket.end) for bracket in brackets]


def _gone_or_changed(
    text: PairText,
    sides: alt.Sides,
    bracket: Bracket,
    draft: tuple[list[Bracket], list[tuple[int, int]]],
    context: alt.Paragraph,
) -> Flag:
    """`bracket_changed` if a draft bracket not yet paired stands in the base bracket's
    slot, else `bracket_resolved` (`draft`: the unpaired draft brackets, and all their spans)."""
    open_draft, draft_spans = draft
    slot = sides.slot(bracket.start, bracket.end)
    found = alt.words(sides.draft, slot.left, slot.right, draft_spans)
    rival = next((d for d in open_draft if _rival(bracket, d, slot, not found)), None)
    if rival is not None:
        open_draft.remove(rival)
        return _changed(text, bracket, rival, "still bracketed")
    if _HEADING_LABEL.fullmatch(bracket.text) and _opens_line(sides.base, bracket.start):
        heading = sides.draft.split("\n", 1)[0].strip(" \t#" + _EMPHASIS)
        return _flag(
            text, "bracket_resolved", bracket, alt.KEPT, before=bracket.text, after=heading
        )
    beside = alt.words(sides.base, slot.low, bracket.start) + alt.words(
        sides.base, bracket.end, slot.high
    )
    keys = [word.key for word in beside]
    fates = [alt.fate(reading, found, context, keys) for reading in bracket.readings]
    return _resolved(text, sides.draft, bracket, fates, alone=not beside)


def _rival(bracket: Bracket, other: Bracket, slot: alt.Slot, alone: bool) -> bool:
    """A draft bracket in the slot is the base one still bracketed unless it is a part of
    it; if they share half their words, it holds the base one's, or it stands alone there."""
    if not (other.start < slot.right and other.end > slot.left):
        return False
    if _part_of(other, bracket):
        return False
    mine, theirs = Counter(_flat(bracket)), Counter(_flat(other))
    shared, sizes = sum((mine & theirs).values()), sorted((mine.total(), theirs.total()))
    return (
        2 * shared >= sizes[0] + sizes[1] - 2 * shared
        or shared >= max(2, 0.8 * mine.total())
        or (alone and sizes[1] <= 2 * sizes[0] + 2)
    )


def _part_of(inner: Bracket, outer: Bracket) -> bool:
    """`inner` is a nested bracket of `outer` left standing when `outer` was lifted."""
    if not any("[" in choice for choice in outer.alternatives):
        return False
    mine, theirs = Counter(_flat(inner)), Counter(_flat(outer))
    return (
        sum((mine & theirs).values()) >= 0.8 * mine.total()
        and theirs.total() >= 1.5 * mine.total()
    )


def _flat(bracket: Bracket) -> list[str]:
    return [word for words in _words_of(bracket) for word in words]


def _words_of(bracket: Bracket) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(w.key for w in alt.words(a)) for a in bracket.alternatives)


def _resolved(
    text: PairText, draft: str, bracket: Bracket, fates: list[alt.Fate], alone: bool
) -> Flag:
    """The resolution; `after` is the draft text in its place: the edited text, or what
    replaced a dropped bracket when nothing else of the base was replaced with it."""
    detail, chosen = alt.resolution(fates, bracket.alternatives)
    shown = chosen.state == alt.EDITED or (chosen.state == alt.DROPPED and alone)
    after = draft[chosen.span[0] : chosen.span[1]] if shown and chosen.span else ""
    return _flag(text, "bracket_resolved", bracket, detail, before=bracket.text, after=after)


def _changed(text: PairText, bracket: Bracket, twin: Bracket, detail: str) -> Flag:
    if detail.endswith("attribution changed"):
        before, after = ", ".join(bracket.parties), ", ".join(twin.parties)
    else:
        before, after = bracket.raw, twin.raw
    return _flag(text, "bracket_changed", bracket, detail, before=before, after=after)


def _added(
    text: PairText,
    sides: alt.Sides,
    bracket: Bracket,
    base_spans: list[tuple[int, int]],
    context: alt.Paragraph,
) -> Flag:
    """A new draft bracket: around new text, or around text the base had unbracketed."""
    slot = sides.slot(bracket.start, bracket.end, reverse=True)
    found = alt.words(sides.base, slot.left, slot.right, base_spans)
    states = {alt.fate(reading, found, context).state for reading in bracket.readings}
    detail = "new text"
    if alt.KEPT in states:
        detail = "existing text bracketed"
    elif alt.EDITED in states:
        detail = "existing text bracketed, with edits"
    if detail != "new text" and len(bracket.alternatives) > 1:
        detail += ", with alternatives"
    return _flag(text, "bracket_added", bracket, detail, after=bracket.text)


def _flag(text: PairText, kind: str, bracket: Bracket, detail: str, **wording: Any) -> Flag:
    """A `brackets` flag on `bracket`; `wording`: `before`, `after`, `parties` (its own)."""
    term = bracket.text if len(bracket.text) <= _TERM_LIMIT else bracket.text[:_TERM_LIMIT] + "…"
    wording.setdefault("parties", bracket.parties)
    return Flag(
        kind,
        "brackets",
        term,
        bracket.raw,
        detail=detail,
        base=text.pair.base,
        draft=text.pair.draft,
        pair=text.number,
        **wording,
    )
