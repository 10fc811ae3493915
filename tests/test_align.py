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
