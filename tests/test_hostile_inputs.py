"""Hostile and damaged input files (issue 11): each is built here, small, and must give
a report (exit 0) or one line on stderr with exit code 2, never a traceback; and the
silent wrong results found by fuzzing stay right.
"""

from __future__ import annotations

import io
import random
import zipfile

import pytest
from click.testing import CliRunner

from unwording import compare
from unwording.cli import cli
from unwording.model import SUBSTANTIVE, Status
from unwording.readers import read_source

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(body: str, numbering: str | None = None, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A Word file with `body` (paragraph XML) and, if given, `numbering` (its XML body)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as package:
        package.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        package.writestr(
            "word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>"
        )
        if numbering is not None:
            package.writestr("word/numbering.xml", f"<w:numbering {W}>{numbering}</w:numbering>")
    return buffer.getvalue()


def para(text: str, extra: str = "", properties: str = "") -> str:
    return f"<w:p>{properties}<w:r><w:t>{text}</w:t>{extra}</w:r></w:p>"


PLAIN = para("Calls upon Member States to act.") + para("Decides to remain seized.")


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def clean(result, codes=(0, 2)) -> None:
    """No traceback: exit code 0 (a report) or 2 with one line on stderr."""
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in codes, (result.exit_code, result.stderr)
    if result.exit_code == 2:
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr


def compare_all_formats(tmp_path, base: bytes, draft: bytes, suffix: str) -> list:
    (tmp_path / f"base{suffix}").write_bytes(base)
    (tmp_path / f"draft{suffix}").write_bytes(draft)
    files = (str(tmp_path / f"base{suffix}"), str(tmp_path / f"draft{suffix}"))
    return [run("compare", *files, "-f", fmt) for fmt in ("text", "json", "html")]


# --- crashes: verbs in languages without verb scales ---------------------------------

ARABIC = ["يؤكد أن التنمية المستدامة ضرورية.", "يدعو الدول الأعضاء إلى تعزيز التعاون."]
CHINESE = ["强调可持续发展至关重要。", "呼吁会员国加强合作。"]


@pytest.mark.parametrize("paragraphs", [ARABIC, CHINESE], ids=["ar", "zh"])
def test_arabic_and_chinese_inserted_deleted_and_quoted_paragraphs(paragraphs):
    base = "\n\n".join(paragraphs)
    longer = "\n\n".join([*paragraphs, paragraphs[0][::-1]])
    quoted = "\n\n".join(["«" + paragraphs[0] + "»", paragraphs[1] + paragraphs[1]])
    for first, second in ((base, longer), (longer, base), (base, quoted)):
        comparison = compare(first, second)
        assert comparison.summary.substantive >= 1


# --- crashes: control characters reaching the HTML report ----------------------------


@pytest.mark.parametrize(
    "suffix, base, draft",
    [
        (".txt", b"Hello world.\n\nSecond.\n", b"Hello\x01 world.\n\nSecond.\n"),
        (".html", b"<html><p>Hello world.</p></html>", b"<html><p>Hello\x01 world.</p></html>"),
        (".docx", docx(PLAIN), docx(para("Calls upon", '<w:sym w:char="0001"/>') + PLAIN)),
    ],
    ids=["text", "html", "docx-sym"],
)
def test_control_characters_reach_no_report_raw(tmp_path, suffix, base, draft):
    for result in compare_all_formats(tmp_path, base, draft, suffix):
        clean(result, codes=(0,))
        assert "\x01" not in result.stdout


# --- crashes: damaged Word files -----------------------------------------------------


def _corrupt_deflate() -> bytes:
    data = bytearray(docx(para("Calls upon States to act. " * 40)))
    start = data.index(b"word/document.xml") + len("word/document.xml")
    data[start + 5 : start + 60] = b"\xff" * 55  # inside the compressed bytes
    return bytes(data)


def _bad_offsets() -> bytes:
    data = bytearray(docx(PLAIN))
    end = data.rindex(b"PK\x05\x06")
    offset = int.from_bytes(data[end + 16 : end + 20], "little")
    data[end + 16 : end + 20] = (offset + 5000).to_bytes(4, "little")  # negative seeks
    return bytes(data)


def _undecodable_name() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(
            "word/document.xml", f"<w:document {W}><w:body>{PLAIN}</w:body></w:document>"
        )
        package.writestr("word/é.xml", "<x/>")  # a UTF-8 name: flag bit 11 set
    return buffer.getvalue().replace("é".encode(), b"\xff\xfe")


LEVELS = (
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/>'
    '<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
)


def numbered(ilvl: str = "0", start: str = "1", fmt: str = "decimal", level: str = "0") -> bytes:
    properties = f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    body = para("Calls upon States to act.", properties=properties) + PLAIN
    return docx(body, LEVELS.format(ilvl=ilvl, start=start, fmt=fmt))


DAMAGED = {
    "sym-zz": docx(para("Calls upon", '<w:sym w:char="zz"/>') + PLAIN),
    "sym-surrogate": docx(para("Calls upon", '<w:sym w:char="D800"/>') + PLAIN),
    "ilvl-not-a-number": numbered(level="x"),
    "lvl-ilvl-not-a-number": numbered(ilvl="1.5"),
    "corrupt-deflate": _corrupt_deflate(),
    "bad-zip-offsets": _bad_offsets(),
    "undecodable-member-name": _undecodable_name(),
}


@pytest.mark.parametrize("name", DAMAGED)
def test_damaged_word_files_are_reports_or_one_line_errors(tmp_path, name):
    for result in compare_all_formats(tmp_path, docx(PLAIN), DAMAGED[name], ".docx"):
        clean(result)
        assert "\udc00" not in result.stdout and "\ud800" not in result.stdout


def test_damaged_zip_packages_are_input_errors(tmp_path):
    for name in ("corrupt-deflate", "bad-zip-offsets", "undecodable-member-name"):
        (tmp_path / "bad.docx").write_bytes(DAMAGED[name])
        result = run("compare", str(tmp_path / "bad.docx"), str(tmp_path / "bad.docx"))
        assert result.exit_code == 2 and "bad.docx" in result.stderr


# --- hangs and memory: list numbers ----------------------------------------------------


@pytest.mark.parametrize("kind", ["a", "A", "i", "I"])
def test_huge_html_list_values_give_short_labels(tmp_path, kind):
    page = f'<html><ol type="{kind}"><li value="99999999999">Calls upon States.</li></ol></html>'
    (tmp_path / "list.html").write_text(page, encoding="utf-8")
    document = read_source(tmp_path / "list.html")
    assert all(len(p.label or "") < 40 for p in document.paragraphs)
    assert "Calls upon States." in [p.text for p in document.paragraphs]


@pytest.mark.parametrize("fmt", ["lowerRoman", "upperLetter", "decimal"])
def test_huge_word_list_starts_and_levels_give_short_labels(tmp_path, fmt):
    for data in (numbered(start="999999999999", fmt=fmt), numbered(level="99999999", fmt=fmt)):
        (tmp_path / "list.docx").write_bytes(data)
        document = read_source(tmp_path / "list.docx")
        assert all(len(p.label or "") < 40 for p in document.paragraphs)
        assert "Calls upon States to act." in [p.text for p in document.paragraphs]


# --- memory: a Word file unpacking to far more than the comparison can use ------------


def test_word_parts_unpacking_past_the_input_limit_are_refused(tmp_path):
    """Six parts of 12 MiB each (72 MiB, over the 64 MiB input limit), each compressed
    about 150 to 1, under the zip-bomb ratio: about half a megabyte on disk."""
    numbers = random.Random(11)
    block = "".join(
        para(f"P{numbers.getrandbits(32):08x} " + "calls upon all States to act " * 60)
        for _ in range(600)
    ).encode()
    path = tmp_path / "big.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for part in ("document", "numbering", "styles", "footnotes", "endnotes", "comments"):
            with package.open(f"word/{part}.xml", "w") as member:
                member.write(f"<w:document {W}><w:body>".encode())
                for _ in range(12 * 1024 * 1024 // len(block) + 1):
                    member.write(block)
                member.write(b"</w:body></w:document>")
    assert path.stat().st_size < 4 * 1024 * 1024
    result = run("compare", str(path), str(path))
    clean(result, codes=(2,))
    assert "MiB" in result.stderr


# --- silent wrong results --------------------------------------------------------------


def test_deleting_no_is_substantive():
    comparison = compare(
        "There shall be no exceptions to this rule.\n\nOther text here.\n",
        "There shall be exceptions to this rule.\n\nOther text here.\n",
    )
    changed = [p for p in comparison.pairs if p.status is Status.MODIFIED]
    assert [p.nature for p in changed] == [SUBSTANTIVE]


def test_an_edit_inside_a_run_of_identical_paragraphs_is_not_a_move():
    same = "Requests the Secretary-General to report on the implementation."
    base = ["Recalling its earlier resolutions."] + [same] * 8 + ["Decides to remain seized."]
    draft = list(base)
    draft[4] = same.replace("report", "report annually")
    comparison = compare("\n\n".join(base), "\n\n".join(draft))
    assert [p.status for p in comparison.pairs].count(Status.MODIFIED) == 1
    (changed,) = [p for p in comparison.pairs if p.status is Status.MODIFIED]
    assert not changed.moved and changed.base == changed.draft == (4,)


AKN = (
    '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
    "<statement><mainBody><p>Calls upon Member States to act.</p></mainBody></statement>"
    "</akomaNtoso>"
)


@pytest.mark.parametrize(
    "data",
    [
        ('<?xml version="1.0" encoding="UTF-16"?>' + AKN).encode("utf-16"),
        ('<?xml version="1.0"?>\n<!-- ' + "prolog " * 1500 + "-->\n" + AKN).encode(),
    ],
    ids=["utf-16", "long-prolog"],
)
def test_akoma_ntoso_is_recognised_without_from(tmp_path, data):
    path = tmp_path / "resolution.xml"
    path.write_bytes(data)
    document = read_source(path)
    assert document.format == "akn"
    assert [p.text for p in document.paragraphs] == ["Calls upon Member States to act."]
