"""The PDF reader on an official UN resolution PDF (A/RES/73/8, 2018)."""

from __future__ import annotations

import os

import pytest
from conftest import FIXTURES

from unwording import InputError, Kind, Status, compare_files
from unwording.readers import read_bytes, read_source

CASE = FIXTURES / "ares-73-8-pdf-vs-80-4"

try:
    import pypdf  # noqa: F401
except ImportError:
    if os.environ.get("CI"):
        raise
    pytest.skip("pypdf (the pdf extra) is not installed", allow_module_level=True)


def test_page_furniture_is_dropped_and_paragraphs_rebuilt():
    document = read_source(CASE / "base.pdf")
    texts = [p.text for p in document.paragraphs]
    for furniture in ("18-18418", "Distr.", "*1818418*", "2/2"):
        assert not any(furniture in text for text in texts), furniture
    assert not any(text.startswith("A/RES/73/8") for text in texts)
    assert [p.text[:9] for p in document.paragraphs if p.text.startswith(("1.", "2.", "3."))] == [
        "1. Takes ",
        "2. Reiter",
        "3. Once a",
    ]
    recalling = next(t for t in texts if t.startswith("Recalling its resolutions"))
    assert recalling.endswith("72/4 of 1 November 2017,")
    assert [(p.label, p.kind) for p in document.paragraphs if p.kind is Kind.FOOTNOTE] == [
        ("[fn1]", Kind.FOOTNOTE)
    ]


def test_the_2018_pdf_aligns_with_the_2025_text():
    comparison = compare_files(CASE / "base.pdf", CASE / "draft.txt")
    deleted = [
        comparison.base.paragraphs[p.base[0]].text
        for p in comparison.pairs
        if p.status is Status.DELETED
    ]
    assert all(
        t.startswith(("Seventy-third", "Resolution adopted", "[without", "A/73/85"))
        for t in deleted
    ), deleted
    assert comparison.summary.inserted == 0
    operative = [
        p for p in comparison.pairs if p.draft and comparison.draft.paragraphs[p.draft[0]].label
    ]
    assert [comparison.draft.paragraphs[p.draft[0]].label for p in operative] == [
        "1.",
        "2.",
        "3.",
        "4.",
        "5.",
    ]
    assert all(not p.moved for p in comparison.pairs)


def test_damaged_and_missing_extra(monkeypatch):
    with pytest.raises(InputError, match="cannot read the PDF"):
        read_bytes(b"%PDF-1.7\nthis is not a real pdf", "broken.pdf")
    import builtins

    real_import = builtins.__import__

    def no_pypdf(name, *args, **kwargs):
        if name == "pypdf":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pypdf)
    with pytest.raises(InputError, match=r"unwording\[pdf\]"):
        read_bytes((CASE / "base.pdf").read_bytes(), "base.pdf")


def test_page_numbers_of_unfccc_documents_are_dropped(monkeypatch):
    """UNFCCC texts number pages "Page 2 of 20", "4 of 54" or "7" at the top or foot:
    the counters went into the paragraphs ("above Page 2 of 20 pre-industrial levels")
    or cut them in two. A short line at the top of a page that page 1 also holds
    ("Option 2:") is text, not a running header (the pages as pypdf gives their lines)."""  # pages as pypdf gives their lines
    from unwording.readers import pdf

    pages = [
        ["Draft agreement on climate", "Page 1 of 3", "1. Hold the increase in the global", ""],
        ["Page 2 of 3", "average temperature above", "pre-industrial levels;", "2"],
        ["3", "Option 2:", "2. Pursue efforts to limit it.", "Option 2: none", "3 of 3"],
    ]
    monkeypatch.setattr(pdf, "_page_lines", lambda data, source: pages)
    texts = [p.text for p in pdf.read_pdf(b"", "x.pdf").paragraphs]
    words = " ".join(texts).split()
    assert "of" not in words and "Page" not in words  # no counter left
    assert not any(word in ("2", "3") for word in words)  # nor a bare page number
    assert words.count("Option") == 2  # "Option 2:" at the top of page 3 is text


def test_the_date_of_adoption_is_text_and_the_date_of_distribution_furniture(monkeypatch):
    """A/RES/73/6 and 73/7 print "Resolution adopted by the General Assembly on" and
    the date on the next line: that date was dropped as a cover line, as the
    distribution date under "Distr.: General" is."""
    from unwording.readers import pdf

    pages = [
        ["Distr.: General", "2 November 2018", "", "Resolution adopted by the General Assembly on"]
        + ["29 October 2018", "", "The General Assembly,"]
    ]
    monkeypatch.setattr(pdf, "_page_lines", lambda data, source: pages)
    texts = [p.text for p in pdf.read_pdf(b"", "x.pdf").paragraphs]
    assert texts[0] == "Resolution adopted by the General Assembly on 29 October 2018"
    assert not any("2 November" in text for text in texts)
