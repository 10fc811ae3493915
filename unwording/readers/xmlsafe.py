"""Safe XML parsing and zip reading for the readers that take packages or markup.

Drafts arrive by e-mail, so every parse refuses DTDs (no external entities, no
entity expansion bombs) and never touches the network, and zip packages are
checked for member count, total size and compression ratio before reading; the
parts a reader uses may unpack to no more than the input limit (64 MiB) together.
A damaged package (corrupt data, impossible offsets, undecodable names) is an
InputError like any other unreadable file.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from lxml import etree

from ..errors import InputError

MAX_MEMBERS = 2_000
MAX_UNPACKED = 256 * 1024 * 1024
MAX_RATIO = 200
MAX_PARTS = 64 * 1024 * 1024  # the parts read, together: no more than an input file
_DAMAGED = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    struct.error,
    EOFError,
    OSError,
    ValueError,  # negative seeks, undecodable member names
    NotImplementedError,  # compression methods zipfile lacks
    RuntimeError,  # encrypted members
)

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
    except _DAMAGED:
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


def read_members(
    package: zipfile.ZipFile, names: tuple[str, ...], source: str
) -> dict[str, bytes | None]:
    """Parts of a package (None for an absent one), refused when together they would
    unpack to more than `MAX_PARTS`: more than any document the comparison can use."""
    sizes = [info.file_size for info in package.infolist() if info.filename in names]
    if sum(sizes) > MAX_PARTS:
        limit = MAX_PARTS // (1024 * 1024)
        raise InputError(f"{source}: its text parts unpack to more than {limit} MiB")
    return {name: read_member(package, name, source) for name in names}


def read_member(package: zipfile.ZipFile, name: str, source: str) -> bytes | None:
    """One part of a package, or None when it is absent."""
    try:
        with package.open(name) as member:
            return member.read(MAX_UNPACKED + 1)
    except KeyError:
        return None
    except _DAMAGED as error:
        reason = str(error).splitlines()[0][:120] if str(error) else type(error).__name__
        raise InputError(f"{source}: cannot read {name} ({reason})") from None
