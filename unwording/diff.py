"""Diff stage: word-level edits inside each aligned pair.

Texts are cut into word, punctuation and space tokens whose concatenation is the
text itself. A footnote reference stays in the token it is glued to
(`Diversity10`; `Rights,1` as `Rights` and `,1`; `Goals[^2]`), and a number range
(`2014–2024`) or a compound whose hyphen extraction set apart (`action- oriented`)
is one token, so that with the normalized keys (normalize.py) a note added,
dropped or renumbered, or a broken compound, is a typographic edit. Each distinct
token key becomes one character, diff-match-patch diffs those strings (its
line-mode trick applied to words, so no fragment of a word is ever shown), a
semantic cleanup counted in words joins scattered edits into readable phrase
changes, and the result is mapped back to the tokens.

In the default mode tokens are compared by their normalized key, and tokens that
differ only in typography come out as a delete + insert marked `typographic`;
with `strict` every difference is an ordinary edit. The edits of a pair always
rebuild its base text (equal + delete) and its draft text (equal + insert).
A paragraph pair of more than 400,000 tokens is shown as replaced whole.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import groupby

from diff_match_patch import diff_match_patch

from .model import JOINER, Edit, Op, Pair, Paragraph, Status
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
MAX_DMP_TOKENS = 20_000
MAX_DIFF_TOKENS = 400_000


def tokenize(text: str) -> list[str]:
    """Cut `text` into tokens that concatenate back to `text` exactly."""
    return _TOKEN.findall(text)


def diff_pairs(
    pairs: Sequence[Pair],
    base: Sequence[Paragraph],
    draft: Sequence[Paragraph],
    strict: bool = False,
) -> tuple[Pair, ...]:
    """Fill in the edits of every pair (none for unchanged pairs)."""
    return tuple(_with_edits(pair, base, draft, strict) for pair in pairs)


def _with_edits(pair: Pair, base: Sequence[Paragraph], draft: Sequence[Paragraph], strict) -> Pair:
    if pair.status is Status.UNCHANGED:
        return pair
    base_text, base_spans = _joined([base[i] for i in pair.base])
    draft_text, draft_spans = _joined([draft[i] for i in pair.draft])
    edits = diff_texts(base_text, draft_text, strict)
    if base_spans or draft_spans:
        edits = _attributed(edits, base_spans, draft_spans)
    return replace(pair, edits=edits)


def _joined(paragraphs: list[Paragraph]) -> tuple[str, list[tuple[int, int, str]]]:
    """The paragraphs' texts joined as in the edits, with their author spans shifted."""
    spans, offset = [], 0
    for paragraph in paragraphs:
        spans += [(a + offset, b + offset, who) for a, b, who in paragraph.authors]
        offset += len(paragraph.text) + len(JOINER)
    return JOINER.join(p.text for p in paragraphs), spans


def _attributed(edits: tuple[Edit, ...], base_spans, draft_spans) -> tuple[Edit, ...]:
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


def _credited(edit: Edit, spans, start: int) -> Edit:
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
    if not base or not draft:
        return _whole(base, draft)
    base_tokens, draft_tokens = tokenize(base), tokenize(draft)
    if len(base_tokens) + len(draft_tokens) > MAX_DIFF_TOKENS:
        return _whole(base, draft)
    base_keys = [_token_key(t, strict) for t in base_tokens]
    draft_keys = [_token_key(t, strict) for t in draft_tokens]
    runs = _cleanup(_diff_keys(base_keys, draft_keys), base_tokens, draft_tokens)
    return tuple(_merge(_edits(runs, base_tokens, draft_tokens)))


@lru_cache(maxsize=65536)
def _token_key(token: str, strict: bool) -> str:
    return normalize_token(token, strict)


def _whole(base: str, draft: str) -> tuple[Edit, ...]:
    edits = []
    if base:
        edits.append(Edit(Op.DELETE, base))
    if draft:
        edits.append(Edit(Op.INSERT, draft))
    return tuple(edits)


def _diff_keys(base_keys: list[str], draft_keys: list[str]) -> list[tuple[int, int]]:
    """Runs of (dmp op, token count) over the key sequences."""
    if len(base_keys) + len(draft_keys) > MAX_DMP_TOKENS:
        return _diff_large(base_keys, draft_keys)
    codes: dict[str, str] = {}
    base_chars = _encode(base_keys, codes)
    draft_chars = _encode(draft_keys, codes)
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    diffs = engine.diff_main(base_chars, draft_chars, False)
    return [(op, len(chars)) for op, chars in diffs]


def _encode(keys: list[str], codes: dict[str, str]) -> str:
    return "".join(
        [
            codes.setdefault(
                key, chr(0xE000 + len(codes)) if len(codes) < 6400 else chr(0x10000 + len(codes))
            )
            for key in keys
        ]
    )


def _diff_large(base_keys: list[str], draft_keys: list[str]) -> list[tuple[int, int]]:
    """Fallback for very long paragraphs, where dmp's O(N*D) could be slow."""
    matcher = difflib.SequenceMatcher(None, base_keys, draft_keys, autojunk=False)
    runs = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append((0, i2 - i1))
            continue
        if i2 > i1:
            runs.append((-1, i2 - i1))
        if j2 > j1:
            runs.append((1, j2 - j1))
    return runs


Run = tuple[int, int]


def _cleanup(runs: list[Run], base_tokens: list[str], draft_tokens: list[str]) -> list[Run]:
    """Semantic cleanup counted in words (dmp's own counts characters, here tokens):
    an unchanged stretch between two changes is absorbed into them when it has no
    more words than the larger side of the change before it and of the change after
    it, so "[-democracy-]{+the rule of law+} and [-human rights-]..." reads as one
    phrase swap, while a long shared stretch stays visible."""
    runs = _normalized(runs)
    while True:
        absorbed = _absorb_one(runs, base_tokens, draft_tokens)
        if absorbed is None:
            return runs
        runs = _normalized(absorbed)


def _absorb_one(runs: list[Run], base_tokens, draft_tokens) -> list[Run] | None:
    i = j = 0
    sizes = []
    for op, count in runs:
        tokens = base_tokens[i : i + count] if op != 1 else draft_tokens[j : j + count]
        sizes.append(sum(1 for token in tokens if _WORDISH.match(token)))
        i += count if op != 1 else 0
        j += count if op != -1 else 0
    for k in range(1, len(runs) - 1):
        if runs[k][0] != 0:
            continue
        before = max((sizes[m] for m in _block(runs, k, -1)), default=0)
        after = max((sizes[m] for m in _block(runs, k, 1)), default=0)
        if sizes[k] == 0 or (sizes[k] <= before and sizes[k] <= after):
            count = runs[k][1]
            return [*runs[:k], (-1, count), (1, count), *runs[k + 1 :]]
    return None


def _block(runs: list[Run], k: int, step: int) -> list[int]:
    """Indices of the change runs right before (step -1) or after (step 1) run k."""
    found = []
    m = k + step
    while 0 <= m < len(runs) and runs[m][0] != 0:
        found.append(m)
        m += step
    return found


def _normalized(runs: list[Run]) -> list[Run]:
    """Equal runs merged; each stretch of changes as one delete then one insert."""
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


def _edits(runs, base_tokens: list[str], draft_tokens: list[str]) -> Iterator[Edit]:
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
    for base_token, draft_token in zip(base_tokens, draft_tokens, strict=True):
        if base_token == draft_token:
            yield Edit(Op.EQUAL, base_token)
        else:
            yield Edit(Op.DELETE, base_token, typographic=True)
            yield Edit(Op.INSERT, draft_token, typographic=True)


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
