"""What the fuzzing harness found (bench/fuzz.py, issue 11), each rebuilt small here:
pypdf's own warnings on stderr, an error message of two lines, and four inputs whose
cost grew with the square of their size (a PDF paragraph of thousands of lines,
thousands of brackets in one paragraph, the markers of thousands of moved paragraphs)."""

from __future__ import annotations

from click.testing import CliRunner
from conftest import FIXTURES

from unwording.cli import cli
from unwording.compare import compare
from unwording.model import Pair, Status
from unwording.readers import pdf as pdf_reader
from unwording.readers import read_bytes
from unwording.report.html_document import _ghost_places
from unwording.rules import alternatives, brackets

PDF = FIXTURES / "ares-73-8-pdf-vs-80-4" / "base.pdf"


def _damaged_pdf() -> bytes:
    """The fixture PDF with a wrong `startxref` offset: pypdf reads it, and warns."""
    data = PDF.read_bytes()
    at = data.rfind(b"startxref")
    return data[:at] + b"startxref\r\n322000\r\n%%EOF\r\n"


def test_pypdf_warnings_become_one_warning_of_ours(capsys):
    document = read_bytes(_damaged_pdf(), "damaged.pdf")
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""
    notes = [str(n) for n in document.warnings if "looks damaged" in str(n)]
    assert len(notes) == 1 and "pypdf: incorrect startxref pointer" in notes[0]
    assert len(document.paragraphs) >= 20  # read all the same


def test_the_command_line_prints_only_its_own_lines(tmp_path):
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(_damaged_pdf())
    result = CliRunner().invoke(
        cli, ["compare", str(PDF), str(damaged), "-o", str(tmp_path / "r")]
    )
    assert result.exit_code == 0
    assert all(line.startswith("unwording: warning: ") for line in result.stderr.splitlines())


def test_an_error_message_of_several_lines_is_printed_as_one(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_bytes(
        b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">\x00'
    )
    result = CliRunner().invoke(cli, ["compare", str(broken), str(broken)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("unwording: error: ")


def test_a_pdf_paragraph_of_many_lines_is_read_in_linear_time():
    lines = [(1, f"word{n} continues the same sentence with a hyphen- ") for n in range(40_000)]
    lines[-1] = (1, "the last line ends the paragraph.")
    found = pdf_reader._paragraphs(lines, set())
    assert len(found) == 1
    assert found[0][1].startswith("word0 continues") and found[0][1].endswith("paragraph.")


def test_hyphenated_words_across_pdf_lines_are_mended_as_before():
    body = [
        (1, "the Secretary-General shall report on imple-"),
        (1, "mentation and co-"),
        (1, "operation."),
    ]
    text = pdf_reader._paragraphs(body, {"implementation"})[0][1]
    assert text == "the Secretary-General shall report on implementation and co-operation."


def test_words_outside_thousands_of_brackets_are_found_in_linear_time():
    text = " ".join(f"[alt{n}] word" for n in range(40_000))
    spans = brackets._spans(text)
    assert len(spans) == 40_000
    found = alternatives.words(text, skip=spans)
    assert {w.key for w in found} == {"word"}
    assert len(found) == 40_000


def test_only_the_first_brackets_of_a_paragraph_get_flags_of_their_own():
    base = (
        "1. Decides " + " ".join(f"[to act {n}]" for n in range(3 * brackets.MAX_BRACKETS)) + "."
    )
    draft = "1. Decides " + " ".join(f"to act {n}" for n in range(3 * brackets.MAX_BRACKETS)) + "."
    flags = [f for f in compare(base, draft).flags if f.kind.startswith("bracket")]
    assert brackets.MAX_BRACKETS // 2 < len(flags) <= brackets.MAX_BRACKETS


def test_markers_of_many_moved_paragraphs_are_placed_in_linear_time():
    count = 60_000  # all moved: each marker used to look back through every base paragraph
    pairs = tuple(
        Pair(Status.UNCHANGED, (b,), (count - 1 - b,), moved=b % 2 == 0) for b in range(count)
    )
    places = _ghost_places(pairs)
    assert places[-1] == [0]
    assert places[1] == [2]  # base 2 stood after base 1, whose pair is number 1


def test_moved_pairs_look_closely_at_a_few_candidates_only(monkeypatch):
    from unwording import slots

    calls = []
    real = slots.shared
    monkeypatch.setattr(slots, "shared", lambda a, b: calls.append(1) or real(a, b))
    words = {n: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10 + n] for n in range(300)}  # all alike
    pairs = slots.moved_pairs(list(words), list(words), words.__getitem__, words.__getitem__)
    assert len(pairs) == 300
    assert len(calls) <= slots.MOVED_CANDIDATES * 300
