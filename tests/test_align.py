"""Alignment: exact, fuzzy, moves, renumbering, splits, merges, order of pairs."""

from __future__ import annotations

from unwording import Status, compare

PP = [
    "Recalling its resolution 79/7 of 30 October 2024 and all its previous resolutions,",
    "Reaffirming the purposes and principles of the Charter of the United Nations,",
    "Noting with concern the continued promulgation of laws of an extraterritorial nature,",
    "Welcoming the continuous support given by civil society to the Court,",
]
OP = [
    "Takes note of the report of the Secretary-General on the implementation of resolution 79/7;",
    "Reiterates its call upon all States to refrain from promulgating and applying such laws;",
    "Urges States that have such laws to take the steps necessary to repeal them;",
    "Requests the Secretary-General to prepare a report on the implementation of the present resolution;",
    "Decides to include in the provisional agenda of its eighty-first session the item;",
]


def doc(pp, op):
    numbered = [f"{n}. {text}" for n, text in enumerate(op, start=1)]
    return "\n\n".join(["The General Assembly,", *pp, *numbered])


def pairs_by_status(comparison, status):
    return [p for p in comparison.pairs if p.status is status]


def test_identical_texts_are_all_unchanged():
    comparison = compare(doc(PP, OP), doc(PP, OP))
    assert all(p.status is Status.UNCHANGED and not p.moved for p in comparison.pairs)
    assert not comparison.has_changes


def test_inserted_paragraph_renumbers_the_following_ones():
    comparison = compare(doc(PP, OP), doc(PP, OP[:2] + ["Calls upon States to act;"] + OP[2:]))
    assert [p.draft for p in pairs_by_status(comparison, Status.INSERTED)] == [(7,)]
    renumbered = [p for p in comparison.pairs if p.renumbered]
    assert [p.base for p in renumbered] == [(7,), (8,), (9,)]
    assert all(p.status is Status.UNCHANGED for p in renumbered)


def test_deleted_paragraph_stands_where_it_was():
    comparison = compare(doc(PP, OP), doc(PP, OP[:1] + OP[2:]))
    positions = [p.status for p in comparison.pairs]
    assert positions.index(Status.DELETED) == 6
    assert comparison.pairs[6].base == (6,)


def test_moved_paragraph_is_the_minimal_move():
    comparison = compare(doc(PP, OP), doc(PP, [OP[3], *OP[:3], OP[4]]))
    moved = [p for p in comparison.pairs if p.moved]
    assert len(moved) == 1
    assert moved[0].base == (8,) and moved[0].draft == (5,)
    assert moved[0].status is Status.UNCHANGED


def test_moved_and_edited_paragraph_is_found():
    edited = OP[3].replace("prepare a report", "prepare, as appropriate, a short report")
    comparison = compare(doc(PP, OP), doc(PP, [edited, *OP[:3], OP[4]]))
    moved = [p for p in comparison.pairs if p.moved]
    assert [(p.base, p.draft, p.status) for p in moved] == [((8,), (5,), Status.MODIFIED)]


def test_modified_paragraph_pairs_with_its_base():
    edited = OP[2].replace("Urges", "Encourages")
    comparison = compare(doc(PP, OP), doc(PP, OP[:2] + [edited] + OP[3:]))
    modified = pairs_by_status(comparison, Status.MODIFIED)
    assert [(p.base, p.draft) for p in modified] == [((7,), (7,))]
    assert 0.8 < modified[0].similarity < 1


def test_split_and_merge():
    long = PP[0][:-1] + ", and " + PP[1][0].lower() + PP[1][1:]
    split = compare(doc([long, *PP[2:]], OP), doc(PP, OP))
    assert [(p.base, p.draft) for p in pairs_by_status(split, Status.SPLIT)] == [((1,), (1, 2))]
    merged = compare(doc(PP, OP), doc([long, *PP[2:]], OP))
    assert [(p.base, p.draft) for p in pairs_by_status(merged, Status.MERGED)] == [((1, 2), (1,))]


def test_unrelated_paragraphs_are_deleted_and_inserted():
    other = "Decides to convene a high-level meeting on oceans in 2027 at Headquarters;"
    comparison = compare(doc(PP, OP), doc(PP, OP[:4] + [other]))
    assert [p.base for p in pairs_by_status(comparison, Status.DELETED)] == [(9,)]
    assert [p.draft for p in pairs_by_status(comparison, Status.INSERTED)] == [(9,)]


def test_pairs_follow_draft_reading_order():
    comparison = compare(doc(PP, OP), doc(PP[::-1], OP[::-1]))
    drafts = [p.draft[0] for p in comparison.pairs if p.draft]
    assert drafts == sorted(drafts)


def test_many_leftovers_are_matched_in_windows(monkeypatch):
    import unwording.align as align

    monkeypatch.setattr(align, "MAX_GAP_CELLS", 0)
    monkeypatch.setattr(align, "MAX_GLOBAL_CELLS", 4)
    base = [
        f"{n}. Requests report number {n} on topic {n * 7} from the Secretary-General;"
        for n in range(1, 41)
    ]
    draft = [text.replace("Requests", "Invites") for text in base]
    comparison = compare("\n\n".join(base), "\n\n".join(draft))
    assert len(pairs_by_status(comparison, Status.MODIFIED)) == 40


def test_a_target_rewritten_under_its_label_is_one_modified_pair():
    base = "\n\n".join(
        [
            "16.1 Significantly reduce all forms of violence and related death rates everywhere",
            "16.2 Promote democracy, human rights and good governance at all levels",
            "16.3 Promote the rule of law at the national and international levels",
        ]
    )
    draft = base.replace(
        "democracy, human rights and good governance",
        "the rule of law and an effective and capable institution",
    ).replace("16.3 Promote the rule of law at", "16.3 Ensure equal access to justice at")
    comparison = compare(base, draft)
    assert [p.status for p in comparison.pairs] == [Status.UNCHANGED] + [Status.MODIFIED] * 2


def test_a_text_cut_down_to_its_first_clause_stays_paired():
    long = (
        "Coverage of essential health services (defined as the average coverage of essential "
        "services based on tracer interventions that include reproductive, maternal, newborn "
        "and child health, infectious diseases, non-communicable diseases and service capacity)"
    )
    base = f"3.8.1 {long}\n\n3.8.2 Number of people covered by health insurance"
    draft = "3.8.1 Coverage of essential health services\n\n3.8.2 Proportion of population"
    pair = compare(base, draft).pairs[0]
    assert (pair.status, pair.base, pair.draft) == (Status.MODIFIED, (0,), (0,))


def test_unrelated_paragraphs_in_one_slot_stay_apart():
    base = "1. Decides to include the item in the provisional agenda of its next session;"
    draft = "1. Welcomes the contributions of regional organizations to peacebuilding;"
    statuses = {p.status for p in compare(base, draft).pairs}
    assert statuses == {Status.DELETED, Status.INSERTED}


def test_a_lead_in_joins_the_option_the_final_text_came_from():
    base = "\n\n".join(
        [
            "1. To hold the increase in the global average temperature to",
            "**Option 1:** below 2 °C above pre-industrial levels,",
            "**Option 2:** well below 2 °C above pre-industrial levels [and to scale up "
            "global efforts to limit temperature increase to below 1.5 °C],",
            "**Option 3:** below 1.5 °C above pre-industrial levels,",
        ]
    )
    draft = (
        "1. Holding the increase in the global average temperature to well below 2 °C above "
        "pre-industrial levels and to pursue efforts to limit the temperature increase to "
        "1.5 °C above pre-industrial levels;"
    )
    comparison = compare(base, draft)
    merged = [p for p in comparison.pairs if p.draft]
    assert [(p.status, p.base) for p in merged] == [(Status.MERGED, (0, 2))]


def test_headings_pair_by_where_their_paragraphs_went():
    finance = "Developed country Parties shall provide financial resources to assist developing country Parties with respect to both mitigation and adaptation."
    markets = "Parties recognize that some Parties choose to pursue voluntary cooperation in the implementation of their nationally determined contributions."
    base = f"Article 6 (finance)\n\n1. {finance}\n\nArticle 9 (cooperation)\n\n1. {markets}"
    draft = f"Article 6\n\n1. {markets}\n\nArticle 9\n\n1. {finance}"
    comparison = compare(base, draft)
    heads = {(p.base, p.draft) for p in comparison.pairs if p.base and p.base[0] in (0, 2)}
    assert heads == {((0,), (2,)), ((2,), (0,))}


def test_paragraphs_glued_by_an_extraction_are_cut_where_the_other_side_has_them():
    base = "1. We welcome the progress achieved.\n\n2. We call for closer coordination."
    draft = "1. We welcome the progress achieved. 2. We call for closer coordination."
    comparison = compare(base, draft)
    assert len(comparison.draft.paragraphs) == 2
    assert not comparison.has_changes


def test_a_weak_comparison_warns():
    base = "\n\n".join(PP)
    draft = "\n\n".join(OP)
    warnings = [w.message for w in compare(base, draft).warnings]
    assert any("weak comparison" in message for message in warnings)
    assert not compare(doc(PP, OP), doc(PP, OP)).warnings
