"""`unwording history`: the three forms of the issue (files, a folder, one provision),
the JSON schema, determinism, the HTML page, and errors (one line, exit 2)."""

from __future__ import annotations

import json

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import FIXTURES, ROOT

from unwording.cli import cli

PARIS = sorted(str(p) for p in (FIXTURES / "history-paris").glob("v*.md"))
SDG = str(FIXTURES / "history-sdg")
SCHEMA = json.loads((ROOT / "unwording" / "data" / "history.schema.json").read_text("utf-8"))


def run(*args):
    return CliRunner().invoke(cli, ["history", *map(str, args)])


@pytest.fixture(scope="module")
def paris_json():
    done = run(*PARIS, "--format", "json")
    assert done.exit_code == 0, done.output
    return done.stdout


def test_files_give_a_json_history_matching_its_schema(paris_json):
    report = json.loads(paris_json)
    jsonschema.validate(report, SCHEMA)
    assert report["kind"] == "history"
    assert [v["label"] for v in report["versions"]] == ["v1", "v2", "v3", "v4", "v5"]


def test_same_inputs_same_bytes(paris_json):
    assert run(*PARIS, "--format", "json").stdout == paris_json


def test_a_folder_is_its_documents_in_name_order():
    done = run(SDG, "--format", "json")
    report = json.loads(done.stdout)
    jsonschema.validate(report, SCHEMA)
    assert [v["label"] for v in report["versions"]] == ["v1", "v2"]


def test_one_provision_answers_when_shall_undertake_went(tmp_path):
    done = run(*PARIS, "--paragraph", "Art. 4.4")
    assert done.exit_code == 0
    assert "beside it, dropped: Art. 3.3 Option 1" in done.stdout
    assert "shall undertake quantified economy-wide" in done.stdout
    out = tmp_path / "a44.json"
    assert run(*PARIS, "--paragraph", "Art. 4.4", "-f", "json", "-o", out).exit_code == 0
    report = json.loads(out.read_text("utf-8"))
    jsonschema.validate(report, SCHEMA)
    assert [item["name"] for item in report["lineages"]] == ["Art. 4.4"]


def test_one_provision_answers_when_1_5_left_its_brackets():
    done = run(*PARIS, "-p", "Art. 2.1(a)")
    assert "settled v4" in done.stdout
    assert "1.5 °C] v3-v3, lifted in v4: kept with edits" in done.stdout


def test_html_is_self_contained_with_its_policy(tmp_path):
    out = tmp_path / "paris.html"
    done = run(*PARIS, "--format", "html", "-o", out, "--no-timestamp", "-p", "PP13")
    assert done.exit_code == 0, done.output
    page = out.read_text("utf-8")
    assert "Content-Security-Policy" in page and "<svg" in page
    assert 'id="from"' in page and 'data-step="3"' in page
    assert "http://" not in page.split("<main")[0] and "src=" not in page
    second = tmp_path / "again.html"
    run(*PARIS, "--format", "html", "-o", second, "--no-timestamp", "-p", "PP13")
    assert second.read_bytes() == out.read_bytes()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((PARIS[0],), "at least two versions"),
        ((*PARIS[:2], "--paragraph", "Art. 99"), "no provision has this address"),
        ((PARIS[0], FIXTURES / "nothing-here.md"), "no such file"),
        ((*PARIS[:2], "--label", "a", "--label", "b", "--label", "c"), "3 labels for 2"),
    ],
)
def test_errors_are_one_line_exit_2(args, message):
    done = run(*args)
    assert done.exit_code == 2
    assert message in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_no_progress_line_when_stderr_is_not_a_terminal():
    done = run(*PARIS[3:], "-f", "json")
    assert "comparing" not in done.stderr


def test_an_address_that_names_other_provisions_in_other_versions_is_said():
    result = CliRunner().invoke(cli, ["history", str(FIXTURES / "history-paris"), "-p", "PP10"])
    assert result.exit_code == 0, result.output
    assert "PP10 is followed as it is in v5; in v1, v2, v3 it names another" in result.stderr
    cited = CliRunner().invoke(cli, ["history", str(FIXTURES / "history-paris"), "-p", "v3:PP10"])
    assert cited.exit_code == 0 and "v3 PP10" in cited.stdout
    assert "== PP11 through" in cited.stdout


def test_history_with_precedents_says_where_each_steps_words_were_agreed(tmp_path):
    from unwording.precedents import add_paths, open_index

    index = open_index(str(tmp_path / "past.db"), create=True)
    add_paths(index, [str(FIXTURES / "precedents" / "index")])
    index.close()
    sdg = FIXTURES / "history-sdg"
    args = [sdg, "-p", "14.c", "--precedents", tmp_path / "past.db"]
    text = run(*args)
    assert text.exit_code == 0, text.output
    assert (
        "  = agreed in A/RES/70/1 (2015) Goal 14 / 14.c: “which provides the legal" in text.stdout
    )
    report = json.loads(run(*args, "-f", "json").stdout)
    schema = json.loads((ROOT / "unwording" / "data" / "history.schema.json").read_text())
    jsonschema.validate(report, schema)
    assert report["precedents"][0]["step"] == 0 and report["precedents"][0]["phrases"]
    assert "precedents" not in json.loads(run(sdg, "-p", "14.c", "-f", "json").stdout)
    page = run(*args, "-f", "html").stdout
    assert '<div class="precedents" aria-label="Agreed language">' in page
    assert "A/RES/70/1" in page and "<blockquote" in page
    assert 'class="precedents"' not in run(sdg, "-p", "14.c", "-f", "html").stdout
