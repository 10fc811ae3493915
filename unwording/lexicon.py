"""Lexicons: the watched terms and hedges, loaded from data files (TOML or YAML).

A lexicon has `[categories.<id>]` tables with a `title` (and, for watched terms,
the `profile` the category belongs to), and `[[terms]]` with a `category`, a
canonical `term`, plain `phrases` and optional regex `patterns`. Phrases match
case- and accent-insensitively on whole words, with any run of spaces or hyphens
between words; a `*` at the end of a word matches any ending (`гендерн* равенств*`
for Russian inflection). `unless_followed_by` and `unless_preceded_by` list words
after or before which a match does not count ("voluntary" in "Voluntary Code of
Practice", "as relevant" in "as well as relevant"). A lexicon's `script` key
changes what a whole word is: `arabic` allows attached prefixes (و ف ب ل ك, and لل
for ل + ال), `cjk` (Chinese) matches anywhere, since words are not separated by spaces.

Profiles (`data/profiles.toml`) group the categories: `profile` chooses them
(None: the default ones; `all`; or names, with `default` for the default ones),
and only the terms of chosen profiles are built. A term marked `subject = true`
("climate change") is muted by `mute_subjects` when both texts are about it,
unless its profile was chosen by name.

The defaults are `data/lexicon-<lang>.toml` and `data/hedges-<lang>.toml`. A user
file (`--lexicon FILE`) is merged into them: its `[[terms]]` go to the terms and
its `[[hedges]]` to the hedges; an entry with the same category and term replaces
the default one, others are added, and `replace_default = true` drops the
defaults altogether. Its `[profiles.<id>]` tables add profiles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import LexiconError
from .lexicon_file import parse_toml, read_user_file
from .patterns import BoundedPattern
from .profiles import PROFILES, Profile, build_profiles, category_profiles, choose_profiles

DEFAULT_LEXICON = "lexicon-en.toml"
SUBJECT_PARAGRAPHS = 10  # a subject term is muted when it is in at least 10 paragraphs
SUBJECT_SHARE = 0.05  # and 5% of the paragraphs of each text
_SEPARATOR = re.compile(r"[\s\-\u2010\u2011]+")
_GAP = r"[\s\-\u2010\u2011]+"
_ACCENTED = {
    "a": "aàáâãäå",
    "c": "cç",
    "e": "eèéêë",
    "i": "iìíîï",
    "n": "nñ",
    "o": "oòóôõö",
    "u": "uùúûü",
    "y": "yýÿ",
    "е": "её",
}
_WHOLE = re.compile(r"\w+")
_BASE_LETTER = {accented: base for base, group in _ACCENTED.items() for accented in group}
_BASE_LETTER_ITEMS = tuple(_BASE_LETTER.items())
_FOLD_TABLE = {ord(accented): base for accented, base in _BASE_LETTER_ITEMS}


def fold_accents(text: str) -> str:
    """Lower-cased text without accents: what terms are matched against."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    return lowered.translate(_FOLD_TABLE)


@dataclass(frozen=True)
class Spelling:
    """What a term's expression is made of: its phrases and patterns, and the words
    after or before which a match does not count."""

    script: str
    phrases: tuple[str, ...]
    patterns: tuple[str, ...] = ()
    followed: tuple[str, ...] = ()
    preceded: tuple[str, ...] = ()

    def pattern(self) -> str:
        """The regular expression of all the variants."""
        before, after = _EDGES.get(self.script, _EDGES["latin"])
        variants = [_phrase_regex(p, self.script) for p in self.phrases] + list(self.patterns)
        core = rf"{before}(?:{'|'.join(variants)}){after}"
        return _preceded(self.preceded, self.script) + core + _followed(self.followed, self.script)


@dataclass(frozen=True)
class Term:
    """One watched term and the expression of all its variants (built when first used)."""

    category: str
    term: str
    spelling: Spelling
    hints: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    profile: str = ""
    subject: bool = False
    bounded: bool = False

    @cached_property
    def regex(self) -> re.Pattern[str] | BoundedPattern:
        """The compiled expression, to run on folded text (`fold_accents`: lower case,
        no accents), which keeps it small and fast to build; most terms never occur in
        a text, so most never compile. With user patterns, its searches are time-bounded
        (patterns.py)."""
        compiled = re.compile(self.spelling.pattern(), re.IGNORECASE)
        return BoundedPattern(compiled, f"of {self.term!r}") if self.bounded else compiled

    def finditer(self, text: str, folded: str | None = None) -> Iterator[tuple[int, int, str]]:
        """(start, end, matched text) of every match in `text` (`folded` is
        `fold_accents(text)`, when the caller has it already)."""
        folded = fold_accents(text) if folded is None else folded
        same = len(folded) == len(text)
        for found in self.regex.finditer(folded):
            start, end = found.span()
            yield start, end, text[start:end] if same else found.group()

    def search(self, text: str) -> bool:
        """Whether the term occurs in `text`."""
        return self.regex.search(fold_accents(text)) is not None

    def may_occur_in(self, lowered: str) -> bool:
        """Cheap pre-check on folded text: can the regex match at all? (The longest
        word of one of its phrases must be in the text.)"""
        return not self.hints or any(hint.rstrip("*") in lowered for hint in self.hints)

    @cached_property
    def hint_words(self) -> tuple[tuple[frozenset[str], ...], tuple[str, ...]]:
        """For Latin and Cyrillic text: the words of each plain phrase (all must be
        among a text's words); and what must be looked for as substrings (stems,
        Chinese with no spaces, Arabic with attached prefixes, user patterns)."""
        if self.spelling.script != "latin" or not self.hints:
            return (), tuple(h.rstrip("*") for h in self.hints)
        sets, partial = [], []
        for phrase in self.spelling.phrases:
            words = [w for w in _SEPARATOR.split(fold_accents(phrase.strip())) if w]
            if words and all(_WHOLE.fullmatch(w) for w in words):
                sets.append(frozenset(words))
            elif words:
                partial.append(max(words, key=len).rstrip("*"))
        return tuple(sets), tuple(partial)

    def may_occur_among(self, words: frozenset[str] | set[str], lowered: str) -> bool:
        """The same pre-check, with the text's words already gathered (one pass)."""
        if not self.hints:
            return True
        sets, partial = self.hint_words
        return any(phrase <= words for phrase in sets) or any(h in lowered for h in partial)


@dataclass(frozen=True)
class Lexicon:
    """Categories (id -> title), the terms watched in them, and the profiles."""

    categories: dict[str, str]
    terms: tuple[Term, ...]
    profiles: tuple[Profile, ...] = ()


def load_lexicon(
    path: str | Path | None = None,
    lang: str = "en",
    kind: str = "lexicon",
    profile: str | None = None,
) -> Lexicon:
    """Load a default lexicon (`kind` is `lexicon` or `hedges`), merged with a user file,
    keeping the categories of the profiles `profile` chooses (see `choose_profiles`)."""
    name = f"{kind}-{lang}.toml"
    data = read_data_file(name) or {"terms": []}
    profiles = dict((read_data_file(PROFILES) or {}).get("profiles") or {})
    if path is not None:
        user = read_user_file(Path(path))
        section = "terms" if kind == "lexicon" else "hedges"
        data = _merge(data, {**user, "terms": user.get(section, [])})
        profiles.update(_table(user.get("profiles"), "profiles"))
    chosen = choose_profiles(build_profiles(profiles, category_profiles(data)), profile)
    return _build(data, str(path or name), chosen)


def mute_subjects(
    lexicon: Lexicon, base: Sequence[str], draft: Sequence[str]
) -> tuple[Lexicon, tuple[str, ...]]:
    """The lexicon without its subject terms that both texts (paragraph keys) are about,
    and a sentence for each term muted."""
    muted: list[Term] = []
    notes = []
    for term in lexicon.terms:
        counts = (
            (_paragraphs_with(term, base), _paragraphs_with(term, draft)) if term.subject else ()
        )
        if counts and all(map(_is_subject, counts, (len(base), len(draft)))):
            muted.append(term)
            notes.append(_muted_note(term, counts, len(base), len(draft)))
    if not muted:
        return lexicon, ()
    kept = tuple(term for term in lexicon.terms if all(term is not gone for gone in muted))
    return replace(lexicon, terms=kept), tuple(notes)


def _paragraphs_with(term: Term, keys: Sequence[str]) -> int:
    """How many of the paragraphs (keys) hold the term."""
    count = 0
    for key in keys:
        folded = fold_accents(key)
        if term.may_occur_in(folded) and term.regex.search(folded):
            count += 1
    return count


def _is_subject(found: int, paragraphs: int) -> bool:
    return found >= SUBJECT_PARAGRAPHS and found >= SUBJECT_SHARE * paragraphs


MUTED = "is not flagged: both texts are about it"  # what the note on a muted subject says


def _muted_note(term: Term, counts: tuple[int, ...], base: int, draft: int) -> str:
    return (
        f"'{term.term}' {MUTED} (it is in {counts[0]} of "
        f"{base} base and {counts[1]} of {draft} draft paragraphs); "
        f"--profile default,{term.profile} watches it"
    )


def read_data_file(name: str) -> dict[str, Any] | None:
    """A TOML file shipped in `unwording/data/`, or None when there is none."""
    resource = resources.files("unwording").joinpath("data", name)
    if not resource.is_file():
        return None
    return parse_toml(resource.read_text(encoding="utf-8"), name)


def _merge(default: dict[str, Any], user: dict[str, Any]) -> dict[str, Any]:
    base_terms = [] if user.get("replace_default") else list(default.get("terms", []))
    user_terms = [{**term, "from_user": True} for term in user.get("terms", [])]
    keys = {(t.get("category"), t.get("term")) for t in user_terms if isinstance(t, dict)}
    kept = [t for t in base_terms if (t.get("category"), t.get("term")) not in keys]
    categories = {} if user.get("replace_default") else dict(default.get("categories", {}))
    categories.update(_table(user.get("categories"), "categories"))
    return {**default, "categories": categories, "terms": kept + user_terms}


def _table(value: Any, name: str) -> dict[str, Any]:
    if not isinstance(value or {}, dict):
        raise LexiconError(f"lexicon: '{name}' must be a table")
    return dict(value or {})


def _build(data: dict[str, Any], source: str, profiles: dict[str, Profile]) -> Lexicon:
    owners = category_profiles(data)
    categories = {key: _title(key, value) for key, value in (data.get("categories") or {}).items()}
    script = str(data.get("script", "latin"))
    terms = []
    for number, entry in enumerate(_list(data.get("terms", []), "terms"), start=1):
        where = f"{source}: term {number}"
        owner = profiles.get(owners.get(_category(entry, where), ""))
        if owner is not None and not owner.on:
            continue
        term = _term(entry, where, script, owner)
        categories.setdefault(term.category, term.category)
        terms.append(term)
    return Lexicon(categories, tuple(terms), tuple(profiles.values()))


def _title(key: str, value: Any) -> str:
    return str(value.get("title", key)) if isinstance(value, dict) else str(value or key)


def _list(value: Any, name: str) -> list[Any]:
    if not isinstance(value, list):
        raise LexiconError(f"lexicon: '{name}' must be a list")
    return value


def _category(entry: Any, where: str) -> str:
    if not isinstance(entry, dict) or not entry.get("category") or not entry.get("term"):
        raise LexiconError(f"{where}: needs a 'category' and a 'term'")
    return str(entry["category"])


_EDGES = {
    # how a match may begin and end: whole words; Arabic words may carry the
    # attached prefixes wa-, fa-, bi-, li-, ka- (li- + al- is written lil-);
    # Chinese has no spaces between words, so matches are not bounded.
    "latin": (r"(?<!\w)", r"(?!\w)"),
    "arabic": (r"(?<!\w)(?:[\u0648\u0641\u0628\u0644\u0643]{1,2}(?=\w))?", r""),
    "cjk": ("", ""),
}
_LISTS = ("phrases", "patterns", "unless_followed_by", "unless_preceded_by")


def _term(entry: dict[str, Any], where: str, script: str, owner: Profile | None) -> Term:
    for key in _LISTS:
        if not isinstance(entry.get(key) or [], list):
            raise LexiconError(f"{where} ({entry['term']!r}): '{key}' must be a list of strings")
    phrases, patterns, followed, preceded = (
        tuple(str(p) for p in entry.get(key) or ()) for key in _LISTS
    )
    phrases = phrases or (str(entry["term"]),)
    if any("*" in word for word in preceded):
        raise LexiconError(f"{where}: 'unless_preceded_by' takes whole words, not stems")
    spelling = Spelling(script, phrases, patterns, followed, preceded)
    hints = () if patterns else _hints(phrases, script)
    shown = phrases + tuple(f"/{p}/" for p in patterns)
    subject = bool(entry.get("subject")) and owner is not None and not owner.named
    profile = owner.name if owner else ""
    bounded = bool(patterns) and entry.get("from_user") is True
    term = Term(
        str(entry["category"]),
        str(entry["term"]),
        spelling,
        hints,
        shown,
        profile,
        subject,
        bounded,
    )
    if entry.get("patterns"):
        _check(term, where)  # user regular expressions fail at load, not mid-comparison
    return term


def _check(term: Term, where: str) -> None:
    try:
        term.regex  # noqa: B018 - compiles and caches
    except re.error as error:
        raise LexiconError(f"{where} ({term.term!r}): invalid pattern ({error})") from None


def _followed(words: tuple[str, ...], script: str) -> str:
    """A lookahead refusing a match followed by one of `words`."""
    if not words:
        return ""
    gap = "" if script == "cjk" else _GAP
    end = "" if script == "cjk" else r"(?!\w)"
    return rf"(?!{gap}(?:{'|'.join(_phrase_regex(word, script) for word in words)}){end})"


def _preceded(words: tuple[str, ...], script: str) -> str:
    """Lookbehinds refusing a match preceded by one of `words` (single spaces, as in keys)."""
    space = "" if script == "cjk" else " "
    parts = []
    for word in words:
        text = space.join(word.split()) + space
        parts.append(rf"(?<!{''.join(_letter_regex(char) for char in text)})")
    return "".join(parts)


def _hints(phrases: Sequence[str], script: str = "latin") -> tuple[str, ...]:
    """The longest word of every phrase, folded: one must occur for a match. A stem
    keeps its `*` here (so it is looked for as the start of a word)."""
    words = (_SEPARATOR.split(fold_accents(p.strip())) for p in phrases if p.strip())
    hints = {max(parts, key=len) for parts in words}
    hints = {hint.rstrip("*") + ("*" if hint.endswith("*") else "") for hint in hints}
    if script == "arabic":  # the article may be written l- after the prefix li-
        hints = {hint[2:] if hint.startswith("\u0627\u0644") else hint for hint in hints}
    return tuple(sorted(hints))


def _phrase_regex(phrase: str, script: str = "latin") -> str:
    words = [_word_regex(word) for word in _SEPARATOR.split(phrase.strip()) if word]
    if script == "arabic" and words and words[0].startswith("\u0627\u0644"):
        words[0] = "(?:\u0627\u0644|\u0644)" + words[0][2:]  # al- after li- is written l-
    return r",?[\s\-\u2010\u2011]+".join(words)


def _word_regex(word: str) -> str:
    stem = word.endswith("*") and len(word) > 1
    letters = "".join(_letter_regex(char) for char in (word[:-1] if stem else word))
    return letters + (r"\w*" if stem else "")


@cache
def _letter_regex(char: str) -> str:
    """A letter as it stands in folded text (see `fold_accents`): `é` is `e`."""
    return re.escape(fold_accents(char))
