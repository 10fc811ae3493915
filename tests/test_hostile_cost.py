"""Pathological inputs that used to take from 20 s to minutes (issue 11). Each test
runs the input that was slow and checks the answer; where the work can be counted
(the exact alignment), the count is checked too, so no test depends on the clock.
"""

from __future__ import annotations

from unwording import align, compare
from unwording.diff import diff_texts
from unwording.model import Op
from unwording.readers import read_bytes


def rebuilt(edits) -> tuple[str, str]:
    """The base and draft texts the edits stand for."""
    base = "".join(e.text for e in edits if e.op in (Op.EQUAL, Op.DELETE))
    draft = "".join(e.text for e in edits if e.op in (Op.EQUAL, Op.INSERT))
    return base, draft


def changed(edits) -> list[str]:
    return [e.text.strip() for e in edits if e.op is not Op.EQUAL and not e.typographic]


def test_exact_alignment_of_a_staircase_does_linear_work(monkeypatch):
    """Keys 1 0 2 1 3 2 ...: each search of a gap finds one key unique in it, so
    searching the gaps again and again read n²/4 keys (42 s for 530 KB)."""
    keys = [str(i + step) for i in range(20_000) for step in (1, 0)]
    read = []
    anchors = align._unique_anchors

    def counted(base_keys, draft_keys, b0, b1, d0, d1):
        read.append((b1 - b0) + (d1 - d0))
        return anchors(base_keys, draft_keys, b0, b1, d0, d1)

    monkeypatch.setattr(align, "_unique_anchors", counted)
    pairs = align._exact(keys, list(keys))
    assert sorted(pairs) == [(i, i) for i in range(len(keys))]
    assert sum(read) <= 20 * 2 * len(keys) + 200_000


def test_two_thousand_resolved_brackets_in_one_paragraph():
    base = " ".join(f"States [shall{i}] act" for i in range(2_000))
    draft = base.replace("[", "").replace("]", "")
    edits = diff_texts(base, draft)
    assert rebuilt(edits) == (base, draft)
    assert set(changed(edits)) <= {"[", "]", "[shall", "", "] act"} | set(draft.split())


def test_every_other_word_changed_in_a_long_paragraph():
    base = " ".join(f"alpha{i}" for i in range(8_000))
    draft = " ".join(f"alpha{i}" if i % 2 else f"beta{i}" for i in range(8_000))
    edits = diff_texts(base, draft)
    assert rebuilt(edits) == (base, draft)
    assert "alpha1" in [e.text for e in edits if e.op is Op.EQUAL] or changed(edits)


def test_ten_words_changed_in_a_huge_paragraph():
    words = [f"word{i % 997}x{i // 997}" for i in range(40_000)]
    base = " ".join(words)
    for i in range(0, 40_000, 4_000):
        words[i] = "CHANGED"
    draft = " ".join(words)
    edits = diff_texts(base, draft)
    assert rebuilt(edits) == (base, draft)
    assert changed(edits).count("CHANGED") == 10


def test_brackets_nested_ten_thousand_deep():
    base = "Calls upon States " + "[" * 10_000 + "to act" + "]" * 10_000 + ".\n\nDecides.\n"
    comparison = compare(base, base.replace("to act", "to act now"))
    assert comparison.summary.modified == 1


def test_a_hundred_thousand_unclosed_brackets():
    base = "Calls upon States to act " + "[ " * 100_000 + "now.\n\nDecides.\n"
    comparison = compare(base, base.replace("now.", "today."))
    assert comparison.summary.modified == 1


def test_eight_thousand_akoma_ntoso_footnotes():
    note = "<p>Text {0}<authorialNote><p>Note {0}.</p></authorialNote></p>"
    body = "".join(note.format(n) for n in range(8_000))
    data = (
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
        f"<statement><mainBody>{body}</mainBody></statement></akomaNtoso>"
    ).encode()
    document = read_bytes(data, "notes.akn", "akn")
    labels = [p.label for p in document.paragraphs if p.label and p.label.startswith("[fn")]
    assert labels == [f"[fn{n}]" for n in range(1, 8_001)]
