"""The Word reader: numbering, tracked changes and authors, notes, comments, safety."""

from __future__ import annotations

import io
import zipfile

import pytest
from conftest import FIXTURES

from unwording import InputError, Kind, Op, compare_files
from unwording.compare import prepare_document
from unwording.model import Options
from unwording.readers import read_both_views, read_bytes, read_source

REDLINES = FIXTURES / "python-redlines"
TWO = FIXTURES / "docx-two-authors" / "amended.docx"


def texts(document):
    return [p.text for p in document.paragraphs]


def test_numbering_and_notes_read_like_the_typed_text():
    typed = prepare_document(read_source(FIXTURES / "docx-numbered" / "base.txt"), Options())
    word = prepare_document(read_source(FIXTURES / "docx-numbered" / "draft.docx"), Options())
    assert [(p.text, p.label, p.kind) for p in word.paragraphs] == [
        (p.text, p.label, p.kind) for p in typed.paragraphs
    ]
    assert [p.label for p in word.paragraphs if p.kind is Kind.FOOTNOTE] == ["[fn1]"]
    assert "Table cell: observers" in texts(word)


def test_accepted_and_rejected_views_of_a_redline():
    accepted = read_source(REDLINES / "redline.docx")
    rejected = read_source(REDLINES / "redline.docx", changes="reject")
    assert texts(accepted) == texts(read_source(REDLINES / "draft.docx"))
    assert texts(rejected) == texts(read_source(REDLINES / "base.docx"))


def test_comparing_original_and_modified_finds_the_redline_changes():
    two_files = compare_files(REDLINES / "base.docx", REDLINES / "draft.docx")
    one_file = compare_files(REDLINES / "redline.docx")

    def shape(c):
        return [(p.status, p.base, p.draft, [(e.op, e.text) for e in p.edits]) for p in c.pairs]

    assert shape(two_files) == shape(one_file)
    # the redline rewrites "Tell the world what happened here." in place: one modified pair
    assert one_file.summary.modified == 5
    assert (one_file.summary.inserted, one_file.summary.deleted) == (1, 0)


def test_tracked_changes_keep_their_authors():
    comparison = compare_files(TWO)
    assert comparison.authors == {"Delegation A": 3, "Delegation B": 4}
    swap = next(p for p in comparison.pairs if p.status.value == "modified")
    authored = {(e.op, e.text, e.author) for e in swap.edits if e.op is not Op.EQUAL}
    assert (Op.DELETE, "democracy and human rights", "Delegation A") in authored
    deleted = [p for p in comparison.pairs if p.status.value == "deleted"]
    assert len(deleted) == 1 and deleted[0].edits[0].author == "Delegation A"


def test_deleted_paragraph_mark_joins_the_paragraphs():
    rejected, accepted = read_both_views(TWO)
    assert len(rejected.paragraphs) == len(accepted.paragraphs)
    assert not any("Calls upon" in text for text in texts(accepted))
    assert any("Calls upon" in text for text in texts(rejected))


def test_comments_are_warnings_with_their_anchor():
    rejected, accepted = read_both_views(TWO)
    messages = [w.message for w in rejected.warnings]
    assert any(
        "comment by Delegation B" in m and "in promoting the rule of law" in m for m in messages
    )
    assert accepted.warnings == ()


def test_one_file_without_tracked_changes_is_an_error():
    with pytest.raises(InputError, match="no tracked changes"):
        compare_files(REDLINES / "base.docx")


def docx_with(document_xml: bytes, extra: dict | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.mark.parametrize(
    "data, message",
    [
        (
            docx_with(
                b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document '
                + W
                + b"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
            ),
            "DTD",
        ),
        (
            docx_with(
                b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><w:document '
                + W
                + b"><w:body/></w:document>"
            ),
            "DTD",
        ),
        (docx_with(b"<w:document " + W + b"><w:body><w:p>"), "not well-formed"),
        (docx_with(b"<x/>", {"word/big.xml": b"0" * 30_000_000}), "zip bomb"),
        (b"PK\x03\x04 this is not really a zip file", "damaged"),
    ],
)
def test_hostile_word_files_are_refused(data, message):
    with pytest.raises(InputError, match=message):
        read_bytes(data, "hostile.docx")


def test_a_zip_without_a_document_is_not_word():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(InputError, match="not a Word document"):
        read_bytes(buffer.getvalue(), "other.docx")


def test_too_many_members_are_refused(monkeypatch):
    import unwording.readers.xmlsafe as xmlsafe

    monkeypatch.setattr(xmlsafe, "MAX_MEMBERS", 2)
    with pytest.raises(InputError, match="too many parts"):
        read_bytes(docx_with(b"<x/>", {"a.xml": b"1", "b.xml": b"2"}), "many.docx")


def test_unknown_elements_are_named_in_warnings():
    body = (
        b"<w:document " + W + b"><w:body><w:p><w:r><w:t>Text</w:t><w:mystery/></w:r></w:p>"
        b"<w:altChunk/></w:body></w:document>"
    )
    document = read_bytes(docx_with(body), "odd.docx")
    assert texts(document) == ["Text"]
    assert {w.message for w in document.warnings} == {
        "element not read: mystery",
        "element not read: altChunk",
    }


def test_tracked_moves_are_moves():
    body = (
        b"<w:document " + W + b"><w:body>"
        b'<w:moveFrom w:id="1" w:author="Delegation C"><w:p><w:r><w:t>Recalling its resolution 70/1,</w:t></w:r></w:p></w:moveFrom>'
        b"<w:p><w:r><w:t>Noting with concern the report of the Secretary-General,</w:t></w:r></w:p>"
        b"<w:p><w:r><w:t>Welcoming the work of the Commission,</w:t></w:r></w:p>"
        b'<w:moveTo w:id="2" w:author="Delegation C"><w:p><w:r><w:t>Recalling its resolution 70/1,</w:t></w:r></w:p></w:moveTo>'
        b"</w:body></w:document>"
    )
    path_data = docx_with(body)
    rejected = read_bytes(path_data, "moves.docx", changes="reject")
    accepted = read_bytes(path_data, "moves.docx")
    assert texts(rejected)[0] == texts(accepted)[-1] == "Recalling its resolution 70/1,"
    from unwording import compare_documents

    comparison = compare_documents(rejected, accepted)
    moved = [p for p in comparison.pairs if p.moved]
    assert len(moved) == 1 and moved[0].status.value == "unchanged"
    assert not any(p.status.value in ("inserted", "deleted") for p in comparison.pairs)


def test_one_file_redline_pairs_each_paragraph_with_itself():
    comparison = compare_files(REDLINES / "redline.docx")
    paired = [p for p in comparison.pairs if p.base and p.draft]
    for pair in paired:
        base_origin = {o for i in pair.base for o in comparison.base.paragraphs[i].origin}
        draft_origin = {o for i in pair.draft for o in comparison.draft.paragraphs[i].origin}
        assert base_origin & draft_origin
    rewritten = next(
        p for p in paired if "what happened" in comparison.base.paragraphs[p.base[0]].text
    )
    assert rewritten.status.value == "modified"
