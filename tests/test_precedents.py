"""Agreed language (issue 16): the index (SQLite, and PostgreSQL when
UNWORDING_TEST_POSTGRES names a database; under CI=true it must), lookups, the
reviewer's truth, `find_precedents` on comparisons, the reports and the CLI.

Every test that takes `backend` runs once per backend. PostgreSQL tests work in a
schema of their own, dropped and made again, so they never see another's tables.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from urllib.parse import quote

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import FIXTURES, ROOT

from unwording import compare_files, render
from unwording.cli import cli
from unwording.precedents import (
    add_paths,
    changed_phrases,
    find_precedents,
    lookup,
    open_index,
)
from unwording.precedents.phrases import find_in, tolerance, words_of
from unwording.report import RenderSettings

sys.path.insert(0, str(FIXTURES))
import precedents_accuracy  # noqa: E402

CASE = FIXTURES / "precedents"
PAST = CASE / "index"
DRAFTS = CASE / "drafts"
SCHEMA = json.loads((ROOT / "unwording" / "data" / "comparison.schema.json").read_text("utf-8"))
POSTGRES = os.environ.get("UNWORDING_TEST_POSTGRES")
SDG_1610 = (
    "Ensure public access to information and protect fundamental freedoms, in accordance "
    "with national legislation and international agreements"
)


def postgres_location(schema: str) -> str:
    """A URL whose connections work in `schema` (made empty), then public (pg_trgm)."""
    if not POSTGRES:
        if os.environ.get("CI") == "true":
            pytest.fail("UNWORDING_TEST_POSTGRES is not set under CI")
        pytest.skip("UNWORDING_TEST_POSTGRES is not set")
    import psycopg

    with psycopg.connect(POSTGRES, autocommit=True) as connection:
        connection.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
        connection.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        connection.execute(f"CREATE SCHEMA {schema}")
    joiner = "&" if "?" in POSTGRES else "?"
    return f"{POSTGRES}{joiner}options={quote(f'-csearch_path={schema},public', safe='')}"


def location_for(backend: str, folder, name: str) -> str:
    if backend == "postgres":
        return postgres_location(f"unwording_test_{name}")
    return str(folder / f"{name}.db")


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def backend(request):
    return request.param


@pytest.fixture(scope="module")
def past(backend, tmp_path_factory):
    """The fixture's past texts, indexed once per backend; (location, Added)."""
    location = location_for(backend, tmp_path_factory.mktemp("past"), "past")
    index = open_index(location, create=True)
    added = add_paths(index, [str(PAST)])
    index.close()
    return location, added


@pytest.fixture
def index(past):
    opened = open_index(past[0])
    yield opened
    opened.close()


@pytest.fixture
def fresh(backend, tmp_path):
    opened = open_index(location_for(backend, tmp_path, "fresh"), create=True)
    yield opened
    opened.close()


# The index: what a document is, replacing, skipping -----------------------------


def test_every_past_text_is_indexed_with_symbol_date_and_language(past, index):
    added = past[1]
    assert not added.warnings
    files = sorted(p.name for p in PAST.iterdir())
    assert sorted(os.path.basename(d.source) for d in added.documents) == files
    held = {d.symbol: d for d in index.documents()}
    assert held["A/RES/80/6"].date == "2025-11-12"  # front matter
    assert held["A/RES/73/7"].date == "2018-10-29"  # the PDF's "adopted ... on" date
    assert held["A/RES/70/1"].date == "2015-09-25"
    assert {d.language for d in held.values()} == {"en"}
    assert sum(d.paragraphs for d in added.documents) == sum(d.paragraphs for d in held.values())


def test_adding_a_document_again_replaces_it(fresh):
    path = str(PAST / "A_RES_80_42.md")
    first = add_paths(fresh, [path])
    again = add_paths(fresh, [path])
    assert not first.documents[0].replaced and again.documents[0].replaced
    assert len(fresh.documents()) == 1
    assert lookup(fresh, "refrain from the use or threat of use of force").total == 1


def test_an_unreadable_file_is_a_warning_and_the_rest_is_indexed(fresh, tmp_path):
    folder = tmp_path / "texts"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(PAST / "A_RES_80_42.md", folder / "sub" / "good.md")
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    (folder / "notes.json").write_text("{}", encoding="utf-8")  # not a known suffix
    added = add_paths(fresh, [str(folder)])
    assert [os.path.basename(d.source) for d in added.documents] == ["good.md"]
    assert sorted(os.path.basename(w.source) for w in added.warnings) == [
        "broken.docx",
        "empty.txt",
    ]
    assert all(w.message.endswith("skipped") for w in added.warnings)


def test_remove_by_symbol(fresh):
    add_paths(fresh, [str(PAST / "A_RES_80_42.md"), str(PAST / "A_RES_80_6.md")])
    assert fresh.remove("A/RES/80/42") == 1
    assert [d.symbol for d in fresh.documents()] == ["A/RES/80/6"]
    assert fresh.remove("A/RES/80/42") == 0


# Lookups ------------------------------------------------------------------------


def test_exact_phrase_names_symbol_address_date_and_sentence(index):
    found = lookup(index, "protect fundamental freedoms, in accordance with national legislation")
    best = found.hits[0]
    assert (best.symbol, best.address, best.exact) == ("A/RES/70/1", "Goal 16 / 16.10", True)
    assert best.date == "2015-09-25"
    assert best.sentence == SDG_1610


def test_typography_and_case_do_not_matter(index):
    plain = lookup(index, "each other's status and mandate")
    curly = lookup(index, "EACH OTHER\u2019S STATUS AND\u00a0MANDATE")
    assert plain.total == curly.total > 0
    assert [h.address for h in plain.hits] == [h.address for h in curly.hits]


def test_near_match_with_a_word_different(index):
    found = lookup(index, "Develop effective, accountable and open institutions at all levels")
    best = found.hits[0]
    assert (best.symbol, best.address, best.changes) == ("A/RES/70/1", "Goal 16 / 16.6", 1)
    assert "transparent" in best.matched


def test_exact_before_near_then_latest_first(index):
    found = lookup(index, "independent permanent judicial institution", limit=10)
    assert [h.changes for h in found.hits] == sorted(h.changes for h in found.hits)
    assert [h.symbol for h in found.hits[:2]] == ["A/RES/80/6", "A/RES/73/7"]
    assert found.since == "2018-10-29"


def test_new_language_has_no_hit(index):
    found = lookup(index, "an annual high-level dialogue on institutional trust")
    assert found.hits == () and found.total == 0


def test_short_phrases_are_found_only_exactly():
    assert tolerance(4) == 0 and tolerance(5) == 1 and tolerance(10) == 2
    key = "Promote the rule of law at the national and international levels"
    assert find_in(words_of("the rule of law"), key, 0) is not None
    assert find_in(words_of("the rule of order"), key, tolerance(4)) is None
    assert find_in(words_of("promote the rule of order at"), key, 1)[0] == 1


def test_chinese_characters_are_words():
    assert words_of("促进法治") == ("促", "进", "法", "治")
    assert find_in(words_of("法治"), "在国家和国际各级促进法治", 0) is not None


# The reviewer's truth -------------------------------------------------------------


def test_truth_precision_and_recall(index):
    score = precedents_accuracy.score(index)
    assert score.precision == 1.0, score.details
    assert score.recall >= 0.95, score.details
    assert score.new_right == score.truth_new, score.details


# Comparisons ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def goal16():
    return compare_files(DRAFTS / "goal16-base.txt", DRAFTS / "goal16-draft.txt")


def test_changed_phrases_are_insertions_and_removals_of_four_words_or_more(goal16):
    phrases = changed_phrases(goal16)
    assert all(len(words_of(text)) >= 4 for _, _, text in phrases)
    assert ("removed" in {change for _, change, _ in phrases}) and len(phrases) >= 9
    assert not any(text == "relevant" for _, _, text in phrases)


def test_find_precedents_says_where_or_new(goal16, index):
    found = find_precedents(goal16, index)
    agreed = {f.text: f for f in found.findings if f.agreed}
    freedoms = next(f for t, f in agreed.items() if "fundamental freedoms" in t)
    assert freedoms.lookup.hits[0].address == "Goal 16 / 16.10"
    removed = [f for f in found.findings if f.change == "removed"]
    assert removed and removed[0].since == "2015"
    assert any(not f.agreed for f in found.findings)


def test_the_compared_documents_are_not_their_own_precedent(tmp_path, fresh):
    add_paths(fresh, [str(PAST / "A_RES_80_42.md")])
    base = tmp_path / "base.txt"
    base.write_text("The General Assembly,\n\n1. Decides to act;\n", encoding="utf-8")
    comparison = compare_files(base, PAST / "A_RES_80_42.md")
    assert all(not f.agreed for f in find_precedents(comparison, fresh).findings)


def test_a_draft_without_a_symbol_is_not_its_own_precedent(tmp_path, fresh):
    """A draft indexed with the past texts (under its file name: it has no symbol) is
    left out of its own comparison's lookups; another document still counts."""
    draft = tmp_path / "zero-draft.txt"
    new_text = "Urges all States to strengthen the independence of national human rights bodies"
    draft.write_text(f"The General Assembly,\n\n1. {new_text};\n", encoding="utf-8")
    add_paths(fresh, [str(draft), str(PAST / "A_RES_80_42.md")])
    base = tmp_path / "base.txt"
    base.write_text("The General Assembly,\n\n1. Decides to act;\n", encoding="utf-8")
    findings = find_precedents(compare_files(base, draft), fresh).findings
    assert findings and all(not f.agreed for f in findings)
    other = tmp_path / "other.txt"
    other.write_text(f"The General Assembly,\n\n1. {new_text};\n", encoding="utf-8")
    add_paths(fresh, [str(other)])
    findings = find_precedents(compare_files(base, draft), fresh).findings
    assert any(f.agreed and f.lookup.hits[0].symbol == "other" for f in findings)


def test_another_document_of_the_same_file_name_still_counts(tmp_path, fresh):
    """Last year's `draft.txt` (no symbol) is a precedent of this year's `draft.txt`."""
    text = "Urges all States to strengthen the independence of national human rights bodies"
    (tmp_path / "2023").mkdir()
    (tmp_path / "2024").mkdir()
    old = tmp_path / "2023" / "draft.txt"
    old.write_text(f"The General Assembly,\n\n1. {text};\n", encoding="utf-8")
    add_paths(fresh, [str(old)])
    base, draft = tmp_path / "2024" / "base.txt", tmp_path / "2024" / "draft.txt"
    base.write_text("The General Assembly,\n\n1. Decides to act;\n", encoding="utf-8")
    draft.write_text(f"The General Assembly,\n\n1. Decides to act;\n\n2. {text};\n", "utf-8")
    findings = find_precedents(compare_files(base, draft), fresh).findings
    assert any(f.agreed for f in findings)


def test_reports_show_precedents_only_when_asked(goal16, index):
    plain = render(goal16, "text")
    assert render(goal16, "text", RenderSettings()) == plain
    settings = RenderSettings(precedents=find_precedents(goal16, index))
    text = render(goal16, "text", settings)
    assert "  = agreed in A/RES/70/1 (2015) Goal 16 / 16.10" in text
    assert "  = new language: “Requests the Secretary-General" in text
    assert [line for line in text.splitlines() if not line.startswith("  = ")] == (
        plain.splitlines()
    )
    report = json.loads(render(goal16, "json", settings))
    jsonschema.validate(report, SCHEMA)
    assert "precedents" not in json.loads(render(goal16, "json"))
    phrase = next(p for p in report["precedents"]["phrases"] if "16.10" in str(p["hits"]))
    assert report["pairs"][phrase["pair"]]["address"] == "OP1"


def test_html_quotes_each_hit_with_its_source(goal16, index):
    settings = RenderSettings(precedents=find_precedents(goal16, index))
    page = render(goal16, "html", settings)
    assert 'class="precedents"' in page and "<blockquote" in page
    assert "<cite" in page and "A/RES/70/1 (2015) Goal 16 / 16.10" in page
    assert 'class="precedents"' not in render(goal16, "html")


# Command line ---------------------------------------------------------------------


def run(*args):
    return CliRunner().invoke(cli, list(map(str, args)))


def test_cli_index_lookup_and_compare(tmp_path):
    db = tmp_path / "p.db"
    added = run(
        "index", "add", PAST / "A_RES_70_1_targets.md", PAST / "A_RES_80_42.md", "--index", db
    )
    assert added.exit_code == 0, added.output
    assert added.stdout.startswith("indexed 2 documents (")
    listed = run("index", "list", "--index", db)
    assert [line.split()[1] for line in listed.stdout.splitlines()] == [
        "A/RES/70/1",
        "A/RES/80/42",
    ]
    found = run("precedents", "bribery in all their forms", "--index", db, "--format", "json")
    assert json.loads(found.stdout)["hits"][0]["address"] == "Goal 16 / 16.5"
    text = run("precedents", "bribery in all their forms", "--index", db, "--limit", "1")
    assert "A/RES/70/1 (2015) Goal 16 / 16.5" in text.stdout
    compared = run(
        "compare", DRAFTS / "goal16-base.txt", DRAFTS / "goal16-draft.txt", "--precedents", db
    )
    assert "  = agreed in A/RES/70/1 (2015) Goal 16 / 16.5" in compared.stdout
    removed = run("index", "remove", "A/RES/80/42", "--index", db)
    assert removed.exit_code == 0 and "removed 1 documents" in removed.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("precedents", "some phrase", "--index", "{missing}"),
        ("precedents", "some phrase", "--index", "{other}"),
        ("index", "remove", "A/RES/1/1", "--index", "{db}"),
        ("index", "add", "{empty}", "--index", "{db}"),
        ("compare", "{base}", "{base}", "--precedents", "{db}", "--format", "docx", "-o", "x"),
        ("compare", "{base}", "{base}", "--precedents", "{missing}"),
    ],
)
def test_cli_errors_are_one_line_and_exit_2(args, tmp_path):
    db = tmp_path / "p.db"
    assert run("index", "add", PAST / "A_RES_80_42.md", "--index", db).exit_code == 0
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    names = {
        "missing": tmp_path / "missing.db",
        "other": other,
        "db": db,
        "empty": tmp_path / "empty.txt",
        "base": DRAFTS / "icc-base.txt",
    }
    done = run(*(a.format(**names) for a in args))
    assert done.exit_code == 2, done.output
    assert len(done.stderr.strip().splitlines()[-1:]) == 1
    assert done.stderr.strip().splitlines()[-1].startswith("unwording: error: ")


def test_the_library_works_without_the_postgres_driver(tmp_path):
    code = (
        "import sys; sys.modules['psycopg'] = None\n"
        "from unwording.precedents import open_index, add_paths, lookup\n"
        f"index = open_index({str(tmp_path / 'p.db')!r}, create=True)\n"
        f"add_paths(index, [{str(PAST / 'A_RES_80_42.md')!r}])\n"
        "print(lookup(index, 'the use or threat of use of force').total)\n"
        "try:\n    open_index('postgresql://nobody@/nothing')\n"
        "except Exception as error:\n    print(type(error).__name__, error)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stderr
    assert int(lines[0]) >= 1
    assert lines[1].startswith("InputError") and "unwording[postgres]" in lines[1]


def test_a_near_match_is_similar_wording_never_agreement(index):
    from unwording.precedents.records import INSERTED, Finding
    from unwording.report.precedents import finding_line

    found = lookup(index, "effective, accountable and responsive institutions at all levels")
    assert found.hits and not any(hit.exact for hit in found.hits)
    finding = Finding(0, INSERTED, found.phrase, found)
    assert not finding.agreed and found.total == 0
    line = finding_line(finding)
    assert line.startswith("not agreed word for word: “effective, accountable and responsive")
    assert f"similar, {found.hits[0].changes} word" in line and found.hits[0].matched[:20] in line


def test_counts_do_not_depend_on_the_hits_asked_for(index):
    phrase = "effective, accountable and transparent institutions at all levels"
    assert len({lookup(index, phrase, limit).total for limit in (1, 2, 5, 20)}) == 1


def test_editorial_changes_and_symbols_are_not_looked_up():
    from unwording import compare
    from unwording.precedents.find import changed_phrases

    base = "1. Recalling its resolution 79/6 of 29 October 2024 (A/79/L.8 and A/79/L.8/Add.1);"
    draft = "1. Recalling its resolution 80/6 of 28 October 2025 (A/80/L.6 and A/80/L.6/Add.1);"
    assert changed_phrases(compare(base, draft)) == []


def test_precedents_cli_refuses_an_empty_phrase_and_leaves_no_empty_index(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    added = run("index", "add", empty, "--index", tmp_path / "new.db")
    assert added.exit_code == 2 and not (tmp_path / "new.db").exists()
    result = run("precedents", " ,;. ", "--index", tmp_path / "new.db")
    assert result.exit_code == 2 and "no words to look up" in result.output


def test_an_index_given_as_the_output_is_a_usage_error(tmp_path):
    demo = FIXTURES / "demo"
    db = tmp_path / "past.db"
    db.write_bytes(b"")
    result = run("compare", demo / "base.txt", demo / "draft.txt", "--precedents", db, "-o", db)
    assert result.exit_code == 2 and "refusing to overwrite" in result.output
