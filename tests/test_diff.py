"""Word diff inside a pair: whole words, exact rebuild, typography marked."""

from __future__ import annotations

from unwording import Op
from unwording.diff import diff_texts, tokenize


def rebuild(edits, side):
    keep = {"base": (Op.EQUAL, Op.DELETE), "draft": (Op.EQUAL, Op.INSERT)}[side]
    return "".join(e.text for e in edits if e.op in keep)


def test_tokens_concatenate_to_the_text():
    text = "Non‑intervention, inter\u00adnational law’s “reach” — 2030."
    assert "".join(tokenize(text)) == text
    assert "Non‑intervention" in tokenize(text)


def test_edits_are_whole_words():
    edits = diff_texts("Urges all States to act", "Encourages all States to act")
    assert [(e.op, e.text) for e in edits] == [
        (Op.DELETE, "Urges"),
        (Op.INSERT, "Encourages"),
        (Op.EQUAL, " all States to act"),
    ]


def test_phrase_swap():
    base = "Reaffirming that democracy and human rights are essential,"
    draft = (
        "Reaffirming that the rule of law and an effective and capable institution are essential,"
    )
    edits = diff_texts(base, draft)
    assert rebuild(edits, "base") == base and rebuild(edits, "draft") == draft
    assert "democracy" in "".join(e.text for e in edits if e.op is Op.DELETE)


def test_typography_is_marked_and_strict_mode_is_plain():
    base, draft = 'the "Agenda" of the Secretary-General', "the “Agenda” of the Secretary‑General"
    edits = diff_texts(base, draft)
    changed = [e for e in edits if e.op is not Op.EQUAL]
    assert changed and all(e.typographic for e in changed)
    strict = diff_texts(base, draft, strict=True)
    assert not any(e.typographic for e in strict)
    for result in (edits, strict):
        assert rebuild(result, "base") == base and rebuild(result, "draft") == draft


def test_empty_sides():
    assert [e.op for e in diff_texts("", "new")] == [Op.INSERT]
    assert [e.op for e in diff_texts("old", "")] == [Op.DELETE]


def test_scattered_changes_use_the_c_alignment(monkeypatch):
    import unwording.diff as diff

    monkeypatch.setattr(diff, "MAX_DMP_CHANGES", 1)
    base = " ".join(f"w{n}x" for n in range(50))  # not `word7`: a glued number is a note
    draft = base.replace("w7x ", "changed ")
    edits = diff_texts(base, draft)
    assert rebuild(edits, "base") == base and rebuild(edits, "draft") == draft
    assert [e.text for e in edits if e.op is Op.INSERT] == ["changed"]


def test_giant_paragraphs_are_replaced_whole(monkeypatch):
    import unwording.diff as diff

    monkeypatch.setattr(diff, "MAX_DIFF_TOKENS", 10)
    edits = diff_texts("one two three four five six", "one two three four five seven")
    assert [e.op for e in edits] == [Op.DELETE, Op.INSERT]
