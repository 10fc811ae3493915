"""UN page furniture: what a printed UN document repeats around its text.

Shared by the text, Markdown, PDF and HTML readers, which drop it:

- job numbers and bar codes: `25-16680 (E)`, `23-21227 (E) 131123`, `*2516680*`;
- page counters, alone or with the job number: `2/5`, `25-16680 2/5`, `3/5 25-16680`
  (a counter never exceeds the page count, so `70/1` alone is not one);
- the document symbol alone on its line (`A/RES/80/3`), also glued to the bar code
  or after "United Nations", and "Distr.: General" / "Distr.: Limited";
- the cover lines "United Nations", the organ, the date and "Original: English",
  when they stand next to such furniture (the PDF reader drops them anywhere);
- the running header: the short title on the line next to a symbol line, or on
  one line with the document's own symbol (`A/RES/80/3 Awaza Political Declaration`).

Footnote rules (`______`) and the note lines under them are recognised here too
(`RULE`, `NOTE`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..labels import match_label

SYMBOL = r"(?:A|S|E|ST|UNEP|FCCC|HRC|CRC|CEDAW|CCPR|CERD|DP|TD)/[\w./-]*\w\*?"
_ORGANS = r"General Assembly|Security Council|Economic and Social Council"
_JOB = r"\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?"
_PIECE = rf"(?:{_JOB}|\*\d{{5,}}\*|\d{{1,3}}/\d{{1,3}}|{SYMBOL})"
_FURNITURE = re.compile(
    rf"(?:United Nations\s+)?{_PIECE}(?:\s*{_PIECE})*"
    rf"|(?:(?:{_ORGANS})\s+)?Distr\.?:\s.*"
)
_START = re.compile(  # what a furniture line may start with
    rf"\s*(?:\d{{1,3}}/\d|\d\d-\d{{5}}|\*\d|[A-Z]{{1,5}}/|(?:(?:{_ORGANS})\s+)?Distr)"
)
_COUNTER = re.compile(r"(?<![\w/])(\d{1,3})/(\d{1,3})(?![\w/])")
_SYMBOL = re.compile(SYMBOL)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_COVER = re.compile(
    r"General Assembly|Security Council|Economic and Social Council"
    r"|Distr\.?:.*|\d{1,2} (?:" + _MONTHS + r") \d{4}"
    r"|(?:Original|Arabic|Chinese|English|French|Russian|Spanish)(?::.*)?"
)
_MASTHEAD = re.compile(r"United Nations|Human Rights Council")  # only next to furniture
_TITLE_MAX_WORDS = 20
_LONGEST = 200  # furniture lines are short; longer lines are not even looked at
_ENDS_SENTENCE = re.compile(r"[.;:!?][”’\"')\]]*\s?\d{0,3}$")
RULE = re.compile(r"^\s*_{5,}\s*$")
NOTE = re.compile(r"^\s*(\d{1,3})\s+(\S.*)$")


def is_furniture(line: str) -> bool:
    """A line that is page furniture wherever it stands (job number, counter, symbol...)."""
    head = line.lstrip()[:1]
    if not head or not (head.isdigit() or head in "*ACDEFGHSTU"):
        return False
    text = " ".join(line.split())
    if not _FURNITURE.fullmatch(text):
        return False
    symbols = _SYMBOL.sub(" ", text)
    return all(int(a) <= int(b) for a, b in _COUNTER.findall(symbols))


def is_cover(line: str) -> bool:
    """A cover-page line: the organ, the date, "Distr.: General", "Original: English"."""
    return bool(_COVER.fullmatch(" ".join(line.split())))


def dropped(lines: Sequence[str]) -> set[int]:
    """Indices of the furniture lines of a text (blank lines count as nothing)."""
    short = [i for i, line in enumerate(lines) if line and len(line) < _LONGEST]
    found = {i for i in short if _maybe(lines[i]) and is_furniture(lines[i])}
    symbols = {m for i in found for m in _SYMBOL.findall(lines[i])}
    found |= _headers(lines, [i for i in short if "/" in lines[i]], symbols)
    if found:
        found |= _covers_and_titles(lines, found)
    return found


def _maybe(line: str) -> bool:
    """Cheap test: could this short line be furniture at all?"""
    return _START.match(line) is not None or "/" in line


def _headers(lines: Sequence[str], slashed: list[int], symbols: set[str]) -> set[int]:
    """Lines of a symbol and a short title: `A/RES/80/3 Awaza Political Declaration`.

    The symbol must be the document's own: seen in other furniture, or heading
    two such lines.
    """
    candidates = {}
    for index in slashed:
        text = lines[index].strip()
        if "/" in text[: text.find(" ")] or "/" in text[text.rfind(" ") :]:
            found = _header_symbol(" ".join(text.split()))
            if found:
                candidates[index] = found
    counts: dict[str, int] = {}
    for symbol in candidates.values():
        counts[symbol] = counts.get(symbol, 0) + 1
    return {i for i, s in candidates.items() if s in symbols or counts[s] >= 2}


def _header_symbol(text: str) -> str | None:
    first, _, rest = text.partition(" ")
    if rest and _SYMBOL.fullmatch(first) and _is_title(rest):
        return first
    rest, _, last = text.rpartition(" ")
    if rest and _SYMBOL.fullmatch(last) and _is_title(rest):
        return last
    return None


def _is_title(text: str) -> bool:
    """A short title as UN running headers print it: capitalised, no closing punctuation."""
    return (
        text[:1].isupper()
        and text[-1] not in ".,;:"
        and len(text.split()) <= _TITLE_MAX_WORDS
        and match_label(text) is None
        and not is_cover(text)
    )


def _covers_and_titles(lines: Sequence[str], found: set[int]) -> set[int]:
    """Cover lines in a run of furniture, and title lines right next to a symbol line."""
    extra: set[int] = set()
    for index in sorted(found):
        extra |= _cover_run(lines, index, -1, found) | _cover_run(lines, index, 1, found)
        if _SYMBOL.search(lines[index]):
            extra |= _title_beside(lines, index, found)
    return extra - found


def _cover_run(lines: Sequence[str], index: int, step: int, found: set[int]) -> set[int]:
    """Cover lines from a furniture line on, across blank lines and other furniture."""
    run: set[int] = set()
    at = index + step
    while 0 <= at < len(lines):
        if lines[at].strip() and at not in found:
            if not (is_cover(lines[at]) or _MASTHEAD.fullmatch(lines[at].strip())):
                break
            run.add(at)
        at += step
    return run


def _title_beside(lines: Sequence[str], index: int, found: set[int]) -> set[int]:
    """The running title right before or after a symbol line.

    A title stands apart: the line before a title above the symbol ends a
    sentence (or is blank or furniture), and the line after a title below the
    symbol does not run on in lowercase, so that a wrapped line of text next to
    a symbol is never taken for a title.
    """
    above, below = index - 1, index + 1
    if _title_at(lines, above, found) and _apart(lines, above - 1, found, above=True):
        return {above}
    if _title_at(lines, below, found) and _apart(lines, below + 1, found, above=False):
        return {below}
    return set()


def _title_at(lines: Sequence[str], at: int, found: set[int]) -> bool:
    return 0 <= at < len(lines) and at not in found and _is_title(" ".join(lines[at].split()))


def _apart(lines: Sequence[str], at: int, found: set[int], above: bool) -> bool:
    if not 0 <= at < len(lines) or at in found:
        return True
    text = lines[at].strip()
    if not text:
        return True
    return _ENDS_SENTENCE.search(text) is not None if above else not text[0].islower()
