"""Golden cases: every fixtures/<case>/ compared through the CLI, byte for byte.

Regenerate with `pytest --regen-golden` and review the diff.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import ROOT, case_dirs, case_files

from unwording.cli import cli

CASES = case_dirs()


def _run(case, fmt: str, monkeypatch) -> tuple[int, str]:
    monkeypatch.chdir(ROOT)
    files = [str(p.relative_to(ROOT)) for p in case_files(case)]
    result = CliRunner().invoke(
        cli, ["compare", *files, "--format", fmt, "--no-color", "--fail-on-changes"]
    )
    return result.exit_code, result.stdout


@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_output(case, fmt, regen, monkeypatch):
    code, output = _run(case, fmt, monkeypatch)
    expected_file = case / f"expected.{fmt}"
    if regen or not expected_file.exists():
        expected_file.write_text(output, encoding="utf-8")
    assert output == expected_file.read_text(encoding="utf-8")
    report = json.loads(_run(case, "json", monkeypatch)[1])
    changed = report["flags"] or any(
        p["status"] != "unchanged" or p["moved"] or p["renumbered"] for p in report["pairs"]
    )
    assert code == (1 if changed else 0)


def test_every_case_has_golden_files():
    for case in CASES:
        assert (case / "expected.text").exists(), case
        assert (case / "expected.json").exists(), case
