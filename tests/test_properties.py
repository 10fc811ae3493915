"""Invariants, checked on generated texts with hypothesis."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from unwording import Op, Status, compare

WORDS = st.sampled_from(
    "the General Assembly urges States to protect human rights and democracy as appropriate "
    "rule of law family “quoted” Secretary‑General 2030 ; , . (a) 1. Recalling Decides".split()
)
PARAGRAPH = st.lists(WORDS, min_size=1, max_size=14).map(" ".join)
DOCUMENT = st.lists(PARAGRAPH, min_size=1, max_size=12)


def text_of(paragraphs):
    return "\n\n".join(paragraphs)


def joined(comparison, side, indices):
    paragraphs = getattr(comparison, side).paragraphs
    return "\n".join(paragraphs[i].text for i in indices)


@settings(max_examples=150, deadline=None)
@given(DOCUMENT, DOCUMENT, st.booleans())
def test_edits_rebuild_both_texts(base, draft, strict):
    comparison = compare(text_of(base), text_of(draft))
    for pair in comparison.pairs:
        if pair.status is Status.UNCHANGED:
            assert pair.edits == ()
            continue
        rebuilt_base = "".join(e.text for e in pair.edits if e.op is not Op.INSERT)
        rebuilt_draft = "".join(e.text for e in pair.edits if e.op is not Op.DELETE)
        assert rebuilt_base == joined(comparison, "base", pair.base)
        assert rebuilt_draft == joined(comparison, "draft", pair.draft)


@settings(max_examples=150, deadline=None)
@given(DOCUMENT, DOCUMENT)
def test_every_paragraph_is_in_exactly_one_pair(base, draft):
    comparison = compare(text_of(base), text_of(draft))
    base_seen = sorted(i for p in comparison.pairs for i in p.base)
    draft_seen = sorted(i for p in comparison.pairs for i in p.draft)
    assert base_seen == list(range(len(comparison.base.paragraphs)))
    assert draft_seen == list(range(len(comparison.draft.paragraphs)))
    drafts = [p.draft[0] for p in comparison.pairs if p.draft]
    assert drafts == sorted(drafts)


@settings(max_examples=100, deadline=None)
@given(DOCUMENT)
def test_a_text_against_itself_reports_nothing(paragraphs):
    comparison = compare(text_of(paragraphs), text_of(paragraphs))
    assert all(p.status is Status.UNCHANGED and not p.moved for p in comparison.pairs)
    assert comparison.flags == ()
    assert not comparison.has_changes


def _real_paragraphs() -> list[str]:
    from conftest import FIXTURES

    text = (FIXTURES / "ares-80-6-edited" / "base.txt").read_text(encoding="utf-8")
    return [block.split(". ", 1)[-1] for block in text.split("\n\n")[2:-1]]


REAL = _real_paragraphs()
EDIT = st.tuples(
    st.sampled_from(["delete", "insert", "move", "reword", "keep"]),
    st.integers(0, 10_000),
    st.integers(0, 10_000),
)


@st.composite
def edited_pair(draw):
    """A base of distinct real paragraphs and a draft made from it by random edits."""
    base = draw(st.lists(st.sampled_from(REAL), min_size=2, max_size=14, unique=True))
    draft = list(base)
    for op, a, b in draw(st.lists(EDIT, max_size=6)):
        at = a % len(draft) if draft else 0
        if op == "delete" and draft:
            draft.pop(at)
        elif op == "insert":
            draft.insert(at, REAL[b % len(REAL)].replace("the ", "the family and ", 1))
        elif op == "move" and draft:
            draft.insert(b % len(draft), draft.pop(at))
        elif op == "reword" and draft:
            words = draft[at].split()
            words[b % len(words)] = "democracy"
            draft[at] = " ".join(words)
    return base, draft or ["Decides to remain seized of the matter."]


@settings(max_examples=200, deadline=None)
@given(edited_pair())
def test_swapping_base_and_draft_swaps_the_changes(texts):
    base, draft = texts
    forward = compare(text_of(base), text_of(draft))
    backward = compare(text_of(draft), text_of(base))
    f, b = forward.summary, backward.summary
    assert (f.inserted, f.deleted) == (b.deleted, b.inserted)
    assert (f.split, f.merged, f.modified) == (b.merged, b.split, b.modified)
    added = sorted((x.category, x.term) for x in forward.flags if x.kind == "term_added")
    removed = sorted((x.category, x.term) for x in backward.flags if x.kind == "term_removed")
    assert added == removed
