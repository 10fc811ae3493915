"""`follow_versions`: lineage, term timeline, bracket lives and version names, checked
against the truth written before the history code ran (fixtures/history-*/history-truth.json)
and on small synthetic series (a paragraph deleted then restored)."""

from __future__ import annotations

import json
import re

import pytest
from conftest import FIXTURES

from unwording.history import find_date, follow_files, follow_versions
from unwording.history.records import History, Lineage
from unwording.readers import read_bytes
from unwording.rules.brackets import find_brackets

PARIS = FIXTURES / "history-paris"
SDG = FIXTURES / "history-sdg"


def _truth(folder):
    return json.loads((folder / "history-truth.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def paris() -> History:
    return follow_files([str(PARIS)])


@pytest.fixture(scope="module")
def sdg() -> History:
    return follow_files([str(SDG)])


def _version(history: History, label: str) -> int:
    return [v.label for v in history.versions].index(label)


def _text(history: History, lineage: Lineage, label: str) -> str:
    place = lineage.places[_version(history, label)]
    return place.text if place else ""


def _by_text(history: History, label: str, words: str) -> Lineage:
    version = _version(history, label)
    found = [item for item in history.lineages if words in (item.places[version] or _Empty).text]
    assert len(found) == 1, (words, len(found))
    return found[0]


class _Empty:
    text = ""


def test_versions_are_named_and_dated_from_the_files(paris):
    truth = _truth(PARIS)
    assert {v.label: v.date for v in paris.versions} == truth["versions"]


def test_a_folder_reads_only_documents_in_name_order(paris):
    assert [v.source.rsplit("/", 1)[-1][:2] for v in paris.versions] == [
        f"v{n}" for n in range(1, 6)
    ]


@pytest.mark.parametrize("question", _truth(PARIS)["provisions"], ids=lambda q: q["id"])
def test_paris_provisions_follow_the_truth(paris, question):
    if "address" in question:
        lineage = paris.find(question["address"])
    else:
        lineage = _by_text(paris, question["in"], question["find"])
    assert lineage is not None
    missed = [
        label
        for label, words in question["texts"].items()
        if words not in _text(paris, lineage, label)
    ]
    assert missed == []  # v1's temperature goal was missed while v1's list items (in
    # lowercase, one per line) were read as one paragraph


def _outside_brackets(text: str, phrase: str) -> int:
    spans = [(b.start, b.end) for b in find_brackets(text)]
    return sum(
        1
        for found in re.finditer(re.escape(phrase), text)
        if not any(a <= found.start() < b for a, b in spans)
    )


def test_temperature_goal_leaves_its_brackets_in_v4(paris):
    truth = _truth(PARIS)["provisions"][0]
    lineage = paris.find(truth["address"])
    for label in truth["only_in_brackets"]:
        text = _text(paris, lineage, label)
        assert _outside_brackets(text, truth["phrase"]) == 0, label
    for label in truth["out_of_brackets"]:
        assert _outside_brackets(_text(paris, lineage, label), truth["phrase"]) > 0, label
    assert lineage.settled == _version(paris, truth["answer"])
    lifted = [b for b in paris.brackets if b.lineage == lineage.number and "1.5" in b.text]
    assert _version(paris, truth["answer"]) in {b.lifted for b in lifted}


def test_developed_country_lead_shall_dropped_beside_it_in_v4(paris):
    from unwording.history.provision import redlines

    truth = _truth(PARIS)["provisions"][1]
    lineage = paris.find(truth["address"])
    wording = next(w for w in paris.wordings if w.lineage == lineage.number)
    for label, modals in truth["modals"].items():
        assert set(modals) <= set(wording.modals[_version(paris, label)] or ()), label
    rival = truth["rival"]
    step = _version(paris, rival["dropped_in"]) - 1
    beside = next(r for r in redlines(paris, lineage) if r.step == step).beside
    assert any(rival["text"] in (o.places[step].text if o.places[step] else "") for o in beside)
    holder = _by_text(paris, rival["present_in"][-1], rival["text"])
    assert [paris.versions[v].label for v in holder.present] == rival["present_in"]


def test_under_occupation_dropped_in_v4(paris):
    truth = _truth(PARIS)["provisions"][2]
    lineage = _by_text(paris, truth["in"], truth["find"])
    term = next(t for t in paris.terms if t.term == truth["term"])
    events = [e for e in term.events if e.lineage == lineage.number]
    removed = [paris.versions[e.version].label for e in events if e.after == 0]
    assert removed == [truth["answer"]]
    for label in truth["present_in"]:
        assert truth["phrase"] in _text(paris, lineage, label)
    bracket = truth["bracket"]
    life = next(
        b for b in paris.brackets if b.lineage == lineage.number and b.text == bracket["text"]
    )
    assert (life.first, life.lifted) == (
        _version(paris, bracket["first"]),
        _version(paris, bracket["lifted_in"]),
    )
    assert life.outcome.startswith(bracket["outcome"])


@pytest.mark.parametrize("case", _truth(PARIS)["brackets"], ids=lambda c: c["id"])
def test_paris_bracket_lives(paris, case):
    label, words = next(iter(case["paragraph_text"].items()))
    lineage = _by_text(paris, label, words)
    life = next(
        b for b in paris.brackets if b.lineage == lineage.number and b.text == case["bracket"]
    )
    got = (life.first, life.last, life.lifted)
    want = tuple(_version(paris, case[k]) for k in ("first", "last_bracketed", "lifted_in"))
    assert got == want
    assert life.outcome == f"kept: {case['kept']}"


def test_sdg_series_follows_its_truth(sdg):
    truth = _truth(SDG)
    assert {v.label: v.date for v in sdg.versions} == truth["versions"]
    for hedge in truth["hedges"]:
        timeline = next(t for t in sdg.terms if t.term == hedge["term"])
        assert list(timeline.counts) == list(hedge["counts"].values())
        lineage = sdg.find(hedge["label"])
        assert [e.lineage for e in timeline.events] == [lineage.number]
        assert hedge["paragraph_text"] in _text(sdg, lineage, "v2")
    for case in truth["lineage"]:
        lineage = sdg.find(case["label"])
        assert all(words in _text(sdg, lineage, label) for label, words in case["texts"].items())


@pytest.mark.xfail(
    strict=True,
    reason="the truth counts the '[x] per cent' placeholders as brackets; the rules "
    "(rules/brackets.trivial) call a placeholder a quantity, not a bracket, and the "
    "history follows them",
)
def test_sdg_placeholder_brackets(sdg):
    truth = _truth(SDG)
    brackets = next(t for t in sdg.terms if t.kind == "bracket")
    assert list(brackets.counts) == list(truth["bracket_counts"].values())
    for case in truth["brackets"]:
        lineage = sdg.find(case["label"])
        life = next(b for b in sdg.brackets if b.lineage == lineage.number)
        assert (life.text, life.lifted) == (case["bracket"], _version(sdg, case["lifted_in"]))


def _doc(name: str, *paragraphs: str):
    return read_bytes("\n\n".join(paragraphs).encode(), name, "text")


KEEP = [
    f"{n}. Parties shall report on their progress in area number {n} every {n + 1} years."
    for n in range(1, 6)
]
GONE = "Parties recognize the rights of indigenous peoples and local communities in all climate action."


def test_a_paragraph_deleted_then_restored_is_found_again():
    versions = [
        _doc("v1", *KEEP[:2], GONE, *KEEP[2:]),
        _doc("v2", *KEEP),
        _doc("v3", *KEEP[:4], KEEP[4].replace("report", "publish")),
        _doc("v4", *KEEP[:2], GONE.replace("all climate", "all their climate"), *KEEP[2:]),
    ]
    history = follow_versions(versions)
    lineage = next(
        item for item in history.lineages if item.places[0] and "indigenous" in item.places[0].text
    )
    assert lineage.present == (0, 3)
    assert lineage.restored == ((0, 3),)
    assert [p.status for p in lineage.passages if p.status] == ["restored"]
    term = next(t for t in history.terms if t.term == "indigenous peoples")
    assert term.counts == (1, 0, 0, 1)


def test_an_unrelated_paragraph_is_not_restored():
    other = "The secretariat shall publish the annual report on the website of the Convention."
    versions = [_doc("a", *KEEP, GONE), _doc("b", *KEEP), _doc("c", *KEEP, other)]
    history = follow_versions(versions)
    assert not any(item.restored for item in history.lineages)


def test_two_versions_at_least():
    from unwording.errors import InputError

    with pytest.raises(InputError, match="at least two"):
        follow_versions([_doc("a", *KEEP)])


def test_labels_name_versions_and_are_made_unique():
    history = follow_versions([_doc("a", *KEEP), _doc("b", *KEEP)], ["zero", "zero"])
    assert [v.label for v in history.versions] == ["zero", "zero (2)"]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("title: Draft Agreement 9 Dec 2015", "2015-12-09"),
        ("v2-2015-12-04.md", "2015-12-04"),
        ("draft_20151204.txt", "2015-12-04"),
        ("Final Draft Negotiating Text 23 October 2015", "2015-10-23"),
        ("A/RES/70/1", None),
        ("2015-13-40", None),
    ],
)
def test_dates(text, date):
    assert find_date(text) == date


def test_symbol_found_in_the_text():
    history = follow_versions(
        [
            _doc("a", "Resolution A/RES/70/1 adopted by the General Assembly", *KEEP),
            _doc("b", "Decision FCCC/CP/2015/L.9/Rev.1 of the Conference", *KEEP),
        ]
    )
    assert [v.symbol for v in history.versions] == ["A/RES/70/1", "FCCC/CP/2015/L.9/Rev.1"]


def test_a_moved_pair_that_kept_under_a_quarter_of_its_text_links_no_lineage(paris):
    """v1's "[Each developed country Party's NDMC ... [shall][should]..." and v2's "3bis
    [Developed country Parties should continue to take the lead]" were paired by the
    alignment at similarity 0.2 (moved): Art. 4.4 starts in v2, with no v1 modal."""
    lineage = paris.find("Art. 4.4")
    assert lineage is not None
    assert lineage.places[0] is None and lineage.places[1] is not None
    assert lineage.passages[0].status == "inserted" and lineage.passages[0].pairs == ()


def test_a_symbol_in_the_front_matter_names_the_version(tmp_path):
    from unwording.history import describe_versions
    from unwording.readers import read_source

    path = tmp_path / "A_RES_80_4.md"
    path.write_text(
        "---\nsymbol: A/RES/80/4\ndate: 2025-10-29\n---\n\nDraft resolution A/80/L.6\n\n"
        "1. Reiterates its call upon all States to refrain from promulgating laws;\n",
        encoding="utf-8",
    )
    version = describe_versions([read_source(path)])[0]
    assert version.symbol == "A/RES/80/4" and version.date == "2025-10-29"


def test_a_file_label_loses_its_date_and_the_separators_around_it():
    from unwording.history.versions import file_label

    assert file_label("v1_2015-10-23_ADP_draft.md") == "v1_ADP_draft"
    assert file_label("paris 2015-12-12 adopted.md") == "paris adopted"
    assert file_label("2015-12-12.md") == "2015-12-12"


def test_words_that_went_to_an_option_split_off_beside_the_provision_are_kept(paris):
    """v2 -> v3 split Art. 2's "[well] [below 2 °C]" into Options: the split pair's
    text lost them, but Option 2 beside it holds "well below 2°C"."""
    from unwording.history.provision import redlines

    lineage = paris.find("Art. 2.1(a)")
    step = next(r for r in redlines(paris, lineage) if r.step == 1)
    said = [(f.kind, f.matched, f.detail) for f in step.flags]
    assert not any(kind == "quantity_removed" and "2" in matched for kind, matched, _ in said)
    lives = {life.text: life.outcome for life in paris.brackets if life.lineage == lineage.number}
    assert lives["well"] == "kept" and lives["below 2 °C"] == "kept"
