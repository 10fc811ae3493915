"""Shapes of benchmark input beyond bench.py's long paragraphs.

- `dense`: the same real text, with paragraphs over 50 words cut at a clause boundary
  (`; ` or `, `) into pieces of about 35 words, as in a text of short operative
  paragraphs and sub-paragraphs; edits as in bench.py.
- `shuffled`: every paragraph changed by one word and the order shuffled, so that no
  paragraph is where it was and none is found by exact matching: the worst case for
  pairing by content. `origins(base, draft)` gives, for each draft paragraph, the base
  paragraphs it may come from (equal texts are interchangeable).
"""

from __future__ import annotations

import random
import re

PIECE_WORDS = 35
_CUT = re.compile(r"(?<=[;,]) ")
_NOTE = re.compile(r"(?<=[a-z][;:,.])\d{1,3}\b")  # a footnote number glued to a word's end


def dense(paragraphs: list[str]) -> list[str]:
    """Paragraphs of about `PIECE_WORDS` words: long ones cut at clause boundaries."""
    out = []
    for paragraph in (_NOTE.sub("", p) for p in paragraphs):
        out.extend(_pieces(paragraph) if len(paragraph.split()) > 50 else [_whole(paragraph)])
    return out


def _pieces(paragraph: str) -> list[str]:
    pieces, current = [], ""
    for clause in _CUT.split(paragraph):
        current = f"{current} {clause}" if current else clause
        if len(current.split()) >= PIECE_WORDS:
            pieces.append(current)
            current = ""
    if current and pieces and len(current.split()) < 10:
        pieces[-1] = f"{pieces[-1]} {current}"
    elif current:
        pieces.append(current)
    return [_whole(piece) for piece in pieces]


def _whole(piece: str) -> str:
    """A piece that reads as a paragraph of its own: a capital first and a stop last
    (the text reader joins a paragraph that ends mid-sentence with the next one)."""
    piece = piece[:1].upper() + piece.rstrip(",")[1:]
    return piece if piece.endswith((".", ";", ":")) else piece + ";"


def shuffled(paragraphs: list[str], seed: int = 7) -> tuple[list[str], list[int]]:
    """Each paragraph with one word replaced by another of the text, in a random order;
    with, for each draft paragraph, the index of the base paragraph it came from."""
    rng = random.Random(seed)
    vocabulary = sorted({w for p in paragraphs for w in p.split() if w.isalpha()})
    order = list(range(len(paragraphs)))
    rng.shuffle(order)
    return [_one_word(paragraphs[i], rng, vocabulary) for i in order], order


def _one_word(paragraph: str, rng: random.Random, vocabulary: list[str]) -> str:
    words = paragraph.split(" ")
    plain = [i for i, word in enumerate(words) if word.isalpha()] or [0]
    at = rng.choice(plain)  # a word without punctuation: the paragraph keeps its stop
    replacement = rng.choice(vocabulary)
    while replacement == words[at] and len(vocabulary) > 1:
        replacement = rng.choice(vocabulary)
    words[at] = replacement
    return " ".join(words)


def right_pairs(base: list[str], draft_origin: list[int], pairs: list[tuple]) -> int:
    """How many (base index, draft index) pairs join a draft paragraph with its origin
    (or with a base paragraph of the same text)."""
    return sum(1 for b, d in pairs if base[b] == base[draft_origin[d]])
