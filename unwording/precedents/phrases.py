"""Words, phrases and sentences as the agreed-language index sees them.

A text is normalized as the comparison normalizes it (`normalize_text`: typography
folded, footnote numbers left out), then cut into words: letters and digits, with
inner hyphens and apostrophes kept (`family-supporting`, `women's`), lower case;
each Chinese character is a word of its own. Punctuation never counts, so
"effective, accountable and inclusive" matches "effective accountable and inclusive".

A phrase is found in a paragraph **exactly** (the same words in a row) or **nearly**:
with at most one word different (inserted, deleted or replaced) in a phrase of 5 to 9
words, two from 10 words on; a phrase of 4 words or fewer is found only exactly. A
near match holds at least one of the phrase's `pieces` word for word, which is how
the backends find candidates fast.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ..normalize import normalize_text

_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
SEARCHED = 12  # words of a phrase, or of a piece, that a backend's query holds at most
_SENTENCE_END = re.compile(r"[.;!?](?=\s)")
SENTENCE_MAX = 320  # characters of context shown around a match, at most
Span = tuple[str, int, int]  # a word, and where it starts and ends in the normalized text


def spans(key: str) -> list[Span]:
    """The words of a normalized text, lower case, with their places in it."""
    found: list[Span] = []
    for match in _WORD.finditer(key):
        word = match.group()
        if _CJK.search(word):
            found += _characters(word, match.start())
        else:
            found.append((word.casefold(), match.start(), match.end()))
    return found


def _characters(word: str, start: int) -> list[Span]:
    """A word holding Chinese characters, cut into those characters and the runs
    of other letters between them."""
    pieces = re.finditer(rf"{_CJK.pattern}|(?:(?!{_CJK.pattern})\w)+", word)
    return [(p.group().casefold(), start + p.start(), start + p.end()) for p in pieces]


def words_of(text: str) -> tuple[str, ...]:
    """The search words of a text (normalized first)."""
    return tuple(word for word, _, _ in spans(normalize_text(text)))


def tolerance(count: int) -> int:
    """How many words may differ in a near match of a phrase of `count` words."""
    if count < 5:
        return 0
    return 1 if count < 10 else 2


def pieces(words: Sequence[str]) -> list[Sequence[str]]:
    """The phrase cut into `tolerance + 1` runs of words, one of which any near match
    holds word for word: each word inserted, deleted or replaced breaks one run at
    most. Backends propose as near candidates the paragraphs holding one of them."""
    parts = tolerance(len(words)) + 1
    cuts = [round(len(words) * n / parts) for n in range(parts + 1)]
    return [searched(words[cuts[n] : cuts[n + 1]]) for n in range(parts)]


def searched(words: Sequence[str]) -> Sequence[str]:
    """The words of a long phrase that a query holds: its first SEARCHED words, enough
    to find the few paragraphs that may hold it all (checked word by word after)."""
    return words[:SEARCHED]


def find_in(words: Sequence[str], key: str, changes: int) -> tuple[int, int, int] | None:
    """Where the phrase `words` stands in the normalized text `key`: the number of
    words that differ (at most `changes`) and the span of the wording found."""
    found = spans(key)
    codes: dict[str, str] = {}
    phrase = _coded(words, codes)
    text = _coded([word for word, _, _ in found], codes)
    place = text.find(phrase)
    if place >= 0:
        return 0, found[place][1], found[place + len(phrase) - 1][2]
    if not changes or not text:
        return None
    return _near(phrase, text, found, changes)


def _coded(words: Sequence[str], codes: dict[str, str]) -> str:
    """Each word as one character (from a private-use range), so that words are
    compared by the string functions of rapidfuzz and `str.find`."""
    return "".join(codes.setdefault(word, chr(0xF0000 + len(codes))) for word in words)


def _near(phrase: str, text: str, found: list[Span], changes: int) -> tuple[int, int, int] | None:
    """The closest window of `text` to `phrase`, if no more than `changes` words away."""
    if len(text) <= len(phrase):
        start, end = 0, len(text)
    else:
        cutoff = 100.0 * (1 - changes / len(phrase))
        aligned = fuzz.partial_ratio_alignment(phrase, text, score_cutoff=cutoff)
        if aligned is None:
            return None
        start, end = aligned.dest_start, aligned.dest_end
    best = min(_windows(phrase, text, start, end, changes))
    if best[0] > changes:
        return None
    distance, start, end = best
    return distance, found[start][1], found[end - 1][2]


def _windows(
    phrase: str, text: str, start: int, end: int, changes: int
) -> list[tuple[int, int, int]]:
    """The word distance of `phrase` to each window near `text[start:end]`."""
    return [
        (Levenshtein.distance(phrase, text[a:b]), a, b)
        for a in range(max(0, start - changes), min(len(text), start + changes) + 1)
        for b in range(max(a + 1, end - changes), min(len(text), end + changes) + 1)
    ]


def sentence(key: str, start: int, end: int) -> str:
    """The sentence (or clause ending in `;`) of `key` around `key[start:end]`,
    cut to about SENTENCE_MAX characters around the match."""
    before = [m.end() for m in _SENTENCE_END.finditer(key, 0, start)]
    after = _SENTENCE_END.search(key, end)
    first = before[-1] if before else 0
    last = after.end() if after else len(key)
    room = max(0, (SENTENCE_MAX - (end - start)) // 2)
    head = "…" if start - first > room else ""
    tail = "…" if last - end > room else ""
    if head:
        first = key.find(" ", start - room, start) + 1 or start - room
    if tail:
        last = key.rfind(" ", end, end + room) if " " in key[end : end + room] else end + room
    return head + key[first:last].strip() + tail


def phrase_text(text: str) -> str:
    """A changed run of words as it is quoted: white space collapsed, without the
    punctuation that opens or closes it (`, as appropriate,` is `as appropriate`)."""
    return " ".join(text.split()).strip(" ,;:.")
