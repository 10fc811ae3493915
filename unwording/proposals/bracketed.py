"""The compilation text: the base with every proposal inline, as a secretariat
circulates it.

The convention, exactly:

- Each base paragraph is one line: its label (if it has one), a space, then its text
  with each site of proposed change written where it stands.
- A site that replaces or deletes base words is written as the base words in square
  brackets followed by one bracket per distinct proposal for them:
  `[base words][Sponsor A, Sponsor B: new words][Sponsor C: delete]`. Sponsors are
  listed in the order the proposals were given, separated by `, `; a colon and a space
  follow the last sponsor. `delete` stands for a proposal to drop the words.
- A site that only inserts words touches no base words; each distinct insertion is one
  bracket whose words follow `add `: `[Sponsor A: add new words]`.
- Two or more proposal brackets at one site are a conflict: the proposals change
  overlapping words differently. The same change from several delegations is one
  bracket with all their names.
- Spaces and the words around a site stay outside the brackets; the words inside are
  shown without leading or trailing spaces (an insertion whose words brought a space
  gets it outside its bracket, where the base text has none).
- A paragraph that sponsors delete whole is wrapped in one more pair of brackets
  after its label, followed by their names and `delete`:
  `16.7 [text, with its sites][Belarus, Russian Federation: delete]` (a conflict when
  others amend it).
- A new paragraph follows the base paragraph it is placed after, numbered with that
  paragraph's label (its final full stop dropped; or its address) and `bis`, `ter`,
  `quater`...; its wording is in brackets with its sponsors:
  `16.10 bis [European Union, Norway: text]`. Near-same wordings of one new
  paragraph are alternatives, one bracket each:
  `16.10 bis [European Union: text][Norway: other text]`.
- Where a proposal splits a paragraph, ` ¶ ` marks the cut in its words.
- A paragraph that sponsors place elsewhere is followed, after a space, by one bracket
  per place proposed, with its sponsors and `move after` the label of the paragraph
  it would follow (its final full stop dropped; its address when it has no label or
  another paragraph has the same one: `Art. 1.1`), or `move to the start`:
  `16.4 text [Norway: move after 16.7]`. Paragraphs moved together all follow the
  paragraph before the first of them. Two places proposed, or a move and a deletion,
  are a conflict.
- A paragraph nobody touches is written as it is in the base.

Brackets already in the base text are left as they are; a bracket of this convention
is always followed by another bracket or holds `Sponsor: ` before its words.
"""

from __future__ import annotations

from collections import defaultdict

from ..model import JOINER
from .records import Alternative, Compilation, CompiledParagraph, NewParagraph, Site

SPLIT_MARK = " ¶ "


def compilation_lines(compilation: Compilation) -> list[str]:
    """The compilation text, one line per paragraph (base and new) in base order."""
    after: dict[int | None, list[NewParagraph]] = defaultdict(list)
    for new in compilation.new_paragraphs:
        after[new.after].append(new)
    lines = [new_paragraph_line(new, compilation) for new in after[None]]
    for paragraph in compilation.paragraphs:
        lines.append(compiled_line(paragraph, compilation))
        lines += [new_paragraph_line(new, compilation) for new in after[paragraph.index]]
    return lines


def paragraph_line(paragraph: CompiledParagraph) -> str:
    """One base paragraph with its sites, wrapped when sponsors delete it."""
    text = bracketed_text(paragraph)
    if paragraph.deleted_by:
        text = f"[{text}][{', '.join(paragraph.deleted_by)}: delete]"
    return f"{paragraph.label} {text}" if paragraph.label else text


def bracketed_text(paragraph: CompiledParagraph) -> str:
    """The paragraph's text with each site written in place."""
    out, position = [], 0
    for site in paragraph.sites:
        before = paragraph.text[position : site.start]
        out += [before, _spaced(site, site_text(site), before, paragraph.text[site.end :])]
        position = site.end
    out.append(paragraph.text[position:])
    return "".join(out)


def site_text(site: Site) -> str:
    """`[base words][A, B: new][C: delete]`, or `[A: add words]` for an insertion."""
    core = site.base_text.strip()
    if not core:
        return "".join(f"[{_names(a)}: add {_words(a.text)}]" for a in site.alternatives)
    lead = site.base_text[: len(site.base_text) - len(site.base_text.lstrip())]
    trail = site.base_text[len(site.base_text.rstrip()) :]
    proposals = "".join(_proposal(alternative) for alternative in site.alternatives)
    return f"{lead}[{core}]{proposals}{trail}"


def _spaced(site: Site, text: str, before: str, after: str) -> str:
    """An insertion's brackets with the spaces its words had around them, where the
    base text has none there (`community [A: add and others] to`, not `]to`)."""
    if site.base_text.strip():
        return text
    lead = any(a.text[:1].isspace() for a in site.alternatives) and before[-1:].isalnum()
    trail = any(a.text[-1:].isspace() for a in site.alternatives) and after[:1].isalnum()
    return (" " if lead else "") + text + (" " if trail else "")


def _proposal(alternative: Alternative) -> str:
    words = "delete" if alternative.deletes else _words(alternative.text)
    return f"[{_names(alternative)}: {words}]"


def _names(alternative: Alternative) -> str:
    return ", ".join(alternative.sponsors)


def _words(text: str) -> str:
    return SPLIT_MARK.join(part.strip() for part in text.split(JOINER))


def compiled_line(paragraph: CompiledParagraph, compilation: Compilation) -> str:
    """The paragraph's line (`paragraph_line`) and, after a space, where sponsors place
    it: `16.4 text [Norway: move after 16.7]`."""
    places = [
        f"[{', '.join(move.sponsors)}: move {_place(move.after, compilation)}]"
        for move in paragraph.moves
    ]
    return paragraph_line(paragraph) + (" " + "".join(places) if places else "")


def _place(after: int | None, compilation: Compilation) -> str:
    """`after 16.7`, cited as a new paragraph's anchor is, but by its address where
    another paragraph has the same label (`1.` in each article: `after Art. 1.1`): the
    bracket stands on the moved paragraph, away from that one."""
    if after is None:
        return "to the start"
    anchor = compilation.paragraphs[after]
    repeated = sum(p.label == anchor.label for p in compilation.paragraphs) > 1
    return f"after {anchor.address if repeated else _anchor(after, compilation)}"


def _anchor(after: int | None, compilation: Compilation) -> str:
    """The label of base paragraph `after` as a compilation cites it (`16.10`, or its
    address when it has none; `(start)`: before the first)."""
    anchor = compilation.paragraphs[after] if after is not None else None
    return (anchor.label or anchor.address).rstrip(".") if anchor else "(start)"


def new_paragraph_line(new: NewParagraph, compilation: Compilation) -> str:
    """`16.10 bis [EU, Norway: text]`, near-same wordings as alternatives."""
    label = _anchor(new.after, compilation)
    wordings = "".join(f"[{', '.join(v.sponsors)}: {_words(v.text)}]" for v in new.variants)
    return f"{label} {new.ordinal} {wordings}"
