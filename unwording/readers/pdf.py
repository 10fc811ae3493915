"""PDF reader (optional: `pip install 'unwording[pdf]'`, which brings pypdf).

UN PDFs from the Official Document System wrap lines, indent the first line of
each paragraph, repeat a running header (symbol, short title) on every page after
the first, and end pages with the job number ("18-18418 2/5"). This reader takes
the text of each page, drops that furniture (furniture.py, shared with the other
readers), joins wrapped lines (mending words hyphenated across lines when the
document spells them whole elsewhere) and starts a paragraph at each indented
line, blank line or paragraph label; a label alone on its line (`9.`) stays with
the text after it. Footnotes (after the "____" rule) become paragraphs of kind
`footnote`.
"""

from __future__ import annotations

import io
import re
from collections import Counter

from ..errors import InputError
from ..labels import match_label
from ..model import Document, Kind, Location, Notice, Paragraph
from .furniture import NOTE, RULE, dropped, is_cover, is_furniture
from .layout import label_only

_TOP_BAND = 6


def read_pdf(data: bytes, source: str) -> Document:
    """Read the text of a PDF into paragraphs (see the module docstring)."""
    pages = _page_lines(data, source)
    header = _running_header(pages)
    body, notes = [], []
    for number, lines in enumerate(pages, start=1):
        shared = dropped(lines)
        kept = [
            (n, line)
            for n, line in enumerate(lines)
            if n not in shared and not _furniture(line, n, number, header)
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
    warnings = () if paragraphs else (Notice(source, "no text found (a scanned PDF?)"),)
    return Document(source=source, paragraphs=tuple(paragraphs), warnings=warnings, format="pdf")


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
    first_page = " ".join(" ".join(line.split()) for line in pages[0][:40])
    tops = Counter(" ".join(line.split()) for page in pages[1:] for line in page[:_TOP_BAND])
    later = len(pages) - 1
    return {
        line
        for line, count in tops.items()
        if line and (count >= max(2, later // 2) or line in first_page)
    }


def _furniture(line: str, position: int, page: int, header: set[str]) -> bool:
    text = " ".join(line.split())
    if not text:
        return False
    if page > 1 and position < _TOP_BAND and text in header:
        return True
    return is_furniture(text) or is_cover(text)


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
    current, page_of, last_page, fresh_page = "", 0, 0, False
    for page, line in body:
        if page != last_page:
            last_page, fresh_page = page, True
        if fresh_page and not line.strip():
            continue  # blank lines at the top of a page do not end a paragraph
        indented = line[:1].isspace() or match_label(line.strip()) is not None
        starts = indented or (not line.strip() and not fresh_page)
        fresh_page = False
        if starts and current.strip() and not label_only(current.strip()):
            result.append((page_of, " ".join(current.split())))
            current = ""
        if not current:
            page_of = page
        current = _join(current, line.strip(), words)
    if current.strip():
        result.append((page_of, " ".join(current.split())))
    return result


def _join(current: str, line: str, words: set[str]) -> str:
    if not current:
        return line
    hyphenated = re.search(r"([A-Za-z]+)-$", current)
    following = re.match(r"([a-z]+)", line)
    if hyphenated and following:
        whole = (hyphenated.group(1) + following.group(1)).lower()
        if whole in words:
            return current[:-1] + line
        return current + line
    return f"{current} {line}"
