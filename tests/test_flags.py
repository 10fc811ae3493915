"""Term flags and lexicons: added/removed, precision cases, user lexicons."""

from __future__ import annotations

import pytest

from unwording import LexiconError, Options, compare
from unwording.lexicon import load_lexicon
from unwording.rules.terms import find_terms

LEXICON = load_lexicon()
HEAD = "The General Assembly,\n\n"


def flags(base, draft, **options):
    comparison = compare(HEAD + base, HEAD + draft, Options(**options))
    return [
        (f.kind, f.category, f.term, f.matched)
        for f in comparison.flags
        if f.kind.startswith("term_")
    ]


def test_swap_removes_and_adds_terms():
    found = flags(
        "1. Reaffirms that democracy and human rights are essential;",
        "1. Reaffirms that the rule of law and an effective and capable institution are essential;",
    )
    assert found == [
        ("term_removed", "human-rights", "human rights", "human rights"),
        ("term_removed", "democracy", "democracy", "democracy"),
        ("term_added", "rule-of-law", "rule of law", "rule of law"),
        (
            "term_added",
            "governance",
            "effective and capable institutions",
            "effective and capable institution",
        ),
    ]


def test_inserted_and_deleted_paragraphs_flag_their_terms():
    base = "1. Decides to act;"
    draft = "1. Decides to act;\n\n2. Stresses a family-supporting environment;"
    assert flags(base, draft) == [
        ("term_added", "family", "family-supporting", "family-supporting")
    ]
    assert flags(draft, base) == [
        ("term_removed", "family", "family-supporting", "family-supporting")
    ]


@pytest.mark.parametrize(
    "base, draft",
    [
        ("1. Notes the familiar procedure;", "1. Notes the familiar procedure again;"),
        (
            "1. Protects human rights in all cases;",
            "1. Protects and promotes human rights in all cases;",
        ),
        (
            "1. Urges respect for human rights;\n\n2. Decides to act;",
            "1. Decides to act;\n\n2. Urges respect for human rights;",
        ),
        ("1. Welcomes gender equality;", "1. Welcomes “gender\u00a0equality”;"),
    ],
    ids=["word-containing-a-term", "reworded-keeps-term", "moved-paragraph", "typography"],
)
def test_no_flag_without_a_change_in_term_count(base, draft):
    assert flags(base, draft) == []


def test_longest_match_wins():
    found = find_terms("support human rights defenders and human rights", LEXICON.terms)
    assert [term.term for term, _ in found] == ["human rights defenders", "human rights"]


def test_variants_match_case_and_hyphens():
    found = find_terms("a Family Supporting and gender-responsive policy", LEXICON.terms)
    assert [term.term for term, _ in found] == ["family-supporting", "gender"]


def test_default_lexicon_covers_the_required_categories():
    required = {
        "human-rights",
        "democracy",
        "rule-of-law",
        "fundamental-freedoms",
        "human-rights-defenders",
        "civil-society",
        "gender",
        "srhr",
        "sogi",
        "family",
        "sovereignty",
        "coercive-measures",
        "right-to-development",
        "cbdr",
        "climate",
        "indigenous-peoples",
        "trafficking",
        "occupation",
        "poverty",
        "local-communities",
        "mother-earth",
        "loss-and-damage",
        "fossil-fuels",
    }
    default = {term.category for term in LEXICON.terms}
    assert required <= default and "illicit-trafficking" not in default  # off by default


def test_user_toml_lexicon_adds_and_replaces(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(
        '[[terms]]\ncategory = "oceans"\nterm = "blue economy"\nphrases = ["blue economy"]\n'
        '[[terms]]\ncategory = "democracy"\nterm = "democracy"\nphrases = ["democratic governance"]\n'
    )
    found = flags(
        "1. Notes it;", "1. Notes the blue economy and democracy;", lexicon_path=str(path)
    )
    assert found == [("term_added", "oceans", "blue economy", "blue economy")]


def test_user_yaml_lexicon_can_replace_the_default(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("replace_default: true\nterms:\n  - category: x\n    term: sport\n")
    lexicon = load_lexicon(path)
    assert [t.term for t in lexicon.terms] == ["sport"]


@pytest.mark.parametrize(
    "content, message",
    [
        ("terms = 3", "must be a list"),
        ("[[terms]]\nterm = 'x'", "needs a 'category'"),
        ("[[terms]]\ncategory='a'\nterm='b'\npatterns=['(']", "invalid pattern"),
        ("not toml [", "invalid TOML"),
        ("[[terms]]\ncategory='a'\nterm='b'\nphrases='b c'", "must be a list"),
    ],
)
def test_bad_lexicons_are_clear_errors(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content)
    with pytest.raises(LexiconError, match=message):
        load_lexicon(path)


def test_missing_lexicon_file(tmp_path):
    with pytest.raises(LexiconError, match="no such lexicon"):
        load_lexicon(tmp_path / "none.toml")
