"""The negotiator's flags: verbs, position, modals, brackets, editorial, languages."""

from __future__ import annotations

import sys

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from unwording import Options, compare
from unwording.cli import cli
from unwording.language import detect_language
from unwording.rules.brackets import find_brackets
from unwording.rules.editorial import classify

sys.path.insert(0, str(FIXTURES))
import flag_accuracy  # noqa: E402

HEAD = "The General Assembly,\n\n"


def found(base, draft, prefix="", **options):
    comparison = compare(HEAD + base, HEAD + draft, Options(**options))
    return [(f.kind, f.category, f.term) for f in comparison.flags if f.kind.startswith(prefix)]


@pytest.mark.parametrize(
    "base, draft, expected",
    [
        (
            "1. Urges States to act;",
            "1. Encourages States to act;",
            ("verb_weakened", "directive", "Urges -> Encourages"),
        ),
        (
            "1. Invites States to act;",
            "1. Strongly urges States to act;",
            ("verb_strengthened", "directive", "Invites -> urges"),
        ),
        (
            "1. Urges States to act;",
            "1. Strongly urges States to act;",
            ("verb_strengthened", "directive", "Urges -> urges"),
        ),
        (
            "Reaffirming the 2030 Agenda,",
            "Recalling the 2030 Agenda,",
            ("verb_weakened", "reaffirmation", "Reaffirming -> Recalling"),
        ),
        (
            "1. Condemns the attacks;",
            "1. Expresses concern about the attacks;",
            ("verb_weakened", "condemnation", "Condemns -> Expresses concern"),
        ),
    ],
)
def test_opening_verbs_on_their_scale(base, draft, expected):
    flags = found(base, draft, "verb_")
    assert flags[0][:2] == expected[:2]
    assert flags[0][2].lower() == expected[2].lower()


def test_neutral_modifiers_and_unscaled_verbs_raise_nothing():
    assert found("1. Requests the report;", "1. Also requests the report;", "verb_") == []
    assert found("1. Stresses the point;", "1. Underlines the point;", "verb_") == []


def test_welcomes_to_takes_note_is_on_the_endorsement_scale():
    flags = found("1. Welcomes the report;", "1. Takes note of the report;", "verb_")
    assert [f[:2] for f in flags] == [("verb_weakened", "endorsement")]


def test_operative_paragraph_moved_into_the_preamble_loses_force():
    base = "Noting the report,\n\n1. Decides to act on the report of the Secretary-General;"
    draft = "Noting the report,\n\nDeciding to act on the report of the Secretary-General,"
    assert ("verb_weakened", "position", "operative -> preambular") in found(base, draft)


@pytest.mark.parametrize(
    "base, draft, expected",
    [
        (
            "Each Party shall communicate a contribution.",
            "Each Party should communicate a contribution.",
            [("modal_weakened", "modal", "shall -> should")],
        ),
        (
            "Parties may cooperate.",
            "Parties shall cooperate.",
            [("modal_strengthened", "modal", "may -> shall")],
        ),
        (
            "Parties will report.",
            "Parties are encouraged to report.",
            [("modal_weakened", "modal", "will -> are encouraged to")],
        ),
        ("It needs the will of States.", "It needs the political will of States.", []),
        ("It was adopted in March.", "It was adopted in May.", []),
    ],
)
def test_modal_shifts(base, draft, expected):
    assert found(base, draft, "modal_") == expected


def test_brackets_are_parsed_with_attribution():
    bracket = find_brackets("free humanity from [extreme - US; G77 delete] poverty")[0]
    assert bracket.text == "extreme"
    assert bracket.parties == ("US", "G77 (delete)")
    alternatives = find_brackets(
        "[changing unsustainable - EU, G77 retain / promoting sustainable - US]"
    )
    assert alternatives[0].alternatives == ("changing unsustainable", "promoting sustainable")
    assert alternatives[0].parties == ("EU (retain)", "G77 (retain)", "US")
    side_by_side = find_brackets("[Each Party][All Parties] shall")
    assert [b.alternatives for b in side_by_side] == [("Each Party", "All Parties")]


def test_bracket_resolutions():
    base = "1. Parties [shall][should] provide [new and additional] resources [from 2020];"
    draft = "1. Parties should provide new and additional resources;"
    comparison = compare(HEAD + base, HEAD + draft)
    details = sorted(
        (f.kind, f.term, f.detail) for f in comparison.flags if f.category == "brackets"
    )
    assert details == [
        ("bracket_resolved", "from 2020", "dropped"),
        ("bracket_resolved", "new and additional", "kept"),
        ("bracket_resolved", "shall / should", "kept: should"),
    ]
    added = compare(
        HEAD + draft, HEAD + "1. Parties should provide [new and additional] resources;"
    )
    assert [(f.kind, f.detail) for f in added.flags] == [
        ("bracket_added", "existing text bracketed")
    ]
    removed = compare(HEAD + base + "\n\n2. Decides to act;", HEAD + "2. Decides to act;")
    # the deleted provision is one flag; its brackets are not flagged one by one
    assert [f.kind for f in removed.flags] == ["paragraph_deleted"]


@pytest.mark.parametrize(
    "base, draft, nature",
    [
        (
            "1. Recalls its resolution 79/7 of 30 October 2024;",
            "1. Recalls its resolution 80/4 of 29 October 2025;",
            "editorial",
        ),
        (
            "1. Decides to consider at its seventy-ninth session;",
            "1. Decides to consider at its eightieth session;",
            "editorial",
        ),
        (
            "1. Takes note of the report (A/79/83);",
            "1. Takes note of the report (A/80/83);",
            "editorial",
        ),
        ("1. Urges States to act;", "1. Encourages States to act;", "substantive"),
        (
            "1. Decides to act in 2024;",
            "1. Decides to act in May 2025 where possible;",
            "substantive",
        ),
    ],
)
def test_editorial_or_substantive(base, draft, nature):
    comparison = compare(HEAD + base, HEAD + draft)
    assert [classify(p) for p in comparison.pairs if p.changed] == [nature]
    assert [p.nature for p in comparison.pairs if p.changed] == [nature]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Reaffirming the purposes and principles of the Charter of the United Nations,", "en"),
        ("Réaffirmant les buts et principes de la Charte des Nations Unies et les droits", "fr"),
        ("Reafirmando los propósitos y principios de la Carta de las Naciones Unidas y los", "es"),
        ("вновь подтверждая цели и принципы Устава Организации Объединенных Наций и", "ru"),
        ("إذ تؤكد من جديد مقاصد ميثاق الأمم المتحدة ومبادئه", "ar"),
        ("重申《联合国宪章》的宗旨和原则", "zh"),
    ],
)
def test_language_detection(text, lang):
    assert detect_language([text]) == lang


def test_french_matching_ignores_accents_and_russian_matches_inflections():
    assert found("1. Promouvoir l'egalite des sexes;", "1. Promouvoir;", "term_", lang="fr") == [
        ("term_removed", "gender", "égalité des sexes")
    ]
    ru = found("1. содействовать гендерному равенству;", "1. содействовать;", "term_", lang="ru")
    assert ru == [("term_removed", "gender", "гендерное равенство")]


@pytest.mark.parametrize("case", flag_accuracy.cases(), ids=lambda c: c.name)
def test_fixture_flags_are_exactly_the_recorded_ones(case):
    correct, raised, expected = flag_accuracy.score(case)
    assert correct == raised == expected


def test_terms_command_lists_the_active_lexicon(tmp_path):
    result = CliRunner().invoke(cli, ["terms", "--lang", "fr"])
    assert result.exit_code == 0
    assert "égalité des sexes" in result.stdout and "selon qu'il convient" in result.stdout
    assert "[x] human-rights" in result.stdout and "[ ] peace-security" in result.stdout
    gender = CliRunner().invoke(cli, ["terms", "--lang", "fr", "--profile", "gender"]).stdout
    assert "égalité des sexes" in gender and "droits de l'homme:" not in gender
    custom = tmp_path / "mine.toml"
    custom.write_text('[[terms]]\ncategory = "oceans"\nterm = "blue economy"\n', encoding="utf-8")
    listed = CliRunner().invoke(cli, ["terms", "--lexicon", str(custom)])
    assert "blue economy" in listed.stdout
    bad = CliRunner().invoke(cli, ["terms", "--lexicon", str(tmp_path / "none.toml")])
    assert bad.exit_code == 2 and "no such lexicon" in bad.stderr
