"""Addresses: how a reviewer cites each paragraph (segment stage, addresses.py)."""

from __future__ import annotations

from unwording import compare


def addresses(text: str) -> list[str]:
    return [p.address for p in compare(text, text).base.paragraphs]


def test_treaty_articles_paragraphs_and_nested_lists():
    text = "\n\n".join(
        [
            "Article 1",
            "For the purposes of this Agreement, the definitions apply. In addition:",
            '1. "Convention" means the Convention;',
            '2. "Party" means a Party to this Agreement.',
            "Article 2",
            "1. This Agreement aims to strengthen the response, including by:",
            "1. Holding the increase in the temperature;",
            "2. Increasing the ability to adapt.",
            "2. This Agreement will be implemented to reflect equity.",
            "Article 3",
            "As nationally determined contributions, all Parties are to undertake efforts.",
        ]
    )
    assert addresses(text) == [
        "Art. 1",
        "Art. 1",
        "Art. 1(a)",
        "Art. 1(b)",
        "Art. 2",
        "Art. 2.1",
        "Art. 2.1(a)",
        "Art. 2.1(b)",
        "Art. 2.2",
        "Art. 3",
        "Art. 3",
    ]


def test_options_belong_to_the_provision_above_them():
    text = "\n\n".join(
        [
            "Article 2 *(purpose)*",
            "1. The purpose is:",
            "1. To hold the increase in the global average temperature to",
            "**Option 1:** below 2 °C,",
            "**Option 2:** well below 2 °C,",
            "2. To increase the ability to adapt;",
        ]
    )
    assert addresses(text)[3:] == ["Art. 2.1(a) Option 1", "Art. 2.1(a) Option 2", "Art. 2.1(b)"]


def test_sdg_targets_under_their_goal():
    text = "Goal 16. Promote peaceful and inclusive societies\n\n16.1 Reduce violence\n\n16.a Strengthen institutions"
    assert addresses(text) == ["Goal 16", "Goal 16 / 16.1", "Goal 16 / 16.a"]


def test_resolution_with_an_annex():
    text = "\n\n".join(
        [
            "The General Assembly,",
            "Recalling its resolution 79/1,",
            "Noting with concern the situation,",
            "1. Decides to act;",
            "(a) First;",
            "(i) One;",
            "(ii) Two;",
            "(b) Second;",
            "Expresses its gratitude to the host country.",
            "Annex",
            "I. Global context",
            "1. We gather at a critical juncture.",
        ]
    )
    assert addresses(text) == [
        "¶1",
        "PP1",
        "PP2",
        "OP1",
        "OP1(a)",
        "OP1(a)(i)",
        "OP1(a)(ii)",
        "OP1(b)",
        "OP2",
        "Annex",
        "Annex / I",
        "Annex / 1.",
    ]


def test_letter_i_after_h_is_a_letter():
    text = "1. Decides:\n\n" + "\n\n".join(f"({c}) item {c};" for c in "ghij")
    assert addresses(text)[-2:] == ["OP1(i)", "OP1(j)"]
