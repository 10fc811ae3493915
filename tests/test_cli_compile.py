"""`unwording compile` on the command line: the three forms of issue 13, the formats,
and what happens when a proposal or the base cannot be read."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import jsonschema
from click.testing import CliRunner
from conftest import FIXTURES, ROOT

from unwording.cli import cli

CASE = FIXTURES / "compile-goal16"
AMENDMENTS = sorted(str(p) for p in (CASE / "amendments").glob("*.txt"))
BASE = str(CASE / "goal16.txt")


def run(*args):
    return CliRunner().invoke(cli, ["compile", *map(str, args)])


def test_proposals_named_from_their_file_names_in_text():
    result = run(BASE, *AMENDMENTS, "--format", "text")
    assert result.exit_code == 0, result.output
    assert "== Compilation text" in result.stdout
    assert "[European Union, Norway: delete]" in result.stdout
    assert "Belarus adds “family-supporting” to Goal 16 / 16.2" in result.stdout


def test_named_proposals_into_an_html_file(tmp_path):
    out = tmp_path / "compilation.html"
    belarus, eu = (CASE / "amendments" / f"{n}.txt" for n in ("Belarus", "European Union"))
    result = run(
        BASE,
        "--proposal",
        f"BY={belarus}",
        "--proposal",
        f"EU={eu}",
        "--format",
        "html",
        "-o",
        out,
    )
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "Delegation: BY" in page and "Delegation: EU" in page
    assert "[BY: delete]" in page


def test_a_redline_gives_one_proposal_per_author():
    result = run(BASE, CASE / "redline.docx", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [p["sponsor"] for p in report["proposals"]] == ["Brazil", "India"]


def test_a_redline_alone_is_its_own_base():
    result = run(CASE / "redline.docx", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [p["sponsor"] for p in report["proposals"]] == ["Brazil", "India"]
    assert any("Brazil: add , as appropriate" in line for line in report["compilation_text"])


def test_an_unreadable_proposal_is_named_and_the_rest_compiled(tmp_path):
    empty = tmp_path / "Chile.txt"
    empty.write_text("", encoding="utf-8")
    result = run(BASE, AMENDMENTS[0], empty, "--proposal", f"Peru={tmp_path / 'missing.txt'}")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "left out" in line]
    assert len(warnings) == 2
    assert "Chile" in warnings[0] and "empty" in warnings[0]
    assert "Peru" in warnings[1] and "missing.txt" in warnings[1]
    assert "Belarus" in result.stdout


def test_nothing_readable_or_no_base_is_an_input_error(tmp_path):
    nothing = run(BASE, tmp_path / "missing.txt")
    assert nothing.exit_code == 2
    assert nothing.stderr.strip().splitlines()[-1] == (
        "unwording: error: nothing to compile: no proposal could be read "
        f"({tmp_path / 'missing.txt'}: proposal of missing left out: no such file)"
    )
    no_base = run(tmp_path / "none.txt", *AMENDMENTS)
    assert no_base.exit_code == 2 and "no such file" in no_base.stderr


def test_a_malformed_proposal_option_is_a_usage_error():
    result = run(BASE, "--proposal", "no-equals-sign.txt")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_base_without_tracked_changes_alone_is_an_error():
    result = run(BASE)
    assert result.exit_code == 2 and "Word file with tracked changes" in result.stderr


def test_the_output_is_not_written_over_an_input(tmp_path):
    result = run(BASE, AMENDMENTS[0], "-o", AMENDMENTS[0])
    assert result.exit_code == 2 and "refusing to overwrite" in result.stderr


def test_the_installed_command_runs_with_a_glob_like_list(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "unwording", "compile", BASE, *AMENDMENTS, "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["kind"] == "compilation"


def test_an_instrument_mixed_with_full_texts_names_its_failed_lines_on_stderr():
    case = FIXTURES / "proposals-goal16"
    result = run(case / "goal16.txt", case / "belarus.txt", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert "Belarus" in json.dumps(report["delegations"])
    for line, reason in ((7, "words not found"), (21, "paragraph not found")):
        assert f"belarus.txt:{line}: {reason}" in result.stderr


def test_the_base_taken_in_by_a_glob_is_left_out_with_a_warning():
    result = run(BASE, BASE, *AMENDMENTS)
    assert result.exit_code == 0, result.output
    assert "goal16.txt: left out: it is the base text itself" in result.stderr
    assert "goal16 " not in result.stdout.split("== Delegations")[1]


def test_each_weak_comparison_names_its_proposal(tmp_path):
    other = tmp_path / "Elsewhere.txt"
    other.write_text("Something else entirely, about fisheries and the deep sea.\n", "utf-8")
    result = run(BASE, other, AMENDMENTS[0])
    assert result.exit_code == 0, result.output
    weak = [line for line in result.stderr.splitlines() if "weak comparison" in line]
    assert len(weak) == 1 and "proposal of Elsewhere (" in weak[0]


def test_a_redline_made_on_another_text_is_said(tmp_path):
    text = (CASE / "goal16.txt").read_text(encoding="utf-8").replace("reduce", "lower", 1)
    (tmp_path / "rev1.txt").write_text(text, encoding="utf-8")
    result = run(tmp_path / "rev1.txt", CASE / "redline.docx")
    assert result.exit_code == 0, result.output
    assert "the redline was made on another text: 1 of its paragraphs" in result.stderr
    assert "the redline was made on another text" not in run(BASE, CASE / "redline.docx").stderr


def test_compile_with_precedents_says_where_proposed_words_were_agreed(tmp_path):
    from unwording.precedents import add_paths, open_index

    index = open_index(str(tmp_path / "past.db"), create=True)
    add_paths(index, [str(FIXTURES / "precedents" / "index")])
    index.close()
    args = [BASE, *AMENDMENTS, "--precedents", tmp_path / "past.db"]
    text = run(*args)
    assert text.exit_code == 0, text.output
    agreed = text.stdout.split("== Agreed language")[1]
    assert (
        "Goal 16 / 16.10, European Union, Norway, Russian Federation: removed wording agreed "
        "since 2015, in A/RES/70/1 (2015) Goal 16 / 16.10" in agreed
    )
    assert "Belarus: new language: “and promote a family-supporting environment" in agreed
    report = json.loads(run(*args, "--format", "json").stdout)
    schema = json.loads((ROOT / "unwording" / "data" / "compilation.schema.json").read_text())
    jsonschema.validate(report, schema)
    assert any(p["agreed"] and p["change"] == "removed" for p in report["precedents"])
    assert "precedents" not in json.loads(run(BASE, *AMENDMENTS, "-f", "json").stdout)
    page = run(*args, "--format", "html").stdout
    assert 'id="agreed"' in page and "<cite>" in page
    assert run(*args, "--format", "docx", "-o", tmp_path / "c.docx").exit_code == 2
