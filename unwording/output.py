"""Where a report goes: stdout, or a file (`-o FILE`) written whole or not at all.

A regular file, or a new one, is written to a temporary file in its folder that is
then renamed over it: the file is whole or unchanged, and the temporary file never
outlives a failure (a full disk, Ctrl-C, anything). An existing file keeps its
permissions (and owner, where that may be set); a read-only one is refused. A
symbolic link is followed, so the file it names is replaced and the link stays.
What is not a regular file (a FIFO, `/dev/null`, a terminal) is written through,
never replaced by a file; a folder is refused. Reports are UTF-8; a character that
cannot be encoded (a lone surrogate from an undecodable file name) becomes `?`.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from pathlib import Path

from .errors import OutputError


def write_stdout(report: str | bytes) -> None:
    """Write `report` to stdout (text in its encoding, bytes as they are); a closed
    stdout or a full disk is an OutputError (a closed pipe is left to the caller:
    BrokenPipeError)."""
    if sys.stdout is None:
        raise OutputError("stdout is closed; write the report to a file with -o FILE")
    try:
        if isinstance(report, bytes):
            _write_binary(report)
        else:
            sys.stdout.write(_encodable(report, sys.stdout.encoding or "utf-8"))
            sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        silence_stdout()
        raise OutputError(f"cannot write to stdout ({_reason(error)})") from None


def _write_binary(data: bytes) -> None:
    sys.stdout.flush()
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:
        raise OutputError("stdout takes no bytes; write the report to a file with -o FILE")
    stream.write(data)
    stream.flush()


def check_stdout() -> None:
    """Fail early, before any work, when the report has nowhere to go."""
    if sys.stdout is None:
        raise OutputError("stdout is closed; write the report to a file with -o FILE")


def silence_stdout() -> None:
    """Point stdout at the null device, so that nothing left in its buffer (a write
    that failed) is written again, or complained about, when Python exits."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass


def check_target(name: str) -> None:
    """Refuse, before any work, an output that cannot be written: a folder, a
    read-only file, a folder that does not exist."""
    target = Path(os.path.realpath(name))
    info = _stat(target)
    if info is None:
        if not target.parent.is_dir():
            raise OutputError(f"{name}: cannot write (no such folder: {target.parent})")
    elif stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{name}: is a folder; give a file name")
    elif stat.S_ISREG(info.st_mode) and _read_only(target, info):
        raise OutputError(f"{name}: is read-only; not overwritten")


def write_file(name: str, report: str | bytes) -> None:
    """Write `report` (text, written as UTF-8, or bytes) to the file `name` (see the
    module docstring)."""
    check_target(name)
    target = Path(os.path.realpath(name))
    data = report if isinstance(report, bytes) else _encodable(report, "utf-8").encode("utf-8")
    info = _stat(target)
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_through(target, data, name)
    else:
        _replace(target, data, info, name)


def _write_through(target: Path, data: bytes, name: str) -> None:
    try:
        with open(target, "wb") as stream:
            stream.write(data)
    except OSError as error:
        raise OutputError(f"{name}: cannot write ({_reason(error)})") from None


def _replace(target: Path, data: bytes, info: os.stat_result | None, name: str) -> None:
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as error:
        raise OutputError(f"{name}: cannot write ({_reason(error)})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        _same_mode(temporary, info)
        os.replace(temporary, target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise OutputError(f"{name}: cannot write ({_reason(error)})") from None
        raise


def _same_mode(temporary: str, info: os.stat_result | None) -> None:
    """The permissions (and owner) of the file replaced, or the usual ones."""
    if info is None:
        os.chmod(temporary, 0o666 & ~_umask())
        return
    os.chmod(temporary, stat.S_IMODE(info.st_mode))
    owner = (os.geteuid(), os.getegid()) if hasattr(os, "geteuid") else None
    if owner is not None and (info.st_uid, info.st_gid) != owner:
        with contextlib.suppress(OSError):  # not ours to give: ours, with the old mode
            os.chown(temporary, info.st_uid, info.st_gid)


def _stat(target: Path) -> os.stat_result | None:
    try:
        return target.stat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise OutputError(f"{target}: cannot write ({_reason(error)})") from None


def _read_only(target: Path, info: os.stat_result) -> bool:
    return not info.st_mode & 0o222 or not os.access(target, os.W_OK)


def _encodable(text: str, encoding: str) -> str:
    """`text`, with what `encoding` cannot hold (lone surrogates) as `?`."""
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return text.encode(encoding, errors="replace").decode(encoding)
    except LookupError:
        pass
    return text


def _reason(error: OSError) -> str:
    return error.strerror or str(error) or type(error).__name__


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def degrade_console() -> None:
    """On a console whose code page cannot show every character (cp1252 on Windows),
    print what it can and `?` for the rest rather than fail; files are always UTF-8."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding not in ("utf8", "utf16", "utf32") and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
