"""Segment stage: find each paragraph's label and kind.

The label (`1.`, `(a)`, `16.3`, `OP5`, ...; grammar in `labels.py`) is taken off
the front of both the display text and the matching key, so that renumbering is
not a change of text. The kind is:

- `heading`: roman or letter numbered (`IV.`, `B.`), `Goal 16`, `Article 4`,
  `Annex`, or a short line without closing punctuation;
- `preambular`: opens with a participle or adjective (*Recalling*, *Noting with
  concern*, *Deeply concerned*, *Mindful*) or is labelled `PPn`;
- `operative`: numbered, labelled `OPn`, or opens with an operative verb in the
  present tense (*Decides*, *Urges*, *Calls upon*);
- sub-paragraphs `(a)` take the kind of the paragraph they belong to;
- `other` for the rest (the organ's name, titles, signatures).

Each paragraph also gets its address (`Art. 2.1(a)`, `Goal 16 / 16.1`, `OP9`;
see `addresses.py`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .addresses import Addresser
from .labels import HEADING_GROUPS, SUB_GROUPS, LabelMatch, label_core, match_label
from .model import Document, Kind, Paragraph

_ADVERBS = (
    r"(?:(?:"
    r"Also|Further|Furthermore|Again|Once\s+again|Deeply|Gravely|Seriously|Strongly|"
    r"Fully|Profoundly|Firmly|Noting\s+also|Bearing\s+also|Recalling\s+further|"
    r"Highly|Greatly|Duly|Most|Still|Equally"
    r")\s+)*"
)
_PREAMBULAR_WORDS = (
    r"[A-Z][a-z]+ing|Concerned|Alarmed|Aware|Conscious|Convinced|Determined|Mindful|Guided|"
    r"Encouraged|Cognizant|Cognisant|Desirous|Pleased|Gratified|Disturbed|Appalled|Dismayed|"
    r"Committed|Resolved|Inspired|Persuaded|Confident|Satisfied|Troubled|Shocked|Outraged|"
    r"Grateful|Appreciative|Bearing|Having|In\s+pursuit|Pursuant|Being|Keen|Sensitive|Seized"
)
_OPERATIVE_VERBS = (
    r"Decides|Demands|Requests|Urges|Calls\s+(?:upon|on)|Recommends|Encourages|Invites|"
    r"Expresses|Takes\s+note|Notes|Welcomes|Reaffirms|Affirms|Recalls|Recognizes|Recognises|"
    r"Emphasizes|Emphasises|Stresses|Underlines|Underscores|Condemns|Deplores|Endorses|"
    r"Adopts|Approves|Authorizes|Authorises|Establishes|Reiterates|Acknowledges|Appeals|"
    r"Commends|Proclaims|Declares|Supports|Regrets|Trusts|Hopes|Considers|Confirms|"
    r"Designates|Elects|Appoints|Renews|Extends|Endorses|Highlights|Observes|Commits|"
    r"Pledges|Resolves|Agrees|Underline|Further\s+decides|Notes\s+with|Looks\s+forward|"
    r"Solemnly|Invites|Stands\s+ready|Remains|Reminds|Insists|Accepts|Applauds|Praises|"
    r"Salutes|Congratulates|Thanks|Draws|Directs|Instructs|Mandates|Transmits|Requires"
)
PREAMBULAR = re.compile(rf"^\*?{_ADVERBS}(?:{_PREAMBULAR_WORDS})\b", re.IGNORECASE)
OPERATIVE = re.compile(rf"^\*?{_ADVERBS}(?:{_OPERATIVE_VERBS})\b", re.IGNORECASE)
_HEADING_WORDS = re.compile(
    r"^(?:Article|Annex|Chapter|Section|Part|Appendix|Goal|Target|Preamble|Introduction)\b"
    r"(?:\s+[\w.]+)?\s*$|^(?:ANNEX|CHAPTER|PART|SECTION)\b",
)
_HEADING_START = re.compile(
    r"^\[?(?:Article|Annex|Chapter|Section|Part|Appendix|Preamble)\b(?!\s+\d+,)"
)
_CLOSING = ".,;:!?"
_BOLD_LINE = re.compile(r"^(\*\*|__)[^*_]+\1$")
_HEADING_MAX_WORDS = 14


_Seen = dict[tuple[object, ...], tuple[LabelMatch | None, str | None, str, str, Kind]]


def segment_document(document: Document, known: _Seen | None = None) -> Document:
    """Split each paragraph's label from its text and key, set its kind and address.

    `known` keeps what was found for a text already seen (its label and kind depend
    on the text, the label a reader gave and the parent kind only): pass one dict for
    both versions, whose paragraphs are mostly the same texts.
    """
    paragraphs: list[Paragraph] = []
    parent = Kind.OTHER
    addresser = Addresser()
    markdown = document.format == "markdown"
    known = {} if known is None else known
    for paragraph in document.paragraphs:
        seen = (paragraph.text, paragraph.key, paragraph.label, paragraph.kind, parent, markdown)
        found, label, text, key, kind = known.get(seen) or _labelled_kind(
            paragraph, parent, markdown
        )
        known[seen] = found, label, text, key, kind
        if found is None or found.group not in SUB_GROUPS:
            parent = kind
        address = addresser.address(text, found, label, kind)
        paragraphs.append(paragraph.with_label(label, text, key, kind, address))
    return replace(document, paragraphs=tuple(paragraphs))


def _labelled_kind(
    paragraph: Paragraph, parent: Kind, markdown: bool
) -> tuple[LabelMatch | None, str | None, str, str, Kind]:
    """The label, text and key without it, and kind of a paragraph under `parent`."""
    found, label, text, key = _take_label(paragraph)
    return found, label, text, key, paragraph.kind or _kind(text, found, parent, markdown, key)


def _take_label(paragraph: Paragraph) -> tuple[LabelMatch | None, str | None, str, str]:
    """The label found at the start (or given by the reader), and text and key without it."""
    if paragraph.label is not None:
        given = match_label(f"{paragraph.label} .")
        return given, paragraph.label, paragraph.text, paragraph.key
    unlabelled = (None, None, paragraph.text, paragraph.key)
    first = paragraph.text[:1]
    if not (first.isalnum() or first in "(["):
        return unlabelled
    in_text = match_label(paragraph.text)
    in_key = match_label(paragraph.key) if in_text else None
    if in_text is None or in_key is None:
        return unlabelled
    return in_text, in_text.label, paragraph.text[in_text.end :], paragraph.key[in_key.end :]


def _kind(
    text: str, label: LabelMatch | None, parent: Kind, markdown: bool = False, key: str = ""
) -> Kind:
    group = label.group if label else None
    if group == "note":
        return Kind.FOOTNOTE
    if group in HEADING_GROUPS:
        return Kind.HEADING
    if group in SUB_GROUPS:
        return parent if parent in (Kind.PREAMBULAR, Kind.OPERATIVE) else Kind.OTHER
    if group == "ppop":
        return Kind.PREAMBULAR if label and label.label.startswith("PP") else Kind.OPERATIVE
    if group is None and _is_heading(text, key or text, markdown):
        return Kind.HEADING
    if group is None and PREAMBULAR.match(text):
        return Kind.PREAMBULAR
    if group is not None or OPERATIVE.match(text):
        return Kind.OPERATIVE
    return Kind.OTHER


def _is_heading(text: str, key: str, markdown: bool = False) -> bool:
    """Headings by their words (`Article 4`, `Annex`, `Annex Awaza Political
    Declaration`) or, in plain text, a short line without closing punctuation;
    Markdown marks its headings (`#`, read as such) or sets a short line in bold.
    Punctuation and length are judged on the key, where footnote numbers are gone."""
    if not key or key[-1] in _CLOSING or len(key) > 40 * _HEADING_MAX_WORDS:
        return bool(_HEADING_WORDS.match(key))
    short = key.count(" ") < _HEADING_MAX_WORDS
    if _HEADING_START.match(key):
        return short
    if markdown:
        return short and bool(_BOLD_LINE.match(text))
    return short and key[0].isupper()


_EMBEDDED = re.compile(r" ((?:\d{1,3}|[IVX]{1,5})\.|\([a-z]{1,3}\)) +(?=[^\s\d])")
_START_WORDS = 5
_PUNCTUATION = "*_.,;:!?\"'“”‘’()[]"


def split_glued(document: Document, prepared: Document, other: Document) -> Document:
    """Split paragraphs that an extraction glued together ("... countries. 2. We
    welcome ...") at an embedded label, where the other version (already
    segmented) has a paragraph with that label starting with the same words, and
    this version starts no paragraph with them.

    `document` is as read (labels still in the text), `prepared` the same document
    segmented. Embedded labels are found first; openings are compared only for
    them. Returns `document` itself when nothing is split.
    """
    deficit = _labelled(other) - _labelled(prepared)
    if deficit < max(1, _labelled(other) // 100):
        return document  # no more labelled paragraphs than edits add: nothing glued
    candidates = [
        (index, found)
        for index, paragraph in enumerate(document.paragraphs)
        if not paragraph.authors and paragraph.label is None
        for found in _EMBEDDED.finditer(paragraph.text)
    ]
    if not candidates:
        return document
    cores = {label_core(found.group(1)) for _, found in candidates}
    starts: dict[str, set[str]] = {}
    for paragraph in other.paragraphs:
        core = label_core(paragraph.label) if paragraph.label is not None else ""
        if core in cores:
            starts.setdefault(core, set()).add(_opening(paragraph.text))
    cuts = _cuts(document, candidates, starts, prepared)
    if not cuts:
        return document
    paragraphs: list[Paragraph] = []
    for index, paragraph in enumerate(document.paragraphs):
        if index not in cuts:
            paragraphs.append(paragraph)
            continue
        pieces = _pieces(paragraph.text, cuts[index])
        paragraphs += [Paragraph(0, text, location=paragraph.location) for text in pieces]
    return replace(document, paragraphs=_renumbered(paragraphs))


def _labelled(document: Document) -> int:
    return sum(paragraph.label is not None for paragraph in document.paragraphs)


def _cuts(
    document: Document,
    candidates: list[tuple[int, re.Match[str]]],
    starts: dict[str, set[str]],
    prepared: Document,
) -> dict[int, list[int]]:
    """Where to cut each glued paragraph: at labels whose text the other version
    starts a paragraph with and this one does not."""
    cuts: dict[int, list[int]] = {}
    own: set[str] | None = None
    for index, found in candidates:
        openings = starts.get(label_core(found.group(1)))
        text = document.paragraphs[index].text
        if not openings or _opening(text[found.end() : found.end() + 100]) not in openings:
            continue
        own = own if own is not None else {_opening(p.text) for p in prepared.paragraphs}
        if _opening(text[found.end() : found.end() + 100]) not in own:
            cuts.setdefault(index, []).append(found.start(1))
    return cuts


def _pieces(text: str, cuts: list[int]) -> list[str]:
    bounds = [0, *cuts, len(text)]
    parts = (text[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False))
    return [part for part in parts if part]


def _opening(text: str) -> str:
    """The first words of a text, lower-cased, without markup or punctuation."""
    words = (word.strip(_PUNCTUATION) for word in text[:100].lower().split()[:_START_WORDS])
    return " ".join(word for word in words if word)


def _renumbered(paragraphs: list[Paragraph]) -> tuple[Paragraph, ...]:
    return tuple(
        paragraph if paragraph.index == index else replace(paragraph, index=index)
        for index, paragraph in enumerate(paragraphs)
    )
