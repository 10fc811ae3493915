"""The word diff's shortcut (ends.py: tokenize only what lies between the shared start
and end) gives the same edits as diffing the whole texts, on generated texts built to
trip it (broken hyphens, footnote numbers, typographic twins, repeats) and on every
modified pair of the real fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st

from unwording import Status, compare_files
from unwording import diff as diff_module
from unwording.ends import Ends, shared_ends

PIECES = st.sampled_from(
    [
        "the", "rule", "of", "law", "human", "rights", "and", "democracy", "as",
        "appropriate", "action-", "oriented", "well -being", "2014–2024", "Rights,1",
        "Diversity10", "States’", "States'", "“quoted”", "[^2]", "shall", "should", "(a)",
        "2030", "—", ";", ",", ".", "A/RES/70/1", "per cent", "-", "x", "ok", "The", "rule of",
    ]
)  # fmt: skip
SEPARATORS = st.sampled_from([" ", " ", " ", "  ", "", "\n", "- ", " -"])
TEXT = st.lists(st.tuples(PIECES, SEPARATORS), min_size=1, max_size=40).map(
    lambda parts: "".join(piece + gap for piece, gap in parts).strip()
)


def whole(base: str, draft: str, strict: bool = False):
    """The edits without the shortcut."""
    original = diff_module.shared_ends
    diff_module.shared_ends = lambda *_: None
    try:
        return diff_module.diff_texts(base, draft, strict)
    finally:
        diff_module.shared_ends = original


def mutated(text: str, position: float, insert: str, cut: int) -> str:
    at = int(position * len(text))
    return text[:at] + insert + text[at + cut :]


@settings(max_examples=600, deadline=None)
@given(TEXT, st.floats(0, 1), PIECES, st.integers(0, 12), st.booleans())
def test_the_shortcut_gives_the_edits_of_the_whole_texts(text, position, insert, cut, strict):
    base = f"{text} {text} {text}"  # long enough to have shared ends worth cutting off
    draft = mutated(base, position, insert, cut)
    assert diff_module.diff_texts(base, draft, strict) == whole(base, draft, strict)


@settings(max_examples=300, deadline=None)
@given(TEXT, TEXT, TEXT, st.booleans())
def test_the_shortcut_on_texts_changed_in_the_middle(start, base_middle, draft_middle, strict):
    base, draft = f"{start} {base_middle} {start}", f"{start} {draft_middle} {start}"
    assert diff_module.diff_texts(base, draft, strict) == whole(base, draft, strict)


@pytest.mark.parametrize(
    ("base", "draft"),
    [
        (  # a double space makes the middles' codes one the start of the other (review)
            "Invites  the States, the States to act on all of these matters in due course "
            "and without any delay",
            "Invites the States to act on all of these matters in due course and without "
            "any delay",
        ),
        (
            "Recalls its resolution, its resolution 70/1 of 25 September 2015 on the matter",
            "Recalls its resolution 70/1 of 25 September 2015 on the matter",
        ),
    ],
)
def test_a_middle_that_differs_in_typography_only_is_diffed_whole(base, draft):
    assert diff_module.diff_texts(base, draft) == whole(base, draft)


def test_shared_ends_are_cut_after_a_space_outside_broken_compounds():
    base = "The General Assembly, recalling its action- oriented resolution 70/1 of 2015 on"
    draft = "The General Assembly, recalling its action- oriented decision 70/1 of 2015 on"
    ends = shared_ends(base, draft)
    # not before "resolution" (its first letter is not shared), not before "oriented"
    # (the space belongs to "action- oriented"): before "action-"
    assert ends == Ends(len("The General Assembly, recalling its "), 0)
    assert shared_ends("short one", "short two") is None


def test_an_end_with_fewer_tokens_than_the_middle_is_not_cut():
    words = "one two three four five six changed words here and more words"
    ends = Ends(head=len("one two three four five six "), tail=0)
    assert ends.safe(words, middle_tokens=5) == ends  # 6 words: at least 6 tokens
    assert ends.safe(words, middle_tokens=6) is None
    compounds = "a-b-c-d-e-f-g-h-i-j-k-l-m-n changed words here and more words"
    assert Ends(head=28, tail=0).safe(compounds, middle_tokens=1) is None  # maybe 1 token


REAL = [
    case
    for case in sorted(Path(FIXTURES).iterdir())
    if (case / "base.txt").exists() and (case / "draft.txt").exists()
]


@pytest.mark.parametrize("case", REAL, ids=lambda case: case.name)
def test_the_shortcut_on_every_modified_pair_of_the_real_fixtures(case):
    comparison = compare_files(case / "base.txt", case / "draft.txt")
    base, draft = comparison.base.paragraphs, comparison.draft.paragraphs
    checked = 0
    for pair in comparison.pairs:
        if pair.status is Status.UNCHANGED or not pair.base or not pair.draft:
            continue
        base_text = "\n".join(base[i].text for i in pair.base)
        draft_text = "\n".join(draft[i].text for i in pair.draft)
        assert diff_module.diff_texts(base_text, draft_text) == whole(base_text, draft_text)
        checked += 1
    assert checked or not comparison.has_changes


def dmp_runs(base: str, draft: str) -> list[tuple[int, int]]:
    from diff_match_patch import diff_match_patch

    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    return [(op, len(chars)) for op, chars in engine.diff_main(base, draft, False)]


@settings(max_examples=2000, deadline=None)
@given(st.text("abcab", max_size=12), st.text("abc", max_size=3), st.text("abc", max_size=3))
def test_one_token_against_another_runs_as_diff_match_patch_would(shared, old, new):
    """The word-replaced shortcut of `_dmp_runs` against diff-match-patch itself."""
    half = len(shared) // 2
    base = shared[:half] + old + shared[half:]
    draft = shared[:half] + new + shared[half:]
    if base != draft:
        assert diff_module._dmp_runs(base, draft) == dmp_runs(base, draft)


def test_with_edits_is_replace_with_edits():
    from dataclasses import fields, replace

    from unwording.model import Edit, Op, Pair, Status

    pair = Pair(Status.MODIFIED, (1, 2), (3,), True, True, 0.5, (), "substantive")
    assert {f.name for f in fields(Pair)} == {
        "status", "base", "draft", "moved", "renumbered", "similarity", "edits", "nature"
    }  # fmt: skip
    edits = (Edit(Op.EQUAL, "a"),)
    assert pair.with_edits(edits) == replace(pair, edits=edits)
