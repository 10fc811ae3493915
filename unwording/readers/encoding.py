"""Decoding a text file: a byte-order mark, then UTF-8, then a detector.

A byte-order mark decides (UTF-8, UTF-16, UTF-32). Without one, UTF-8 is tried first
and trusted without a warning. Anything else goes to charset-normalizer, limited to the
encodings that texts in the six official UN languages come in: Windows-1252 and
ISO 8859-15 (English, French, Spanish), Windows-1251, KOI8-R, ISO 8859-5, CP866 and
Mac Cyrillic (Russian), Windows-1256 and ISO 8859-6 (Arabic), GB18030 (which covers
GBK and GB2312) and Big5 (Chinese), and UTF-16 or UTF-32 without a byte-order mark.
Unrestricted, the detector misread 17 of 160 excerpts of the Universal Declaration in
these encodings (Spanish as Japanese cp932, English as Central European cp1250);
restricted, none. An ISO pick that leaves C1 control characters (never seen in text:
Windows quotes and dashes in ISO clothing) is read with its Windows sibling, and
a pick that reads the same as Windows-1252 (quotes and dashes only) is named so. The
encoding chosen is named in a warning. Bytes with NUL in them are text only as UTF-16
or UTF-32; nothing the detector can read is decoded as Windows-1252 with a warning.
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError
from ..model import Notice

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# the encodings the detector may choose (Python codec names), with the names people use
NAMES = {
    "cp1252": "Windows-1252",
    "iso8859_15": "ISO 8859-15",
    "cp1251": "Windows-1251",
    "koi8_r": "KOI8-R",
    "iso8859_5": "ISO 8859-5",
    "cp866": "CP866 (DOS Cyrillic)",
    "mac_cyrillic": "Mac Cyrillic",
    "cp1256": "Windows-1256",
    "iso8859_6": "ISO 8859-6",
    "gb18030": "GB18030",
    "big5": "Big5",
    "utf_16_le": "UTF-16LE",
    "utf_16_be": "UTF-16BE",
    "utf_32_le": "UTF-32LE",
    "utf_32_be": "UTF-32BE",
}
_WIDE = ("utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be")
_WINDOWS = {"iso8859_15": "cp1252", "iso8859_5": "cp1251", "iso8859_6": "cp1256"}
_C1 = re.compile("[\x80-\x9f]")


def decode(data: bytes, source: str) -> tuple[str, tuple[Notice, ...]]:
    """Decode `data` to text, with a warning naming the encoding when it was guessed."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, source), ()
    if b"\x00" in data:
        return _wide(data, source)
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    return _guessed(data, source)


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(f"{source}: invalid {encoding.upper()} text ({error.reason})") from None


def _wide(data: bytes, source: str) -> tuple[str, tuple[Notice, ...]]:
    """UTF-16 or UTF-32 without a byte-order mark; anything else with NUL is binary."""
    encoding, text = detect(data)
    if encoding not in _WIDE or text is None:
        raise InputError(f"{source}: looks like a binary file, not text")
    return text, (_notice(source, "no byte-order mark", encoding),)


def _guessed(data: bytes, source: str) -> tuple[str, tuple[Notice, ...]]:
    encoding, text = detect(data)
    if text is None or encoding is None or encoding in _WIDE:
        fallback = "not valid UTF-8 and no encoding fits; read as Windows-1252 (cp1252)"
        return data.decode("cp1252", errors="replace"), (Notice(source, fallback),)
    return text, (_notice(source, "not valid UTF-8", encoding),)


def detect(data: bytes) -> tuple[str | None, str | None]:
    """The likeliest encoding of `data` among NAMES and the text it gives (None, None
    when none fits)."""
    from charset_normalizer import from_bytes  # only for text that is not UTF-8

    best = from_bytes(data, cp_isolation=list(NAMES)).best()
    if best is None:
        return None, None
    encoding, text = best.encoding, str(best)
    if encoding in _WINDOWS and _C1.search(text):
        return _windows_sibling(data, encoding, text)
    if encoding != "cp1252" and text == data.decode("cp1252", errors="replace"):
        return "cp1252", text  # the same text: name the commonest of the code pages
    return encoding, text


def _windows_sibling(data: bytes, encoding: str, text: str) -> tuple[str, str]:
    try:
        return _WINDOWS[encoding], data.decode(_WINDOWS[encoding])
    except UnicodeDecodeError:
        return encoding, text


def _notice(source: str, why: str, encoding: str) -> Notice:
    name = NAMES.get(encoding, encoding)
    return Notice(source, f"{why}; read as {name} ({encoding}), the likeliest encoding")
