"""The command line: exit codes, stdin, output files, errors, pipes, colour."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from unwording.cli import cli

DEMO = FIXTURES / "demo"
BASE, DRAFT = str(DEMO / "base.txt"), str(DEMO / "draft.txt")


def run(*args, stdin=None):
    return CliRunner().invoke(cli, list(args), input=stdin)


def test_text_report_by_default():
    result = run("compare", BASE, DRAFT)
    assert result.exit_code == 0
    assert "[-democracy and human rights-]" in result.stdout
    assert "\x1b[" not in result.stdout


def test_fail_on_changes_sets_exit_code_1():
    assert run("compare", BASE, DRAFT, "--fail-on-changes").exit_code == 1
    assert run("compare", BASE, BASE, "--fail-on-changes").exit_code == 0


def test_stdin_as_draft():
    with open(DRAFT, encoding="utf-8") as handle:
        result = run("compare", BASE, "-", "--format", "json", stdin=handle.read())
    assert result.exit_code == 0
    assert json.loads(result.stdout)["summary"]["inserted"] == 1


def test_only_one_stdin():
    result = run("compare", "-", "-")
    assert result.exit_code == 2
    assert "only one" in result.stderr


def test_output_file_is_written_whole(tmp_path):
    out = tmp_path / "changes.json"
    result = run("compare", BASE, DRAFT, "-f", "json", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["schema_version"] == 1
    assert [p.name for p in tmp_path.iterdir()] == ["changes.json"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["compare", "missing.txt", DRAFT], "no such file"),
        (["compare", BASE, DRAFT, "-o", BASE], "refusing to overwrite"),
        (["compare", BASE, DRAFT, "--lexicon", "missing.toml"], "no such lexicon"),
        (["compare", BASE, DRAFT, "-o", "/nonexistent/dir/x.txt"], "cannot write"),
    ],
)
def test_errors_are_one_line_with_exit_code_2(args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_failed_run_leaves_no_output_file(tmp_path):
    out = tmp_path / "report.txt"
    assert run("compare", "missing.txt", DRAFT, "-o", str(out)).exit_code == 2
    assert not out.exists()


def test_debug_shows_a_traceback():
    result = run("compare", "missing.txt", DRAFT, "--debug")
    assert result.exit_code == 2
    assert "Traceback" in result.stderr


def test_usage_errors_exit_2():
    assert run("compare", BASE).exit_code == 2
    assert run("compare", BASE, DRAFT, "--format", "pdf").exit_code == 2


def test_colour_on_request():
    result = run("compare", BASE, DRAFT, "--color")
    assert "\x1b[31m" in result.stdout and "\x1b[32m" in result.stdout


def test_warnings_go_to_stderr(tmp_path):
    base = tmp_path / "base.txt"
    base.write_bytes("Noting the “Agenda”,".encode("cp1252"))
    result = run("compare", str(base), DRAFT)
    assert result.exit_code == 0
    assert "warning" in result.stderr and "cp1252" in result.stderr
    assert "unwording: warning" not in result.stdout


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and "unwording" in result.stdout


def test_input_files_are_not_modified(tmp_path):
    before = {p: os.stat(p).st_mtime_ns for p in (BASE, DRAFT)}
    run("compare", BASE, DRAFT, "-o", str(tmp_path / "x.txt"))
    assert before == {p: os.stat(p).st_mtime_ns for p in (BASE, DRAFT)}


def test_closed_pipe_prints_no_traceback(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("\n\n".join(f"{n}. Decides to act on item {n};" for n in range(20000)))
    command = [sys.executable, "-m", "unwording", "compare", str(big), DRAFT]
    producer = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    producer.stdout.readline()
    producer.stdout.close()
    stderr = producer.stderr.read().decode()
    assert producer.wait(timeout=60) == 0
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr


def test_same_inputs_same_bytes():
    first = run("compare", BASE, DRAFT, "-f", "json").stdout
    assert first == run("compare", BASE, DRAFT, "-f", "json").stdout


def test_output_file_has_ordinary_permissions(tmp_path):
    out = tmp_path / "report.html"
    old = os.umask(0o022)
    try:
        assert run("compare", BASE, DRAFT, "-f", "html", "-o", str(out)).exit_code == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_an_unexpected_error_is_one_line_and_exit_3(monkeypatch, capsys):
    import importlib

    import unwording.cli as cli_module

    def broken(*args, **kwargs):
        raise RuntimeError("boom\nsecond line")

    # the CLI imports the pipeline when it runs (not at start-up): patch it there
    monkeypatch.setattr(importlib.import_module("unwording.compare"), "compare_files", broken)
    with pytest.raises(SystemExit) as raised:
        cli_module.main(["compare", "fixtures/demo/base.txt", "fixtures/demo/draft.txt"])
    assert raised.value.code == 3
    err = capsys.readouterr().err
    assert err == "unwording: internal error: RuntimeError: boom; run with --debug and report it\n"


def test_a_legacy_console_gets_question_marks_not_a_crash(tmp_path):
    base = tmp_path / "base.txt"
    base.write_text("1. تؤكد الجمعية العامة;", encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("1. تؤكد الجمعية العامة مجددا;", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "unwording", "compare", str(base), str(draft)],
        capture_output=True,
        env={"PYTHONIOENCODING": "cp1252", "PATH": ""},
    )
    assert result.returncode == 0, result.stderr
    assert b"?" in result.stdout


def python_output(code: str) -> str:
    """What a fresh interpreter running `code` prints."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout


def test_start_up_loads_no_stage_record_or_reader():
    """`unwording --version` and usage errors cost the interpreter and click only: the
    records, readers and stages load when a command runs (issue 12)."""
    code = (
        "import sys, unwording, unwording.cli\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('unwording.'))\n"
        "print(' '.join(loaded))\n"
        "from unwording import Options, compare\n"
        "assert callable(compare) and Options().strict is False\n"
    )
    found = python_output(code).split()
    heavy = {"unwording.model", "unwording.align", "unwording.diff", "unwording.flags"}
    assert not heavy & set(found), found
    assert not [m for m in found if m.startswith("unwording.readers.")], found


def test_version_is_answered_before_the_command_line_loads():
    """`unwording --version` (the console script and `python -m unwording`) prints
    what click's version option prints, without importing click (issue 12)."""
    code = (
        "import sys\n"
        "sys.argv = ['unwording', '--version']\n"
        "from unwording.__main__ import main\n"
        "main()\n"
        "print('click' in sys.modules, 'unwording.cli' in sys.modules)\n"
    )
    found = python_output(code).splitlines()
    assert found == [run("--version").output.strip(), "False False"]
    module = subprocess.run(
        [sys.executable, "-m", "unwording", "--version"], capture_output=True, text=True
    )
    assert (module.returncode, module.stdout, module.stderr) == (0, found[0] + "\n", "")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_version_to_a_full_device_is_one_line_and_exit_2():
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "unwording", "--version"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert result.returncode == 2
    assert result.stderr == "unwording: error: cannot write the output (No space left on device)\n"


def test_the_package_lists_its_names_before_loading_them():
    code = "import unwording; print(sorted(set(unwording.__all__) - set(dir(unwording))))"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert found.stdout.strip() == "[]"
