"""The wording of one amendment instruction, in English, as an `Instruction`.

The instruction's quoted words are set aside first (`“...”`, `"..."`, `‘...’`,
`'...'`, `« ... »`), then its paragraph references (see `references.py`), so that
the patterns below see only the drafting words around them. Forms read:

- words: `In REF, replace X with Y` (`by Y`), `substitute Y for X`, `delete [the
  words] X`, `after [the words] X, insert Y`, `before X, add Y`, `insert Y after
  [the word] X`, `at the end [of the paragraph], add Y`, `at the beginning, insert
  Y`; the scope may also come after the verb (`Delete in paragraph 10 the
  following words: X`, `Substitute the word X for Y in paragraph 5`), or be
  replaced by `wherever it appears` / `throughout the text`; `each occurrence`
  changes every occurrence. A trailing `so that the paragraph reads ...` is a
  restatement and is ignored.
- paragraphs: `Delete REF`, `Delete operative paragraphs 8 and 9` (`2 to 4`, `2-4`,
  `2 through 4`, `3, 5 and 7`: one deletion each), `Delete Article 8` (all of it),
  `After REF, insert a new paragraph reading: TEXT`,
  `Insert a new preambular paragraph after REF reading TEXT`, `Add after REF a
  new paragraph: TEXT` (and `before`), `Replace REF with the following: TEXT`,
  `REF should read: TEXT`, `Amend REF to read: TEXT`.

A scope may name part of a paragraph (`In the chapeau of operative paragraph 2`,
`In the second line of paragraph 8`): the paragraph is meant. `Renumber subsequent
paragraphs accordingly` (alone, or after `and` at the end of another instruction)
keeps the base's numbering.

Quoted words may also be written without quotes where the sentence leaves no
doubt (`delete the words and gender identity`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from .model import Action, Instruction, Position, Reference
from .references import PART_OF, PLURAL, REFERENCE, parse_reference, plural_references

_QUOTED = re.compile(
    r"[“„”](?P<a>.*?)[”“]|\"(?P<b>.*?)\"|«\s*(?P<c>.*?)\s*»"
    r"|(?<!\w)‘(?P<d>.*?)’(?!\w)|(?<!\w)'(?P<e>.*?)'(?!\w)",
    re.DOTALL,
)
_QUOTE_MARK = "\u27e6{}\u27e7"
_REF_MARK = "\u27ea{}\u27eb"
_Q = re.compile("\u27e6(\\d+)\u27e7")
_R = "\u27ea(\\d+)\u27eb"
_FLAGS = re.IGNORECASE | re.DOTALL
_W = r"(.+?)"
_TEXT = r"\s*:?\s*(.*)"
_NEW = (
    r"(?:the\s+following\s+)?(?:an?\s+)?(?:new\s+)?(?:(preambular|operative)\s+)?"
    r"(?:paragraph|target|sub-?paragraph)s?"
)
_READING = r"(?:\s*,?\s*(?:reading|which\s+reads?|to\s+read|as\s+follows|the\s+following))*"
_DELETE = r"(?:delete|strike(?:\s+out)?|remove|omit)"
_INSERT = r"(?:insert|add)"
_WORDS_FILLER = re.compile(
    r"^(?:(?:the\s+)?(?:following\s+)?(?:words?|phrases?|text|terms?|expressions?)\b"
    r"|the\s+following\b)\s*:?\s*",
    re.I,
)
_SCOPE = re.compile(
    rf"(?:(?:^|(?<=\s)|,\s*)(?:in|within)\s+{PART_OF}{_R}"
    rf"|^{_R}(?=\s*[:,]))\s*[:,]?\s*",
    re.I,
)
_AT = re.compile(
    rf"(?:^|,\s*)at\s+the\s+(end|beginning|start)(?:\s+of\s+(?:{_R}|the\s+"
    r"(?:sub-?paragraph|paragraph|text|sentence|target)))?\s*,?\s*",
    re.I,
)
_EVERY = re.compile(
    r"\s*,?\s*\b(?:(?:in\s+)?each\s+(?:occurrence|instance|place)|"
    r"wherever\s+(?:it|they|this|these|the\s+words?)\s+(?:\w+\s+)?appears?|"
    r"throughout(?:\s+the\s+(?:text|document|draft(?:\s+resolution)?))?|"
    r"in\s+all\s+(?:occurrences|instances|places))\b",
    re.I,
)
RENUMBER = (
    r"(?:and\s+)?renumber(?:\s+[\w-]+){0,6}"
    r"|(?:the\s+)?(?:subsequent|following|remaining|other)\s+(?:[\w-]+\s+){0,3}"
    r"(?:(?:are|is|to|should|shall|will)\s+(?:be\s+)?)?renumbered(?:\s+accordingly)?"
)
_RENUMBER_ALONE = re.compile(rf"(?:{RENUMBER})\s*[.;]?", re.I)
_UNQUOTED = "[^“”„\"‘’'«»]*"
_RENUMBER_AFTER = re.compile(
    rf"\s*[,;]?\s*(?:and\s+renumber\b{_UNQUOTED}|\(?(?:subsequent|following|remaining)\b"
    rf"{_UNQUOTED}\brenumbered\b{_UNQUOTED})$",
    re.I,
)
_PLURAL_DELETE = re.compile(rf"(?:delete|strike(?:\s+out)?|remove|omit)\s+{PLURAL}\s*[.;]?", re.I)
_RESTATED = re.compile(r"\s*,?\s*\bso\s+that\b.*$", re.I | re.DOTALL)


@dataclass(frozen=True)
class Tokens:
    """An instruction with its quotes and references set aside."""

    text: str
    quotes: tuple[tuple[str, str], ...]  # (content, as written with its quote marks)
    references: tuple[Reference, ...]


def tokenize(text: str) -> Tokens:
    """Set aside quoted words (`⟦0⟧`), then paragraph references (`⟪0⟫`)."""
    quotes: list[tuple[str, str]] = []

    def quote(found: re.Match[str]) -> str:
        content = next(group for group in found.groups() if group is not None)
        quotes.append((content, found.group()))
        return _QUOTE_MARK.format(len(quotes) - 1)

    marked = " ".join(_QUOTED.sub(quote, text.strip()).split())
    references: list[Reference] = []

    def reference(found: re.Match[str]) -> str:
        references.append(parse_reference(found.group()))
        return _REF_MARK.format(len(references) - 1)

    marked = REFERENCE.sub(reference, marked)
    marked = re.sub("(?<=[\u27e7\u27eb])\\s*[.;]$", "", marked)
    return Tokens(marked, tuple(quotes), tuple(references))


def read_instructions(text: str, line: int, sponsor: str = "") -> tuple[Instruction, ...]:
    """The instructions one numbered item gives: most give one; "Delete operative
    paragraphs 2 to 4" one per paragraph; "Renumber subsequent paragraphs
    accordingly" one that keeps the base's numbering (a trailing "and renumber ..."
    is dropped, for the same reason); none when it cannot be read."""
    base = Instruction(line, Action.KEEP_NUMBERING, None, sponsor=sponsor, text=text.strip())
    if _RENUMBER_ALONE.fullmatch(text.strip()):
        return (base,)
    plural = _PLURAL_DELETE.fullmatch(text.strip())
    if plural is not None:
        targets = plural_references(plural.group("part") or "", plural.group("list"))
        return tuple(replace(base, action=Action.DELETE_PARAGRAPH, target=t) for t in targets)
    found = read_instruction(_RENUMBER_AFTER.sub("", text), line, sponsor)
    return () if found is None else (replace(found, text=text.strip()),)


def read_instruction(text: str, line: int, sponsor: str = "") -> Instruction | None:
    """The instruction a sentence gives, or None when it cannot be read.

    An instruction that inserts or replaces a paragraph and has no text yet
    (`... reading:` at the end of its line) comes back with `new` empty; the
    caller gives it the text that follows.
    """
    tokens = tokenize(text)
    base = Instruction(line, Action.DELETE_WORDS, None, sponsor=sponsor, text=text.strip())
    for reader in (_paragraph_instruction, _word_instruction):
        found = reader(tokens, base)
        if found is not None:
            return found
    return None


def _paragraph_instruction(tokens: Tokens, base: Instruction) -> Instruction | None:
    for pattern, build in _PARAGRAPH_FORMS:
        found = re.fullmatch(pattern, tokens.text, _FLAGS)
        if found is not None:
            return build(found, tokens, base)
    return None


def _delete(found: re.Match[str], tokens: Tokens, base: Instruction) -> Instruction:
    target = tokens.references[int(found.group(1))]
    return replace(base, action=Action.DELETE_PARAGRAPH, target=target)


def _insert_after(found: re.Match[str], tokens: Tokens, base: Instruction) -> Instruction:
    where, ref, part, text = found.groups()
    return _new_paragraph(tokens, base, where, ref, part, text)


def _insert_new(found: re.Match[str], tokens: Tokens, base: Instruction) -> Instruction | None:
    where1, ref1, part, where2, ref2, text = found.groups()
    if (ref1 is None) == (ref2 is None):
        return None
    return _new_paragraph(tokens, base, where1 or where2, ref1 or ref2, part, text)


def _new_paragraph(
    tokens: Tokens, base: Instruction, where: str, ref: str, part: str | None, text: str
) -> Instruction:
    return replace(
        base,
        action=Action.INSERT_PARAGRAPH,
        target=tokens.references[int(ref)],
        position=Position(where.lower()),
        part=(part or "").lower(),
        new=_text(text, tokens),
    )


def _replace_paragraph(found: re.Match[str], tokens: Tokens, base: Instruction) -> Instruction:
    ref, text = found.groups()
    target = tokens.references[int(ref)]
    return replace(base, action=Action.REPLACE_PARAGRAPH, target=target, new=_text(text, tokens))


Build = Callable[[re.Match[str], Tokens, Instruction], Instruction | None]
_PARAGRAPH_FORMS: tuple[tuple[str, Build], ...] = (
    (rf"{_DELETE}\s+{_R}", _delete),
    (rf"(after|before)\s+{_R}\s*,?\s*{_INSERT}\s+{_NEW}{_READING}{_TEXT}", _insert_after),
    (
        rf"{_INSERT}\s+(?:(after|before)\s+{_R}\s+)?{_NEW}(?:\s+(after|before)\s+{_R})?"
        rf"{_READING}{_TEXT}",
        _insert_new,
    ),
    (
        rf"(?:replace|substitute)\s+{_R}\s+(?:with|by)\s*(?:the\s+following(?:\s+text)?|"
        rf"(?:an?\s+)?new\s+text)?(?:\s*,?\s*(?:reading|as\s+follows))?{_TEXT}",
        _replace_paragraph,
    ),
    (
        rf"{_R}\s+(?:should|shall|would|will)\s+(?:now\s+)?read(?:\s+as\s+follows)?{_TEXT}",
        _replace_paragraph,
    ),
    (
        rf"(?:amend|change|revise)\s+{_R}\s+to\s+read(?:\s+as\s+follows)?{_TEXT}",
        _replace_paragraph,
    ),
)


def _word_instruction(tokens: Tokens, base: Instruction) -> Instruction | None:
    """A change of words: its scope and position taken out first, then its verb."""
    rest, target, position = _scoped(tokens)
    rest, every = _EVERY.subn(" ", rest)
    rest = _RESTATED.sub("", rest).strip(" ,")
    if target is None and not every:
        return None
    base = replace(base, target=target, every=bool(every), position=position)
    for pattern, build in _WORD_FORMS:
        found = re.fullmatch(pattern, rest, _FLAGS)
        if found is not None:
            return _checked(build(found, tokens, base))
    return None


def _scoped(tokens: Tokens) -> tuple[str, Reference | None, Position | None]:
    text, target, position = tokens.text, None, None
    at = _AT.search(text)
    if at is not None:
        position = Position.END if at.group(1).lower() == "end" else Position.START
        if at.group(2) is not None:
            target = tokens.references[int(at.group(2))]
        text = (text[: at.start()] + " " + text[at.end() :]).strip()
    scope = _SCOPE.search(text)
    if scope is not None and target is None:
        target = tokens.references[int(scope.group(1) or scope.group(2))]
        text = (text[: scope.start()] + " " + text[scope.end() :]).strip()
    if re.search(_R, text):
        return "", None, None  # a reference left over: not a change of words
    return " ".join(text.split()), target, position


def _replace_words(found: re.Match[str], tokens: Tokens, base: Instruction) -> Instruction:
    old, new = found.groups()
    return replace(
        base, action=Action.REPLACE_WORDS, old=_words(old, tokens), new=_words(new, tokens)
    )


def _substitute(found: re.Match[str], tokens: Tokens, base: Instruction) -> Instruction:
    new, old = found.groups()
    return replace(
        base, action=Action.REPLACE_WORDS, old=_words(old, tokens), new=_words(new, tokens)
    )


def _delete_words(found: re.Match[str], tokens: Tokens, base: Instruction) -> Instruction:
    return replace(base, action=Action.DELETE_WORDS, old=_words(found.group(1), tokens))


def _anchored(found: re.Match[str], tokens: Tokens, base: Instruction) -> Instruction:
    where, anchor, new = found.groups()
    return _insert_words(tokens, base, Position(where.lower()), anchor, new)


def _insert_anchored(found: re.Match[str], tokens: Tokens, base: Instruction) -> Instruction:
    new, where, anchor = found.groups()
    return _insert_words(tokens, base, Position(where.lower()), anchor, new)


def _insert_words(
    tokens: Tokens, base: Instruction, where: Position, anchor: str, new: str
) -> Instruction:
    old, words = _words(anchor, tokens), _words(new, tokens)
    return replace(base, action=Action.INSERT_WORDS, position=where, old=old, new=words)


def _insert_at(found: re.Match[str], tokens: Tokens, base: Instruction) -> Instruction | None:
    if base.position is None:
        return None
    return replace(base, action=Action.INSERT_WORDS, new=_words(found.group(1), tokens))


_WORD_FORMS: tuple[tuple[str, Build], ...] = (
    (rf"(?:replace|change)\s+{_W}\s+(?:with|by|to)\s+{_W}", _replace_words),
    (rf"substitute\s+{_W}\s+for\s+{_W}", _substitute),
    (rf"(after|before)\s+{_W}\s*,?\s*{_INSERT}\s+{_W}", _anchored),
    (rf"{_INSERT}\s+{_W}\s+(after|before)\s+{_W}", _insert_anchored),
    (rf"{_INSERT}\s+{_W}", _insert_at),
    (rf"{_DELETE}\s+{_W}", _delete_words),
)


def _checked(instruction: Instruction | None) -> Instruction | None:
    """None when words the instruction needs are missing."""
    if instruction is None:
        return None
    needs_old = instruction.action is not Action.INSERT_WORDS or instruction.position in (
        Position.AFTER,
        Position.BEFORE,
    )
    needs_new = instruction.action is not Action.DELETE_WORDS
    deleting = instruction.action is Action.DELETE_WORDS  # its words may follow
    if (needs_old and not instruction.old and not deleting) or (needs_new and not instruction.new):
        return None
    return instruction


def _words(piece: str, tokens: Tokens) -> str:
    """Words as the instruction quotes them (or writes them plainly)."""
    bare = _WORDS_FILLER.sub("", piece.strip())
    whole = _Q.fullmatch(bare)
    if whole is not None:
        return tokens.quotes[int(whole.group(1))][0]
    return _restored(bare, tokens).strip().rstrip(".")


def _text(piece: str, tokens: Tokens) -> str:
    """A new paragraph's text: unquoted when it is all one quotation."""
    piece = piece.strip()
    whole = _Q.fullmatch(piece.rstrip(".;"))
    if whole is not None:
        return tokens.quotes[int(whole.group(1))][0].strip()
    return _restored(piece, tokens)


def _restored(text: str, tokens: Tokens) -> str:
    """Text with its quotes and references written back as they were."""
    text = _Q.sub(lambda found: tokens.quotes[int(found.group(1))][1], text)
    return re.sub(_R, lambda found: tokens.references[int(found.group(1))].text, text)
