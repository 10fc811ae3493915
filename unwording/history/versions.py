"""Versions of a negotiation: which files, in which order, and what each is called.

A folder stands for the documents in it (files of a suffix a reader knows, such as
`.md`, `.txt`, `.docx`, `.pdf`), in name order; hidden files and folders are left out.
A version's label is `--label NAME` when given, else its file name without the suffix
and without a date the name carries (`v2-2015-12-04.md` is `v2`). Its date comes from
the front matter of a Markdown file (`date:`, else a date in another line of it, such as
`title: Draft Agreement 4 December 2015`), else from the file name (`2015-12-04`,
`20151204`); its UN symbol (`FCCC/CP/2015/L.9`, `A/RES/70/1`) from a `symbol:` line
of the front matter, else from the text.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from ..model import Document
from ..readers import READERS
from ..report.names import document_symbol
from .records import Version

_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)-?([01]\d)-?([0-3]\d)(?!\d)")
_WORDS = re.compile(r"(?<!\d)([0-3]?\d)\s+([A-Za-z]{3,9})\.?,?\s+((?:19|20)\d\d)(?!\d)")
_LEADING = re.compile(r"^[\s._-]+|[\s._-]+$")
_FRONT_LINES = 40


def version_paths(arguments: Sequence[str]) -> list[str]:
    """The files named, each folder replaced by the files in it in name order."""
    paths: list[str] = []
    for argument in arguments:
        if argument != "-" and os.path.isdir(argument):
            paths += _folder(argument)
        else:
            paths.append(argument)
    return paths


def _folder(folder: str) -> list[str]:
    names = sorted(name for name in os.listdir(folder) if not name.startswith("."))
    files = [os.path.join(folder, name) for name in names]
    suffixes = {suffix for reader in READERS.values() for suffix in reader.suffixes if suffix}
    found = [p for p in files if os.path.isfile(p) and Path(p).suffix.lower() in suffixes]
    if not found:
        raise InputError(
            f"{folder}: no text, Markdown, Word, PDF, HTML or XML files in this folder"
        )
    return found


def describe_versions(
    documents: Sequence[Document], labels: Sequence[str] = ()
) -> tuple[Version, ...]:
    """One `Version` per document; `labels` name the first ones (the rest by file)."""
    if len(labels) > len(documents):
        raise InputError(f"{len(labels)} labels for {len(documents)} versions")
    versions = []
    for number, document in enumerate(documents):
        label = labels[number] if number < len(labels) else file_label(document.source)
        versions.append(
            Version(
                label=label or f"v{number + 1}",
                source=document.source,
                date=version_date(document.source),
                symbol=version_symbol(document),
                paragraphs=len(document.paragraphs),
            )
        )
    return tuple(_unique(versions))


def version_symbol(document: Document) -> str | None:
    """The UN symbol of a version: a `symbol:` line of its front matter (a Markdown
    file may name the resolution there and the L-document it came from in its text),
    else the first symbol near the start of its text."""
    for line in _front_matter(document.source):
        key, _, value = line.partition(":")
        if key.strip().lower() == "symbol" and value.strip():
            return value.strip().strip("\"'")
    return document_symbol(document)


def _unique(versions: list[Version]) -> list[Version]:
    """Labels made unique: a second `v2` becomes `v2 (2)`."""
    seen: set[str] = set()
    unique = []
    for version in versions:
        label, number = version.label, 1
        while label in seen:
            number += 1
            label = f"{version.label} ({number})"
        seen.add(label)
        unique.append(replace(version, label=label))
    return unique


def file_label(source: str) -> str:
    """The file name without its suffix and without a date it carries."""
    stem = Path(source.replace("\\", "/")).stem
    label = _LEADING.sub("", _ISO.sub("", stem))
    label = re.sub(r"([ _.-])[ _.-]+", r"\1", label).strip(" _.-")  # where the date was
    return label or stem


def version_date(source: str) -> str | None:
    """The date of a version: front matter first, then the file name (ISO form)."""
    front = _front_matter(source)
    keyed = [line.partition(":")[2] for line in front if line.lower().startswith("date:")]
    for text in (*keyed, *front, Path(source).name):
        found = find_date(text)
        if found:
            return found
    return None


def find_date(text: str) -> str | None:
    """The first date in `text` as `YYYY-MM-DD`: `2015-12-04`, `20151204`, `4 December
    2015`, `9 Dec 2015`."""
    iso = _ISO.search(text)
    if iso and 1 <= int(iso.group(2)) <= 12 and 1 <= int(iso.group(3)) <= 31:
        return "-".join(iso.groups())
    for found in _WORDS.finditer(text):
        month = _month(found.group(2))
        if month and 1 <= int(found.group(1)) <= 31:
            return f"{found.group(3)}-{month:02d}-{int(found.group(1)):02d}"
    return None


def _month(word: str) -> int | None:
    word = word.lower()
    for number, name in enumerate(_MONTHS, start=1):
        if len(word) >= 3 and name.startswith(word):
            return number
    return None


def _front_matter(source: str) -> list[str]:
    """The lines of a YAML front matter block (`---` ... `---`) opening the file."""
    if not os.path.isfile(source):
        return []  # stdin, a pipe or a device: read once already, never again
    try:
        with open(source, encoding="utf-8", errors="replace") as handle:
            lines = [handle.readline() for _ in range(_FRONT_LINES)]
    except OSError:
        return []
    lines = [line.strip() for line in lines]
    if not lines or lines[0] != "---" or "---" not in lines[1:]:
        return []
    return lines[1 : lines.index("---", 1)]
