"""Where a key of a lexicon file stands, so that an error names its line.

A key is a path such as `("terms", 3, "phrases")` (the third `[[terms]]` table, its
`phrases`) or `("categories", "blue", "title")`; it is shown as
`terms[3]: phrases` or `categories.blue: title`. In TOML the line is found from the
table headers and the `key =` lines under them; in YAML from the marks PyYAML keeps
on its nodes. A key that cannot be placed (written inline, say) gets the line of
the nearest table or key that holds it, or none.
"""

from __future__ import annotations

import re
from typing import Any

Where = tuple[str | int, ...]
_HEADER = re.compile(r"\s*(\[\[?)\s*([^\]]*?)\s*\]\]?\s*(?:#.*)?$")
_LONG_NUMBER = re.compile(r"[0-9_]{1000,}")
_TOML_AT = re.compile(r"at line (\d+)")
_NAMED = ("categories", "profiles")  # tables whose keys are names: `categories.blue`


def dotted(where: Where) -> str:
    """`("terms", 3, "term")` as `terms[3]: term`, `("categories", "x")` as `categories.x`."""
    text = ""
    for number, part in enumerate(where):
        if isinstance(part, int):
            text += f"[{part}]"
        elif number and where[number - 1] in _NAMED:
            text += f".{part}"
        else:
            text += f": {part}" if text else str(part)
    return text


def key_line(text: str, where: Where, yaml_text: bool = False) -> int | None:
    """The line (from 1) of the key `where` in a lexicon file's `text`, or None."""
    if not text:
        return None
    return _yaml_line(text, where) if yaml_text else _toml_line(text.splitlines(), where)


def parse_error_line(text: str, error: BaseException) -> int | None:
    """The line of a TOML parse error: named in its message, or of a number too long
    to read (which tomllib reports without a line)."""
    found = _TOML_AT.search(str(error))
    if found:
        return int(found.group(1))
    number = _LONG_NUMBER.search(text) if isinstance(error, ValueError) else None
    return text.count("\n", 0, number.start()) + 1 if number else None


def _toml_line(lines: list[str], where: Where) -> int | None:
    """The table that holds most of `where`, then its key."""
    for cut in range(len(where), -1, -1):
        start = _table_start(lines, where[:cut])
        if start is None:
            continue
        if cut == len(where):
            return start + 1
        return _key_in_table(lines, start, str(where[cut])) or (start + 1 if cut else None)
    return None


def _table_start(lines: list[str], table: Where) -> int | None:
    """The line index of the header of `table` (`[[terms]]` number n, `[a.b]`); -1
    for the top-level table, None when there is no such header."""
    if not table:
        return -1
    number = table[-1] if isinstance(table[-1], int) else 1
    name = ".".join(str(part) for part in table if not isinstance(part, int))
    seen = 0
    for index, line in enumerate(lines):
        header = _HEADER.match(line)
        if header and _plain(header.group(2)) == name:
            seen += 1
            if seen == number:
                return index
    return None


def _key_in_table(lines: list[str], start: int, key: str) -> int | None:
    """The line (from 1) of `key = ...` (or `key.x = ...`) in the table whose header is
    at `start`, before the next header."""
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if _HEADER.match(line):
            return None
        name = line.split("=", 1)[0] if "=" in line else ""
        if _plain(name).split(".")[0] == key:
            return index + 1
    return None


def _plain(name: str) -> str:
    """A TOML key or table name without quotes and spaces around its dots."""
    return ".".join(part.strip().strip("\"'") for part in name.split("."))


def _yaml_line(text: str, where: Where) -> int | None:
    try:
        import yaml

        node: Any = yaml.compose(text, Loader=yaml.SafeLoader)
    except Exception:  # noqa: BLE001 - the file was parsed already; a line is a bonus
        return None
    line = None
    for part in where:
        if isinstance(node, yaml.MappingNode):
            found = [(k, v) for k, v in node.value if getattr(k, "value", None) == str(part)]
            if not found:
                break
            line, node = found[0][0].start_mark.line + 1, found[0][1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if not 0 < part <= len(node.value):
                break
            node = node.value[part - 1]
            line = node.start_mark.line + 1
        else:
            break
    return line
