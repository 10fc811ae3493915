"""Plain text and Markdown reader.

Decoding (encoding.py): a byte-order mark, UTF-8, then the likeliest legacy code page
of the six UN languages (or UTF-16 without a BOM), named in a warning. Binary data is
an input error.

Paragraphs are rebuilt from the lines by layout.py: blocks separated by blank
lines, hard-wrapped text pasted from a PDF, or one paragraph per line. Before
that, UN page furniture (job numbers, page counters, running headers: see
furniture.py) is dropped, and a paragraph that a page break cut in two is joined
again; rules (`---`, `***`) are dropped.

Footnotes become paragraphs of kind `footnote` labelled `[fn1]`, after the body:
Markdown definitions (`[^1]: text`, continued by indented lines) and, in text
extracted from a PDF, the numbered notes under a `______` rule (up to the page
furniture or a blank line followed by other text).

Markdown adds: YAML front matter is skipped and `#` headings become headings.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..errors import InputError
from ..model import Document, Kind, Location, Notice, Paragraph
from . import encoding, furniture, layout
from .layout import HEADING, Line

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_MARKUP_START = frozenset("-*_[ \t")
_LATER_MARKUP = re.compile(r"\n[ \t]*(?:[-*_]|\[\^)")  # a newline first, to be found fast
_MARKUP = re.compile(r"\s*(?:[-*_]|\[\^)")  # may open a rule, a break or a footnote
_THEMATIC_BREAK = re.compile(r"^\s*(?:([-*_])\s*)(?:\1\s*){2,}$")
_DEFINITION = re.compile(r"^\s*\[\^([^\]\s]{1,20})\]:\s*(.*)$")
_INDENTED = ("    ", "\t")
_PUNCTUATION = ".,;:!?()[]{}\"'“”‘’«»*_"

Note = tuple[Location, str, str]  # where the footnote is, its label and its text


def decode(data: bytes, source: str) -> tuple[str, tuple[Notice, ...]]:
    """Decode `data` to text (see encoding.py), with a warning when the encoding was
    guessed; binary or empty text is an input error."""
    text, notices = encoding.decode(data, source)
    return _checked(text, source), notices


def _checked(text: str, source: str) -> str:
    if len(_CONTROL.findall(text[:65536])) > max(8, len(text[:65536]) // 100):
        raise InputError(f"{source}: looks like a binary file, not text")
    if not text.strip():
        raise InputError(f"{source}: the file is empty")
    return text.lstrip("\ufeff")


def read_text(data: bytes, source: str) -> Document:
    """Read plain text into paragraphs (see the module docstring)."""
    text, notices = decode(data, source)
    paragraphs = _paragraphs(_lines(text), text, markdown=False)
    return Document(source=source, paragraphs=paragraphs, warnings=notices, format="text")


def read_markdown(data: bytes, source: str) -> Document:
    """Read Markdown as plain text, skipping front matter and marking `#` headings."""
    text, notices = decode(data, source)
    lines = _skip_front_matter(_lines(text))
    paragraphs = _paragraphs(lines, text, markdown=True)
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


def _paragraphs(lines: list[Line], text: str, markdown: bool) -> tuple[Paragraph, ...]:
    removed = furniture.dropped([line for _, line in lines])
    marked = _marked(lines, text)
    notes, in_notes = _notes(lines, marked, removed)
    removed |= in_notes | {i for i in marked if _THEMATIC_BREAK.match(lines[i][1])}
    known = _known_words(text)
    pieces = layout.paragraphs(lines, removed, markdown)
    result = [_paragraph(i, piece, markdown, known) for i, piece in enumerate(pieces)]
    for line_range, label, note in notes:
        result.append(Paragraph(len(result), note, label, Kind.FOOTNOTE, line_range))
    return tuple(result)


def _marked(lines: list[Line], text: str) -> list[int]:
    """Indices of the lines that may be a rule, a thematic break or a footnote."""
    if not (_MARKUP.match(text) or _LATER_MARKUP.search(text)):
        return []
    marked = [i for i, (_, line) in enumerate(lines) if line[:1] in _MARKUP_START]
    return [i for i in marked if _MARKUP.match(lines[i][1])]


def _notes(lines: list[Line], marked: list[int], removed: set[int]) -> tuple[list[Note], set[int]]:
    """Footnotes (location, label, text) and the indices of the lines they took;
    `marked` are the lines that may open one (a rule, a definition)."""
    notes: list[Note] = []
    used: set[int] = set()
    for index in marked:
        line = lines[index][1]
        if index in used or index in removed:
            continue
        if _DEFINITION.match(line):
            used |= _definition(lines, index, removed, notes)
        elif furniture.RULE.match(line) and _notes_under(lines, index, removed):
            used |= _rule_notes(lines, index, removed, notes)
    return notes, used


def _definition(lines: list[Line], start: int, removed: set[int], notes: list[Note]) -> set[int]:
    """A Markdown footnote definition with its continuation lines."""
    found = _DEFINITION.match(lines[start][1])
    assert found is not None
    texts, end = [found.group(2).strip()], start + 1
    while end < len(lines) and end not in removed and _continues_note(lines, end):
        texts.append(lines[end][1].strip())
        end += 1
    location = Location(lines[start][0], lines[end - 1][0])
    notes.append((location, f"[fn{found.group(1)}]", " ".join(t for t in texts if t)))
    return set(range(start, end))


def _continues_note(lines: list[Line], at: int) -> bool:
    line = lines[at][1]
    if line.strip():
        return not (_DEFINITION.match(line) or HEADING.match(line.strip()))
    following = next((text for _, text in lines[at + 1 :] if text.strip()), "")
    return following.startswith(_INDENTED)


def _notes_under(lines: list[Line], rule: int, removed: set[int]) -> bool:
    """Whether numbered notes follow a `______` rule (after blank lines)."""
    for index in range(rule + 1, len(lines)):
        if lines[index][1].strip():
            return index not in removed and furniture.NOTE.match(lines[index][1]) is not None
    return False


def _rule_notes(lines: list[Line], rule: int, removed: set[int], notes: list[Note]) -> set[int]:
    """Numbered notes under a rule, up to furniture or a blank line before other text."""
    end, blank, pieces = rule + 1, False, []
    while end < len(lines) and end not in removed:
        line = lines[end]
        text = line[1].strip()
        if furniture.NOTE.match(text):
            pieces.append([line])
        elif text and (blank or not pieces):
            break
        elif text:
            pieces[-1].append(line)
        blank = not text
        end += 1
    for piece in pieces:
        found = furniture.NOTE.match(piece[0][1])
        assert found is not None
        text = " ".join([found.group(2).strip()] + [t.strip() for _, t in piece[1:]])
        notes.append((Location(piece[0][0], piece[-1][0]), f"[fn{found.group(1)}]", text))
    return set(range(rule, end))


def _known_words(text: str) -> Callable[[], set[str]]:
    """The words of the text, lowercased, computed when first needed (hyphen mending)."""
    cache: list[set[str]] = []

    def known() -> set[str]:
        if not cache:  # the distinct words, stripped of punctuation: faster than findall
            cache.append({word.strip(_PUNCTUATION) for word in set(text.lower().split())})
        return cache[0]

    return known


def _paragraph(
    index: int, piece: list[Line], markdown: bool, known: Callable[[], set[str]]
) -> Paragraph:
    location = Location(piece[0][0], piece[-1][0])
    text = piece[0][1] if len(piece) == 1 else layout.joined(piece, known)
    heading = HEADING.match(text) if markdown and text[0] == "#" else None
    if heading:
        return Paragraph.read(index, heading.group(1), location, Kind.HEADING)
    return Paragraph.read(index, text, location)
