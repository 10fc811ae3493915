"""Footnote references are not wording: keys, word diffs, and numbers that must stay."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unwording import Op, Status, compare
from unwording.diff import diff_texts, tokenize
from unwording.normalize import normalize_text

# A/RES/80/3, annex paragraph 7, as two extractions print it (railcar 1.0.0 and 1.3.0)
PDF_TEXT = (
    "We further reaffirm our commitment to enhancing our efforts for the full and timely "
    "implementation of the 2030 Agenda for Sustainable Development 5 and its Sustainable "
    "Development Goals, the United Nations Framework Convention on Climate Change6 and the "
    "Paris Agreement,7 the Sendai Framework for Disaster Risk Reduction 2015–2030,8 the New "
    "Urban Agenda9 and the Convention on Biological Diversity10 and the Kunming-Montreal "
    "Global Biodiversity Framework,11 particularly with regard to the special development "
    "needs and challenges of landlocked developing countries."
)
MARKDOWN_TEXT = (
    PDF_TEXT.replace("Change6", "Change[^6]")
    .replace("Agenda9", "Agenda[^9]")
    .replace("Diversity10", "Diversity[^10]")
)
CLEAN_TEXT = (
    PDF_TEXT.replace("Change6", "Change")
    .replace(",7 ", ", ")
    .replace(",8 ", ", ")
    .replace("Agenda9", "Agenda")
    .replace("Diversity10", "Diversity")
    .replace(",11 ", ", ")
)


def rebuild(edits, side):
    keep = {"base": (Op.EQUAL, Op.DELETE), "draft": (Op.EQUAL, Op.INSERT)}[side]
    return "".join(e.text for e in edits if e.op in keep)


@pytest.mark.parametrize(
    "a, b",
    [
        (PDF_TEXT, MARKDOWN_TEXT),
        (PDF_TEXT, CLEAN_TEXT),
        ("Diversity10 and", "Diversity[^10] and"),
        ("Diversity10 and", "Diversity12 and"),  # a note renumbered
        ("on 24 December 2024,1 which builds", "on 24 December 2024, which builds"),
        ("the Decade 2014–20243 and provides", "the Decade 2014–2024 and provides"),
        (
            "the International Year of Peace and Trust,4 and",
            "the International Year of Peace and Trust, and",
        ),
        ("the report of the Court for 2017/18;4", "the report of the Court for 2017/18;"),
        ("in its resolution 70/1,1 and", "in its resolution 70/1, and"),
        (
            "Declaration of Human Rights,1 the International Covenants on Human Rights2 and",
            "Declaration of Human Rights, the International Covenants on Human Rights and",
        ),
        (
            "“Water for Sustainable Development”,3 2018–2028",
            "“Water for Sustainable Development”, 2018–2028",
        ),
        (
            "the Islamic Republic of Iran.4 The Council",
            "the Islamic Republic of Iran. The Council",
        ),
    ],
)
def test_footnote_references_are_not_in_the_key(a, b):
    assert normalize_text(a) == normalize_text(b)
    assert normalize_text(a, strict=True) != normalize_text(b, strict=True)


@pytest.mark.parametrize(
    "text",
    [
        "CO2 emissions",
        "the Group of 77 (G77) and China",
        "the G20 summit",
        "the H5N1 virus",
        "1,000 people",
        "2,5 millions de personnes",
        "resolution A/RES/70/1 of 25 September 2015",
        "document S/2015/1 of 2 January",
        "its resolution 70/1,",
        "article 4 of the Convention",
        "para 12 of the report",
        "paras. 3,4 and 5",
        "by 2030, halve",
        "in 2030.",
        "United Nations, Treaty Series, vol. 1771, No.1 The",
        "document A/70/1/Corr.1 The",
        "USD 2023.4 billion",
        "at 10:30 the meeting",
        "Covid-19 pandemic",
        "A/C.3/78/L.41 and",
        "resolution 77/2285 and",  # resolution 77/228 and note 5: too risky, left as wording
        "16.3 Promote the rule of law",
        "the ratio 1:2",
    ],
)
def test_numbers_that_are_wording_stay_in_the_key(text):
    assert normalize_text(text) == " ".join(text.replace("–", "-").split())


def test_a_number_that_is_wording_still_counts_when_it_changes():
    assert normalize_text("CO2 emissions") != normalize_text("CO emissions")
    assert normalize_text("G77 and China") != normalize_text("G and China")
    assert normalize_text("2,5 millions") != normalize_text("2, millions")


def test_a_note_difference_alone_is_a_typographic_edit():
    for other in (MARKDOWN_TEXT, CLEAN_TEXT):
        edits = diff_texts(PDF_TEXT, other)
        assert rebuild(edits, "base") == PDF_TEXT and rebuild(edits, "draft") == other
        changed = [e for e in edits if e.op is not Op.EQUAL]
        assert changed and all(e.typographic for e in changed)
        assert not any(e.typographic for e in diff_texts(PDF_TEXT, other, strict=True))


def test_a_word_changed_next_to_a_note_is_still_a_change():
    edits = diff_texts("the Paris Agreement,7 the Sendai", "the Paris Accord,7 the Sendai")
    assert [(e.op, e.text, e.typographic) for e in edits if e.op is not Op.EQUAL] == [
        (Op.DELETE, "Agreement", False),
        (Op.INSERT, "Accord", False),
    ]


def test_notes_stay_in_the_token_they_are_glued_to():
    assert tokenize("Diversity10 and") == ["Diversity10", " ", "and"]
    assert tokenize("Change[^6] and") == ["Change[^6]", " ", "and"]
    assert tokenize("2024,1 which") == ["2024", ",1", " ", "which"]
    assert tokenize("2014–20243 and") == ["2014–20243", " ", "and"]
    assert tokenize("1,000 and 2,5") == ["1", ",", "000", " ", "and", " ", "2", ",", "5"]


def test_texts_differing_only_in_notes_are_unchanged():
    base = f"The General Assembly,\n\n1. {PDF_TEXT}\n\n2. Decides to remain seized;"
    draft = f"The General Assembly,\n\n1. {MARKDOWN_TEXT}\n\n2. Decides to remain seized;"
    comparison = compare(base, draft)
    assert all(pair.status is Status.UNCHANGED for pair in comparison.pairs)
    assert not comparison.has_changes


@pytest.mark.parametrize(
    "a, b",
    [
        ("a renewed and action- oriented framework", "a renewed and action-oriented framework"),
        ("promote cross -border cooperation", "promote cross-border cooperation"),
        ("amphetamine -type stimulants", "amphetamine‑type stimulants"),
    ],
)
def test_a_hyphen_set_apart_by_extraction_is_typography(a, b):
    assert normalize_text(a) == normalize_text(b)
    changed = [e for e in diff_texts(a, b) if e.op is not Op.EQUAL]
    assert changed and all(e.typographic for e in changed)


def test_hyphens_that_are_wording_stay():
    assert normalize_text("pre- and post-natal care") == "pre- and post-natal care"
    assert normalize_text("development – that is") == "development - that is"
    assert normalize_text("the so - called") == "the so - called"


PIECES = st.sampled_from(
    [
        "Rights",
        "Diversity",
        "2024",
        "2014",
        "–",
        "-",
        ",",
        ";",
        ".",
        "’",
        "”",
        "1",
        "10",
        "[^3]",
        " ",
        "  ",
        "CO2",
        "G77",
        "A/RES/70/1",
        "action",
        "oriented",
        "The",
        "\n",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join), st.lists(PIECES, max_size=30).map("".join))
def test_tokens_and_edits_rebuild_texts_with_notes(base, draft):
    assert "".join(tokenize(base)) == base
    for strict in (False, True):
        edits = diff_texts(base, draft, strict)
        assert rebuild(edits, "base") == base and rebuild(edits, "draft") == draft
