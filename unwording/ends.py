"""The start and end two texts share, cut where the word diff would cut them.

Most modified paragraphs differ in a few words: tokenizing and coding the whole of
both texts (diff.py) costs more than diffing them. `shared_ends` finds the longest
shared start and end (in C, by comparing slices) and moves each cut back to a place
where the tokenizer is sure to end a token in both texts: just after an ASCII space
that is not part of a compound broken by extraction (`action- oriented`: no hyphen
on either side of that space). Only the middle is then tokenized; the shared start
and end each stand for their tokens as one token (`Ends.tokens`).

The word diff of the shortened texts is the same as that of the whole texts. The
tokens of the middle are the whole text's tokens (the regex scans the whole string
from the cut, so what it looks at before and after the middle is the same).
diff-match-patch strips a shared start and end before it diffs, so its middle is
the same; its final merge would shift an edit across the whole shared start only
if the edit held at least as many tokens as that start, which `Ends.safe` rules out
(a start of n space-separated chunks with h hyphens holds at least n - h tokens). Its
shared start would run on into the shared end only if one coded middle began with the
other (texts that differ there in typography alone): diff.py then diffs the whole texts.
Every later step treats the first and last unchanged runs as wholes.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate

HYPHENS = "-\u2010\u2011"
LOOKAHEAD = 16  # characters the token pattern may look at after a token (at most 6)
MIN_SHARED = 24  # characters shared at one end worth cutting off (else the whole text)


@dataclass(frozen=True)
class Ends:
    """`head` characters shared at the start, `tail` at the end (cut at safe places)."""

    head: int
    tail: int

    def middle(self, text: str, token: re.Pattern[str]) -> list[str]:
        """The tokens between the shared ends, with each end as one token. The scan
        runs a little past the end cut (`LOOKAHEAD`), so that what a token's pattern
        looks at after it is what it would see in the whole text."""
        stop = len(text) - self.tail
        tokens = token.findall(text, self.head, stop + LOOKAHEAD if self.tail else len(text))
        if self.tail:
            del tokens[bisect_left(list(accumulate(map(len, tokens))), stop - self.head) + 1 :]
        if self.head:
            tokens.insert(0, text[: self.head])
        if self.tail:
            tokens.append(text[stop:])
        return tokens

    def safe(self, text: str, middle_tokens: int) -> Ends | None:
        """These ends without any that holds no more tokens than the middle of either
        text (`middle_tokens`: the larger count), so that no edit can shift across
        it; None when neither is left."""
        head = self.head if _least_tokens(text[: self.head]) > middle_tokens else 0
        tail = self.tail if _least_tokens(text[len(text) - self.tail :]) > middle_tokens else 0
        return Ends(head, tail) if head or tail else None


def _least_tokens(text: str) -> int:
    """At fewest, how many tokens `text` (a shared end) holds."""
    return len(text.split()) - sum(map(text.count, HYPHENS))


def shared_ends(base: str, draft: str) -> Ends | None:
    """The shared start and end of `base` and `draft`, cut at safe places; None when
    neither is worth cutting off."""
    head = common_prefix(base, draft)
    tail = common_suffix(base, draft, min(len(base), len(draft)) - head)
    head = _safe_head(base, head) if head >= MIN_SHARED else 0
    tail = _safe_tail(base, tail) if tail >= MIN_SHARED else 0
    return Ends(head, tail) if head or tail else None


def common_prefix(first: str, second: str) -> int:
    """The length of the longest shared start (binary search on slices, in C)."""
    low, high = 0, min(len(first), len(second))
    while low < high:
        mid = (low + high + 1) // 2
        if first[low:mid] == second[low:mid]:
            low = mid
        else:
            high = mid - 1
    return low


def common_suffix(first: str, second: str, most: int) -> int:
    """The length of the longest shared end, at most `most` characters."""
    low, high = 0, most
    n1, n2 = len(first), len(second)
    while low < high:
        mid = (low + high + 1) // 2
        if first[n1 - mid : n1 - low] == second[n2 - mid : n2 - low]:
            low = mid
        else:
            high = mid - 1
    return low


def _safe_head(text: str, shared: int) -> int:
    """The last safe cut before `shared` (0: none): a cut at c needs text[c - 1] to be
    a space, and text[c] (inside the shared start) and text[c - 2] to be neither a
    space nor a hyphen."""
    space = text.rfind(" ", 0, shared - 1)
    while space > 0:
        if _safe_at(text, space + 1):
            return space + 1
        space = text.rfind(" ", 0, space)
    return 0


def _safe_tail(text: str, shared: int) -> int:
    """The length of the shared end after its first safe cut (0: none), the cut and
    the two characters before it all inside the shared end."""
    start = len(text) - shared
    space = text.find(" ", start + 1)
    while 0 <= space < len(text) - 1:
        if _safe_at(text, space + 1):
            return len(text) - space - 1
        space = text.find(" ", space + 1)
    return 0


def _safe_at(text: str, cut: int) -> bool:
    before, after = text[cut - 2], text[cut]
    return not (before.isspace() or before in HYPHENS or after.isspace() or after in HYPHENS)
