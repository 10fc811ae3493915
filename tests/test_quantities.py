"""Quantities and deadlines (rules/quantities.py), verbs anywhere, modals added,
negation (rules/verbs.py, rules/negation.py), severity and the key-changes brief."""

from __future__ import annotations

import pytest

from unwording import compare
from unwording.rules.quantities import find_quantities


def kinds(base: str, draft: str) -> list[tuple[str, str, str]]:
    return [(f.kind, f.category, f.detail) for f in compare(base, draft).flags]


def test_a_deadline_moved_ten_years_is_flagged_high():
    flags = compare(
        "15.3 By 2020, combat desertification, restore degraded land and soil",
        "15.3 By 2030, combat desertification, restore degraded land and soil",
    ).flags
    assert [(f.kind, f.detail, f.severity) for f in flags] == [
        ("quantity_changed", "By 2020 -> By 2030 (10 years later)", "high")
    ]
    assert (flags[0].before, flags[0].after) == ("By 2020", "By 2030")


def test_numeric_targets_added_are_flagged_and_make_the_change_substantive():
    base = "3.2 By 2030, end preventable deaths of newborns and children under 5 years of age"
    draft = (
        base
        + ", with all countries aiming to reduce neonatal mortality to at least as low as 12 per 1,000 live births"
    )
    comparison = compare(base, draft)
    assert ("quantity_added", "quantity", "12 per 1,000 live births") in kinds(base, draft)
    assert comparison.pairs[0].nature == "substantive"


@pytest.mark.parametrize(
    "text",
    [
        "Recalling its resolutions 76/217 of 17 December 2021 and 77/246 of 30 December 2022,",
        "in accordance with Article 4, paragraph 9, of the Convention",
        "Decides to include in the provisional agenda of its eighty-first session the item",
        "the 2030 Agenda for Sustainable Development and the Sendai Framework 2015-2030",
        "decision 1/CP.17 of the Conference of the Parties",
    ],
)
def test_references_dates_and_symbols_are_not_quantities(text):
    assert find_quantities(text) == []


def test_a_changed_meeting_date_stays_editorial():
    base = "Recalling its resolution 79/7 of 30 October 2024,"
    draft = "Recalling its resolution 80/7 of 29 October 2025,"
    comparison = compare(base, draft)
    assert comparison.flags == ()
    assert comparison.pairs[0].nature == "editorial"


def test_thresholds_money_and_counts():
    found = find_quantities(
        "well below 2 °C and 1.5 °C, USD 100 billion per year, at least 55 Parties and 55 per cent"
    )
    assert [(q.kind, q.value) for q in found] == [
        ("temperature", "2"),
        ("temperature", "1.5"),
        ("money", "100"),
        ("count", "55"),
        ("per cent", "55"),
    ]


def test_an_action_verb_weakened_inside_a_sentence():
    flags = compare(
        "2.5 By 2020, ensure access to and fair and equitable sharing of benefits",
        "2.5 By 2020, promote access to and fair and equitable sharing of benefits",
    ).flags
    assert [(f.kind, f.category, f.before, f.after) for f in flags] == [
        ("verb_weakened", "action", "ensure", "promote")
    ]


def test_a_modal_added_with_nothing_replaced():
    flags = compare(
        "For the purposes of this Agreement, all definitions contained in Article 1 apply.",
        "For the purposes of this Agreement, the definitions contained in Article 1 shall apply.",
    ).flags
    assert [(f.kind, f.term) for f in flags] == [("modal_added", "shall")]


@pytest.mark.parametrize(
    "base, draft, kind",
    [
        (
            "I.e. don’t use them for real stuff.",
            "I.e. use them for real stuff.",
            "negation_removed",
        ),
        (
            "There shall be no exceptions to this rule.",
            "There shall be exceptions to this rule.",
            "negation_removed",
        ),
        ("States shall use force.", "States shall not use force.", "negation_added"),
    ],
)
def test_a_negation_flipped(base, draft, kind):
    flags = compare(base, draft).flags
    assert [(f.kind, f.severity) for f in flags] == [(kind, "high")]
    assert compare(base, draft).pairs[0].nature == "substantive"


def test_set_phrases_are_not_negations():
    base = "Parties shall submit reports not only on mitigation, without prejudice to Article 2."
    draft = "Parties shall submit reports not only on adaptation, without prejudice to Article 2."
    assert not [f for f in compare(base, draft).flags if f.kind.startswith("negation")]


def test_the_brief_lists_high_flags_with_their_addresses():
    from unwording.report import render

    base = "Goal 15. Protect life on land\n\n15.3 By 2020, combat desertification"
    draft = "Goal 15. Protect life on land\n\n15.3 By 2030, combat desertification"
    text = render(compare(base, draft), "text")
    assert (
        "== Key changes (1)\n  Goal 15 / 15.3: deadline changed By 2020 -> By 2030 (10 years later)"
        in text
    )


@pytest.mark.parametrize("lang", ["ar", "zh"])
def test_languages_without_verb_scales_do_not_crash(lang):
    from unwording import Options

    base = "1. Urges Member States to act;\n\n2. “Decides to continue;"
    draft = "1. Invites Member States to act;\n\n2. Notes the report;\n\n3. “Decides to end;"
    comparison = compare(base, draft, Options(lang=lang))
    assert not [f for f in comparison.flags if f.kind.startswith("verb_")]


@pytest.mark.parametrize(
    ("base", "draft"),
    [
        ("the temperature [below 2 C][below 1.5 C]", "the temperature [below 2 °C][below 1.5 °C]"),
        (
            "well below 2 °C above pre-industrial levels",
            "well below 2 C above pre-industrial levels",
        ),
    ],
)
def test_a_degree_sign_typed_or_lost_is_no_figure_added_or_removed(base, draft):
    """The Paris Agreement's v1 -> v2 drafts: "below 2 C" -> "below 2 °C" (issue 14's
    review found it flagged as a quantity added)."""
    prefix = "4. Parties agree to hold the increase in the global average "
    assert not [f for f in compare(prefix + base, prefix + draft).flags if "quantity" in f.kind]


def test_a_figure_changed_with_its_degree_sign_lost_is_still_flagged():
    base = "Hold the increase in the global average temperature below 2 °C above those levels"
    draft = "Hold the increase in the global average temperature below 1.5 C above those levels"
    assert ("quantity_removed", "quantity", "2 °C") in kinds(base, draft)
