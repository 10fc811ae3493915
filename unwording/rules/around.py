"""Where the two keys of a pair differ, and the words around that place.

Most modified pairs change a few words of a long paragraph. A rule that counts what
it finds on each side (terms, hedges, quantities, modals) can only find a difference
where a match touches the changed stretch or looks at it: if nothing it could match
stands within `reach` words of the change, both sides give the same findings and the
rule has nothing to say. `around(base, draft, reach)` gives that stretch of each
side, cut at spaces, so a rule can check it cheaply before it reads the whole texts.
"""

from __future__ import annotations

from ..ends import common_prefix, common_suffix


def around(base: str, draft: str, reach: int) -> tuple[str, str]:
    """The stretch of `base` and of `draft` from `reach` words before the first
    difference to `reach` words after the last (whole words: cut at spaces)."""
    head = common_prefix(base, draft)
    tail = common_suffix(base, draft, min(len(base), len(draft)) - head)
    start = _back(base, head, reach + 1)  # the shared start may end inside a word
    return (
        base[start : _on(base, len(base) - tail, reach + 1)],
        draft[start : _on(draft, len(draft) - tail, reach + 1)],
    )


def _back(text: str, at: int, words: int) -> int:
    """Where the text starts `words` spaces before `at` (0 when there are fewer)."""
    for _ in range(words):
        space = text.rfind(" ", 0, at)
        if space < 0:
            return 0
        at = space
    return at


def _on(text: str, at: int, words: int) -> int:
    """Where the text ends `words` spaces after `at` (its end when there are fewer)."""
    for _ in range(words):
        space = text.find(" ", at + 1) if at < len(text) else -1
        if space < 0:
            return len(text)
        at = space
    return at
