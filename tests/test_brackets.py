"""Bracket flags (issue 9): what is a negotiating bracket, and what became of it.

The texts are real: the Paris Agreement draft of 9 December 2015 and the adopted
text of 12 December 2015 (UNFCCC, via rufuspollock-okfn/cop21), the Rio+20 draft of
2 June 2012 and the agreed text, and the procedural notes of A/RES/73/8 and
A/RES/80/4 and of a First Committee resolution of the eightieth session.
"""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from unwording import Options, compare, compare_files
from unwording.report.wording import flag_body
from unwording.rules.brackets import find_brackets

HEAD = "The General Assembly,\n\n"

PARIS_TEMPERATURE = (
    "1. To hold the increase in the global average temperature to well below 2°C above"
    " pre-industrial levels [and to [rapidly] scale up global efforts to limit temperature"
    " increase to below 1.5 °C] [,while recognizing that in some regions and vulnerable"
    " ecosystems high risks are projected even for warming above 1.5 °C],"
)
PARIS_TEMPERATURE_FINAL = (
    "1. Holding the increase in the global average temperature to well below 2 °C above"
    " pre-industrial levels and to pursue efforts to limit the temperature increase to 1.5 °C"
    " above pre-industrial levels, recognizing that this would significantly reduce the risks"
    " and impacts of climate change;"
)
PARIS_PROGRESSION = (
    "3. Each Party’s successive ### [shall][should][will] represent a progression beyond the"
    " Party’s previous efforts and reflect its highest possible ambition [based on common but"
    " differentiated responsibilities and respective capabilities, in light of different"
    " national circumstances]."
)
PARIS_PROGRESSION_FINAL = (
    "3. Each Party's successive nationally determined contribution will represent a"
    " progression beyond the Party's then current nationally determined contribution and"
    " reflect its highest possible ambition, reflecting its common but differentiated"
    " responsibilities and respective capabilities, in the light of different national"
    " circumstances."
)
RIO_POVERTY = (
    "2. Eradicating poverty is the greatest global challenge facing the world today and an"
    " indispensable requirement for sustainable development. In this regard we are committed"
    " to free humanity from {} poverty and hunger as a matter of urgency."
)
RIO_PATTERNS = (
    "3. We recognize that poverty eradication together with [changing unsustainable - EU, G77"
    " retain / promoting sustainable - US] patterns of production and consumption and"
    " protecting and managing the natural resource base of economic and social development"
    " are the overarching objectives of and essential requirements for sustainable"
    " development. We also reaffirm the need to: promote [sustained and equitable and"
    " inclusive / sustained and inclusive - US] economic growth and sustainable development."
)
RIO_PATTERNS_FINAL = (
    "3. We recognize that poverty eradication, changing unsustainable and promoting"
    " sustainable patterns of consumption and production, and protecting and managing the"
    " natural resource base of economic and social development are the overarching"
    " objectives of and essential requirements for sustainable development. We also reaffirm"
    " the need to achieve sustainable development by: promoting sustained, inclusive and"
    " equitable economic growth."
)


def brackets(base: str, draft: str, **options) -> list:
    comparison = compare(HEAD + base, HEAD + draft, Options(**options))
    return [f for f in comparison.flags if f.category == "brackets"]


def outcomes(base: str, draft: str) -> list[tuple[str, str, str]]:
    return [(f.kind, f.term, f.detail) for f in brackets(base, draft)]


# 1. What is not a negotiating bracket


@pytest.mark.parametrize(
    "text",
    [
        "[without reference to a Main Committee (A/73/L.3)]",
        "[on the report of the First Committee (A/80/534, para. 7)]",
        "[Agreed ad ref]",
        "[Subsequently, the delegation of Nauru informed the Secretariat that it had"
        " intended to vote against.]",
        "9. ... be provided by X. {Note: pending outcome of Article 9}",
        "[Placeholder for Annex X]",
        "highest possible ambition *[level of ambition + progression]* in accordance with",
        "*This is an updated version of the [draft agreement and draft decision][source] on",
        "*This is the COP21 Paris Agreement as [published][12dec] on 12 December 2015.",
        "[Decision adopting this agreement is here](http://unfccc.int/decision)",
        "the Convention on the Rights of the Child[^4] and the Convention",
        "[source]: http://unfccc.int/files/bodies/awg/application/pdf/_adp_compilation.pdf",
        "[sin remisión previa a una Comisión Principal (A/80/L.6)]",
        "[sobre la base del informe de la Primera Comisión (A/80/534, párr. 7)]",
        "[根据第一委员会的报告(A/80/534, 第7段)]",
    ],
)
def test_notes_and_links_are_not_brackets(text):
    assert find_brackets(text) == []


def test_a_markdown_link_to_a_defined_label_is_not_a_bracket(tmp_path):
    (tmp_path / "base.md").write_text("*This is the COP21 Paris Agreement.*\n", "utf-8")
    (tmp_path / "draft.md").write_text(
        "*This is the COP21 [Paris Agreement] as contained in the [report].*\n\n"
        "[Paris Agreement]: http://unfccc.int/pa\n\n[report]: http://unfccc.int/report\n",
        "utf-8",
    )
    flags = compare_files(tmp_path / "base.md", tmp_path / "draft.md").flags
    assert [f for f in flags if f.category == "brackets"] == []


def test_procedural_notes_of_two_sessions_raise_nothing():
    base = "[without reference to a Main Committee (A/73/L.3)]\n\n1. Decides to act;"
    draft = "[without reference to a Main Committee (A/80/L.6)]\n\n1. Decides to act;"
    assert brackets(base, draft) == []
    assert brackets(base, "1. Decides to act;") == []


def test_the_pdf_of_a_res_73_8_against_80_4_has_no_bracket_flag():
    case = FIXTURES / "ares-73-8-pdf-vs-80-4"
    flags = compare_files(case / "base.pdf", case / "draft.txt").flags
    assert [f for f in flags if f.category == "brackets"] == []


def test_a_placeholder_is_not_glued_to_its_word_but_a_word_part_is():
    assert [b.raw for b in find_brackets("decrease by[x] per cent")] == ["[x]"]
    found = find_brackets("[Each] Part[y] [ies] to such an agreement, a[n intended] contribution")
    assert [b.raw for b in found] == ["[Each]", "Part[y]", "[ies]", "a[n intended]"]
    assert found[1].readings == ("Party",)


# 2. Kept, kept with edits, dropped


def test_kept_with_edits_is_not_dropped():
    first, second = brackets(PARIS_TEMPERATURE, PARIS_TEMPERATURE_FINAL)
    assert (first.kind, first.detail) == ("bracket_resolved", "kept with edits")
    assert first.after == "and to pursue efforts to limit the temperature increase to 1.5 °C"
    assert (second.detail, second.severity) == ("dropped", "medium")


def test_common_but_differentiated_responsibilities_kept_with_edits():
    found = outcomes(PARIS_PROGRESSION, PARIS_PROGRESSION_FINAL)
    assert found == [
        ("bracket_resolved", "shall / should / will", "kept: will"),
        (
            "bracket_resolved",
            "based on common but differentiated responsibilities and respective capabilities,…",
            "kept with edits",
        ),
    ]


@pytest.mark.parametrize(
    "base, draft, detail",
    [
        (
            "1. Assists [developed country] Parties in reporting;",
            "1. Assists developing country Parties in reporting;",
            "dropped",
        ),
        (
            "1. Capacity-building should foster country ownership of Parties, [in particular,"
            " for developing country Parties,] including at the national level;",
            "1. Capacity-building should foster country ownership of Parties, in particular,"
            " for developing country Parties, including at the national level;",
            "kept",
        ),
        (
            "1. It shall do so in light of the best available science [and equity].",
            "1. It shall do so in the light of equity and the best available science.",
            "kept with edits",
        ),
        (
            "1. LDCs [and SIDS][and African states] may communicate their contributions;",
            "1. The least developed countries and small island developing States may prepare"
            " and communicate their contributions;",
            "kept: and SIDS",
        ),
    ],
)
def test_what_became_of_the_bracketed_text(base, draft, detail):
    assert [f.detail for f in brackets(base, draft)] == [detail]


# 3. A bracket still in the draft is not resolved


def test_a_bracket_still_bracketed_is_changed_not_resolved():
    base = "1. Parties [shall][should] provide support;"
    (flag,) = brackets(base, "1. Parties [shall] provide support;")
    assert (flag.kind, flag.detail) == ("bracket_changed", "still bracketed")
    assert (flag.before, flag.after) == ("[shall][should]", "[shall]")
    assert flag_body(flag, "Brackets") == "[shall][should] -> [shall] (still bracketed)"


def test_typography_inside_a_bracket_is_no_change():
    base = "1. Parties take note of [Parties’ efforts – so far] and act;"
    draft = "1. Parties take note of [Parties' efforts - so far] and act now;"
    assert brackets(base, draft) == []


def test_a_bracket_lifted_around_its_nested_brackets_is_resolved_not_changed():
    base = (
        "10. [The [NDMC*][INDC] communicated by Parties shall be [listed][published] [in an"
        " online registry maintained by the secretariat][in Annex [X] to this Agreement].]"
    )
    draft = (
        "10. The ### communicated by Parties shall be recorded [in an online registry"
        " maintained by the secretariat][in Annex [X] to this Agreement]."
    )
    assert [(f.kind, f.detail) for f in brackets(base, draft)] == [
        ("bracket_resolved", "kept with edits")
    ]
    grown = outcomes(
        "1. Parties shall report on [developing country Parties] efforts;",
        "1. Parties shall report on [developing country Parties, in particular the least"
        " developed countries] efforts;",
    )
    assert [detail for _, _, detail in grown] == ["still bracketed"]


def test_a_new_attribution_is_a_change():
    (flag,) = brackets(
        RIO_POVERTY.format("[extreme - US; G77 delete]"), RIO_POVERTY.format("[extreme - US]")
    )
    assert (flag.kind, flag.detail) == ("bracket_changed", "still bracketed, attribution changed")
    assert (flag.before, flag.after) == ("US, G77 (delete)", "US")


# 4. One flag for a deleted paragraph


def test_a_deleted_paragraph_gives_one_flag():
    base = (
        "1. Decides to act;\n\n2. If Parties [implementing] [acting] jointly do so in the"
        " framework of, and together with, a regional economic integration organization, any"
        " alteration in the composition of the organization shall not affect existing"
        " contributions.\n\n3. [Parties should integrate climate considerations, including"
        " resilience, into international development assistance.]"
    )
    comparison = compare(base, "1. Decides to act;")
    found = [(f.kind, f.detail) for f in comparison.flags]
    # a provision deleted whole is one flag, its brackets folded into it; a paragraph
    # that was in brackets as a whole (a proposal) is one bracket flag
    assert found == [
        ("paragraph_deleted", ""),
        ("bracket_removed", "paragraph deleted, all of it in brackets"),
    ]
    assert [f.severity for f in comparison.flags] == ["high", "low"]


def test_a_new_paragraph_gives_one_flag():
    draft = (
        "1. Decides to act;\n\n2. Parties [shall][should] [regularly][biennially] communicate"
        " [relevant, indicative] information."
    )
    assert [f.detail for f in brackets("1. Decides to act;", draft)] == [
        "new paragraph, with 2 other brackets"
    ]


# 5. Alternatives and Options


def test_alternatives_kept_both_and_kept_with_edits_rio():
    found = brackets(RIO_PATTERNS, RIO_PATTERNS_FINAL)
    assert [(f.detail, f.parties) for f in found] == [
        ("kept both", ("EU (retain)", "G77 (retain)", "US")),
        ("kept with edits: sustained and equitable and inclusive", ("US",)),
    ]
    assert found[1].after == "sustained, inclusive and equitable"


def test_no_alternative_kept_says_what_stands_instead():
    base = (
        "1. Support shall be provided by [developed country Parties][all Parties in a position"
        " to do so] to developing country Parties."
    )
    draft = base.replace(
        "[developed country Parties][all Parties in a position to do so]", "Parties"
    )
    (flag,) = brackets(base, draft)
    assert (flag.detail, flag.after, flag.severity) == (
        "dropped: no alternative kept",
        "Parties",
        "medium",
    )


def test_numbers_in_brackets_are_quantities():
    base = (
        "1. This Agreement shall enter into force on the thirtieth day after the date on which"
        " at least [50][60] Parties to the Convention have deposited their instruments."
    )
    comparison = compare(base, base.replace("[50][60]", "55"))
    assert [(f.kind, f.detail) for f in comparison.flags] == [
        ("quantity_changed", "[50][60] Parties -> 55 Parties")
    ]


@pytest.mark.parametrize(
    "base, draft, detail",
    [
        (
            "1. Parties [shall][should] provide support;",
            "1. Parties should provide support;",
            "kept: should",
        ),
        (
            "2. The CMA shall undertake its first global stocktake in [2023][2024];",
            "2. The CMA shall undertake its first global stocktake in 2023;",
            "kept: 2023",
        ),
        (
            "4. ... and [meeting the cost of the transfer of][facilitating access to] technology;",
            "4. ... and facilitating access to technology;",
            "kept: facilitating access to",
        ),
    ],
)
def test_which_alternative_survived(base, draft, detail):
    assert [f.detail for f in brackets(base, draft)] == [detail]


def test_options_report_which_survived():
    case = FIXTURES / "paris-finance-v3-v4"
    flags = compare_files(case / "base.md", case / "draft.md").flags
    options = [(f.matched, f.detail) for f in flags if f.term == "Options"]
    # an Option whose wording lives on in the final text is not said to be dropped
    # (6.2 Option 3 and 6.7 Option 3: much of their wording is in Article 9.3 and 9.5)
    assert options == [
        ("Option 1", "dropped: Option 1"),  # Art. 6.2, mobilization
        ("Option 2", "kept: Option 2"),
        ("Option 1", "dropped: Option 1"),  # Art. 6.4, scale: none survived
        ("Option 2", "dropped: Option 2"),
        ("Option 3", "dropped: Option 3"),
        ("Option 1", "dropped: Option 1"),  # Art. 6.7, communication
        ("Option 2", "kept: Option 2"),
    ]
    deleted = {f.pair for f in flags if f.detail.startswith("dropped: Option")}
    assert all(
        len([f for f in flags if f.pair == pair and f.category == "brackets"]) == 1
        for pair in deleted
    )


def test_the_lead_in_merged_with_its_surviving_option(tmp_path):
    (tmp_path / "base.md").write_text(
        "## Article 2\n\n1. This Agreement aims:\n\n    1. To hold the increase in the global"
        " average temperature to\n\n        **Option 1:** below 2 °C above pre-industrial"
        " levels,\n\n        **Option 2:** well below 2°C above pre-industrial levels [and to"
        " [rapidly] scale up global efforts to limit temperature increase to below 1.5 °C],\n\n"
        "        **Option 3:** below 1.5°C above pre-industrial levels,\n",
        "utf-8",
    )
    (tmp_path / "draft.md").write_text(
        "## Article 2\n\n1. This Agreement aims:\n\n    (a) Holding the increase in the global"
        " average temperature to well below 2 °C above pre-industrial levels and to pursue"
        " efforts to limit the temperature increase to 1.5 °C above pre-industrial levels;\n",
        "utf-8",
    )
    flags = compare_files(tmp_path / "base.md", tmp_path / "draft.md").flags
    found = sorted(f.detail for f in flags if f.category == "brackets")
    assert found == ["dropped: Option 1", "dropped: Option 3", "kept with edits", "kept: Option 2"]


# 6. Attribution


def test_rio_attribution_is_kept_on_the_resolution():
    (flag,) = brackets(RIO_POVERTY.format("[extreme - US; G77 delete]"), RIO_POVERTY.format(""))
    assert (flag.kind, flag.term, flag.detail) == ("bracket_resolved", "extreme", "dropped")
    assert flag.parties == ("US", "G77 (delete)")
    assert flag_body(flag, "Brackets") == "[extreme - US; G77 delete] (dropped; US, G77 (delete))"


def test_alternatives_split_only_at_the_top_level():
    (bracket,) = find_brackets("[a [b / c] d / e - EU]")
    assert bracket.alternatives == ("a [b / c] d", "e")
    assert bracket.parties == ("EU",)


def test_paris_v3_v4_bracket_outcomes_a_negotiator_can_check():
    case = FIXTURES / "paris-v3-v4"
    flags = compare_files(case / "base.md", case / "draft.md").flags
    found = {(f.matched[:40], f.detail) for f in flags if f.category == "brackets"}
    assert ("[Article 3bis]", "kept") in found  # the forests article survived as Article 5
    assert ("[and maintain][successive]", "kept both") in found
    assert ("[track progress towards][account for]", "kept: account for") in found
    assert ("[may draw from and build on]", "dropped") in found
    assert ("[shall take into account]", "kept with edits") in found
    assert not any("[source]" in matched or "Main Committee" in matched for matched, _ in found)
