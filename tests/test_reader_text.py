"""The plain text and Markdown reader: decoding, blocks, label lines, bad input."""

from __future__ import annotations

import codecs

import pytest

from unwording import InputError, Kind
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


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_unicode_with_bom(encoding):
    doc = read_bytes("Réaffirmant l’égalité des sexes,".encode(encoding), "t.txt")
    assert texts(doc) == ["Réaffirmant l’égalité des sexes,"]
    assert doc.warnings == ()


def test_other_bytes_are_read_as_cp1252_with_a_warning():
    doc = read_bytes("Noting the “Agenda” – 2030,".encode("cp1252"), "t.txt")
    assert texts(doc) == ["Noting the “Agenda” – 2030,"]
    assert "cp1252" in str(doc.warnings[0])


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
