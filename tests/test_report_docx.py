"""The Word redline (--format docx): read back, it is the base with its changes
rejected and the draft with them accepted, for every fixture; a valid package;
comments for flags; hostile text; the same bytes for the same inputs; and, where
LibreOffice is installed (always under CI), LibreOffice agrees.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, ROOT, case_dirs, case_files
from lxml import etree

from unwording import UnwordingError, compare_documents, compare_files, render, render_bytes
from unwording.cli import cli
from unwording.model import Document, Paragraph
from unwording.normalize import _plain, link_labels  # what the redline leaves out
from unwording.readers import read_bytes
from unwording.readers.docx import read_docx
from unwording.report import RenderSettings
from unwording.report.docx import redline_layout
from unwording.report.docx_comments import flag_comment
from unwording.report.html_builder import safe_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CASES = case_dirs()
PARTS = {
    "[Content_Types].xml",
    "_rels/.rels",
    "docProps/core.xml",
    "word/document.xml",
    "word/_rels/document.xml.rels",
    "word/styles.xml",
    "word/settings.xml",
    "word/comments.xml",
}
_COMPARED: dict[str, object] = {}


def compared(case):
    if case.name not in _COMPARED:
        _COMPARED[case.name] = compare_files(*case_files(case))
    return _COMPARED[case.name]


def redline(case, **settings):
    return render_bytes(compared(case), "docx", RenderSettings(**settings))


def shown(document):
    """A side's paragraphs as the redline writes them (label, tab, text; Markdown
    emphasis and link markup left out, as the normalize stage leaves them out), stripped
    as the reader strips them (a label alone is no tab; a paragraph left empty, such as
    a Markdown link definition, is none)."""
    texts = [f"{p.label}\t{p.text}" if p.label else p.text for p in document.paragraphs]
    if document.format == "markdown":
        texts = [_plain(text, link_labels(document)) for text in texts]
    return [text for text in (safe_text(text).strip() for text in texts) if text]


def views(data):
    """The texts of the redline's paragraphs with its changes accepted and rejected."""
    return tuple(
        [p.text for p in read_docx(data, "r.docx", view).paragraphs]
        for view in ("accept", "reject")
    )


def split_cover(accepted, rejected, comparison):
    """The first page (the same in both views) and the rest of each view."""
    cover = len(accepted) - len(shown(comparison.draft))
    assert cover == len(rejected) - len(shown(comparison.base)) > 0
    assert accepted[:cover] == rejected[:cover]
    return accepted[:cover], accepted[cover:], rejected[cover:]


def part(data, name):
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_rejected_is_the_base_and_accepted_the_draft(case):
    comparison = compared(case)
    accepted, rejected = views(redline(case))
    cover, draft, base = split_cover(accepted, rejected, comparison)
    assert draft == shown(comparison.draft)
    assert base == shown(comparison.base)
    assert cover[0].startswith("Redline: ")


def test_split_merge_and_moves_are_tracked_marks_and_moves():
    data = redline(FIXTURES / "ares-80-6-edited")
    document = part(data, "word/document.xml")
    assert document.findall(f".//{W}pPr/{W}rPr/{W}ins")  # a split: an inserted mark
    assert document.findall(f".//{W}pPr/{W}rPr/{W}del")  # a merge: a deleted mark
    starts = {e.get(f"{W}name") for e in document.iter(f"{W}moveFromRangeStart")}
    assert starts and starts == {e.get(f"{W}name") for e in document.iter(f"{W}moveToRangeStart")}
    ids = {e.get(f"{W}id") for e in document.iter(f"{W}moveFromRangeStart")}
    assert ids == {e.get(f"{W}id") for e in document.iter(f"{W}moveFromRangeEnd")}


def test_the_package_holds_exactly_its_parts_and_they_parse():
    data = redline(FIXTURES / "demo")
    package = zipfile.ZipFile(io.BytesIO(data))
    assert package.testzip() is None
    assert set(package.namelist()) == PARTS
    assert package.namelist() == sorted(PARTS)
    assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    for name in PARTS:
        etree.fromstring(package.read(name))
    assert part(data, "word/settings.xml").find(f"{W}trackRevisions") is not None
    types = part(data, "[Content_Types].xml")
    overrides = {e.get("PartName") for e in types if e.get("PartName")}
    assert overrides == {f"/{name}" for name in PARTS if not name.endswith(".rels")} - {
        "/[Content_Types].xml"
    }


def test_every_flag_is_a_comment_anchored_on_its_words():
    comparison = compared(FIXTURES / "demo")
    data = redline(FIXTURES / "demo")
    notes = part(data, "word/comments.xml").findall(f"{W}comment")
    texts = ["".join(note.itertext()) for note in notes]
    assert texts == [flag_comment(flag, comparison) for flag in comparison.flags]
    anchored = anchored_texts(part(data, "word/document.xml"))
    assert set(anchored) == {note.get(f"{W}id") for note in notes}
    by_text = {"".join(note.itertext()): anchored[note.get(f"{W}id")] for note in notes}
    removed = next(t for t in texts if t.startswith("removed Human rights"))
    assert "human rights" in by_text[removed] and "rule of law" not in by_text[removed]
    weakened = next(t for t in texts if t.startswith("weakened"))
    assert by_text[weakened] == "Invites"
    hedge = next(t for t in texts if t.startswith("hedge added Appropriateness"))
    assert by_text[hedge].strip(" ,") == "as appropriate"


def anchored_texts(document):
    """Comment id -> the text between its range start and end, in document order."""
    open_ids: list[str] = []
    found: dict[str, str] = {}
    for node in document.iter(
        f"{W}commentRangeStart", f"{W}commentRangeEnd", f"{W}t", f"{W}delText"
    ):
        if node.tag == f"{W}commentRangeStart":
            open_ids.append(node.get(f"{W}id"))
            found[node.get(f"{W}id")] = ""
        elif node.tag == f"{W}commentRangeEnd":
            open_ids.remove(node.get(f"{W}id"))
        else:
            for key in open_ids:
                found[key] += node.text or ""
    assert not open_ids
    return found


def test_author_date_and_the_same_bytes(monkeypatch):
    first = redline(FIXTURES / "demo", author="Secretariat", made_at="2025-10-01 10:00 UTC")
    assert first == redline(
        FIXTURES / "demo", author="Secretariat", made_at="2025-10-01 10:00 UTC"
    )
    document = part(first, "word/document.xml")
    changes = document.findall(f".//{W}ins") + document.findall(f".//{W}del")
    assert {c.get(f"{W}author") for c in changes} == {"Secretariat", "Secretariat (typography)"}
    assert {c.get(f"{W}date") for c in changes} == {"2025-10-01T10:00:00Z"}
    undated = part(redline(FIXTURES / "demo"), "word/document.xml")
    assert not [e for e in undated.iter() if e.get(f"{W}date")]
    assert {e.get(f"{W}author") for e in undated.iter(f"{W}ins")} >= {"unwording"}


def test_cli_writes_the_redline_whole_with_source_date_epoch(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1759312800")
    files = [str(p.relative_to(ROOT)) for p in case_files(FIXTURES / "demo")]
    outputs = []
    for name in ("a.docx", "b.docx"):
        args = ["compare", *files, "--format", "docx", "--author", "Secretariat"]
        result = CliRunner().invoke(cli, [*args, "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]
    piped = CliRunner().invoke(
        cli, ["compare", *files, "--format", "docx", "--author", "Secretariat"]
    )
    assert piped.stdout_bytes == outputs[0]
    dates = {e.get(f"{W}date") for e in part(outputs[0], "word/document.xml").iter(f"{W}ins")}
    assert dates == {"2025-10-01T10:00:00Z"}
    refused = CliRunner().invoke(cli, ["compare", *files, "--author", "Secretariat"])
    assert refused.exit_code == 2 and "--author" in refused.output


def test_render_keeps_text_formats_as_str():
    comparison = compared(FIXTURES / "demo")
    with pytest.raises(UnwordingError, match="render_bytes"):
        render(comparison, "docx")
    assert render_bytes(comparison, "text") == render(comparison, "text").encode("utf-8")


def test_text_xml_cannot_hold_is_shown_as_symbols():
    texts = (
        ["Recalling \x01 the ]]> text,", "1. Decides \ud800 x;"],
        ["Recalling \x0b the ]]> text,", "1. Decides y;"],
    )
    base, draft = (
        Document(name, tuple(Paragraph(i, text) for i, text in enumerate(side)))
        for name, side in zip(("base\udcff.txt", "draft\x07.txt"), texts, strict=True)
    )
    comparison = compare_documents(base, draft)
    data = render_bytes(comparison, "docx")
    for name in PARTS:
        part(data, name)
    accepted, rejected = views(data)
    _, draft_texts, base_texts = split_cover(accepted, rejected, comparison)
    assert draft_texts == shown(comparison.draft)
    assert base_texts == shown(comparison.base)
    assert "␁" in base_texts[0] and "\ufffd" in base_texts[1] and "]]>" in draft_texts[0]


def test_typography_is_tracked_apart_or_accepted():
    case = FIXTURES / "ares-80-10-typography"
    tracked = part(redline(case), "word/document.xml")
    authors = {e.get(f"{W}author") for e in tracked.iter(f"{W}ins", f"{W}del")}
    assert "unwording (typography)" in authors
    accepted_data = redline(case, typography="accept")
    quiet = part(accepted_data, "word/document.xml")
    assert "unwording (typography)" not in {
        e.get(f"{W}author") for e in quiet.iter(f"{W}ins", f"{W}del")
    }
    accepted, rejected = views(accepted_data)
    comparison = compared(case)
    _, draft, base = split_cover(accepted, rejected, comparison)
    assert draft == shown(comparison.draft)
    assert base != shown(comparison.base)  # the base's typography is not there to reject


def test_a_word_input_keeps_the_authors_of_its_changes():
    data = redline(FIXTURES / "docx-two-authors")
    authors = {
        e.get(f"{W}author") for e in part(data, "word/document.xml").iter(f"{W}ins", f"{W}del")
    }
    assert {"Delegation A", "Delegation B"} <= authors


def test_opening_words_are_italic():
    paras = redline_layout(compared(FIXTURES / "demo"))
    italic = {piece.text for para in paras for piece in para.pieces if piece.italic}
    assert {"Recalling", "Reaffirming", "Decides", "Invites", "Calls upon"} <= italic
    assert not any(piece.italic and "\t" in piece.text for para in paras for piece in para.pieces)


# LibreOffice: accept all and reject all changes, convert to text and PDF.

SOFFICE = shutil.which("soffice")
MACRO = """
Sub Convert(jobs As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  Dim store(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden"
  load(0).Value = True
  store(0).Name = "FilterName"
  store(0).Value = "Text"
  items = Split(jobs, "|")
  For i = 0 To UBound(items) Step 3
    document = StarDesktop.loadComponentFromURL(ConvertToURL(items(i)), "_blank", 0, load())
    frame = document.getCurrentController().getFrame()
    helper = createUnoService("com.sun.star.frame.DispatchHelper")
    helper.executeDispatch(frame, items(i + 2), "", 0, Array())
    document.storeToURL(ConvertToURL(items(i + 1)), store())
    document.close(True)
  Next i
End Sub
"""


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """Every fixture's redline, and what LibreOffice made of it."""
    if SOFFICE is None:
        if os.environ.get("CI"):
            pytest.fail("soffice is not installed (apt-get install libreoffice-writer-nogui)")
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("office")
    profile = folder / "profile"
    soffice = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless"]
    subprocess.run(
        [*soffice, "--terminate_after_init"], check=True, capture_output=True, timeout=120
    )
    module = etree.Element(
        "{http://openoffice.org/2000/script}module",
        nsmap={"script": "http://openoffice.org/2000/script"},
    )
    module.set("{http://openoffice.org/2000/script}name", "Module1")
    module.set("{http://openoffice.org/2000/script}language", "StarBasic")
    module.text = MACRO
    (profile / "user/basic/Standard/Module1.xba").write_bytes(
        etree.tostring(module, xml_declaration=True, encoding="UTF-8")
    )
    files = []
    for case in CASES:
        path = folder / f"{case.name}.docx"
        path.write_bytes(redline(case))
        files.append(path)
    jobs = []
    for path in files:
        for view, command in (
            ("accept", ".uno:AcceptAllTrackedChanges"),
            ("reject", ".uno:RejectAllTrackedChanges"),
        ):
            jobs += [str(path), str(path.with_suffix(f".{view}.txt")), command]
    subprocess.run(
        [*soffice, f'macro:///Standard.Module1.Convert("{"|".join(jobs)}")'],
        check=True,
        capture_output=True,
        timeout=600,
    )
    for target in ("txt:Text", "pdf"):
        done = subprocess.run(
            [*soffice, "--convert-to", target, "--outdir", str(folder), *map(str, files)],
            capture_output=True,
            timeout=600,
        )
        assert done.returncode == 0, done.stderr
    return folder


def lines(text):
    return [" ".join(line.split()) for line in text.lstrip("\ufeff").splitlines() if line.strip()]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_libreoffice_accepts_the_draft_and_rejects_to_the_base(office, case):
    comparison = compared(case)
    cover, _, _ = split_cover(*views(redline(case)), comparison)
    accepted = (office / f"{case.name}.accept.txt").read_text(encoding="utf-8")
    rejected = (office / f"{case.name}.reject.txt").read_text(encoding="utf-8")
    assert lines(accepted) == lines("\n".join(cover + shown(comparison.draft)))
    assert lines(rejected) == lines("\n".join(cover + shown(comparison.base)))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_libreoffice_converts_to_text_and_pdf(office, case):
    """Converted as it is, LibreOffice shows every change: each paragraph's deleted
    and inserted words in order, as the redline holds them."""
    comparison = compared(case)
    cover, _, _ = split_cover(*views(redline(case)), comparison)
    every = ["".join(p.text for p in para.pieces) for para in redline_layout(comparison)]
    text = (office / f"{case.name}.txt").read_text(encoding="utf-8")
    assert lines(text) == lines("\n".join(cover + every))
    assert (office / f"{case.name}.pdf").read_bytes()[:5] == b"%PDF-"


def test_an_arabic_redline_runs_right_to_left_with_its_cover_left_to_right():
    import io
    import zipfile

    from lxml import etree

    comparison = compare_files(*case_files(FIXTURES / "sdg-goal5-ar"))
    word = render_bytes(comparison, "docx")
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(word)).read("word/document.xml"))
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    first = body.find(".//w:p", ns)
    assert first.find("w:pPr/w:bidi", ns).get(f"{{{ns['w']}}}val") == "0"
    paragraphs = [p for p in body.iterfind(".//w:p", ns) if p.find("w:pPr/w:bidi", ns) is None]
    runs = [r for p in paragraphs for r in p.iter(f"{W}r")]
    arabic = [r for r in runs if "المساواة" in "".join(r.itertext())]
    assert arabic and all(r.find("w:rPr/w:rtl", ns) is not None for r in arabic)


def test_a_markdown_link_alone_is_written_as_its_text():
    link = "Recalling [resolution 70/1](https://undocs.org/A/RES/70/1), and its resolution"
    comparison = compare_documents(
        read_bytes(f"{link} 71/2;\n".encode(), "base.md", "markdown"),
        read_bytes(f"{link} 71/3;\n".encode(), "draft.md", "markdown"),
    )
    accepted, rejected = views(render_bytes(comparison, "docx"))
    assert "Recalling resolution 70/1, and its resolution 71/3;" in accepted
    assert "Recalling resolution 70/1, and its resolution 71/2;" in rejected


def test_markdown_emphasis_is_formatting_not_asterisks():
    """`*Being*` is an italic "Being", `**Option 2:**` a bold "Option 2:", the markers
    left out of both texts; emphasis added or dropped changes no word (issue 15's left
    item: Markdown markup stayed in the redline's text)."""
    base = "# Draft\n\n*Recalling* its resolution 70/1,\n\n**Option 2:** States *shall* act;\n"
    draft = (
        "# Draft\n\n*Recalling* its [resolution 70/1](https://undocs.org/A/RES/70/1),\n\n"
        "**Option 2:** States should act;\n"
    )
    comparison = compare_documents(
        read_bytes(base.encode(), "base.md", "markdown"),
        read_bytes(draft.encode(), "draft.md", "markdown"),
    )
    runs = [
        (piece.change, piece.text, piece.italic, piece.bold)
        for para in redline_layout(comparison)
        for piece in para.pieces
    ]
    assert not any("*" in text or "undocs" in text for _, text, _, _ in runs)
    assert ("", "Recalling", True, False) in runs
    assert ("", "Option 2:", False, True) in runs
    assert ("del", "shall", True, False) in runs
    assert ("ins", "should", False, False) in runs
    accepted, rejected = views(render_bytes(comparison, "docx"))
    assert "Recalling its resolution 70/1," in accepted
    assert "Option 2: States should act;" in accepted
    assert "Option 2: States shall act;" in rejected


def test_markdown_reference_links_and_definitions_are_left_out():
    """`[text][label]` is written as its text and `[label]: url` left out when the label
    is defined, as the normalize stage leaves them out of the keys (the Paris drafts
    cite their source so); `[shall][should]`, with no such label, are brackets."""
    base = (
        "See the [draft agreement][source] and [source].\n\n[source]: http://example.org/a\n\n"
        "Parties [shall][should] act;\n"
    )
    draft = base.replace("Parties", "All Parties").replace("/a", "/b")
    comparison = compare_documents(
        read_bytes(base.encode(), "base.md", "markdown"),
        read_bytes(draft.encode(), "draft.md", "markdown"),
    )
    accepted, rejected = views(render_bytes(comparison, "docx"))
    for view in (accepted, rejected):
        assert "See the draft agreement and source." in view
        assert not any("example.org" in text or "][source]" in text for text in view)
    assert "All Parties [shall][should] act;" in accepted
    assert "Parties [shall][should] act;" in rejected


def test_the_paris_redline_shows_no_link_syntax():
    comparison = compared(FIXTURES / "paris-v3-v4")
    accepted, rejected = views(render_bytes(comparison, "docx"))
    for view in (accepted, rejected):
        assert not any("[source]" in text or "unfccc.int" in text for text in view)
    assert any("version of the draft agreement and draft decision on" in t for t in rejected)


def test_a_bracketed_label_and_colon_is_text_not_a_link_definition():
    """`[Option 1]: Parties shall ...` is an option's text, not `[label]: url`: it was
    left out of the keys (no difference found) and of the redline."""
    base = "[Option 1]: Parties shall reduce emissions.\n\n[Option 2]: Parties should act.\n"
    draft = base.replace("Parties shall reduce", "States shall cut")
    comparison = compare_documents(
        read_bytes(base.encode(), "base.md", "markdown"),
        read_bytes(draft.encode(), "draft.md", "markdown"),
    )
    assert any(pair.edits and pair.status.value == "modified" for pair in comparison.pairs)
    accepted, rejected = views(render_bytes(comparison, "docx"))
    assert "[Option 1]: States shall cut emissions." in accepted
    assert "[Option 1]: Parties shall reduce emissions." in rejected
