"""PDF reader (optional: `pip install 'unwording[pdf]'`, which brings pypdf).

UN PDFs from the Official Document System wrap lines, indent the first line of
each paragraph, repeat a running header (symbol, short title) on every page after
the first, and end pages with the job number ("18-18418 2/5"); UNFCCC documents
number their pages "Page 7 of 20", "7 of 54" or "7". This reader takes
the text of each page, drops that furniture (furniture.py, shared with the other
readers), joins wrapped lines (mending words hyphenated across lines when the
document spells them whole elsewhere) and starts a paragraph at each indented
line, blank line or paragraph label; a label alone on its line (`9.`) stays with
the text after it. Footnotes (after the "____" rule) become paragraphs of kind
`footnote`.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import InputError
from ..labels import match_label
from ..model import Document, Kind, Location, Notice, Paragraph
from .furniture import NOTE, RULE, dropped, is_cover, is_furniture
from .layout import label_only

_TOP_BAND = 6


def read_pdf(data: bytes, source: str) -> Document:
    """Read the text of a PDF into paragraphs (see the module docstring)."""
    with _pypdf_messages() as messages:
        pages = _page_lines(data, source)
    header = _running_header(pages)
    body, notes = [], []
    for number, lines in enumerate(pages, start=1):
        shared = dropped(lines)
        counters = _page_numbers(lines, number, len(pages))
        kept = [
            (n, line)
            for n, line in enumerate(lines)
            if n not in shared and n not in counters and not _furniture(lines, n, number, header)
        ]
        page_body, page_notes = _split_notes(kept)
        body += [(number, line) for line in page_body]
        notes += page_notes
    words = _known_words(body)
    paragraphs = [
        Paragraph(i, t, None, None, Location(p, p))
        for i, (p, t) in enumerate(_paragraphs(body, words))
    ]
    for text in notes:
        found = NOTE.match(text)
        label, note = (f"[fn{found.group(1)}]", found.group(2)) if found else (None, text)
        paragraphs.append(
            Paragraph(len(paragraphs), note.strip(), label, Kind.FOOTNOTE, Location())
        )
    empty = () if paragraphs else (Notice(source, "no text found (a scanned PDF?)"),)
    notices = (*empty, *_damage(source, messages))
    return Document(source=source, paragraphs=tuple(paragraphs), warnings=notices, format="pdf")


class _Collected(logging.Handler):
    """Keeps pypdf's log messages (about damaged files) instead of printing them."""

    def __init__(self, found: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.found = found

    def emit(self, record: logging.LogRecord) -> None:
        self.found.append(" ".join(record.getMessage().split())[:200])


@contextmanager
def _pypdf_messages() -> Iterator[list[str]]:
    """pypdf's warnings while reading, collected (they would go to stderr, each on a
    line of its own, around unwording's own messages)."""
    logger = logging.getLogger("pypdf")
    found: list[str] = []
    handler, propagate = _Collected(found), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield found
        found.extend(" ".join(str(w.message).split())[:200] for w in caught)
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _damage(source: str, messages: list[str]) -> tuple[Notice, ...]:
    """One warning for what pypdf said about a damaged file."""
    if not messages:
        return ()
    more = f" (and {len(messages) - 1} more)" if len(messages) > 1 else ""
    return (Notice(source, f"the PDF looks damaged; pypdf: {messages[0]}{more}"),)


def _page_lines(data: bytes, source: str) -> list[list[str]]:
    try:
        import pypdf
    except ImportError:
        raise InputError(
            f"{source}: reading PDF needs the pdf extra: pip install 'unwording[pdf]'"
        ) from None
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise InputError(f"{source}: the PDF is encrypted")
        return [(page.extract_text() or "").split("\n") for page in reader.pages]
    except InputError:
        raise
    except Exception as error:  # pypdf raises many kinds on damaged files
        raise InputError(f"{source}: cannot read the PDF ({type(error).__name__})") from None


def _running_header(pages: list[list[str]]) -> set[str]:
    """Lines at the top of the pages after the first that recur or repeat page 1's title."""
    if len(pages) < 2:
        return set()
    first_page = "".join("".join(line.split()) for line in pages[0][:40])
    tops = Counter(" ".join(line.split()) for page in pages[1:] for line in page[:_TOP_BAND])
    later = len(pages) - 1
    return {
        line
        for line, count in tops.items()
        if line and (count >= max(2, later // 2) or _title_of(line, first_page))
    }


def _title_of(line: str, first_page: str) -> bool:
    """A line of three words or more that page 1 holds (its title, repeated as a running
    header), spaces aside: extraction may split a word on one page only ("Unit ed
    States"); a shorter line ("Option 2:") is as likely text that page 1 holds too."""
    return len(line.split()) >= 3 and line.replace(" ", "") in first_page


def _page_numbers(lines: list[str], page: int, pages: int) -> set[int]:
    """The lines at the top or the foot of a page that are its own number: `7`,
    `7 of 54`, `Page 7 of 20` (UNFCCC documents print them so; a `7/54` counter is
    furniture.py's)."""
    own = {f"{page}", f"{page} of {pages}", f"page {page} of {pages}"}
    ends = [*range(min(_TOP_BAND, len(lines))), *range(max(0, len(lines) - 3), len(lines))]
    return {n for n in ends if " ".join(lines[n].split()).lower() in own}


def _furniture(lines: list[str], position: int, page: int, header: set[str]) -> bool:
    text = " ".join(lines[position].split())
    if not text:
        return False
    if page > 1 and position < _TOP_BAND and text in header:
        return True
    return is_furniture(text) or (is_cover(text) and not _completes(lines, position))


def _completes(lines: list[str], position: int) -> bool:
    """A cover-like line (a date) that ends the sentence of the line before it:
    "Resolution adopted by the General Assembly on" / "29 October 2018"."""
    before = lines[position - 1].split() if position else []
    return bool(before) and before[-1] == "on"


def _split_notes(lines: list[tuple[int, str]]) -> tuple[list[str], list[str]]:
    """Body lines, then footnotes (after the "____" rule), one string per note."""
    for index, (_, line) in enumerate(lines):
        if RULE.match(line):
            notes: list[str] = []
            for _, note in lines[index + 1 :]:
                if NOTE.match(note) or not notes:
                    notes.append(note.strip())
                elif note.strip():
                    notes[-1] += " " + note.strip()
            return [line for _, line in lines[:index]], [n for n in notes if n]
    return [line for _, line in lines], []


def _known_words(body: list[tuple[int, str]]) -> set[str]:
    return {word.lower() for _, line in body for word in re.findall(r"[A-Za-z]+", line)}


def _paragraphs(body: list[tuple[int, str]], words: set[str]) -> list[tuple[int, str]]:
    result: list[tuple[int, str]] = []
    current: list[str] = []  # the paragraph being read: each line, with its separator
    page_of, last_page, fresh_page = 0, 0, False
    for page, line in body:
        if page != last_page:
            last_page, fresh_page = page, True
        if fresh_page and not line.strip():
            continue  # blank lines at the top of a page do not end a paragraph
        indented = line[:1].isspace() or match_label(line.strip()) is not None
        starts = indented or (not line.strip() and not fresh_page)
        fresh_page = False
        if starts and _has_text(current):
            result.append((page_of, _text(current)))
            current = []
        if not current:
            page_of = page
        _join(current, line.strip(), words)
    if _has_text(current):
        result.append((page_of, _text(current)))
    return result


def _text(pieces: list[str]) -> str:
    """The paragraph: its pieces joined (each starts with its separator), spaces tidied."""
    return " ".join("".join(pieces).split())


def _has_text(lines: list[str]) -> bool:
    """Whether the lines read so far hold more than a paragraph label (`9.`); only
    the first 40 characters of text are looked at (a label is shorter)."""
    text = ""
    for piece in lines:
        text += piece
        if len(text.strip()) > 40:
            return True
    text = text.strip()
    return bool(text) and not label_only(text)


def _join(lines: list[str], line: str, words: set[str]) -> None:
    """Add `line` to the paragraph's `lines` (after a space); a word hyphenated at the
    end of the last line is joined with its end (the hyphen dropped when the whole word
    occurs in the text)."""
    if not line:  # a blank line: a space, once (no hyphenated word is joined across it)
        if lines and not lines[-1].endswith(" "):
            lines[-1] += " "
        return
    hyphenated = re.search(r"([A-Za-z]+)-$", lines[-1][-64:]) if lines else None
    following = re.match(r"([a-z]+)", line)
    if hyphenated and following:
        whole = (hyphenated.group(1) + following.group(1)).lower()
        if whole in words:
            lines[-1] = lines[-1][:-1]
        lines.append(line)
    else:
        lines.append(f" {line}" if lines else line)
