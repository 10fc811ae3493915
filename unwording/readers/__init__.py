"""Read stage: turn an input file (or stdin) into a `Document` of paragraphs.

Each format has one module here and one entry in `READERS`. The format is
picked from the content first, the file suffix second, or named by the caller.
Formats that are recognised but not read yet fail with a clear message. A Word
file with tracked changes can also be read as two documents (`read_both_views`).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError

if TYPE_CHECKING:
    from ..model import Document

MAX_INPUT_BYTES = 64 * 1024 * 1024
STDIN = "-"
_PROLOG = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->)", re.DOTALL)
_AKN_ROOT = re.compile(rb"\s*<(?:[\w.-]+:)?akomaNtoso[\s/>]")
_UNICODE_MARKS = (
    ((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"), "utf-32"),
    ((b"\xff\xfe", b"\xfe\xff"), "utf-16"),
    ((b"<\x00",), "utf-16-le"),
    ((b"\x00<",), "utf-16-be"),
)


@dataclass(frozen=True)
class Reader:
    """A format: how to recognise its bytes and how to read them."""

    name: str
    suffixes: tuple[str, ...]
    sniff: Callable[[bytes], bool]
    read: Callable[[bytes, str, str], Document] | None


def _starts(*magics: bytes) -> Callable[[bytes], bool]:
    return lambda data: data.lstrip()[:16].startswith(magics)


def _akn(data: bytes) -> bool:
    """An XML document whose root, after any prolog (declaration, comments, processing
    instructions, however long), is `akomaNtoso`, in UTF-8 or UTF-16/32."""
    if not _as_utf8(data[:64]).lstrip().startswith(b"<"):
        return False  # not markup: a long text file is not decoded again here
    markup = _as_utf8(data)
    position = 0
    while found := _PROLOG.match(markup, position):
        position = found.end()
    return bool(_AKN_ROOT.match(markup, position))


def _as_utf8(data: bytes) -> bytes:
    """`data` as UTF-8 when it is UTF-16 or UTF-32 markup (by its byte-order mark, or
    by the zero byte of its first `<`), unchanged otherwise."""
    for marks, codec in _UNICODE_MARKS:
        if data.startswith(marks):
            return data.decode(codec, errors="replace").encode("utf-8")
    return data.removeprefix(b"\xef\xbb\xbf")


def _html(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or (
        head.startswith(b"<?xml") and b"<html" in head
    )


def _xml(data: bytes) -> bool:
    return _as_utf8(data[:256]).lstrip().startswith(b"<?xml")


def _module(name: str) -> Any:
    """A reader module, imported on first use (lxml and the encoding detector cost
    start-up time that a comparison of plain text does not need)."""
    return import_module(f"{__name__}.{name}")


def _not_akn(data: bytes, source: str, changes: str) -> Document:
    _module("akn").read_akn(data, source)  # raises the clear "XML but not Akoma Ntoso" error
    raise InputError(f"{source}: unreadable XML")


def _plain(module: str, function: str) -> Callable[[bytes, str, str], Document]:
    """`module.function(data, source)`, the module imported when a file is read."""
    return lambda data, source, changes: getattr(_module(module), function)(data, source)


def _with_changes(module: str, function: str) -> Callable[[bytes, str, str], Document]:
    """`module.function(data, source, changes)`, imported when a file is read."""
    return lambda data, source, changes: getattr(_module(module), function)(data, source, changes)


READERS: dict[str, Reader] = {
    "docx": Reader(
        "docx", (".docx", ".docm"), _starts(b"PK\x03\x04"), _with_changes("docx", "read_docx")
    ),
    "pdf": Reader("pdf", (".pdf",), _starts(b"%PDF-"), _plain("pdf", "read_pdf")),
    "akn": Reader("akn", (".akn",), _akn, _plain("akn", "read_akn")),
    "html": Reader("html", (".html", ".htm", ".xhtml"), _html, _with_changes("html", "read_html")),
    "xml": Reader("xml", (".xml",), _xml, _not_akn),
    "markdown": Reader(
        "markdown", (".md", ".markdown"), lambda data: False, _plain("text", "read_markdown")
    ),
    "text": Reader("text", (".txt", ".text", ""), lambda data: False, _plain("text", "read_text")),
}


def detect_format(data: bytes, name: str) -> str:
    """Name the format of `data`: by content first, then by the suffix of `name`."""
    for reader in READERS.values():
        if reader.sniff(data):
            return reader.name
    suffix = Path(name).suffix.lower()
    for reader in READERS.values():
        if suffix in reader.suffixes:
            return reader.name
    return "text"


def read_bytes(
    data: bytes, source: str, fmt: str | None = None, changes: str = "accept"
) -> Document:
    """Read a document from bytes; `source` names it in messages and reports.

    `changes` says how to read tracked changes (Word): `accept` or `reject` them.
    """
    if not data.strip():
        raise InputError(f"{source}: the file is empty")
    name = fmt or detect_format(data, source)
    reader = READERS.get(name)
    if reader is None:
        raise InputError(f"{source}: unknown format {name!r} (known: {', '.join(READERS)})")
    if reader.read is None:
        raise InputError(
            f"{source}: {name.upper()} input is not supported yet; save it as plain text"
        )
    return reader.read(data, source, changes)


def read_source(
    path: str | os.PathLike[str], fmt: str | None = None, changes: str = "accept"
) -> Document:
    """Read a document from a file path, or from stdin when the path is `-`."""
    source = os.fspath(path)
    document = read_bytes(load_bytes(source), source, fmt, changes)
    return replace(document, modified=_file_date(source))


def _file_date(source: str) -> str | None:
    if source == STDIN:
        return None
    try:
        stamp = os.stat(source).st_mtime
    except OSError:
        return None
    return datetime.fromtimestamp(stamp, tz=timezone.utc).strftime("%Y-%m-%d")


def read_both_views(
    path: str | os.PathLike[str], fmt: str | None = None
) -> tuple[Document, Document]:
    """A Word file with tracked changes as two documents: changes rejected, then accepted."""
    source = os.fspath(path)
    data = load_bytes(source)
    name = fmt or detect_format(data, source)
    if name != "docx":
        raise InputError(f"{source}: comparing one file needs a Word file with tracked changes")
    docx = _module("docx")
    if not docx.has_tracked_changes(data, source):
        raise InputError(f"{source}: has no tracked changes; give a second file to compare with")
    date = _file_date(source)
    rejected = replace(
        docx.read_docx(data, f"{source} (changes rejected)", "reject"), modified=date
    )
    accepted = replace(
        docx.read_docx(data, f"{source} (changes accepted)", "accept"), modified=date
    )
    seen = {notice.message for notice in rejected.warnings}
    fresh = tuple(notice for notice in accepted.warnings if notice.message not in seen)
    return replace(rejected, views_of=source), replace(accepted, warnings=fresh, views_of=source)


def load_bytes(source: str) -> bytes:
    if source == STDIN:
        return _limited(sys.stdin.buffer.read(MAX_INPUT_BYTES + 1), "<stdin>")
    try:
        size = os.stat(source).st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(_too_large(source))
        with open(source, "rb") as handle:
            return _limited(handle.read(MAX_INPUT_BYTES + 1), source)
    except FileNotFoundError:
        raise InputError(f"{source}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{source}: is a directory, not a file") from None
    except PermissionError:
        raise InputError(f"{source}: permission denied") from None
    except OSError as error:
        raise InputError(f"{source}: cannot read ({error.strerror or error})") from None


def _limited(data: bytes, source: str) -> bytes:
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(_too_large(source))
    return data


def _too_large(source: str) -> str:
    return f"{source}: larger than the {MAX_INPUT_BYTES // (1024 * 1024)} MiB input limit"
