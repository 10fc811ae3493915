"""Where the report goes, when that place is hostile (issue 11): closed stdin or
stdout, a full disk, a FIFO, a file with its own permissions, a read-only file, a
folder. Run as a real process, since closed or full standard streams are the point:
exit code 2 and one line on stderr, no traceback, no file damaged or left behind.
"""

from __future__ import annotations

import os
import resource
import signal
import stat
import subprocess
import sys

import pytest
from conftest import ROOT

BASE = "Calls upon Member States to act.\n\nDecides to remain seized.\n"
DRAFT = "Invites Member States to act.\n\nDecides to remain seized.\n"


@pytest.fixture
def texts(tmp_path):
    (tmp_path / "base.txt").write_text(BASE, encoding="utf-8")
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    return str(tmp_path / "base.txt"), str(tmp_path / "draft.txt")


def unwording(*args: str, shell_redirect: str = "", **kwargs) -> subprocess.CompletedProcess:
    """`python -m unwording ARGS`, with a shell redirection such as `1>&-` if given."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    command = [sys.executable, "-m", "unwording", *args]
    if shell_redirect:
        quoted = " ".join(f"'{part}'" for part in command)
        command = ["sh", "-c", f"{quoted} {shell_redirect}"]
    return subprocess.run(command, capture_output=True, env=env, **kwargs)


def one_line_error(result: subprocess.CompletedProcess) -> str:
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2, (result.returncode, stderr)
    assert len(stderr.strip().splitlines()) == 1 and "Traceback" not in stderr, stderr
    return stderr


def test_closed_stdin(texts):
    result = unwording("compare", "-", texts[1], shell_redirect="0<&-")
    assert "stdin" in one_line_error(result)


def test_closed_stdout(texts):
    result = unwording("compare", *texts, shell_redirect="1>&-")
    assert "stdout" in one_line_error(result)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_stdout_on_a_full_disk(texts):
    result = unwording("compare", *texts, shell_redirect="> /dev/full")
    one_line_error(result)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_output_onto_a_fifo_is_written_through(tmp_path, texts):
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader waiting, as `cat` would
    try:
        result = unwording("compare", *texts, "-o", str(fifo), timeout=60)
        received = os.read(reader, 1 << 16)
    finally:
        os.close(reader)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert b"Invites" in received
    assert sorted(p.name for p in tmp_path.iterdir()) == ["base.txt", "draft.txt", "report.fifo"]


def test_an_existing_file_keeps_its_permissions(tmp_path, texts):
    out = tmp_path / "report.txt"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o600)
    assert unwording("compare", *texts, "-o", str(out)).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "Invites" in out.read_text(encoding="utf-8")


def test_a_read_only_file_is_refused(tmp_path, texts):
    out = tmp_path / "report.txt"
    out.write_text("keep me", encoding="utf-8")
    out.chmod(0o444)
    assert "read-only" in one_line_error(unwording("compare", *texts, "-o", str(out)))
    assert out.read_text(encoding="utf-8") == "keep me"


def test_a_folder_is_one_line(tmp_path, texts):
    (tmp_path / "reports").mkdir()
    assert "folder" in one_line_error(
        unwording("compare", *texts, "-o", str(tmp_path / "reports"))
    )


def _left(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_no_temporary_file_after_a_report_that_cannot_be_encoded(tmp_path):
    """An undecodable file name (a lone surrogate in the report) made the write fail
    after the temporary file was made, and left it behind."""
    name = os.fsdecode(b"base-\xff.txt")
    (tmp_path / name).write_text(BASE, encoding="utf-8")
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    result = unwording("compare", name, "draft.txt", "-o", str(out / "r.txt"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert _left(out) == ["r.txt"]


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="no file size limits")
def test_no_temporary_file_after_a_failed_write(tmp_path, texts):
    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit: EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (64, 64))

    out = tmp_path / "out"
    out.mkdir()
    result = unwording("compare", *texts, "-o", str(out / "r.txt"), preexec_fn=small_files)
    one_line_error(result)
    assert _left(out) == []
