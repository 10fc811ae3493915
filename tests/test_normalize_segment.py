"""Normalize (matching keys) and segment (labels and kinds)."""

from __future__ import annotations

import pytest

from unwording import Kind
from unwording.compare import prepare_document
from unwording.labels import label_core, match_label
from unwording.model import Options
from unwording.normalize import normalize_text
from unwording.readers import read_bytes


@pytest.mark.parametrize(
    "a, b",
    [
        ("the “2030 Agenda”", 'the "2030 Agenda"'),
        ("States’ rights", "States' rights"),
        ("Secretary‑General", "Secretary-General"),
        ("2015–2030", "2015-2030"),
        ("inter\u00adnational", "international"),
        ("of\u00a0the  law\n", "of the law"),
        ("cafe\u0301", "café"),
    ],
)
def test_typography_does_not_change_the_key(a, b):
    assert normalize_text(a) == normalize_text(b)
    assert normalize_text(a, strict=True) != normalize_text(b, strict=True)


def test_wording_changes_the_key():
    assert normalize_text("Urges States") != normalize_text("Encourages States")
    assert normalize_text("urges") != normalize_text("Urges")


@pytest.mark.parametrize(
    "text, label",
    [
        ("1. Decides", "1."),
        ("2 bis. Urges", "2 bis."),
        ("2.bis Urges", "2.bis"),
        ("OP5 bis Calls", "OP5 bis"),
        ("PP3 Recalling", "PP3"),
        ("(a) To report", "(a)"),
        ("(iv) To report", "(iv)"),
        ("a) informar", "a)"),
        ("16.3 Promote", "16.3"),
        ("16.a Strengthen", "16.a"),
        ("16.10.1 Number", "16.10.1"),
        ("Goal 16. Promote", "Goal 16."),
        ("IV. Follow-up", "IV."),
        ("Decides to", None),
        ("2030. year", None),
        ("A/RES/80/4 is", None),
    ],
)
def test_labels(text, label):
    found = match_label(text)
    assert (found.label if found else None) == label


def test_label_core_ignores_punctuation_style():
    assert label_core("1.") == label_core("1)")
    assert label_core("1.") != label_core("2.")


def segment(text: str):
    return prepare_document(read_bytes(text.encode(), "t.txt"), Options()).paragraphs


def test_kinds_of_a_resolution():
    paragraphs = segment(
        "Promoting peaceful societies\n\nThe General Assembly,\n\nRecalling its resolution,\n\n"
        "Deeply concerned about violence,\n\nAlso recalling the Charter,\n\n"
        "1. Decides to act:\n\n(a) To report;\n\nStrongly urges States to act;\n\nIV. Follow-up"
    )
    kinds = [p.kind for p in paragraphs]
    assert kinds == [
        Kind.HEADING,
        Kind.OTHER,
        Kind.PREAMBULAR,
        Kind.PREAMBULAR,
        Kind.PREAMBULAR,
        Kind.OPERATIVE,
        Kind.OPERATIVE,
        Kind.OPERATIVE,
        Kind.HEADING,
    ]


def test_label_is_kept_apart_from_text_and_key():
    paragraph = segment("12.\u00a0Requests the Secretary‑General;")[0]
    assert paragraph.label == "12."
    assert paragraph.text == "Requests the Secretary‑General;"
    assert paragraph.key == "Requests the Secretary-General;"


def test_pp_and_op_labels_set_the_kind():
    first, second = segment("PP1 Noting the report;\n\nOP1 Recalling this,")
    assert (first.kind, second.kind) == (Kind.PREAMBULAR, Kind.OPERATIVE)


def test_footnote_references_leave_labels_and_kinds_alone():
    text = (
        b"1. Welcomes the report of the Court for 2017/18;4\n\n"
        b"2. Also welcomes the Agenda2 and the Declaration,3 and recalls resolution 70/1,1\n"
    )
    document = prepare_document(read_bytes(text, "t.txt"), Options())
    assert [(p.label, p.kind, p.key) for p in document.paragraphs] == [
        ("1.", Kind.OPERATIVE, "Welcomes the report of the Court for 2017/18;"),
        (
            "2.",
            Kind.OPERATIVE,
            "Also welcomes the Agenda and the Declaration, and recalls resolution 70/1,",
        ),
    ]
