"""The plain text and Markdown reader: decoding, blocks, label lines, bad input."""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from conftest import FIXTURES

from unwording import InputError, Kind, compare_documents
from unwording.readers import detect_format, read_bytes, read_source


def texts(document):
    return [p.text for p in document.paragraphs]


def test_blocks_are_separated_by_blank_lines_and_wrapping_is_joined():
    doc = read_bytes(b"Recalling its resolution,\nwrapped here,\n\n1. Decides;\n", "t.txt")
    assert texts(doc) == ["Recalling its resolution, wrapped here,", "1. Decides;"]
    assert doc.paragraphs[0].location.line_start == 1
    assert doc.paragraphs[1].location.line_start == 4


def test_a_file_without_blank_lines_has_one_paragraph_per_line():
    doc = read_bytes(b"Goal 16. Promote\n16.1 Reduce violence\n16.2 End abuse\n", "t.txt")
    assert texts(doc) == ["Goal 16. Promote", "16.1 Reduce violence", "16.2 End abuse"]


def test_labelled_lines_inside_a_block_start_new_paragraphs():
    data = b"The General Assembly,\n\n1. Requests the Secretary-General:\n(a) To report;\n"
    data += b"(b) To act;\n2. Decides to\n2030. stay;"
    doc = read_bytes(data, "t.txt")
    assert texts(doc) == [
        "The General Assembly,",
        "1. Requests the Secretary-General:",
        "(a) To report;",
        "(b) To act;",
        "2. Decides to 2030. stay;",
    ]


def test_list_items_in_lowercase_after_a_full_stop_are_paragraphs():
    """The Paris v1 draft's Art. 2 lists its aims one per line, each in lowercase
    (`1. hold the increase ... emissions.` / `2. pursue a transformation ...`): they are
    three paragraphs (they were read as one, so the history lost v1's temperature
    goal); a number after a comma still goes on with its sentence."""
    data = b"   1. hold the increase in temperature by deep cuts.\n"
    data += b"   2. pursue a transformation towards sustainable development.\n"
    data += b"   3. increase their ability to adapt;\n\nRecalls paragraphs 3,\n4. and 5 above.\n"
    doc = read_bytes(data, "t.md", "markdown")
    assert texts(doc) == [
        "1. hold the increase in temperature by deep cuts.",
        "2. pursue a transformation towards sustainable development.",
        "3. increase their ability to adapt;",
        "Recalls paragraphs 3, 4. and 5 above.",
    ]


@pytest.mark.parametrize(
    "data",
    [
        "The report in document A/78/123, sect.\n2. and annex I, is welcomed;\n",
        "Recalling paragraph 53 of the 2030 Agenda, and para.\n54. in which States agreed;\n",
        "53. Takes note of the recommendations, see para.\n54. in which they agreed;\n",
        "Takes note of the recommendations as contained in ch.\n4. of its report;\n",
        "In the period 2016–2020: approx.\n1.5 million persons were displaced;\n",
    ],
)
def test_a_number_after_an_abbreviation_goes_on_with_its_sentence(data):
    assert len(read_bytes(data.encode(), "t.md", "markdown").paragraphs) == 1


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_unicode_with_bom(encoding):
    doc = read_bytes("Réaffirmant l’égalité des sexes,".encode(encoding), "t.txt")
    assert texts(doc) == ["Réaffirmant l’égalité des sexes,"]
    assert doc.warnings == ()


def test_other_bytes_are_read_as_cp1252_with_a_warning():
    doc = read_bytes("Noting the “Agenda” – 2030,".encode("cp1252"), "t.txt")
    assert texts(doc) == ["Noting the “Agenda” – 2030,"]
    assert "Windows-1252 (cp1252)" in str(doc.warnings[0])


def official_text(lang: str) -> str:
    """Goal 5 in an official language, composed (legacy code pages have no combining
    accents) and without the Arabic kashida."""
    text = (FIXTURES / f"sdg-goal5-{lang}" / "base.txt").read_text("utf-8")
    return unicodedata.normalize("NFC", text).replace("\u0640", "")


# the legacy code pages of the six official languages, and the codec the warning names
LEGACY = [
    ("en", "cp1252", "cp1252"),
    ("fr", "cp1252", "cp1252"),
    ("es", "cp1252", "cp1252"),
    ("es", "latin-1", "cp1252"),
    ("ru", "cp1251", "cp1251"),
    ("ru", "koi8-r", "koi8_r"),
    ("ar", "cp1256", "cp1256"),
    ("ar", "iso8859-6", "iso8859_6"),
    ("zh", "gb18030", "gb18030"),
    ("zh", "gbk", "gb18030"),
    ("zh", "gb2312", "gb18030"),
]


@pytest.mark.parametrize("lang, encoding, named", LEGACY, ids=lambda v: str(v))
def test_legacy_code_pages_are_detected_and_named(lang, encoding, named):
    text = official_text(lang)
    doc = read_bytes(text.encode(encoding), "t.txt")
    assert texts(doc) == texts(read_bytes(text.encode("utf-8"), "t.txt"))
    assert len(doc.warnings) == 1 and f"({named})" in str(doc.warnings[0])
    assert str(doc.warnings[0]).startswith("t.txt: not valid UTF-8; read as ")


@pytest.mark.parametrize("lang, encoding", [(lang, enc) for lang, enc, _ in LEGACY[:7:2]])
def test_a_legacy_copy_of_a_text_is_no_change(lang, encoding):
    text = official_text(lang)
    base = read_bytes(text.encode("utf-8"), "base.txt")
    draft = read_bytes(text.encode(encoding), "draft.txt")
    assert not compare_documents(base, draft).has_changes


@pytest.mark.parametrize("lang", ["en", "ru", "ar", "zh"])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark(lang, encoding):
    text = official_text(lang)
    doc = read_bytes(text.encode(encoding), "t.txt")
    assert texts(doc) == texts(read_bytes(text.encode("utf-8"), "t.txt"))
    assert f"no byte-order mark; read as UTF-16{encoding[-2:].upper()}" in str(doc.warnings[0])


def test_bytes_with_nul_that_are_not_utf16_are_binary():
    with pytest.raises(InputError, match="binary"):
        read_bytes(bytes(range(256)) * 40, "t.bin")


def test_bytes_that_fit_no_encoding_are_read_as_cp1252_with_a_warning():
    doc = read_bytes(b"Noting " + bytes(range(128, 256)) * 3, "t.txt")
    assert texts(doc)[0].startswith("Noting €")
    assert "no encoding fits; read as Windows-1252 (cp1252)" in str(doc.warnings[0])


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"  \n\n \t\n", "empty"),
        (b"\x00\x01\x02binary\x00data" * 20, "binary"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "invalid"),
        (bytes(range(1, 9)) * 50, "binary"),
    ],
)
def test_bad_input_is_a_clear_error(data, message):
    with pytest.raises(InputError, match=message):
        read_bytes(data, "bad.txt")


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="directory"):
        read_source(tmp_path)


def test_a_huge_file_is_refused_before_reading(tmp_path, monkeypatch):
    import unwording.readers as readers

    monkeypatch.setattr(readers, "MAX_INPUT_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_text("x" * 100)
    with pytest.raises(InputError, match="limit"):
        read_source(path)


@pytest.mark.parametrize(
    "data, name, fmt",
    [
        (b"PK\x03\x04rest", "a.txt", "docx"),
        (b"%PDF-1.7", "a", "pdf"),
        (b"<!DOCTYPE html><p>x</p>", "a.txt", "html"),
        (b"# Title", "a.md", "markdown"),
        (b"plain", "a.txt", "text"),
        (b"plain", "noext", "text"),
    ],
)
def test_format_is_detected_by_content_then_suffix(data, name, fmt):
    assert detect_format(data, name) == fmt


def test_an_unknown_format_is_a_clear_error():
    with pytest.raises(InputError, match="unknown format"):
        read_bytes(b"plain text", "draft.txt", fmt="wordperfect")


def test_markdown_front_matter_is_skipped_and_headings_are_marked():
    data = b"---\ntitle: x\n---\n\n## Article 2\n1. Parties shall;\n\n*Recalling* its work,"
    doc = read_bytes(data, "t.md")
    assert texts(doc) == ["Article 2", "1. Parties shall;", "*Recalling* its work,"]
    assert doc.paragraphs[0].kind is Kind.HEADING


# A/RES/72/198, page 13, as a page-by-page copy of the PDF gives it: hard-wrapped,
# no blank lines, the running header (title and symbol) first, then the end of a
# paragraph cut by the page break.
WRAPPED = """International cooperation to address and counter the world drug problem
A/RES/72/198
that are involved in any activities related to the illicit production of and trafficking in
narcotic drugs and psychotropic substances and the diversion of their precursors and
related money-laundering;
54. Reiterates the commitment of Member States to share relevant information
with, as appropriate, and strengthen the capacity of the World Health Organization,
the United Nations Office on Drugs and Crime, the International Narcotics Control
Board and other relevant international and regional organizations to prioritize the
review of the most prevalent, persistent and harmful new psychoactive substances
and to facilitate informed scheduling decisions by the Commission on Narcotic
Drugs;
55. Encourages Member States to enhance the capacity of law enforcement
agencies to detect and identify new psychoactive substances and amphetamine -type
stimulants, including methamphetamine, and promote cross -border cooperation and
information-sharing to prevent their abuse and diversion, including through the use
of existing International Narcotics Control Board and United Nations Office on Drugs
and Crime tools and projects;
"""


def test_hard_wrapped_text_is_rebuilt_into_paragraphs():
    document = read_bytes(WRAPPED.encode(), "t.txt")
    assert [t[:40] for t in texts(document)] == [
        "that are involved in any activities rela",
        "54. Reiterates the commitment of Member ",
        "55. Encourages Member States to enhance ",
    ]
    assert texts(document)[0].endswith("psychotropic substances and the diversion of their "
                                       "precursors and related money-laundering;")  # fmt: skip
    assert texts(document)[2].endswith("Office on Drugs and Crime tools and projects;")
    assert [p.location.line_start for p in document.paragraphs] == [3, 6, 13]


def test_lines_that_are_whole_paragraphs_stay_one_per_line():
    data = (
        b"The General Assembly,\n"
        b"Recalling its resolution 70/1 of 25 September 2015,\n"
        b"Noting with concern the slow progress,\n"
        b"1. Decides to convene a high-level meeting;\n"
        b"2. Requests the Secretary-General to report.\n"
    )
    assert len(texts(read_bytes(data, "t.txt"))) == 5


def test_an_opening_after_a_clause_starts_a_paragraph_in_wrapped_text():
    # draft A/C.3/78/L.41 (2023), hard-wrapped, with its footnote under a rule
    data = """The General Assembly,
Guided by the Charter of the United Nations, as well as the Universal
Declaration of Human Rights,1 the International Covenants on Human Rights2 and
other international human rights instruments,
Recalling its previous resolutions on the situation of human rights in the Islamic
Republic of Iran, the most recent of which is resolution 77/228 of 15 December 2022,
1. Takes note of the report of the Secretary-General submitted pursuant to
resolution 77/2285 and the report of the Special Rapporteur of the Human Rights
__________________
1 Resolution 217 A (III).
2 Resolution 2200 A (XXI), annex.
23-21227 (E) 131123
*2321227*A/C.3/78/L.41
Council on the situation of human rights in the Islamic Republic of Iran,6 submitted
pursuant to Council resolution 52/27;
2. Welcomes the continuing efforts of the Islamic Republic of Iran to host one
of the largest refugee populations in the world;
"""
    document = read_bytes(data.encode(), "t.txt")
    assert [t[:30] for t in texts(document)] == [
        "The General Assembly,",
        "Guided by the Charter of the U",
        "Recalling its previous resolut",
        "1. Takes note of the report of",
        "2. Welcomes the continuing eff",
        "Resolution 217 A (III).",
        "Resolution 2200 A (XXI), annex",
    ]
    assert texts(document)[3].endswith(
        "of the Human Rights Council on the situation of human rights in the Islamic "
        "Republic of Iran,6 submitted pursuant to Council resolution 52/27;"
    )
    assert [(p.label, p.kind) for p in document.paragraphs[-2:]] == [
        ("[fn1]", Kind.FOOTNOTE),
        ("[fn2]", Kind.FOOTNOTE),
    ]


@pytest.mark.parametrize(
    "data",
    [
        b"1. \nEndorses the political declaration;\n2. \nExpresses its gratitude.\n",
        b"1.\n\nEndorses the political declaration;\n\n2.\n\nExpresses its gratitude.\n",
        b"Recalling,\n\n1. \nEndorses the political declaration;\n2. \nExpresses its gratitude.",
    ],
)
def test_a_label_alone_on_its_line_belongs_to_the_next(data):
    found = texts(read_bytes(data, "t.md"))
    assert found[-2:] == ["1. Endorses the political declaration;", "2. Expresses its gratitude."]


def test_sub_paragraph_labels_alone_and_section_headings():
    # railcar 1.0.0 of A/RES/80/3: roman heading and labels on lines of their own
    data = (
        "II. Implementation of the Awaza Programme of Action for Landlocked \n"
        "Developing Countries for the Decade 2024\u20132034 \n"
        "13. We strongly commit ourselves to the full implementation of the Awaza \n"
        "Programme of Action in line with its five priority areas: \n \n(a) \n"
        "Structural transformation and science, technology and innovation; \n \n(b) \n"
        "Trade, trade facilitation and regional integration; \n"
    )
    assert texts(read_bytes(data.encode(), "t.md")) == [
        "II. Implementation of the Awaza Programme of Action for Landlocked "
        "Developing Countries for the Decade 2024\u20132034",
        "13. We strongly commit ourselves to the full implementation of the Awaza "
        "Programme of Action in line with its five priority areas:",
        "(a) Structural transformation and science, technology and innovation;",
        "(b) Trade, trade facilitation and regional integration;",
    ]


def test_words_hyphenated_at_a_line_end():
    data = (
        b"Recalling the right to develop-\nment and the action-\noriented framework for "
        b"pre-\nand post-natal care,\n\nStressing that development matters,\n"
    )
    assert texts(read_bytes(data, "t.txt"))[0] == (
        "Recalling the right to development and the action-oriented framework for "
        "pre- and post-natal care,"
    )


def test_markdown_footnote_definitions_become_footnotes():
    data = (
        b"Climate Change[^6] and the Paris Agreement,\n\n---\n\n"
        b"[^6]: United Nations, Treaty Series, vol. 1771, No. 30822.\n\n"
        b"[^14]: Report of the International Conference on Financing for Development,\n"
        b"    18\xe2\x80\x9322 March 2002, chap. I, resolution 1,\n    annex.\n"
    )
    document = read_bytes(data, "t.md")
    assert [(p.label, p.kind, p.text) for p in document.paragraphs] == [
        (None, None, "Climate Change[^6] and the Paris Agreement,"),
        ("[fn6]", Kind.FOOTNOTE, "United Nations, Treaty Series, vol. 1771, No. 30822."),
        (
            "[fn14]",
            Kind.FOOTNOTE,
            "Report of the International Conference on Financing for Development, "
            "18\u201322 March 2002, chap. I, resolution 1, annex.",
        ),
    ]
    assert document.paragraphs[2].location.line_end == 9


def test_notes_under_a_rule_at_the_foot_of_a_page_become_footnotes():
    data = (
        "7. We reaffirm our commitment to the New Urban Agenda9 and the Convention on Biological \n"
        "_______________ \n \n"
        "9 Resolution 71/256, annex.\n\n"
        "10 United Nations, Treaty Series, vol. 1760, \nNo. 30619.\n\n"
        "Awaza Political Declaration \nA/RES/80/3\n \n3/5\n25-16680 \n \n"
        "Diversity10 and the Kunming-Montreal Global Biodiversity Framework.\n"
    )
    document = read_bytes(data.encode(), "t.md")
    assert [(p.label, p.text) for p in document.paragraphs] == [
        (
            None,
            "7. We reaffirm our commitment to the New Urban Agenda9 and the Convention on "
            "Biological Diversity10 and the Kunming-Montreal Global Biodiversity Framework.",
        ),
        ("[fn9]", "Resolution 71/256, annex."),
        ("[fn10]", "United Nations, Treaty Series, vol. 1760, No. 30619."),
    ]


def test_a_paragraph_cut_by_blank_lines_in_a_copy_of_pdf_text_is_joined():
    # a web copy of the zero draft of the 2030 Agenda prints every PDF line apart
    data = (
        b"This Agenda is a plan of action for people, planet and prosperity that also "
        b"seeks to strengthen\n\nuniversal peace in larger freedom.\n\n"
        b"7. We further reaffirm our commitment to the Convention on Biological\n\n"
        b"Diversity[^10] and the Kunming-Montreal Global Biodiversity Framework;\n\n"
        b"Preamble\n\nEnd poverty and hunger;\n"
    )
    assert texts(read_bytes(data, "t.md")) == [
        "This Agenda is a plan of action for people, planet and prosperity that also "
        "seeks to strengthen universal peace in larger freedom.",
        "7. We further reaffirm our commitment to the Convention on Biological "
        "Diversity[^10] and the Kunming-Montreal Global Biodiversity Framework;",
        "Preamble",
        "End poverty and hunger;",
    ]


def test_a_long_run_of_unwrapped_lines_has_a_paragraph_per_line():
    # a web copy of the 2030 Agenda: a paragraph per line, two lines wrapped
    data = (
        "United Nations summit for the adoption of the post \u2013 2015 development agenda\n\n"
        "Transforming our world: the 2030 Agenda for Sustainable Development\n"
        "Preamble\n"
        "This Agenda is a plan of action for people, planet and prosperity.\n"
        "All countries and all stakeholders, acting in collaborative partnership, "
        "will implement this plan.\n"
        "The 17 Sustainable Development Goals and 169 targets which we are\n"
        "announcing today demonstrate the scale and ambition of this new universal Agenda.\n"
        "The Goals and targets will stimulate action over the next 15 years.\n"
        "People.\n"
        "We are determined to end poverty and hunger, in all their forms and dimensions, "
        "and to ensure\n"
        "that all human beings can fulfill their potential.\n"
        "Planet\n"
    )
    found = texts(read_bytes(data.encode(), "t.txt"))
    assert [t[:25] for t in found] == [
        "United Nations summit for",
        "Transforming our world: t",
        "Preamble",
        "This Agenda is a plan of ",
        "All countries and all sta",
        "The 17 Sustainable Develo",
        "The Goals and targets wil",
        "People.",
        "We are determined to end ",
        "Planet",
    ]


def test_the_two_extractions_of_a_resolution_read_alike():
    base = read_source(FIXTURES / "ares-80-3-extractions" / "base.md")
    draft = read_source(FIXTURES / "ares-80-3-extractions" / "draft.md")
    for document in (base, draft):
        notes = [p for p in document.paragraphs if p.kind is Kind.FOOTNOTE]
        assert [p.label for p in notes] == [f"[fn{n}]" for n in range(1, 17)]
        body = " ".join(p.text for p in document.paragraphs)
        for furniture in ("25-16680", "*2516680*", "Distr.", "2/5", "A/RES/80/3 "):
            assert furniture not in body
    labels = [p.text.split(" ", 1)[0] for p in base.paragraphs if p.kind is None]
    numbers = [label for label in labels if label[:-1].isdigit() and label[-1] == "."]
    assert numbers == ["1.", "2."] + [f"{n}." for n in range(1, 26)]


def test_russian_preambular_paragraphs_opening_in_lower_case_stay_apart():
    text = (
        "Генеральная Ассамблея,\n\nссылаясь на свои резолюции 70/1 и 71/313,\n\n"
        "вновь подтверждая свою приверженность,\n\n1. призывает государства-члены действовать;\n"
    )
    paragraphs = read_bytes(text.encode("utf-8"), "ru.txt").paragraphs
    assert [p.text[:12] for p in paragraphs] == [
        "Генеральная ",
        "ссылаясь на ",
        "вновь подтве",
        "1. призывает",
    ]
