"""The README documents every CLI option, format, flag kind and JSON key."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT

from unwording.cli import cli
from unwording.report import RENDERERS

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMPARE = cli.commands["compare"]


@pytest.mark.parametrize(
    "option", [o for p in COMPARE.params for o in getattr(p, "opts", []) if o.startswith("-")]
)
def test_every_option_is_documented(option):
    assert f"`{option}" in README or f" {option}" in README


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_every_format_is_documented(fmt):
    assert fmt in README


def test_every_json_key_is_documented():
    report = json.loads((ROOT / "fixtures" / "demo" / "expected.json").read_text("utf-8"))
    keys = set(report) | set(report["pairs"][1]) | set(report["flags"][0])
    keys |= set(report["base"]["paragraphs"][0]) | set(report["summary"])
    assert all(f'"{key}"' in README for key in keys), keys


def test_readme_commands_name_real_files():
    assert (ROOT / "fixtures" / "demo" / "base.txt").exists()
    assert "pip install -e . && unwording compare fixtures/demo/base.txt" in README
    assert "pip install -e '.[test]' && pytest" in README


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_documented(command):
    assert f"unwording {command}" in README


@pytest.mark.parametrize(
    "kind",
    ["term_added", "hedge_removed", "verb_weakened", "modal_strengthened", "bracket_resolved"],
)
def test_flag_kinds_are_documented(kind):
    assert kind in README


def test_readme_sample_output_is_what_the_demo_prints(monkeypatch):
    from click.testing import CliRunner

    command = "$ unwording compare fixtures/demo/base.txt fixtures/demo/draft.txt\n"
    start = README.index(command) + len(command)
    sample = README[start : README.index("```", start)]
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(
        cli, ["compare", "fixtures/demo/base.txt", "fixtures/demo/draft.txt", "--no-color"]
    )
    assert result.stdout == sample
