"""Documents for the agreed-language index: which files, and what each is.

A folder stands for every file under it (recursively) of a suffix a reader knows
(`.txt`, `.md`, `.docx`, `.pdf`, `.html`, `.xml`, `.akn`), hidden ones left out, in
name order. Each file is read and prepared as a comparison reads it (so paragraphs
get the same addresses, `OP5`, `PP3`, `Goal 16 / 16.1`). What the document is:

- **symbol**: `symbol:` in Markdown front matter, else the resolution number before
  the title (`73/7. Report of ...` is A/RES/73/7), else one in the file name
  (`A_RES_80_6.md` is A/RES/80/6), else the UN symbol the text names near its start,
  else the file name;
- **title**: `title:` in the front matter, else the line after the resolution number
  (`80/6. Report of the International Criminal Court`), else the file name;
- **date**: `date:` in the front matter, else a date in the file name, else the date
  of an opening paragraph that says it was adopted ("Resolution adopted by the
  General Assembly on 11 November 2025"), else, for a General Assembly resolution,
  the year its session opened (A/RES/73/7: `2018`);
- **language**: `language:` in the front matter, else detected from the text.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..compare import prepare_document
from ..history import find_date
from ..language import LANGUAGES, detect_language
from ..model import Document, Options
from ..readers import READERS, read_source
from ..report.names import document_symbol
from .phrases import spans
from .records import IndexedDocument, IndexedParagraph

_FILE_SYMBOL = re.compile(r"(?<![A-Za-z])(A|S|E)_(RES|C\.\d)_(\d{1,3})_(\d{1,4})(?!\d)")
_TITLE = re.compile(r"^(\d{1,3})/(\d{1,4})\.\s+(.+)$")
_SESSION = re.compile(r"^A/RES/(\d{1,3})/")
FIRST_SESSION = 1945  # the General Assembly's session N opens in September of 1945 + N
_FRONT_LINES = 40
_OPENING = 10  # paragraphs searched for a date


def document_paths(arguments: Sequence[str]) -> Iterator[str]:
    """The files named, each folder replaced by the readable files under it."""
    for argument in arguments:
        if os.path.isdir(argument):
            yield from _walk(argument)
        else:
            yield argument


def _walk(folder: str) -> Iterator[str]:
    suffixes = {suffix for reader in READERS.values() for suffix in reader.suffixes if suffix}
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in suffixes:
                yield os.path.join(root, name)


def load_document(path: str, options: Options | None = None) -> IndexedDocument:
    """Read and prepare one file for the index. Raises `UnwordingError`."""
    options = options or Options()
    document = prepare_document(read_source(path, options.input_format), options)
    front = front_matter(path)
    symbol = symbol_of(document, front)
    language = _language(front.get("language", ""), document)
    return IndexedDocument(
        identity=f"{symbol} [{language}]" if symbol else os.path.abspath(path),
        symbol=symbol or Path(path).stem,
        title=front.get("title") or _resolution(document)[1] or Path(path).stem,
        date=_date(front, path, document) or _session_year(symbol),
        language=language,
        source=path,
        paragraphs=_paragraphs(document),
    )


def symbol_of(document: Document, front: dict[str, str] | None = None) -> str | None:
    """The symbol of a read document, found as the index finds it (see above)."""
    front = front_matter(document.source) if front is None else front
    found = front.get("symbol") or _resolution(document)[0] or _file_symbol(document.source)
    return found or document_symbol(document)


def _paragraphs(document: Document) -> tuple[IndexedParagraph, ...]:
    kept = []
    for paragraph in document.paragraphs:
        words = " ".join(word for word, _, _ in spans(paragraph.key))
        if words:
            kept.append(IndexedParagraph(paragraph.index, paragraph.address, paragraph.key, words))
    return tuple(kept)


def front_matter(path: str) -> dict[str, str]:
    """The `key: value` lines of a Markdown file's YAML front matter (quotes taken off)."""
    if Path(path).suffix.lower() not in (".md", ".markdown"):
        return {}
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            lines = [handle.readline() for _ in range(_FRONT_LINES)]
    except OSError:
        return {}
    if lines[0].strip() != "---":
        return {}
    found: dict[str, str] = {}
    for line in lines[1:]:
        if line.strip() == "---":
            return found
        key, colon, value = line.partition(":")
        if colon and key.strip().isidentifier():
            found[key.strip().lower()] = value.strip().strip("\"'").strip(" :")
    return {}


def _file_symbol(path: str) -> str | None:
    found = _FILE_SYMBOL.search(Path(path).name)
    return "/".join(found.groups()) if found else None


def _resolution(document: Document) -> tuple[str | None, str | None]:
    """The symbol and title of a General Assembly resolution (`80/6. Report of ...`)."""
    for paragraph in document.paragraphs[:_OPENING]:
        found = _TITLE.match(f"{paragraph.label or ''} {paragraph.text}".strip())
        if found:
            return f"A/RES/{found.group(1)}/{found.group(2)}", found.group(3).strip()
    return None, None


def _session_year(symbol: str | None) -> str | None:
    found = _SESSION.match(symbol or "")
    return str(FIRST_SESSION + int(found.group(1))) if found else None


def _date(front: dict[str, str], path: str, document: Document) -> str | None:
    texts = [front.get("date", ""), Path(path).name]
    opening = document.paragraphs[:_OPENING]
    texts += [p.text for p in opening if "adopted" in p.text.casefold()]
    for text in texts:
        found = find_date(text)
        if found:
            return found
    return None


def _language(named: str, document: Document) -> str:
    code = named.lower()[:2]
    if code in LANGUAGES:
        return code
    return detect_language(paragraph.key for paragraph in document.paragraphs[:200])
