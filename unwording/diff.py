"""Diff stage: word-level edits inside each aligned pair.

Texts are cut into word, punctuation and space tokens whose concatenation is the
text itself. A footnote reference stays in the token it is glued to
(`Diversity10`; `Rights,1` as `Rights` and `,1`; `Goals[^2]`), and a number range
(`2014–2024`) or a compound whose hyphen extraction set apart (`action- oriented`)
is one token, so that with the normalized keys (normalize.py) a note added,
dropped or renumbered, or a broken compound, is a typographic edit. Each distinct
token key becomes one character (a code kept per thread, not rebuilt per pair),
diff-match-patch diffs those strings (its line-mode trick applied to words, so no
fragment of a word is ever shown), a semantic cleanup counted in words joins
scattered edits into readable phrase changes, and the result is mapped back to the
tokens.

Cost is bounded by construction. diff-match-patch is pure Python and its cost grows
with the square of the number of changes, so it diffs a pair only when the pair has
at most `MAX_DMP_CHANGES` token changes (counted first, in C, by rapidfuzz) and the
comparison's `DMP_BUDGET` of squared changes is not spent; other pairs are aligned
by rapidfuzz's longest common subsequence (C, memory growing with base x draft
tokens, up to `MAX_LCS_CELLS`). A pair beyond that, or of more than
`MAX_DIFF_TOKENS` tokens, is shown replaced whole, with a warning. The cleanup is
one pass with a stack, linear in the number of changes.

In the default mode tokens are compared by their normalized key, and tokens that
differ only in typography come out as a delete + insert marked `typographic`;
with `strict` every difference is an ordinary edit. The edits of a pair always
rebuild its base text (equal + delete) and its draft text (equal + insert).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate, groupby

from diff_match_patch import diff_match_patch
from rapidfuzz.distance import Indel

from .ends import Ends, common_prefix, common_suffix, shared_ends
from .model import JOINER, Edit, Notice, Op, Pair, Paragraph, Status, Tracked
from .normalize import BROKEN_HYPHEN, MARKDOWN_NOTE, NOTE_TOKEN, normalize_token

_NOTE = f"(?:{MARKDOWN_NOTE})?"  # a Markdown footnote reference stays with its word
_TOKEN = re.compile(
    r"[\u3400-\u9fff\uf900-\ufaff]"  # a Chinese character is a word of its own
    r"|[\w\u00ad]+(?:(?:[-\u2010\u2011]|['\u2019](?=[^\W\d_])|\u2013(?<=\d.)(?=\d)|"
    + BROKEN_HYPHEN
    + r")[\w\u00ad]+)*"
    + _NOTE
    + rf"|\s+|{NOTE_TOKEN}|{MARKDOWN_NOTE}|[^\w\s]{_NOTE}"
)
_WORDISH = re.compile(r"\w")
MAX_DMP_CHANGES = 256  # token changes in one pair for diff-match-patch (cost ~ changes²)
DMP_BUDGET = 30_000_000  # squared changes diffed by diff-match-patch in one comparison
MAX_LCS_CELLS = 400_000_000  # base x draft tokens for rapidfuzz's alignment (~50 MB)
MAX_DIFF_TOKENS = 400_000
Span = tuple[int, int, Tracked]  # a tracked change's author over text[start:end]


def tokenize(text: str) -> list[str]:
    """Cut `text` into tokens that concatenate back to `text` exactly."""
    return _TOKEN.findall(text)


@dataclass
class _Budget:
    """What is left of a comparison's `DMP_BUDGET`, and whether a pair was refused."""

    left: int = DMP_BUDGET
    refused: bool = False

    def take(self, cost: int) -> bool:
        if cost > self.left:
            self.refused = True
            return False
        self.left -= cost
        return True


def diff_pairs(
    pairs: Sequence[Pair],
    base: Sequence[Paragraph],
    draft: Sequence[Paragraph],
    strict: bool = False,
) -> tuple[tuple[Pair, ...], tuple[Notice, ...]]:
    """Fill in the edits of every pair (none for unchanged pairs); a warning for each
    pair too long or too scattered to diff word by word (shown replaced whole)."""
    done, notices, _ = diff_run(pairs, base, draft, strict)
    return done, notices


def diff_run(
    pairs: Sequence[Pair],
    base: Sequence[Paragraph],
    draft: Sequence[Paragraph],
    strict: bool = False,
) -> tuple[tuple[Pair, ...], tuple[Notice, ...], int | None]:
    """`diff_pairs` on a run of a comparison's pairs, with the part of the comparison's
    `DMP_BUDGET` it spent: None if the budget refused a pair (the pairs of a comparison
    diffed in runs give what `diff_pairs` gives if no run was refused and the runs
    spent no more than the budget between them)."""
    budget = _Budget(DMP_BUDGET)
    done, notices = [], []
    for pair in pairs:
        edited, whole = _with_edits(pair, base, draft, strict, budget)
        done.append(edited)
        if whole:
            notices.append(_whole_notice(pair, base, draft))
    spent = None if budget.refused else DMP_BUDGET - budget.left
    return tuple(done), tuple(notices), spent


def _with_edits(
    pair: Pair,
    base: Sequence[Paragraph],
    draft: Sequence[Paragraph],
    strict: bool,
    budget: _Budget,
) -> tuple[Pair, bool]:
    if pair.status is Status.UNCHANGED:
        return pair, False
    base_text, base_spans = _joined([base[i] for i in pair.base])
    draft_text, draft_spans = _joined([draft[i] for i in pair.draft])
    edits, whole = _diff(base_text, draft_text, strict, budget)
    if base_spans or draft_spans:
        edits = _attributed(edits, base_spans, draft_spans)
    return pair.with_edits(edits), whole


def _whole_notice(pair: Pair, base: Sequence[Paragraph], draft: Sequence[Paragraph]) -> Notice:
    first = draft[pair.draft[0]] if pair.draft else base[pair.base[0]]
    where = first.address or first.label or f"paragraph {first.index + 1}"
    return Notice(
        "comparison",
        f"{where}: the change is too long or too scattered to show word by word; "
        "it is shown as the whole paragraph replaced",
    )


def _joined(paragraphs: list[Paragraph]) -> tuple[str, list[Span]]:
    """The paragraphs' texts joined as in the edits, with their author spans shifted."""
    spans, offset = [], 0
    for paragraph in paragraphs:
        spans += [(a + offset, b + offset, who) for a, b, who in paragraph.authors]
        offset += len(paragraph.text) + len(JOINER)
    return JOINER.join(p.text for p in paragraphs), spans


def _attributed(
    edits: tuple[Edit, ...], base_spans: list[Span], draft_spans: list[Span]
) -> tuple[Edit, ...]:
    """Give each insertion and deletion the author of the tracked change under it."""
    result, base_at, draft_at = [], 0, 0
    for edit in edits:
        size = len(edit.text)
        if edit.op is Op.INSERT:
            edit = _credited(edit, draft_spans, draft_at)
        elif edit.op is Op.DELETE:
            edit = _credited(edit, base_spans, base_at)
        base_at += size if edit.op is not Op.INSERT else 0
        draft_at += size if edit.op is not Op.DELETE else 0
        result.append(edit)
    return tuple(result)


def _credited(edit: Edit, spans: list[Span], start: int) -> Edit:
    """The edit with the authors (and latest date) of the tracked changes under it."""
    end = start + len(edit.text)
    under = sorted({who for a, b, who in spans if a < end and b > start})
    if not under:
        return edit
    dates = [who.date for who in under if who.date]
    author = ", ".join(sorted({who.author for who in under}))
    return replace(edit, author=author, date=max(dates) if dates else None)


def diff_texts(base: str, draft: str, strict: bool = False) -> tuple[Edit, ...]:
    """Word-level edits turning `base` into `draft`."""
    return _diff(base, draft, strict, _Budget())[0]


def _diff(base: str, draft: str, strict: bool, budget: _Budget) -> tuple[tuple[Edit, ...], bool]:
    """The edits, and whether they show the texts replaced whole (too costly to diff)."""
    if not base or not draft:
        return _whole(base, draft), False
    ends = shared_ends(base, draft) if len(base) + len(draft) <= MAX_DIFF_TOKENS else None
    if ends is not None:
        edits = _diff_middle(base, draft, ends, strict, budget)
        if edits is not None:
            return edits, False
    base_tokens, draft_tokens = tokenize(base), tokenize(draft)
    if len(base_tokens) + len(draft_tokens) > MAX_DIFF_TOKENS:
        return _whole(base, draft), True
    coder = _coder(strict)
    base_chars = "".join(map(coder.__getitem__, base_tokens))
    draft_chars = "".join(map(coder.__getitem__, draft_tokens))
    runs = _diff_keys(base_chars, draft_chars, budget)
    if runs is None:
        return _whole(base, draft), True
    return _edits_of(runs, base_tokens, draft_tokens), False


def _diff_middle(
    base: str, draft: str, ends: Ends, strict: bool, budget: _Budget
) -> tuple[Edit, ...] | None:
    """The edits found by tokenizing only what lies between the shared ends (ends.py),
    or None when that shortcut does not apply (the caller diffs the whole texts)."""
    base_tokens, draft_tokens = ends.middle(base, _TOKEN), ends.middle(draft, _TOKEN)
    kept = ends.safe(base, max(len(base_tokens), len(draft_tokens)))
    if kept is None:
        return None
    if kept != ends:  # a shared end too short to stay whole: it joins the middle
        ends = kept
        base_tokens, draft_tokens = ends.middle(base, _TOKEN), ends.middle(draft, _TOKEN)
        if ends.safe(base, max(len(base_tokens), len(draft_tokens))) != ends:
            return None
    coder = _coder(strict)
    base_chars = _coded(base_tokens, ends, coder)
    draft_chars = _coded(draft_tokens, ends, coder)
    if ends.tail and _runs_on(base_chars, draft_chars, ends):
        return None
    changes = Indel.distance(base_chars, draft_chars, score_cutoff=MAX_DMP_CHANGES)
    if changes > MAX_DMP_CHANGES or not budget.take(changes * changes):
        return None  # the whole texts take the other way, with the budget as it was
    return _edits_of(_dmp_runs(base_chars, draft_chars), base_tokens, draft_tokens)


def _runs_on(base_chars: str, draft_chars: str, ends: Ends) -> bool:
    """Whether one coded middle starts with the other (their texts differ in typography
    only where they differ at all): diff-match-patch's shared start would then run on
    into the shared end of the whole texts, which the end's one code stops here."""
    inner = slice(1 if ends.head else 0, -1)
    base_middle, draft_middle = base_chars[inner], draft_chars[inner]
    return base_middle.startswith(draft_middle) or draft_middle.startswith(base_middle)


_HEAD, _TAIL = "\x00", "\x01"  # the codes of the shared ends (the coder's are >= U+E000)


def _coded(tokens: list[str], ends: Ends, coder: _Coder) -> str:
    first, last = int(bool(ends.head)), len(tokens) - int(bool(ends.tail))
    middle = "".join(map(coder.__getitem__, tokens[first:last]))
    return (_HEAD if ends.head else "") + middle + (_TAIL if ends.tail else "")


def _edits_of(
    runs: list[Run], base_tokens: list[str], draft_tokens: list[str]
) -> tuple[Edit, ...]:
    runs = _normalized(runs)
    if any(op == 0 for op, _ in runs[1:-1]):  # no unchanged stretch between changes: no join
        runs = _cleanup(runs, _word_counts(base_tokens), _word_counts(draft_tokens))
    return _merged(list(_edits(runs, base_tokens, draft_tokens)))


class _Coder(dict[str, str]):
    """Token -> one character standing for its normalized key (the same for tokens
    with the same key: `’` and `'`), made on first sight and looked up in C after that.
    Keys get private-use characters in turn, the first 6,400 in the BMP, then above."""

    def __init__(self, strict: bool) -> None:
        super().__init__()
        self.strict = strict
        self.codes: dict[str, str] = {}

    def __missing__(self, token: str) -> str:
        key = normalize_token(token, self.strict)
        code = self.codes.get(key)
        if code is None:
            count = len(self.codes)
            code = chr(0xE000 + count) if count < 6400 else chr(0x10000 + count)
            self.codes[key] = code
        self[token] = code
        return code


_CODERS = threading.local()  # one coder per thread and mode: a pair is coded by one
_MAX_CODES = 100_000  # well under the 1.1M code points, with MAX_DIFF_TOKENS more


def _coder(strict: bool) -> _Coder:
    """This thread's coder for this mode, emptied when it has grown large (so only
    between two pairs, never while one pair is being coded)."""
    coders: dict[bool, _Coder] | None = getattr(_CODERS, "coders", None)
    if coders is None:
        coders = _CODERS.coders = {False: _Coder(False), True: _Coder(True)}
    coder = coders[strict]
    if len(coder) > _MAX_CODES:
        coder.clear()
        coder.codes.clear()
    return coder


def _word_counts(tokens: list[str]) -> list[int]:
    """How many of the first n tokens are words, for every n (counted in C)."""
    return list(accumulate(map(bool, map(_WORDISH.match, tokens)), initial=0))


def _whole(base: str, draft: str) -> tuple[Edit, ...]:
    edits = []
    if base:
        edits.append(Edit(Op.DELETE, base))
    if draft:
        edits.append(Edit(Op.INSERT, draft))
    return tuple(edits)


def _diff_keys(base_chars: str, draft_chars: str, budget: _Budget) -> list[Run] | None:
    """Runs of (dmp op, token count) over the coded token sequences, or None when the
    pair is too long and too scattered to align (see the module docstring)."""
    changes = Indel.distance(base_chars, draft_chars, score_cutoff=MAX_DMP_CHANGES)
    if changes <= MAX_DMP_CHANGES and budget.take(changes * changes):
        return _dmp_runs(base_chars, draft_chars)
    if len(base_chars) * len(draft_chars) <= MAX_LCS_CELLS:
        return _aligned(base_chars, draft_chars)
    return None


def _dmp_runs(base_chars: str, draft_chars: str) -> list[Run]:
    """diff-match-patch's runs; for one token against another between shared ends (a
    word replaced) the runs it would give, without it: its one delete and one insert,
    unless the shorter middle lies inside the longer one."""
    head = common_prefix(base_chars, draft_chars)
    tail = common_suffix(base_chars, draft_chars, min(len(base_chars), len(draft_chars)) - head)
    old = base_chars[head : len(base_chars) - tail]
    new = draft_chars[head : len(draft_chars) - tail]
    shorter, longer = sorted((old, new), key=len)
    if len(shorter) == 1 and shorter not in longer:
        runs = [(0, head)] if head else []
        runs += [(-1, len(old)), (1, len(new))]
        return runs + [(0, tail)] if tail else runs
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    return [(op, len(chars)) for op, chars in engine.diff_main(base_chars, draft_chars, False)]


def _aligned(base_chars: str, draft_chars: str) -> list[tuple[int, int]]:
    """Runs of a longest common subsequence (rapidfuzz, in C)."""
    runs: list[tuple[int, int]] = []
    for opcode in Indel.opcodes(base_chars, draft_chars):
        i1, i2 = opcode.src_start, opcode.src_end
        j1, j2 = opcode.dest_start, opcode.dest_end
        if opcode.tag == "equal":
            runs.append((0, i2 - i1))
            continue
        if i2 > i1:
            runs.append((-1, i2 - i1))
        if j2 > j1:
            runs.append((1, j2 - j1))
    return runs


Run = tuple[int, int]


def _cleanup(runs: list[Run], base_words: list[int], draft_words: list[int]) -> list[Run]:
    """Semantic cleanup of normalized runs, counted in words (dmp's own counts characters):
    an unchanged stretch between two changes is absorbed into them when it has no
    more words than the larger side of the change before it and of the change after
    it, so "[-democracy-]{+the rule of law+} and [-human rights-]..." reads as one
    phrase swap, while a long shared stretch stays visible. Absorbing only makes the
    changes larger, so the result does not depend on the order: one pass with a
    stack finds it, each stretch looked at again only when a change next to it grew."""
    stack: list[_Segment] = []
    for segment in _segments(runs, base_words, draft_words):
        stack.append(segment)
        while len(stack) >= 3 and _absorbs(stack[-3], stack[-2], stack[-1]):
            stack[-3:] = [_joined_change(*stack[-3:])]
    return [run for segment in stack for run in segment.runs()]


@dataclass(frozen=True)
class _Segment:
    """An unchanged stretch (`equal`) or a change: token and word counts of each side."""

    equal: bool
    base: int
    draft: int
    base_words: int
    draft_words: int

    def runs(self) -> list[Run]:
        if self.equal:
            return [(0, self.base)]
        return [(op, n) for op, n in ((-1, self.base), (1, self.draft)) if n]

    @property
    def size(self) -> int:
        """Words of the larger side of a change."""
        return max(self.base_words, self.draft_words)


def _segments(
    runs: list[Run], base_words: list[int], draft_words: list[int]
) -> Iterator[_Segment]:
    """Normalized runs as segments: each equal run, each delete + insert change
    (`*_words[n]`: the words among the first n tokens of each side)."""
    i = j = 0
    change = [0, 0, 0, 0]
    for op, count in runs:
        if op == 0:
            if change[0] or change[1]:
                yield _Segment(False, *change)
                change = [0, 0, 0, 0]
            words = base_words[i + count] - base_words[i], draft_words[j + count] - draft_words[j]
            yield _Segment(True, count, count, *words)
            i, j = i + count, j + count
        elif op == -1:
            change[0], change[2] = count, base_words[i + count] - base_words[i]
            i += count
        else:
            change[1], change[3] = count, draft_words[j + count] - draft_words[j]
            j += count
    if change[0] or change[1]:
        yield _Segment(False, *change)


def _absorbs(before: _Segment, middle: _Segment, after: _Segment) -> bool:
    """Whether the unchanged `middle` joins the changes around it."""
    if not middle.equal or before.equal or after.equal:
        return False
    words = middle.base_words
    return words == 0 or (words <= before.size and words <= after.size)


def _joined_change(before: _Segment, middle: _Segment, after: _Segment) -> _Segment:
    return _Segment(
        False,
        before.base + middle.base + after.base,
        before.draft + middle.draft + after.draft,
        before.base_words + middle.base_words + after.base_words,
        before.draft_words + middle.draft_words + after.draft_words,
    )


def _normalized(runs: list[Run]) -> list[Run]:
    """Equal runs merged; each stretch of changes as one delete then one insert."""
    if all(map(_apart, runs, runs[1:])) and all(count for _, count in runs):
        return runs  # diff-match-patch's runs are mostly so already
    result: list[Run] = []
    for is_equal, group in groupby(runs, key=lambda run: run[0] == 0):
        items = list(group)
        if is_equal:
            result.append((0, sum(count for _, count in items)))
            continue
        for op in (-1, 1):
            total = sum(count for kind, count in items if kind == op)
            if total:
                result.append((op, total))
    return result


def _apart(first: Run, second: Run) -> bool:
    """Whether two neighbouring runs need no merging: not the same op, and not an
    insert before a delete."""
    return first[0] != second[0] and not (first[0] == 1 and second[0] == -1)


def _edits(runs: list[Run], base_tokens: list[str], draft_tokens: list[str]) -> Iterator[Edit]:
    i = j = 0
    for op, count in runs:
        if op == -1:
            yield Edit(Op.DELETE, "".join(base_tokens[i : i + count]))
            i += count
        elif op == 1:
            yield Edit(Op.INSERT, "".join(draft_tokens[j : j + count]))
            j += count
        else:
            yield from _equal_run(base_tokens[i : i + count], draft_tokens[j : j + count])
            i += count
            j += count


def _equal_run(base_tokens: list[str], draft_tokens: list[str]) -> Iterator[Edit]:
    """Tokens with equal keys: one equal edit per stretch of identical tokens, and a
    typographic delete and insert where the texts differ (`’` for `'`)."""
    if base_tokens == draft_tokens:
        yield Edit(Op.EQUAL, "".join(base_tokens))
        return
    start = 0
    for position, (base_token, draft_token) in enumerate(
        zip(base_tokens, draft_tokens, strict=True)
    ):
        if base_token != draft_token:
            if position > start:
                yield Edit(Op.EQUAL, "".join(base_tokens[start:position]))
            yield Edit(Op.DELETE, base_token, typographic=True)
            yield Edit(Op.INSERT, draft_token, typographic=True)
            start = position + 1
    if start < len(base_tokens):
        yield Edit(Op.EQUAL, "".join(base_tokens[start:]))


def _merged(edits: list[Edit]) -> tuple[Edit, ...]:
    """`_merge`, skipped when no two neighbouring edits would be joined."""
    for first, second in zip(edits, edits[1:], strict=False):
        if first.op is second.op or (first.op is Op.INSERT and second.op is Op.DELETE):
            return tuple(_merge(iter(edits)))
    return tuple(edits)


def _merge(edits: Iterator[Edit]) -> Iterator[Edit]:
    """Join neighbouring edits: one equal run, or one delete then one insert."""
    for is_equal, run in groupby(edits, key=lambda edit: edit.op is Op.EQUAL):
        group = list(run)
        if is_equal:
            yield Edit(Op.EQUAL, "".join(edit.text for edit in group))
            continue
        for op in (Op.DELETE, Op.INSERT):
            same = [edit for edit in group if edit.op is op]
            if same:
                typographic = all(edit.typographic for edit in same)
                yield Edit(op, "".join(edit.text for edit in same), typographic)
