"""Lexicons: the watched terms, loaded from data files (TOML or YAML).

A lexicon has `[categories.<id>]` tables with a `title`, and `[[terms]]` with a
`category`, a canonical `term`, plain `phrases` and optional regex `patterns`.
A user lexicon (`--lexicon FILE`) is merged into the default one: an entry with
the same category and term replaces the default entry, others are added, and
`replace_default = true` drops the default lexicon altogether.
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


@dataclass(frozen=True)
class Term:
    """One watched term and the compiled expression of all its variants."""

    category: str
    term: str
    regex: re.Pattern[str]
    hints: tuple[str, ...] = ()

    def may_occur_in(self, lowered: str) -> bool:
        """Cheap pre-check on lower-cased text: can the regex match at all?"""
        return not self.hints or any(hint in lowered for hint in self.hints)


@dataclass(frozen=True)
class Lexicon:
    """Categories (id -> title) and the terms watched in them."""

    categories: dict[str, str]
    terms: tuple[Term, ...]


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Load the default lexicon, merged with the user lexicon at `path` if given."""
    data = _parse_toml(
        resources.files("unwording").joinpath("data", DEFAULT_LEXICON).read_text(encoding="utf-8"),
        DEFAULT_LEXICON,
    )
    if path is not None:
        data = _merge(data, _read_user_file(Path(path)))
    return _build(data, str(path or DEFAULT_LEXICON))


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
    return {"categories": categories, "terms": kept + user_terms}


def _build(data: dict[str, Any], source: str) -> Lexicon:
    categories = {key: _title(key, value) for key, value in (data.get("categories") or {}).items()}
    terms = []
    for number, entry in enumerate(_list(data.get("terms", []), "terms"), start=1):
        term = _term(entry, f"{source}: term {number}")
        categories.setdefault(term.category, term.category)
        terms.append(term)
    return Lexicon(categories=categories, terms=tuple(terms))


def _title(key: str, value: Any) -> str:
    return str(value.get("title", key)) if isinstance(value, dict) else str(value or key)


def _list(value: Any, name: str) -> list[Any]:
    if not isinstance(value, list):
        raise LexiconError(f"lexicon: '{name}' must be a list")
    return value


def _term(entry: Any, where: str) -> Term:
    if not isinstance(entry, dict) or not entry.get("category") or not entry.get("term"):
        raise LexiconError(f"{where}: needs a 'category' and a 'term'")
    phrases = [str(p) for p in entry.get("phrases") or [entry["term"]]]
    patterns = [_phrase_regex(p) for p in phrases] + [str(p) for p in entry.get("patterns") or []]
    try:
        regex = re.compile(rf"(?<!\w)(?:{'|'.join(patterns)})(?!\w)", re.IGNORECASE)
    except re.error as error:
        raise LexiconError(f"{where} ({entry['term']!r}): invalid pattern ({error})") from None
    hints = () if entry.get("patterns") else _hints(phrases)
    return Term(str(entry["category"]), str(entry["term"]), regex, hints)


def _hints(phrases: list[str]) -> tuple[str, ...]:
    """The longest word of every phrase, lower-cased: one must occur for a match."""
    words = (_SEPARATOR.split(p.strip().lower()) for p in phrases if p.strip())
    return tuple(sorted({max(parts, key=len) for parts in words}))


def _phrase_regex(phrase: str) -> str:
    words = [re.escape(word) for word in _SEPARATOR.split(phrase.strip()) if word]
    return r"[\s\-]+".join(words)
