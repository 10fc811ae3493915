"""Lexicon files: parsed, and a user's file (`--lexicon FILE`) checked before use.

A user file is at most 1 MiB of TOML or YAML; YAML aliases are refused (a few lines
of them can stand for gigabytes), and so are numbers too long to read and nesting too
deep to parse. Every key the lexicon uses is checked, never converted: strings where
strings belong (a 5,000-digit number is no term), booleans where booleans belong
(`replace_default = "false"` is an error, not true), lists and tables where those
belong. Phrases are not blank and at most `MAX_PHRASE` characters; patterns pass
`patterns.pattern_problem`. A key the lexicon does not know (`[[term]]` for
`[[terms]]`, a misspelt key) is an error, not ignored. The checked copy keeps only the
keys the lexicon uses. Every error is one line naming the file, the line and the key
(`mine.toml:7: terms[2]: term: must be a non-empty string`; lexicon_lines.py).
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import LexiconError
from .lexicon_lines import Where, dotted, key_line, parse_error_line
from .patterns import pattern_problem

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

MAX_FILE_BYTES = 1024 * 1024
MAX_ENTRIES = 5_000
MAX_PHRASE = 200
WORDS = ("phrases", "unless_followed_by", "unless_preceded_by")
TOP_KEYS = ("replace_default", "terms", "hedges", "categories", "profiles", "lang", "script")
ENTRY_KEYS = ("category", "term", *WORDS, "patterns", "subject")
CATEGORY_KEYS = ("title", "profile", "severity_added", "severity_removed")
_PARSE_ERRORS = (ValueError, RecursionError, MemoryError)  # long numbers, deep nesting


def read_user_file(path: Path) -> dict[str, Any]:
    """A user lexicon, parsed and checked (see the module docstring)."""
    text = _read(path)
    if path.suffix.lower() in (".yaml", ".yml"):
        return checked(parse_yaml(text, str(path)), str(path), text, yaml_text=True)
    return checked(parse_toml(text, str(path)), str(path), text)


def _read(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise LexiconError(f"{path}: no such lexicon file") from None
    except OSError as error:
        raise LexiconError(f"{path}: cannot read lexicon ({error.strerror or error})") from None
    if len(data) > MAX_FILE_BYTES:
        raise LexiconError(f"{path}: a lexicon file may not be larger than 1 MiB")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise LexiconError(f"{path}: cannot read lexicon ({error.reason}: not UTF-8)") from None


def parse_toml(text: str, source: str) -> dict[str, Any]:
    """TOML text as a table; any parse problem is a LexiconError."""
    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, *_PARSE_ERRORS) as error:
        line = parse_error_line(text, error)
        at = f"{source}:{line}" if line else source
        raise LexiconError(f"{at}: invalid TOML ({_reason(error)})") from None


def parse_yaml(text: str, source: str) -> dict[str, Any]:
    """YAML text as a mapping, without aliases; any problem is a LexiconError."""
    try:
        import yaml
    except ImportError:
        raise LexiconError(
            f"{source}: YAML lexicons need PyYAML: pip install 'unwording[yaml]'"
        ) from None
    try:
        data = yaml.load(text, Loader=_no_alias_loader(yaml))  # noqa: S506 - a SafeLoader
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        at = f"{source}:{mark.line + 1}" if mark else source
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise LexiconError(f"{at}: invalid YAML ({problem})") from None
    except _PARSE_ERRORS as error:
        raise LexiconError(f"{source}: invalid YAML ({_reason(error)})") from None
    if not isinstance(data, dict):
        raise LexiconError(f"{source}: a lexicon must be a mapping with 'terms'")
    return data


def _reason(error: BaseException) -> str:
    if isinstance(error, RecursionError):
        return "nested too deeply"
    if isinstance(error, MemoryError):
        return "too large"
    if isinstance(error, tomllib.TOMLDecodeError):
        return str(error)[:120]
    return str(error).split(";")[0][:120]


def _no_alias_loader(yaml: Any) -> type:
    """PyYAML's SafeLoader refusing aliases (`*name`), which make YAML bombs."""
    safe_loader: type = yaml.SafeLoader  # PyYAML is imported only when a YAML file comes

    class NoAliases(safe_loader):  # type: ignore[misc]
        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                mark = self.peek_event().start_mark
                raise yaml.composer.ComposerError(None, None, "aliases are not allowed", mark)
            return super().compose_node(parent, index)

    return NoAliases


class _Wrong(Exception):
    """A wrong value in a lexicon: where (a key path such as `("terms", 3, "term")`)
    and what is wrong with it."""

    def __init__(self, where: Where, problem: str):
        super().__init__(problem)
        self.where, self.problem = where, problem


def checked(
    data: dict[str, Any], source: str, text: str = "", yaml_text: bool = False
) -> dict[str, Any]:
    """A checked copy of a user lexicon: the keys the lexicon uses, of the right types.
    A wrong value is a LexiconError naming `source`, the line (found in `text`) and
    the key."""
    try:
        return _checked(data)
    except _Wrong as wrong:
        line = key_line(text, wrong.where, yaml_text)
        at = f"{source}:{line}" if line else source
        raise LexiconError(f"{at}: {dotted(wrong.where)}: {wrong.problem}") from None


def _checked(data: dict[str, Any]) -> dict[str, Any]:
    _known(data, (), TOP_KEYS)
    result: dict[str, Any] = {}
    if "replace_default" in data:
        result["replace_default"] = _boolean(data["replace_default"], ("replace_default",))
    for section in ("terms", "hedges"):
        if section in data:
            result[section] = _entries(data[section], (section,))
    if sum(len(result.get(section, ())) for section in ("terms", "hedges")) > MAX_ENTRIES:
        raise _Wrong(("terms",), f"more than {MAX_ENTRIES} terms and hedges")
    if "categories" in data:
        result["categories"] = _tables(data["categories"], ("categories",), _category)
    if "profiles" in data:
        result["profiles"] = _tables(data["profiles"], ("profiles",), _profile)
    return result


def _known(table: dict[str, Any], where: Where, keys: tuple[str, ...]) -> None:
    """Refuse a key the lexicon does not know (`[[term]]` for `[[terms]]`, a typo)."""
    for key in table:
        if key not in keys:
            close = difflib.get_close_matches(str(key), keys, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise _Wrong((*where, str(key)), f"unknown key{hint}; known: {', '.join(keys)}")


def _entries(value: Any, where: Where) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        raise _Wrong(where, "must be a list of tables ([[...]])")
    return [_entry(entry, (*where, number)) for number, entry in enumerate(value, start=1)]


def _entry(entry: Any, where: Where) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise _Wrong(where, "must be a table with a 'category' and a 'term'")
    if "category" not in entry or "term" not in entry:
        raise _Wrong(where, "needs a 'category' and a 'term'")
    _known(entry, where, ENTRY_KEYS)
    result: dict[str, Any] = {
        key: _text(entry[key], (*where, key)) for key in ("category", "term")
    }
    for key in WORDS:
        if key in entry:
            result[key] = [_phrase(p, (*where, key)) for p in _strings(entry[key], (*where, key))]
    if "patterns" in entry:
        patterns = _strings(entry["patterns"], (*where, "patterns"))
        result["patterns"] = [_pattern(p, (*where, "patterns")) for p in patterns]
    if "subject" in entry:
        result["subject"] = _boolean(entry["subject"], (*where, "subject"))
    return result


def _strings(value: Any, where: Where) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _Wrong(where, "must be a list of strings")
    return value


def _phrase(phrase: str, where: Where) -> str:
    if not phrase.strip(" \t-\u2010\u2011"):
        raise _Wrong(where, "a phrase is empty")
    if len(phrase) > MAX_PHRASE:
        raise _Wrong(where, f"a phrase is longer than {MAX_PHRASE} characters")
    return phrase


def _pattern(pattern: str, where: Where) -> str:
    problem = pattern_problem(pattern)
    if problem:
        raise _Wrong(where, f"pattern /{pattern[:60]}/ refused: {problem}")
    return pattern


def _text(value: Any, where: Where) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Wrong(where, "must be a non-empty string")
    if len(value) > MAX_PHRASE:
        raise _Wrong(where, f"longer than {MAX_PHRASE} characters")
    return value


def _boolean(value: Any, where: Where) -> bool:
    if not isinstance(value, bool):
        raise _Wrong(where, "must be true or false")
    return value


def _tables(
    value: Any, where: Where, check: Callable[[Any, Where], dict[str, Any] | str]
) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Wrong(where, "must be a table")
    return {_text(key, where): check(item, (*where, key)) for key, item in value.items()}


def _category(value: Any, where: Where) -> dict[str, Any] | str:
    """`[categories.<id>]`: a title, or a table with a title, a profile and severities."""
    if isinstance(value, str):
        return value
    if not isinstance(value, dict):
        raise _Wrong(where, "must be a title or a table")
    _known(value, where, CATEGORY_KEYS)
    return {key: _text(value[key], (*where, key)) for key in CATEGORY_KEYS if key in value}


def _profile(value: Any, where: Where) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Wrong(where, "must be a table")
    _known(value, where, ("title", "default"))
    result: dict[str, Any] = {}
    if "title" in value:
        result["title"] = _text(value["title"], (*where, "title"))
    if "default" in value:
        result["default"] = _boolean(value["default"], (*where, "default"))
    return result
