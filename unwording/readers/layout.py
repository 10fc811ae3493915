"""Rebuild paragraphs from the lines of a plain text or Markdown file.

Text arrives in three layouts, told apart from the evidence:

- hard-wrapped text, as pasted from a PDF: 30% or more of the lines that follow
  another one start in lowercase (wrapped text has 50-75%, text with a paragraph
  per line almost none). Lines are joined, and a paragraph starts at a blank
  line, at a label (`54.` after a line that ends a clause, after a heading or in
  the numbering sequence; `(a)`, `PP3`), at a preambular or operative opening
  after a line that ends a clause (`Recalling`, `Also encourages`), and, in a
  run of 8 lines or more without a blank one, after a line shorter than the
  wrapping width (a heading, the last line of a paragraph) or much longer (a
  paragraph that was not wrapped) unless the next line starts in lowercase;
- blocks separated by blank lines: a short block is one paragraph, or several
  when a line inside it opens with a label or an opening (`Eightieth session` /
  `Agenda item 13` stay together, as extractions printing them on one line do);
- a paragraph per line: no blank lines (or blocks of 8 lines or more) and no
  wrapping, unless most lines open with a label (then a line without one goes on
  with the paragraph before it); a line that starts in lowercase after a line
  that ends no clause still goes on with the one before.

In every layout a label alone on its line (`9.` with the text on the next line,
as PDF extraction gives) belongs to the text after it, and a paragraph cut by a
page break (page furniture, or blank lines in copies of PDF text) is joined
again (`continues`, `continues_after_blank`). A word hyphenated at the end of a
line is mended when the text spells it whole elsewhere (`develop-` `ment`);
otherwise the hyphen stays (`action-` `oriented`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from ..labels import HEADING_GROUPS, SUB_GROUPS, LabelMatch, match_label, starts_new_paragraph
from ..segment import OPERATIVE, PREAMBULAR

Line = tuple[int, str]  # 1-based line number, text

HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_TRAILING = "0123456789 ”’\"')]"  # closing quotes and a footnote number may follow a mark
_SENTENCE_END = frozenset(".;:!?")
_CLAUSE_END = frozenset(".;:,!?")
_BEFORE_OPENING = frozenset(".;,!?")  # not ":" ("Programme of Action: Addressing")
_WRAPPED_SHARE = 0.3
_SHORT = 0.65
_MEASURED = 8  # lines: a shorter block between blank lines is not cut by line lengths
_LONG = 1.5
_CONTINUED_MIN_WORDS = 8
_CLOSERS = frozenset(".;:,!?”’\"')]")
_LONGEST_LABEL = 16  # "OP12 quater(a)."
_HYPHENS = "-\u2010\u2011"
_BREAKS = frozenset(_HYPHENS + "\u00ad")  # line ends that may break a word
_KEEP_SPACE = frozenset({"and", "or", "nor", "to"})  # "pre- and post-natal"
_WORD = re.compile(r"[^\W\d_]+")
_LAST_WORD = re.compile(r"[^\W\d_]+(?=.$)")
_ABBREVIATION = re.compile(  # a full stop that ends no sentence: "see para.\n54. in which"
    r"(?<![^\W\d_])(?:paras?|sects?|ch|chap|nos?|vols?|arts?|approx|pp?|cf|e\.g|i\.e|op)\.$",
    re.I,
)


@dataclass(frozen=True)
class Layout:
    """How a text's lines make paragraphs: wrapped at `width` characters (0: not
    wrapped), line lengths `measured` to tell paragraphs apart, Markdown."""

    width: int
    measured: bool
    markdown: bool


def paragraphs(lines: list[Line], removed: set[int], markdown: bool) -> list[list[Line]]:
    """Group lines into paragraphs (each a list of its lines, stripped), by the text's
    layout; `removed` are the indices of lines to leave out (page furniture, notes)."""
    blocks, glued, pairs, widths = _blocks(lines, removed)
    wrapped = bool(widths) and len(widths) >= _WRAPPED_SHARE * pairs
    layout = Layout(sorted(widths)[len(widths) // 2] if wrapped else 0, wrapped, markdown)
    unmeasured = replace(layout, measured=False)
    pieces: list[list[Line]] = []
    for block in blocks:
        if len(block) == 1:
            pieces.append(block)
        elif wrapped:
            measured = layout if len(block) >= _MEASURED else unmeasured
            pieces.extend(_split(block, glued, measured))
        elif (len(block) >= _MEASURED or len(blocks) == 1) and not _numbered(block):
            pieces.extend(_line_each(block, glued))
        else:
            pieces.extend(_split(block, glued, unmeasured))
    return _labels_attached(pieces)


def _runs_on(before: str, text: str) -> bool:
    """A line in lowercase, not a label, after a line that ends no clause."""
    return text[0].islower() and not _ends(before, _CLAUSE_END) and match_label(text) is None


def _numbered(block: list[Line]) -> bool:
    """Whether most lines open with a label: then a line without one goes on with the
    paragraph before it (an extraction that breaks lines inside paragraphs)."""
    return sum(match_label(text) is not None for _, text in block) * 2 >= len(block)


def _line_each(block: list[Line], glued: set[int]) -> list[list[Line]]:
    """A paragraph per line, but for a line that goes on with the one before: across
    a page break (`glued`), or in lowercase after a line that ends no clause (a line
    in lowercase after `,` or `;` is an item of a list: "to reaffirm faith ...")."""
    pieces: list[list[Line]] = []
    for line in block:
        goes_on = bool(pieces) and _runs_on(pieces[-1][-1][1], line[1])
        if pieces and (goes_on or line[0] in glued):
            pieces[-1].append(line)
        else:
            pieces.append([line])
    return pieces


Blocks = tuple[list[list[Line]], set[int], int, list[int]]


def _blocks(lines: list[Line], removed: set[int]) -> Blocks:
    """Runs of lines between blank lines, where a paragraph cut by blank or removed
    lines is joined again (`continues`: the numbers of the lines that go on are
    `glued`); and the evidence of wrapping: how many lines follow a line in their
    block, and the lengths of the lines that a lowercase line follows."""
    blocks: list[list[Line]] = []
    block: list[Line] = []
    glued: set[int] = set()
    pairs, widths = 0, []
    gap = cut = False  # blank lines, removed lines since the last line of text
    for index, (number, line) in enumerate(lines):
        if removed and index in removed:
            cut = True
            continue
        text = line.strip()
        if not text:
            gap = bool(block)
            continue
        if gap:
            before = block[-1][1]  # most paragraphs end with a mark, the next is capitalised
            if (cut or text[0].islower() or before[-1] not in _CLOSERS) and _goes_on(
                before, text, cut
            ):
                glued.add(number)
            else:
                blocks.append(block)
                block = []
        gap = cut = False
        if block:
            pairs += 1
            if text[0].islower():
                widths.append(len(block[-1][1]))
        block.append((number, text))
    if block:
        blocks.append(block)
    return blocks, glued, pairs, widths


def _goes_on(before: str, after: str, cut: bool) -> bool:
    """Whether the text after blank lines (and page furniture, if `cut`) goes on with
    the paragraph before them."""
    if cut:
        return continues(before, after)
    return continues_after_blank(before, after)


def _split(block: list[Line], glued: set[int], layout: Layout) -> Iterator[list[Line]]:
    piece: list[Line] = []
    previous: LabelMatch | None = None
    for line in block:
        if piece and line[0] not in glued and _breaks(piece, line[1], previous, layout):
            yield piece
            piece = []
        if not piece:
            found = match_label(line[1])
            previous = found if found and found.group not in SUB_GROUPS else previous
        piece.append(line)
    if piece:
        yield piece


def _breaks(piece: list[Line], text: str, previous: LabelMatch | None, layout: Layout) -> bool:
    """Whether line `text` starts a new paragraph after the lines of `piece`."""
    first, last = piece[0][1], piece[-1][1]
    if layout.markdown and (HEADING.match(text) or HEADING.match(first)):
        return True
    if len(piece) == 1 and len(first) <= _LONGEST_LABEL and label_only(first):
        return False
    found = None if text[0].islower() and ")" not in text[:6] else match_label(text)
    if found is not None:
        return _label_breaks(text, found, piece, previous, layout)
    if _ends(last, _BEFORE_OPENING) and opens_paragraph(text):
        return True
    return layout.measured and not text[0].islower() and not _full(last, layout)


def _label_breaks(
    text: str, found: LabelMatch, piece: list[Line], previous: LabelMatch | None, layout: Layout
) -> bool:
    last = piece[-1][1]
    if found.group in SUB_GROUPS or found.group == "ppop":
        # not a reference cut at the end of a line: "in paragraph 3\n(a) of resolution"
        return not (last[-1:].isdigit() and text[found.end : found.end + 1].islower())
    if found.group in HEADING_GROUPS:
        return _ends(last, _SENTENCE_END)
    if text[found.end : found.end + 1].islower():
        return _lowercase_item(last, text, previous)
    if _ends(last, _CLAUSE_END) or starts_new_paragraph(text, previous):
        return True
    head = match_label(piece[0][1])
    return (head is not None and head.group in HEADING_GROUPS) or _short(last, layout)


def _lowercase_item(last: str, text: str, previous: LabelMatch | None) -> bool:
    """A number followed by lowercase is in a sentence ("paragraphs 3,\n4. and 5",
    "para.\n54. in which") unless it is the next item of a list after a sentence's end
    ("1. hold ... emissions.\n2. pursue a transformation")."""
    if not _ends(last, _SENTENCE_END) or _ABBREVIATION.search(last.rstrip(_TRAILING)):
        return False
    return starts_new_paragraph(text, previous)


def _ends(line: str, marks: frozenset[str]) -> bool:
    """Whether a line ends with one of `marks` (closing quotes or a note number may follow)."""
    return line.rstrip(_TRAILING)[-1:] in marks


def _short(line: str, layout: Layout) -> bool:
    return len(line) < _SHORT * layout.width


def _full(line: str, layout: Layout) -> bool:
    """A line as long as the text is wrapped at: shorter ones end a paragraph or are
    headings, much longer ones are whole paragraphs that were not wrapped."""
    return _SHORT * layout.width <= len(line) <= _LONG * layout.width


def label_only(text: str) -> bool:
    """A line that is a paragraph label and nothing else (`9.`, `(a)`, `I.`)."""
    found = match_label(text)
    return found is not None and found.end >= len(text)


def opens_paragraph(text: str) -> bool:
    """Text opening as a preambular or operative paragraph does (`Recalling`, `Urges`)."""
    if not (text[:1].isupper() or text[:1] == "*"):
        return False
    return bool(PREAMBULAR.match(text) or OPERATIVE.match(text))


def _labels_attached(pieces: list[list[Line]]) -> list[list[Line]]:
    """A paragraph that is only a label joins the paragraph after it."""
    if not any(len(piece) == 1 and len(piece[0][1]) <= _LONGEST_LABEL for piece in pieces):
        return pieces
    result: list[list[Line]] = []
    alone = False  # the last paragraph is a label alone
    for piece in pieces:
        if alone and match_label(piece[0][1]) is None:
            result[-1] = result[-1] + piece
            alone = False
            continue
        result.append(piece)
        text = piece[0][1]
        alone = len(piece) == 1 and len(text) <= _LONGEST_LABEL and label_only(text)
    return result


def continues_after_blank(before: str, after: str) -> bool:
    """Whether `after`, after a blank line, goes on with the paragraph `before`.

    Copies of PDF text print page breaks (and sometimes every line) as blank
    lines. Two cases count: a lowercase start after a line that ends with no
    punctuation at all;
    and a numbered paragraph (`7. We reaffirm ...`) that stops with no closing
    punctuation (`the Convention on Biological`), where numbered paragraphs end
    with `;` `.` or `:`, before text that opens nothing of its own (`Diversity and`).
    """
    if _ends(before, _SENTENCE_END) or HEADING.match(before) or match_label(after):
        return False
    if after[:1].islower():
        # not after a comma: Russian preambular paragraphs open in lower case
        # ("ссылаясь на ...,") and each ends with a comma
        return not _ends(before, _CLAUSE_END)
    found = match_label(before)
    if found is None or found.group not in ("num", "ppop") or _ends(before, _CLAUSE_END):
        return False
    if len(before.split()) < _CONTINUED_MIN_WORDS or not after[:1].isalpha():
        return False
    return not opens_paragraph(after)


def continues(before: str, after: str) -> bool:
    """Whether `after`, the text after a page break, goes on with the paragraph `before`.

    It does when `before` ends with a hyphen; or when `before` does not end a
    sentence and `after` starts in lowercase, or `before` is a long (wrapped,
    not heading) line and `after` opens no paragraph of its own.
    """
    if not before or not after:
        return False
    if before[-1] in _HYPHENS and before[-2:-1].isalpha():
        return True
    if match_label(after) is not None:
        return False  # "(a)", "b)": a label, though in lowercase
    if after[0].islower():
        return True
    if _ends(before, _SENTENCE_END):
        return False
    if opens_paragraph(after):
        return False
    return len(before.split()) >= _CONTINUED_MIN_WORDS


def joined(piece: list[Line], known: Callable[[], set[str]]) -> str:
    """The text of a paragraph's lines, joined with a space or mended at a hyphen."""
    if len(piece) == 1:
        return piece[0][1]
    if not any(text[-1] in _BREAKS for _, text in piece):
        return " ".join(text for _, text in piece)
    parts = [piece[0][1]]
    for _, text in piece[1:]:
        parts.append(_separator(parts, text, known))
        parts.append(text)
    return "".join(parts)


def _separator(parts: list[str], text: str, known: Callable[[], set[str]]) -> str:
    """The space between the text so far and the next line, mending a broken word."""
    before = parts[-1]
    if before.endswith("\u00ad"):
        parts[-1] = before[:-1]
        return ""
    if not (before[-1:] in _HYPHENS and before[-2:-1].isalpha() and text[:1].islower()):
        return " "
    following = _WORD.match(text)
    preceding = _LAST_WORD.search(before)
    if following is None or following.group() in _KEEP_SPACE:
        return " "
    if preceding and (preceding.group() + following.group()).lower() in known():
        parts[-1] = before[:-1]
    return ""
