"""UN page furniture is dropped by every reader, and cut paragraphs are joined again."""

from __future__ import annotations

import pytest

from unwording import Kind
from unwording.readers import read_bytes
from unwording.readers.furniture import dropped, is_furniture


def texts(document):
    return [p.text for p in document.paragraphs]


@pytest.mark.parametrize(
    "line",
    [
        "25-16680 (E)",
        "*2516680*",
        "25-16680 (E) *2516680*",
        "23-21227 (E) 131123",
        "18-18142 (E)    021118     ",
        "2/5",
        "25-16680 2/5",
        "3/5 25-16680",
        " 18-18418 2/2 ",
        "A/RES/80/3",
        "A/RES/80/3 ",
        "*2321227*A/C.3/78/L.41",
        "United Nations A/RES/80/3",
        "Distr.: General",
        "General Assembly Distr.: General 15 October 2025",
    ],
)
def test_furniture_lines(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "70/1",  # not a page counter: the page exceeds the count
        "resolution 70/1",
        "A/78/511.",  # a footnote's last words, not a symbol line
        "5 A/78/511.",
        "2030",
        "1.",
        "Recalling its resolution 70/1,",
        "A/78/511 and the report of the Secretary-General",
    ],
)
def test_lines_that_are_not_furniture(line):
    assert not is_furniture(line)


# The cover of A/RES/80/3 and a page break inside annex paragraph 1, as the PDF
# extraction railcar 1.0.0 prints them (trailing spaces kept).
COVER = [
    "United Nations ",
    "A/RES/80/3",
    " ",
    "General Assembly ",
    "Distr.: General ",
    "15 October 2025 ",
    "25-16680 (E) ",
    "*2516680* ",
    " ",
    " ",
    "Eightieth session ",
    "Agenda item 13 ",
]
PAGE_BREAK = "\n".join(
    [
        "1. ",
        "We, the Heads of State and Government and high-level representatives, met in ",
        "stakeholders, under the theme \u201cDriving progress through",
        "",
        "A/RES/80/3 ",
        "Awaza Political Declaration",
        " ",
        "25-16680",
        "2/5 ",
        " ",
        "partnerships\u201d with the objective of advancing the development agenda of the ",
        "landlocked developing countries. ",
        "2. ",
        "We welcome the Awaza Programme of Action for Landlocked Developing ",
    ]
)


def test_the_cover_lines_next_to_furniture_go():
    assert dropped(COVER) == set(range(10)) - {2, 8, 9}


def test_a_date_away_from_furniture_stays():
    assert dropped(["18th plenary meeting ", "14 October 2025 "]) == set()


def test_the_running_title_next_to_the_symbol_goes():
    lines = PAGE_BREAK.split("\n")
    assert {lines[i].strip() for i in dropped(lines)} == {
        "A/RES/80/3",
        "Awaza Political Declaration",
        "25-16680",
        "2/5",
    }


def test_a_wrapped_line_next_to_a_symbol_is_not_a_title():
    # A/C.3/78/L.41: the symbol at the foot of page 1, then the text of OP1 goes on
    lines = [
        "resolution 77/2285 and the report of the Special Rapporteur of the Human Rights",
        "23-21227 (E) 131123",
        "*2321227*A/C.3/78/L.41",
        "Council on the situation of human rights in the Islamic Republic of Iran,6 submitted",
        "pursuant to Council resolution 52/27;",
    ]
    assert dropped(lines) == {1, 2}


def test_a_header_of_symbol_and_title_on_one_line_goes():
    # railcar 1.2.0 of A/RES/80/3 prints the running header on one line
    lines = [
        "United Nations A/RES/80/3",
        "",
        "under the theme \u201cDriving progress through",
        "",
        "A/RES/80/3 Awaza Political Declaration",
        "",
        "partnerships\u201d with the objective of advancing",
        "",
        "Awaza Political Declaration A/RES/80/3",
    ]
    assert dropped(lines) == {0, 4, 8}


def test_a_line_starting_with_another_symbol_stays():
    lines = ["Recalling its resolution", "A/78/511 Council of Europe conventions", "text"]
    assert dropped(lines) == set()


def test_the_text_reader_drops_furniture_and_joins_the_cut_paragraph():
    document = read_bytes((PAGE_BREAK).encode(), "a.md")
    assert texts(document) == [
        "1. We, the Heads of State and Government and high-level representatives, met in "
        "stakeholders, under the theme \u201cDriving progress through partnerships\u201d with the "
        "objective of advancing the development agenda of the landlocked developing countries.",
        "2. We welcome the Awaza Programme of Action for Landlocked Developing",
    ]


def test_the_cover_is_dropped_from_a_text_file():
    document = read_bytes("\n".join(COVER).encode(), "a.txt")
    assert texts(document) == ["Eightieth session", "Agenda item 13"]


def test_a_heading_before_a_page_break_is_not_joined_to_the_paragraph_after():
    data = (
        "Global context and shared commitments\n\n25-16680 2/5\n\n"
        "3. We gather at a critical juncture marked by overlapping global challenges;\n"
    )
    assert texts(read_bytes(data.encode(), "a.txt")) == [
        "Global context and shared commitments",
        "3. We gather at a critical juncture marked by overlapping global challenges;",
    ]


def test_a_long_line_cut_by_a_page_break_goes_on_after_it():
    data = (
        "Reduction 2015–2030,8 the New Urban Agenda9 and the Convention on Biological\n\n"
        "Awaza Political Declaration\nA/RES/80/3\n\n3/5\n25-16680\n\n"
        "Diversity10 and the Kunming-Montreal Global Biodiversity Framework,11 particularly\n"
    )
    assert texts(read_bytes(data.encode(), "a.md")) == [
        "Reduction 2015–2030,8 the New Urban Agenda9 and the Convention on Biological "
        "Diversity10 and the Kunming-Montreal Global Biodiversity Framework,11 particularly"
    ]


def test_markdown_rules_and_thematic_breaks_are_dropped():
    data = b"Recalling its resolution 70/1,\n\n---\n\n***\n\n* * *\n\n1. Decides;\n"
    assert texts(read_bytes(data, "a.md")) == ["Recalling its resolution 70/1,", "1. Decides;"]


def test_the_html_reader_drops_furniture_and_joins_the_cut_paragraph():
    html = """<!DOCTYPE html><html><body>
    <p>A/RES/80/3</p><p>General Assembly</p><p>Distr.: General</p><p>25-16680 (E)</p>
    <p>The General Assembly,</p>
    <p>Recalling its resolutions 76/217 of 17 December 2021 and 77/246 of 30 December</p>
    <p>25-16680</p><p>2/5</p>
    <p>2022 on the convening of the Third United Nations Conference,</p>
    <ol><li>Endorses the political declaration;</li></ol></body></html>"""
    document = read_bytes(html.encode(), "a.html")
    assert texts(document) == [
        "The General Assembly,",
        "Recalling its resolutions 76/217 of 17 December 2021 and 77/246 of 30 December "
        "2022 on the convening of the Third United Nations Conference,",
        "Endorses the political declaration;",
    ]
    assert document.paragraphs[-1].label == "1."


def test_the_pdf_reader_uses_the_same_furniture(monkeypatch):
    import unwording.readers.pdf as pdf

    pages = [
        [" United Nations  A/RES/80/3 ", "General Assembly ", "Distr.: General ",
         "25-16680 (E) ", "*2516680* ", " The General Assembly, ",
         " 1. ", "Endorses the political declaration adopted by the Third United Nations ",
         "Conference; "],
        ["A/RES/80/3 ", "Awaza Political Declaration", "25-16680 2/5 ",
         " 2. ", "Expresses its profound gratitude to the Government; "],
    ]  # fmt: skip
    monkeypatch.setattr(pdf, "_page_lines", lambda data, source: pages)
    document = pdf.read_pdf(b"%PDF-", "a.pdf")
    assert texts(document) == [
        "The General Assembly,",
        "1. Endorses the political declaration adopted by the Third United Nations Conference;",
        "2. Expresses its profound gratitude to the Government;",
    ]
    assert all(p.kind is not Kind.FOOTNOTE for p in document.paragraphs)
