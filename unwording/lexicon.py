"""Lexicons: the watched terms and hedges, loaded from data files (TOML or YAML).

A lexicon has `[categories.<id>]` tables with a `title`, and `[[terms]]` with a
`category`, a canonical `term`, plain `phrases` and optional regex `patterns`.
Phrases match case- and accent-insensitively on whole words, with any run of
spaces or hyphens between words; a `*` at the end of a word matches any ending
(`гендерн* равенств*` for Russian inflection). A lexicon's `script` key changes
what a whole word is: `arabic` allows attached prefixes (و ف ب ل ك, and لل for
ل + ال), `cjk` (Chinese) matches anywhere, since words are not separated by spaces.

The defaults are `data/lexicon-<lang>.toml` and `data/hedges-<lang>.toml`. A user
file (`--lexicon FILE`) is merged into them: its `[[terms]]` go to the terms and
its `[[hedges]]` to the hedges; an entry with the same category and term replaces
the default one, others are added, and `replace_default = true` drops the
defaults altogether.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import LexiconError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

DEFAULT_LEXICON = "lexicon-en.toml"
_SEPARATOR = re.compile(r"[\s\-\u2010\u2011]+")
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
_BASE_LETTER = {accented: base for base, group in _ACCENTED.items() for accented in group}


def fold_accents(text: str) -> str:
    """Lower-cased text without accents (for cheap pre-checks)."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    return "".join(_BASE_LETTER.get(char, char) for char in lowered)


@dataclass(frozen=True)
class Term:
    """One watched term and the compiled expression of all its variants."""

    category: str
    term: str
    regex: re.Pattern[str]
    hints: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()

    def may_occur_in(self, lowered: str) -> bool:
        """Cheap pre-check on lower-cased text: can the regex match at all?"""
        return not self.hints or any(hint in lowered for hint in self.hints)


@dataclass(frozen=True)
class Lexicon:
    """Categories (id -> title) and the terms watched in them."""

    categories: dict[str, str]
    terms: tuple[Term, ...]


def load_lexicon(
    path: str | Path | None = None,
    lang: str = "en",
    kind: str = "lexicon",
    profile: str | None = None,
) -> Lexicon:
    """Load a default lexicon (`kind` is `lexicon` or `hedges`), merged with a user file.

    `profile` is accepted for the lexicon profiles (not yet applied)."""
    name = f"{kind}-{lang}.toml"
    data = read_data_file(name) or {"terms": []}
    if path is not None:
        user = _read_user_file(Path(path))
        section = "terms" if kind == "lexicon" else "hedges"
        data = _merge(data, {**user, "terms": user.get(section, [])})
    return _build(data, str(path or name))


def read_data_file(name: str) -> dict[str, Any] | None:
    """A TOML file shipped in `unwording/data/`, or None when there is none."""
    resource = resources.files("unwording").joinpath("data", name)
    if not resource.is_file():
        return None
    return _parse_toml(resource.read_text(encoding="utf-8"), name)


def _read_user_file(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"{path}: no such lexicon file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconError(f"{path}: cannot read lexicon ({error})") from None
    if path.suffix.lower() in (".yaml", ".yml"):
        return _parse_yaml(text, str(path))
    return _parse_toml(text, str(path))


def _parse_toml(text: str, source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise LexiconError(f"{source}: invalid TOML ({error})") from None


def _parse_yaml(text: str, source: str) -> dict[str, Any]:
    try:
        import yaml
    except ImportError:
        raise LexiconError(
            f"{source}: YAML lexicons need PyYAML: pip install 'unwording[yaml]'"
        ) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise LexiconError(f"{source}: invalid YAML ({str(error).splitlines()[0]})") from None
    if not isinstance(data, dict):
        raise LexiconError(f"{source}: a lexicon must be a mapping with 'terms'")
    return data


def _merge(default: dict[str, Any], user: dict[str, Any]) -> dict[str, Any]:
    base_terms = [] if user.get("replace_default") else list(default.get("terms", []))
    user_terms = _list(user.get("terms", []), "terms")
    keys = {(t.get("category"), t.get("term")) for t in user_terms if isinstance(t, dict)}
    kept = [t for t in base_terms if (t.get("category"), t.get("term")) not in keys]
    categories = {} if user.get("replace_default") else dict(default.get("categories", {}))
    categories.update(user.get("categories") or {})
    return {**default, "categories": categories, "terms": kept + user_terms}


def _build(data: dict[str, Any], source: str) -> Lexicon:
    categories = {key: _title(key, value) for key, value in (data.get("categories") or {}).items()}
    script = str(data.get("script", "latin"))
    terms = []
    for number, entry in enumerate(_list(data.get("terms", []), "terms"), start=1):
        term = _term(entry, f"{source}: term {number}", script)
        categories.setdefault(term.category, term.category)
        terms.append(term)
    return Lexicon(categories=categories, terms=tuple(terms))


def _title(key: str, value: Any) -> str:
    return str(value.get("title", key)) if isinstance(value, dict) else str(value or key)


def _list(value: Any, name: str) -> list[Any]:
    if not isinstance(value, list):
        raise LexiconError(f"lexicon: '{name}' must be a list")
    return value


_EDGES = {
    # how a match may begin and end: whole words; Arabic words may carry the
    # attached prefixes wa-, fa-, bi-, li-, ka- (li- + al- is written lil-);
    # Chinese has no spaces between words, so matches are not bounded.
    "latin": (r"(?<!\w)", r"(?!\w)"),
    "arabic": (r"(?<!\w)(?:[\u0648\u0641\u0628\u0644\u0643]{1,2}(?=\w))?", r""),
    "cjk": ("", ""),
}


def _term(entry: Any, where: str, script: str = "latin") -> Term:
    if not isinstance(entry, dict) or not entry.get("category") or not entry.get("term"):
        raise LexiconError(f"{where}: needs a 'category' and a 'term'")
    for key in ("phrases", "patterns"):
        if not isinstance(entry.get(key) or [], list):
            raise LexiconError(f"{where} ({entry['term']!r}): '{key}' must be a list of strings")
    phrases = [str(p) for p in entry.get("phrases") or [entry["term"]]]
    patterns = [_phrase_regex(p, script) for p in phrases]
    patterns += [str(p) for p in entry.get("patterns") or []]
    before, after = _EDGES.get(script, _EDGES["latin"])
    try:
        regex = re.compile(rf"{before}(?:{'|'.join(patterns)}){after}", re.IGNORECASE)
    except re.error as error:
        raise LexiconError(f"{where} ({entry['term']!r}): invalid pattern ({error})") from None
    hints = () if entry.get("patterns") else _hints(phrases, script)
    shown = tuple(phrases) + tuple(f"/{p}/" for p in entry.get("patterns") or [])
    return Term(str(entry["category"]), str(entry["term"]), regex, hints, shown)


def _hints(phrases: list[str], script: str = "latin") -> tuple[str, ...]:
    """The longest word of every phrase, folded: one must occur for a match."""
    words = (_SEPARATOR.split(fold_accents(p.strip())) for p in phrases if p.strip())
    hints = {max(parts, key=len).rstrip("*") for parts in words}
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


def _letter_regex(char: str) -> str:
    base = _BASE_LETTER.get(char.lower())
    return f"[{_ACCENTED[base]}]" if base else re.escape(char)
