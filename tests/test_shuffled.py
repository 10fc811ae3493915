"""Moves found anywhere (issue 12): every paragraph changed by one word and the order
shuffled, so nothing matches exactly and nothing is where it was. The global fuzzy pass
scores only candidates that share rare words (candidates.py); with its exhaustive limit
lowered, a text of a few hundred paragraphs takes that path, and at least 99% of the
paragraphs must be paired with their origin (or a paragraph of the same text)."""

from __future__ import annotations

import random
import re

import pytest
from conftest import FIXTURES

from unwording import align
from unwording.candidates import candidate_columns
from unwording.compare import compare

SOURCES = (
    "sdg-targets-all/base.txt",
    "ares-80-6-edited/base.txt",
    "sdg-indicators-2019-2021/base.txt",
    "paris-v3-v4/base.md",
)
LABEL = re.compile(r"^\s*(?:\d+(?:\.\w+)?\.?|\([a-z]\))\s+")


def _paragraphs() -> list[str]:
    """Real paragraphs of at least eight words, labels and headings left out (headings
    are paired by where their sections went, which a shuffle leaves meaningless)."""
    found = []
    for name in SOURCES:
        for block in (FIXTURES / name).read_text("utf-8").split("\n\n"):
            text = LABEL.sub("", " ".join(block.split()))
            if len(text.split()) >= 8 and not text.startswith(("Goal ", "Article ")):
                found.append(text)
    return found


def _shuffled(paragraphs: list[str], seed: int = 3) -> tuple[list[str], list[int]]:
    rng = random.Random(seed)
    vocabulary = sorted({w for p in paragraphs for w in p.split() if w.isalpha()})
    order = list(range(len(paragraphs)))
    rng.shuffle(order)
    draft = []
    for index in order:
        words = paragraphs[index].split(" ")
        at = rng.choice([i for i, w in enumerate(words) if w.isalpha()] or [0])
        words[at] = rng.choice([w for w in vocabulary[:50] if w != words[at]])
        draft.append(" ".join(words))
    return draft, order


@pytest.fixture(scope="module")
def shuffled_comparison():
    base = _paragraphs()
    draft, origin = _shuffled(base)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(align, "MAX_GLOBAL_CELLS", 10_000)  # far below the text's pool
        comparison = compare("\n\n".join(base) + "\n", "\n\n".join(draft) + "\n")
    return base, draft, origin, comparison


def test_the_text_is_big_enough_to_take_the_candidate_path(shuffled_comparison):
    base, draft, _, comparison = shuffled_comparison
    assert len(base) > 300
    assert len(comparison.base.paragraphs) == len(base)
    assert len(comparison.draft.paragraphs) == len(draft)


def test_shuffled_paragraphs_pair_with_their_origin(shuffled_comparison):
    base, _, origin, comparison = shuffled_comparison
    right = sum(
        1
        for pair in comparison.pairs
        for b in pair.base
        for d in pair.draft
        if len(pair.base) == len(pair.draft) == 1 and base[b] == base[origin[d]]
    )
    assert right >= 0.99 * len(base), f"{right} of {len(base)}"


def test_copies_of_a_paragraph_get_candidates_of_their_own():
    words = {0: [1, 2, 3], 1: [1, 2, 3], 2: [1, 2, 3]}
    drafts = {10 + i: [1, 2, 9 + i] for i in range(200)}
    found = candidate_columns([0, 1, 2], list(drafts), words.__getitem__, drafts.__getitem__)
    assert found[0] == found[1] == found[2]
    assert len(found[0]) > 64  # 64 each: three copies can find three partners
