"""Lexicon files: parsed, and a user's file (`--lexicon FILE`) checked before use.

A user file is at most 1 MiB of TOML or YAML; YAML aliases are refused (a few lines
of them can stand for gigabytes), and so are numbers too long to read and nesting too
deep to parse. Every key the lexicon uses is checked, never converted: strings where
strings belong (a 5,000-digit number is no term), booleans where booleans belong
(`replace_default = "false"` is an error, not true), lists and tables where those
belong. Phrases are not blank and at most `MAX_PHRASE` characters; patterns pass
`patterns.pattern_problem`. The checked copy keeps only the keys the lexicon uses.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import LexiconError
from .patterns import pattern_problem

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

MAX_FILE_BYTES = 1024 * 1024
MAX_ENTRIES = 5_000
MAX_PHRASE = 200
WORDS = ("phrases", "unless_followed_by", "unless_preceded_by")
_PARSE_ERRORS = (ValueError, RecursionError, MemoryError)  # long numbers, deep nesting


def read_user_file(path: Path) -> dict[str, Any]:
    """A user lexicon, parsed and checked (see the module docstring)."""
    text = _read(path)
    if path.suffix.lower() in (".yaml", ".yml"):
        return checked(parse_yaml(text, str(path)), str(path))
    return checked(parse_toml(text, str(path)), str(path))


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
    except tomllib.TOMLDecodeError as error:
        raise LexiconError(f"{source}: invalid TOML ({error})") from None
    except _PARSE_ERRORS as error:
        raise LexiconError(f"{source}: invalid TOML ({_reason(error)})") from None


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
        raise LexiconError(f"{source}: invalid YAML ({str(error).splitlines()[0]})") from None
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
    return str(error).split(";")[0][:120]


def _no_alias_loader(yaml: Any) -> type:
    """PyYAML's SafeLoader refusing aliases (`*name`), which make YAML bombs."""

    class NoAliases(yaml.SafeLoader):
        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                mark = self.peek_event().start_mark
                raise yaml.composer.ComposerError(None, None, "aliases are not allowed", mark)
            return super().compose_node(parent, index)

    return NoAliases


def checked(data: dict[str, Any], source: str) -> dict[str, Any]:
    """A checked copy of a user lexicon: the keys the lexicon uses, of the right types."""
    result: dict[str, Any] = {}
    if "replace_default" in data:
        result["replace_default"] = _boolean(data["replace_default"], f"{source}: replace_default")
    entries = 0
    for section in ("terms", "hedges"):
        if section in data:
            result[section] = _entries(data[section], f"{source}: {section}")
            entries += len(result[section])
    if entries > MAX_ENTRIES:
        raise LexiconError(f"{source}: more than {MAX_ENTRIES} terms and hedges")
    if "categories" in data:
        result["categories"] = _tables(data["categories"], f"{source}: categories", _category)
    if "profiles" in data:
        result["profiles"] = _tables(data["profiles"], f"{source}: profiles", _profile)
    return result


def _entries(value: Any, where: str) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        raise LexiconError(f"{where}: must be a list of tables ([[...]])")
    return [_entry(entry, f"{where}[{number}]") for number, entry in enumerate(value, start=1)]


def _entry(entry: Any, where: str) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise LexiconError(f"{where}: must be a table with a 'category' and a 'term'")
    if "category" not in entry or "term" not in entry:
        raise LexiconError(f"{where}: needs a 'category' and a 'term'")
    result = {key: _text(entry[key], f"{where}: {key}") for key in ("category", "term")}
    for key in WORDS:
        if key in entry:
            result[key] = [_phrase(p, f"{where}: {key}") for p in _strings(entry[key], where, key)]
    if "patterns" in entry:
        result["patterns"] = [_pattern(p, where) for p in _strings(entry["patterns"], where)]
    if "subject" in entry:
        result["subject"] = _boolean(entry["subject"], f"{where}: subject")
    return result


def _strings(value: Any, where: str, key: str = "patterns") -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise LexiconError(f"{where}: '{key}' must be a list of strings")
    return value


def _phrase(phrase: str, where: str) -> str:
    if not phrase.strip(" \t-\u2010\u2011"):
        raise LexiconError(f"{where}: a phrase is empty")
    if len(phrase) > MAX_PHRASE:
        raise LexiconError(f"{where}: a phrase is longer than {MAX_PHRASE} characters")
    return phrase


def _pattern(pattern: str, where: str) -> str:
    problem = pattern_problem(pattern)
    if problem:
        raise LexiconError(f"{where}: pattern /{pattern[:60]}/ refused: {problem}")
    return pattern


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise LexiconError(f"{where}: must be a non-empty string")
    if len(value) > MAX_PHRASE:
        raise LexiconError(f"{where}: longer than {MAX_PHRASE} characters")
    return value


def _boolean(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise LexiconError(f"{where}: must be true or false")
    return value


def _tables(
    value: Any, where: str, check: Callable[[Any, str], dict[str, Any] | str]
) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise LexiconError(f"{where}: must be a table")
    return {_text(key, where): check(item, f"{where}.{key}") for key, item in value.items()}


def _category(value: Any, where: str) -> dict[str, Any] | str:
    """`[categories.<id>]`: a title, or a table with a title, a profile and severities."""
    if isinstance(value, str):
        return value
    if not isinstance(value, dict):
        raise LexiconError(f"{where}: must be a title or a table")
    keys = ("title", "profile", "severity_added", "severity_removed")
    return {key: _text(value[key], f"{where}: {key}") for key in keys if key in value}


def _profile(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise LexiconError(f"{where}: must be a table")
    result: dict[str, Any] = {}
    if "title" in value:
        result["title"] = _text(value["title"], f"{where}: title")
    if "default" in value:
        result["default"] = _boolean(value["default"], f"{where}: default")
    return result
