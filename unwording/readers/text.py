"""Plain text and Markdown reader.

Decoding: UTF-8 with or without BOM, UTF-16 and UTF-32 with BOM; anything else
is read as cp1252 with a warning. Binary data is an input error.

Paragraphs are blocks separated by blank lines; a file with no blank line at all
has one paragraph per line. Inside a block, a line that opens with a
sub-paragraph label (`(a)`) or the next number of a list (`2.` after `1.`)
starts a new paragraph. Wrapped lines are joined with one space.

Markdown adds: YAML front matter is skipped and `#` headings become headings.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

from ..errors import InputError
from ..labels import SUB_GROUPS, LabelMatch, match_label, starts_new_paragraph
from ..model import Document, Kind, Location, Notice, Paragraph

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_BLANK = re.compile(r"\n[ \t\u00a0\u3000]*\n")

Line = tuple[int, str]


def decode(data: bytes, source: str) -> tuple[str, tuple[Notice, ...]]:
    """Decode `data` to text, with a warning when the encoding had to be guessed."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_decode(data, encoding, source), source), ()
    if b"\x00" in data:
        raise InputError(f"{source}: looks like a binary file, not text")
    try:
        return _checked(data.decode("utf-8"), source), ()
    except UnicodeDecodeError:
        pass
    notice = Notice(source, "not valid UTF-8; read as Windows-1252 (cp1252)")
    return _checked(data.decode("cp1252", errors="replace"), source), (notice,)


def _decode(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(f"{source}: invalid {encoding.upper()} text ({error.reason})") from None


def _checked(text: str, source: str) -> str:
    if len(_CONTROL.findall(text[:65536])) > max(8, len(text[:65536]) // 100):
        raise InputError(f"{source}: looks like a binary file, not text")
    if not text.strip():
        raise InputError(f"{source}: the file is empty")
    return text.lstrip("\ufeff")


def read_text(data: bytes, source: str) -> Document:
    """Read plain text into paragraphs (see the module docstring)."""
    text, notices = decode(data, source)
    paragraphs = _paragraphs(_lines(text), markdown=False)
    return Document(source=source, paragraphs=paragraphs, warnings=notices, format="text")


def read_markdown(data: bytes, source: str) -> Document:
    """Read Markdown as plain text, skipping front matter and marking `#` headings."""
    text, notices = decode(data, source)
    lines = _skip_front_matter(_lines(text))
    paragraphs = _paragraphs(lines, markdown=True)
    return Document(source=source, paragraphs=paragraphs, warnings=notices, format="markdown")


def _lines(text: str) -> list[Line]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return list(enumerate(text.split("\n"), start=1))


def _skip_front_matter(lines: list[Line]) -> list[Line]:
    if not lines or lines[0][1].strip() != "---":
        return lines
    for position, (_, line) in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            return lines[position + 1 :]
    return lines


def _blocks(lines: list[Line]) -> Iterator[list[Line]]:
    if not _has_blank_between(lines):
        yield from ([line] for line in lines if line[1].strip())
        return
    block: list[Line] = []
    for line in lines:
        if line[1].strip():
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


def _has_blank_between(lines: list[Line]) -> bool:
    seen_text = False
    pending_blank = False
    for _, line in lines:
        if line.strip():
            if pending_blank and seen_text:
                return True
            seen_text = True
        elif seen_text:
            pending_blank = True
    return False


def _paragraphs(lines: list[Line], markdown: bool) -> tuple[Paragraph, ...]:
    result: list[Paragraph] = []
    for block in _blocks(lines):
        for piece in _split_block(block, markdown):
            result.append(_paragraph(len(result), piece, markdown))
    return tuple(result)


def _split_block(block: list[Line], markdown: bool) -> Iterator[list[Line]]:
    if len(block) == 1:
        yield block
        return
    piece: list[Line] = []
    previous: LabelMatch | None = None
    for line in block:
        stripped = line[1].strip()
        if piece and _breaks(stripped, previous, markdown, piece):
            yield piece
            piece = []
        if not piece:
            found = match_label(stripped)
            previous = found if found and found.group not in SUB_GROUPS else previous
        piece.append(line)
    yield piece


def _breaks(line: str, previous: LabelMatch | None, markdown: bool, piece: list[Line]) -> bool:
    if markdown and (_HEADING.match(line) or _HEADING.match(piece[0][1].strip())):
        return True
    return starts_new_paragraph(line, previous)


def _paragraph(index: int, piece: list[Line], markdown: bool) -> Paragraph:
    location = Location(piece[0][0], piece[-1][0])
    text = " ".join(line.strip() for _, line in piece)
    heading = _HEADING.match(text) if markdown else None
    if heading:
        return Paragraph(index, heading.group(1), kind=Kind.HEADING, location=location)
    return Paragraph(index, text, location=location)
