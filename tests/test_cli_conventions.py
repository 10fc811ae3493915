"""Command-line conventions of git diff and sqlite-utils (issue 10): --stat, --quiet,
--color=WHEN with NO_COLOR and FORCE_COLOR, -o -, --fail-on, git's external-diff
arguments, shell completion, the `--lang` of every language, and `Options` checks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, ROOT

from unwording.cli import cli, git_arguments
from unwording.errors import OptionsError, UnwordingError
from unwording.language import LANGUAGES
from unwording.model import Options

DEMO = FIXTURES / "demo"
BASE, DRAFT = str(DEMO / "base.txt"), str(DEMO / "draft.txt")
EDITORIAL = (  # a reference and a date updated: an editorial change, no flag
    "The General Assembly,\n\n1. Recalls its resolution {} of {};\n\n"
    "2. Requests the Secretary-General to report at its seventy-first session.\n"
)


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, list(args), env=env)


def test_stat_has_a_line_per_changed_paragraph_and_the_totals():
    result = run("compare", BASE, DRAFT, "--stat")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[-1].startswith(" 7 of 12 paragraphs changed (5 substantive, 0 editorial)")
    assert "47 words inserted(+), 14 deleted(-), 12 flags" in lines[-1]
    inserted = next(line for line in lines if line.startswith(" OP2 "))
    assert "inserted, substantive" in inserted and "+26 -0" in inserted
    assert "+" * 26 in inserted and "3 flags" in inserted
    assert len(lines) == 8
    assert run("compare", BASE, DRAFT, "--format", "stat").stdout == result.stdout


def test_stat_with_another_format_is_a_usage_error():
    result = run("compare", BASE, DRAFT, "--stat", "--format", "json")
    assert result.exit_code == 2
    assert "--stat and --format json" in result.stderr


def test_quiet_prints_nothing_and_exits_1_on_changes():
    result = run("compare", BASE, DRAFT, "--quiet")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", "")
    same = run("compare", BASE, BASE, "-q")
    assert (same.exit_code, same.stdout) == (0, "")


def test_quiet_still_writes_the_output_file(tmp_path):
    target = tmp_path / "report.json"
    result = run("compare", BASE, DRAFT, "-q", "-f", "json", "-o", str(target))
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(target.read_text("utf-8"))["summary"]["inserted"] == 1


def test_dash_as_output_is_stdout(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("compare", BASE, DRAFT, "-o", "-", "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["summary"]["inserted"] == 1
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize(
    ("option", "base", "draft", "code"),
    [
        ("changes", BASE, DRAFT, 1),
        ("changes", BASE, BASE, 0),
        ("substantive", BASE, DRAFT, 1),
        ("flags", BASE, DRAFT, 1),
        ("substantive", "editorial", "editorial", 0),
        ("flags", "editorial", "editorial", 0),
        ("changes", "editorial", "editorial", 1),
    ],
)
def test_fail_on(option, base, draft, code, tmp_path):
    if base == "editorial":
        base, draft = str(tmp_path / "base.txt"), str(tmp_path / "draft.txt")
        Path(base).write_text(EDITORIAL.format("70/1", "25 September 2015"), "utf-8")
        Path(draft).write_text(EDITORIAL.format("71/313", "6 July 2017"), "utf-8")
    assert run("compare", base, draft, "--fail-on", option).exit_code == code


@pytest.mark.parametrize(
    ("args", "env", "colour"),
    [
        (["--color=always"], {}, True),
        (["--color"], {}, True),
        (["--color=never"], {"FORCE_COLOR": "1"}, False),
        (["--no-color"], {}, False),
        (["--color=auto"], {}, False),  # not a terminal
        ([], {"FORCE_COLOR": "1"}, True),
        ([], {"FORCE_COLOR": "0"}, False),
        ([], {"NO_COLOR": "1"}, False),
        (["--color=always"], {"NO_COLOR": "1"}, True),
        (["--stat", "--color=always"], {}, True),
    ],
)
def test_color_when(args, env, colour):
    result = run("compare", BASE, DRAFT, *args, env=env)
    assert result.exit_code == 0
    assert ("\x1b[" in result.stdout) is colour


def test_color_never_applies_to_json():
    result = run("compare", BASE, DRAFT, "-f", "json", "--color=always")
    assert "\x1b[" not in result.stdout


def test_an_unknown_color_value_is_a_usage_error():
    assert run("compare", BASE, DRAFT, "--color=sometimes").exit_code == 2


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_runs_on_any_text(lang):
    result = run("compare", BASE, DRAFT, "--lang", lang)
    assert result.exit_code == 0, result.output


def test_gits_seven_arguments_become_the_git_diff_command():
    args = ["res.txt", "/tmp/x_res.txt", "1" * 40, "100644", "res.txt", ".", "100644"]
    assert git_arguments(args) == ["git-diff", *args]
    assert git_arguments(["compare", *args[1:]]) == ["compare", *args[1:]]
    assert git_arguments([BASE, DRAFT]) == [BASE, DRAFT]


def test_the_git_diff_command_compares_and_names_the_paths():
    hexes = ("a" * 40, "b" * 40)
    result = run("git-diff", "res.txt", BASE, hexes[0], "100644", DRAFT, hexes[1], "100644")
    assert result.exit_code == 0
    assert result.stdout.startswith("unwording: a/res.txt -> b/res.txt\n")
    assert "a/res.txt -> b/res.txt" in result.stdout.splitlines()[1]
    assert "[-democracy and human rights-]" in result.stdout


def test_the_git_diff_command_goes_on_past_new_and_unreadable_files(tmp_path):
    binary = tmp_path / "b.dat"
    binary.write_bytes(b"\x00\x01\x02")
    new = run("git-diff", "n.txt", os.devnull, ".", ".", DRAFT, "c" * 40, "100644")
    assert (new.exit_code, new.stdout.splitlines()[1]) == (0, "  new file")
    bad = run(
        "git-diff", "b.dat", str(binary), "d" * 40, "100644", str(binary), "e" * 40, "100644"
    )
    assert bad.exit_code == 0
    assert "not compared: b.dat: looks like a binary file" in bad.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_git_external_diff_runs_unwording(tmp_path):
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t"]
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True)
    shutil.copy(BASE, tmp_path / "res.txt")
    subprocess.run([*git, "add", "."], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "base"], cwd=tmp_path, check=True)
    shutil.copy(DRAFT, tmp_path / "res.txt")
    command = f"{sys.executable} -m unwording"
    env = {**os.environ, "GIT_EXTERNAL_DIFF": command, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [*git, "diff"], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("unwording: a/res.txt -> b/res.txt\n")
    assert "Calls upon -> Invites" in done.stdout


def test_bash_completion_script_is_generated():
    done = subprocess.run(
        [sys.executable, "-m", "unwording"],
        env={**os.environ, "_UNWORDING_COMPLETE": "bash_source", "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert "complete -o nosort -F _unwording_completion unwording" in done.stdout


def test_completion_offers_the_options():
    done = subprocess.run(
        [sys.executable, "-m", "unwording"],
        env={
            **os.environ,
            "_UNWORDING_COMPLETE": "bash_complete",
            "COMP_WORDS": "unwording compare --fail-o",
            "COMP_CWORD": "2",
            "PYTHONPATH": str(ROOT),
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert "--fail-on" in done.stdout and "--fail-on-changes" in done.stdout


@pytest.mark.parametrize(
    "values",
    [{"lang": "de"}, {"changes": "maybe"}, {"strict": "yes"}, {"lexicon_path": 3}],
)
def test_options_refuse_invalid_values(values):
    with pytest.raises(OptionsError):
        Options(**values)
    assert issubclass(OptionsError, UnwordingError) and issubclass(OptionsError, ValueError)


def test_make_fixtures_without_a_known_command_says_how_and_exits_2():
    done = subprocess.run(
        [sys.executable, str(Path(FIXTURES) / "make_fixtures.py"), "nonsense"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "python fixtures/make_fixtures.py clean" in done.stderr


def test_stat_counts_one_flag_in_the_singular():
    from unwording import compare, render

    comparison = compare("1. Urges all States to act.\n", "1. Encourages all States to act.\n")
    assert len(comparison.flags) == 1
    total = render(comparison, "stat").splitlines()[-1]
    assert total.endswith(", 1 flag") and "1 flags" not in total


@pytest.mark.parametrize(
    ("command", "suffix", "starts"),
    [
        ("compare", ".docx", b"PK"),
        ("compare", ".html", b"<!DOCTYPE html>"),
        ("compare", ".json", b"{"),
        ("history", ".json", b"{"),
        ("compile", ".docx", b"PK"),
    ],
)
def test_the_output_suffix_chooses_the_format(tmp_path, command, suffix, starts):
    from unwording.cli import cli

    demo = FIXTURES / "demo"
    out = tmp_path / f"report{suffix}"
    args = [command, str(demo / "base.txt"), str(demo / "draft.txt"), "-o", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(starts)


def test_a_format_the_suffix_contradicts_is_refused(tmp_path):
    from unwording.cli import cli

    demo = FIXTURES / "demo"
    out = tmp_path / "redline.docx"
    args = ["compare", str(demo / "base.txt"), str(demo / "draft.txt"), "-f", "text"]
    result = CliRunner().invoke(cli, [*args, "-o", str(out)])
    assert result.exit_code == 2 and not out.exists()
    assert "--format text but -o" in result.output
