"""Safe XML parsing and zip reading for the readers that take packages or markup.

Drafts arrive by e-mail, so every parse refuses DTDs (no external entities, no
entity expansion bombs) and never touches the network, and zip packages are
checked for member count, total size and compression ratio before reading.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from ..errors import InputError

MAX_MEMBERS = 2_000
MAX_UNPACKED = 256 * 1024 * 1024
MAX_RATIO = 200

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)


def parse_xml(data: bytes, source: str) -> etree._Element:
    """Parse XML that has no DTD; anything else is an InputError."""
    if b"<!DOCTYPE" in data[:4096].upper() or b"<!ENTITY" in data.upper():
        raise InputError(f"{source}: XML with a DTD or entities is refused (unsafe input)")
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        raise InputError(f"{source}: not well-formed XML ({error.msg})") from None


def open_zip(data: bytes, source: str) -> zipfile.ZipFile:
    """Open a zip package after checking it is not a zip bomb."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(f"{source}: not a valid Word file (damaged zip package)") from None
    members = package.infolist()
    if len(members) > MAX_MEMBERS:
        raise InputError(f"{source}: too many parts in the package ({len(members)})")
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED:
        raise InputError(f"{source}: the package unpacks to more than 256 MiB (zip bomb?)")
    for member in members:
        if member.compress_size and member.file_size / member.compress_size > MAX_RATIO:
            raise InputError(f"{source}: a part of the package is compressed too much (zip bomb?)")
    return package


def read_member(package: zipfile.ZipFile, name: str, source: str) -> bytes | None:
    """One part of a package, or None when it is absent."""
    try:
        with package.open(name) as member:
            return member.read(MAX_UNPACKED + 1)
    except KeyError:
        return None
    except (zipfile.BadZipFile, OSError, RuntimeError) as error:
        raise InputError(f"{source}: cannot read {name} ({error})") from None
