"""Compiling proposals against one base (issue 13): the Goal 16 truth, sites, shared
changes and conflicts, new-paragraph groups, redlines split by author, the reports."""

from __future__ import annotations

import json

import jsonschema
import pytest
from conftest import FIXTURES, ROOT

from unwording.model import Edit, Op
from unwording.proposals.bracketed import compilation_lines
from unwording.proposals.compile import compile_proposals, share_edits
from unwording.proposals.reading import read_proposals
from unwording.proposals.records import Proposal, Version
from unwording.proposals.redline import split_redline
from unwording.proposals.sites import find_sites
from unwording.proposals.summary import delegation_sentence
from unwording.readers import read_both_views, read_bytes, read_source
from unwording.report.compile_formats import render_compilation

CASE = FIXTURES / "compile-goal16"
TRUTH = json.loads((CASE / "truth.json").read_text(encoding="utf-8"))
SCHEMA = json.loads((ROOT / "unwording" / "data" / "compilation.schema.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def compilation():
    from unwording.model import Options

    proposals = []
    for path in TRUTH["run"]["proposals"]:
        found, problems = read_proposals(CASE / path, None, Options())
        assert not problems
        proposals += found
    return compile_proposals(read_source(CASE / TRUTH["run"]["base"]), proposals)


def _paragraph(compilation, address):
    return next(p for p in compilation.paragraphs if p.address == address)


def test_sponsors_come_from_file_names_and_redline_authors(compilation):
    assert list(compilation.sponsors) == TRUTH["sponsors"]


@pytest.mark.parametrize("shared", TRUTH["shared"], ids=lambda s: ", ".join(s["sponsors"]))
def test_a_shared_change_is_shown_once_with_all_its_sponsors(compilation, shared):
    paragraph = _paragraph(compilation, shared["address"])
    found = [
        a
        for s in paragraph.sites
        for a in s.alternatives
        if a.sponsors == tuple(shared["sponsors"])
    ]
    assert len(found) == 1
    site = next(s for s in paragraph.sites if found[0] in s.alternatives)
    if shared.get("proposal") == "delete":
        assert found[0].deletes
        assert shared["base_words_contain"] in site.base_text
    else:
        assert shared["proposal_contains"] in found[0].text
        assert shared["proposal_lacks"] not in found[0].text


def test_conflicts_are_marked_where_the_truth_has_them_and_nowhere_else(compilation):
    expected = {c["address"] for c in TRUTH["conflicts"]}
    assert {p.address for p in compilation.conflicts} == expected
    for conflict in TRUTH["conflicts"]:
        paragraph = _paragraph(compilation, conflict["address"])
        if "sponsors" in conflict:
            site = next(s for s in paragraph.sites if s.conflict)
            assert sorted(site.sponsors) == sorted(conflict["sponsors"])
        else:
            assert list(paragraph.deleted_by) == conflict["deleted_by"]
            assert list(paragraph.amended_by) == conflict["amended_by"]


def test_amendments_without_conflict_and_untouched_paragraphs(compilation):
    for case in TRUTH["amended_without_conflict"]:
        paragraph = _paragraph(compilation, case["address"])
        assert not paragraph.conflict and list(paragraph.amended_by) == case["sponsors"]
    for address in TRUTH["untouched"]:
        assert not _paragraph(compilation, address).changed, address


def test_new_paragraphs_are_grouped_when_near_the_same(compilation):
    names = [p.address for p in compilation.paragraphs]
    found = [
        (names[n.after] if n.after is not None else None, list(n.sponsors), len(n.variants))
        for n in compilation.new_paragraphs
    ]
    assert found == [(n["after"], n["sponsors"], n["variants"]) for n in TRUTH["new_paragraphs"]]


@pytest.mark.parametrize("expected", TRUTH["flags"], ids=lambda f: f"{f['sponsor']}-{f['kind']}")
def test_flags_are_carried_per_sponsor(compilation, expected):
    flags = [f for p in compilation.paragraphs for f in p.flags]
    assert any(
        f.sponsor == expected["sponsor"]
        and f.address == expected["address"]
        and f.flag.kind == expected["kind"]
        and expected.get("matched", f.flag.matched) == f.flag.matched
        for f in flags
    )


def test_the_compilation_text_follows_the_convention(compilation):
    lines = compilation_lines(compilation)
    for expected in TRUTH["compilation_text_contains"]:
        assert expected in lines


def test_each_delegation_reads_in_one_line(compilation):
    sentences = {s.sponsor: delegation_sentence(s) for s in compilation.delegations}
    for sponsor, parts in TRUTH["delegation_lines_contain"].items():
        assert "\n" not in sentences[sponsor]
        assert all(part in sentences[sponsor] for part in parts), sentences[sponsor]


def _version(sponsor, base, edits):
    return Version(
        (sponsor,),
        "".join(t for op, t in edits if op != "delete"),
        tuple(Edit(Op(op), t) for op, t in edits),
    )


def test_sites_merge_overlapping_changes_and_keep_apart_the_others():
    base = "ensure democracy, human rights and good governance at all levels"
    by = _version(
        "Belarus",
        base,
        [
            ("equal", "ensure "),
            ("delete", "democracy, human rights and good governance"),
            ("insert", "the rule of law"),
            ("equal", " at all levels"),
        ],
    )
    eu = _version(
        "EU",
        base,
        [
            ("equal", "ensure democracy, "),
            ("delete", "human rights"),
            ("insert", "human rights for all"),
            ("equal", " and good governance at all levels"),
        ],
    )
    same = _version(
        "Russian Federation",
        base,
        by.edits
        and [
            ("equal", "ensure "),
            ("delete", "democracy, human rights and good governance"),
            ("insert", "the rule of law"),
            ("equal", " at all levels"),
        ],
    )
    late = _version("Norway", base, [("equal", base), ("insert", ", as appropriate")])
    sites = find_sites(base, [by, eu, same, late])
    assert [s.conflict for s in sites] == [True, False]
    assert sites[0].base_text == "democracy, human rights and good governance"
    assert [a.sponsors for a in sites[0].alternatives] == [
        ("Belarus", "Russian Federation"),
        ("EU",),
    ]
    assert sites[0].alternatives[1].text == "democracy, human rights for all and good governance"
    assert sites[1].start == sites[1].end == len(base)


def test_share_edits_cuts_a_merged_pair_where_its_base_texts_join():
    edits = [
        Edit(Op.EQUAL, "one"),
        Edit(Op.DELETE, "\n"),
        Edit(Op.INSERT, " and "),
        Edit(Op.EQUAL, "two"),
    ]
    shares = share_edits(edits, 2)
    # words put in place of the join open the next paragraph's share
    assert [[e.text for e in share] for share in shares] == [["one"], [" and ", "two"]]


def test_a_redline_splits_into_one_proposal_per_author():
    base, proposals = split_redline(*read_both_views(CASE / "redline.docx"))
    assert [p.sponsor for p in proposals] == ["Brazil", "India"]
    brazil, india = ({p.text for p in proposal.document.paragraphs} for proposal in proposals)
    base_texts = {p.text for p in base.paragraphs}
    assert brazil - base_texts == {
        "16.6 Develop effective, accountable and transparent institutions at all levels, as appropriate",
        "16.c Respect national ownership and the right of each country to determine its own path to peaceful and inclusive societies",
    }
    assert india - base_texts == {
        "16.10 Ensure public access to information and protect fundamental freedoms, in accordance with national legislation"
    }


def test_a_redline_with_a_deleted_paragraph_leaves_it_out_of_its_author_only():
    _, proposals = split_redline(*read_both_views(FIXTURES / "docx-two-authors" / "amended.docx"))
    texts = {p.sponsor: " ".join(q.text for q in p.document.paragraphs) for p in proposals}
    assert "including through democratic institutions" not in texts["Delegation A"]
    assert "including through democratic institutions" in texts["Delegation B"]
    assert "family-supporting environment" in texts["Delegation B"]
    assert "family-supporting environment" not in texts["Delegation A"]


def test_a_sponsor_named_twice_is_told_apart():
    base = read_bytes(b"1. Decides to act;\n\n2. Requests a report;\n", "base.txt")
    draft = read_bytes(b"1. Decides to act now;\n\n2. Requests a report;\n", "draft.txt")
    compiled = compile_proposals(base, [Proposal("EU", draft), Proposal("EU", draft)])
    assert compiled.sponsors == ("EU", "EU (2)")
    assert any("EU (2)" in str(w) for w in compiled.warnings)
    assert compiled.paragraphs[0].versions[0].sponsors == ("EU", "EU (2)")


def test_json_report_matches_its_schema_and_the_text(compilation):
    report = json.loads(render_compilation(compilation, "json"))
    jsonschema.validate(report, SCHEMA)
    assert report["compilation_text"] == compilation_lines(compilation)
    conflicted = [p["address"] for p in report["paragraphs"] if p["conflict"]]
    assert conflicted == [p.address for p in compilation.conflicts]


def test_text_report_has_the_compilation_then_the_delegations(compilation):
    text = render_compilation(compilation, "text")
    assert text.index("== Compilation text") < text.index("== Delegations")
    assert TRUTH["compilation_text_contains"][0] in text


def test_html_report_is_self_contained_with_filters(compilation):
    from lxml import html

    page = render_compilation(compilation, "html")
    tree = html.fromstring(page)
    options = tree.xpath("//select[@id='show']/option/@value")
    assert "conflict" in options and "sp-belarus" in options and "sp-european-union" in options
    assert len(tree.xpath("//article[contains(@class, 'conflict')]")) == len(compilation.conflicts)
    assert len(tree.xpath("//article[contains(@class, 'sp-norway')]")) == 3
    assert not tree.xpath("//script[@src] | //link[@href] | //img[@src]")
    assert "Content-Security-Policy" in page


def test_reports_are_deterministic(compilation):
    for fmt in ("text", "json", "html"):
        assert render_compilation(compilation, fmt) == render_compilation(compilation, fmt)


def test_an_amendment_instrument_is_applied_to_the_base_and_compiled():
    from unwording.model import Options

    case = FIXTURES / "proposals-goal16"
    base = read_source(case / "goal16.txt")
    found, problems = read_proposals(case / "belarus.txt", None, Options(), base)
    assert not problems and [p.sponsor for p in found] == ["Belarus"]  # from its heading
    told = [str(n) for n in found[0].problems]
    assert "4 of 8 instructions applied" in told[0]
    assert [n.split(": ")[1] for n in told[1:]] == [
        "words not found",
        "words found more than once",
        "paragraph not found",
        "cannot read instruction",
    ]
    compilation = compile_proposals(base, found)
    lines = "\n".join(compilation_lines(compilation))
    assert "[effective, accountable and transparent institutions][Belarus: an effective" in lines
    assert "[and protect fundamental freedoms][Belarus: delete]" in lines
    assert "16.7 bis [Belarus: Promote a family-supporting environment" in lines


def test_a_full_text_with_a_line_like_an_instruction_stays_a_full_text(tmp_path):
    from unwording.model import Options

    base = read_source(CASE / TRUTH["run"]["base"])
    text = (CASE / TRUTH["run"]["base"]).read_text(encoding="utf-8")
    stray = tmp_path / "Chile.txt"
    stray.write_text(text + "\n\nDelete paragraph 3 of resolution 70/1.\n", encoding="utf-8")
    found, problems = read_proposals(stray, None, Options(), base)
    assert not problems and found[0].sponsor == "Chile" and not found[0].problems
    assert len(found[0].document.paragraphs) == len(base.paragraphs) + 1


def test_an_instrument_named_on_the_command_line_keeps_that_name(tmp_path):
    from unwording.model import Options

    case = FIXTURES / "proposals-goal16"
    base = read_source(case / "goal16.txt")
    found, _ = read_proposals(case / "belarus.txt", "BY", Options(), base)
    assert found[0].sponsor == "BY"


def test_an_instrument_with_a_long_explanatory_note_is_still_an_instrument(tmp_path):
    from unwording.model import Options

    case = FIXTURES / "proposals-goal16"
    base = read_source(case / "goal16.txt")
    note = " ".join(["The delegation thanks the facilitators for their constructive work."] * 3)
    instrument = tmp_path / "Brazil.txt"
    instrument.write_text(
        "Brazil: amendments\n\n"
        + "\n\n".join([note] * 5)
        + "\n\n1. In target 16.6, replace “transparent” with “effective”\n",
        encoding="utf-8",
    )
    found, problems = read_proposals(instrument, None, Options(), base)
    assert not problems
    told = [str(n) for n in found[0].problems]
    assert "1 of 1 instructions applied" in told[0]
    changed = [
        (a.text, b.text)
        for a, b in zip(base.paragraphs, found[0].document.paragraphs, strict=True)
        if a.text != b.text
    ]
    assert len(changed) == 1 and "effective institutions" in changed[0][1]


def test_a_redline_alone_compiles_as_the_same_redline_against_its_text(tmp_path):
    import sys

    from unwording.model import Options
    from unwording.proposals.reading import read_redline_base

    sys.path.insert(0, str(FIXTURES))
    import make_docx as m

    texts = [f"{n}. Calls upon States to act on matter {w} without delay;" for n, w in
             enumerate(["alpha", "beta", "gamma", "delta"], start=1)]  # fmt: skip
    gone = (
        "Recognizing the important role that civil society organizations play, by raising "
        "public awareness, in efforts to curb the illicit traffic in small arms,"
    )
    new = (
        "2 bis. Stresses the importance of the full, equal and meaningful participation of "
        "women in efforts to combat the illicit trade in small arms;"
    )  # alike enough to be taken for the deleted paragraph rewritten
    body = [m.paragraph(m.run("Recalling its resolutions on the matter,"))]
    body += [m.paragraph(m.delete(gone, "X", 1), mark=m.mark("del", "X", 2))]
    body += [m.paragraph(m.run(t)) for t in texts[:2]]
    body += [m.paragraph(m.ins(new, "X", 3), mark=m.mark("ins", "X", 4))]
    body += [m.paragraph(m.run(t)) for t in texts[2:]]
    m.package(tmp_path / "redline.docx", {"word/document.xml": m.document(body)})
    plain = ["Recalling its resolutions on the matter,", gone, *texts]
    (tmp_path / "base.txt").write_text("\n\n".join(plain) + "\n", encoding="utf-8")
    base, proposals = read_redline_base(tmp_path / "redline.docx", Options())
    alone = compile_proposals(base, proposals)
    text = read_source(tmp_path / "base.txt")
    found, _ = read_proposals(tmp_path / "redline.docx", None, Options(), text)
    beside = compile_proposals(text, found)
    assert compilation_lines(alone) == compilation_lines(beside)
    assert "deletes PP2; proposes OP2 bis." in delegation_sentence(alone.delegations[0])


def test_sponsors_in_any_script_get_classes_of_their_own():
    from unwording.report.compile_html import sponsor_class

    names = ["Россия", "中国", "Norway", "Côte d'Ivoire", "Cote d Ivoire", "European Union"]
    classes = [sponsor_class(name) for name in names]
    assert len(set(classes)) == len(names)
    assert sponsor_class("European Union") == "sp-european-union"


def test_an_insertion_keeps_the_space_its_words_brought():
    from unwording.proposals.bracketed import bracketed_text
    from unwording.proposals.records import Alternative, CompiledParagraph, Site

    text = "invites the international community to lend its support"
    at = text.index("to lend")
    site = Site(at, at, "", (Alternative("and regional organizations ", ("Egypt",)),))
    paragraph = CompiledParagraph(0, "OP4", "4.", None, text, (), (site,), ())
    assert bracketed_text(paragraph) == (
        "invites the international community [Egypt: add and regional organizations] "
        "to lend its support"
    )


def test_a_delegation_sentence_says_verbs_strengthened_and_quantities_removed():
    base = read_bytes(
        b"The General Assembly,\n\n1. Encourages States to act on the matter;\n\n"
        b"2. Decides to halve the losses by 2030 and to review the matter;\n",
        "base.txt",
    )
    draft = read_bytes(
        b"The General Assembly,\n\n1. Urges States to act on the matter;\n\n"
        b"2. Decides to halve the losses and to review the matter;\n",
        "draft.txt",
    )
    compilation = compile_proposals(base, [Proposal("Chile", draft)])
    summary = compilation.delegations[0]
    assert [m.text for m in summary.verbs_strengthened] == ["Encourages -> Urges"]
    sentence = delegation_sentence(summary)
    assert "strengthens Encourages -> Urges in OP1" in sentence
    assert "changes quantities: by 2030 removed in OP2" in sentence, sentence


def test_the_compilation_as_a_word_file_reads_back_as_its_text(compilation, tmp_path):
    word = render_compilation(compilation, "docx")
    assert isinstance(word, bytes) and word == render_compilation(compilation, "docx")
    path = tmp_path / "compilation.docx"
    path.write_bytes(word)
    texts = [" ".join(p.text.split()) for p in read_source(path).paragraphs]
    for line in compilation_lines(compilation):
        label, _, rest = line.partition(" ")
        assert any(" ".join(rest.split()) in text for text in texts), line
    assert any(text.startswith("Belarus adds") for text in texts)


def _moved_text(text: str, label: str, after: str) -> str:
    """`text` (blank-line paragraphs) with the paragraph labelled `label` placed after
    the one labelled `after`."""
    paragraphs = text.strip().split("\n\n")
    moving = next(p for p in paragraphs if p.startswith(f"{label} "))
    paragraphs.remove(moving)
    at = next(n for n, p in enumerate(paragraphs) if p.startswith(f"{after} "))
    paragraphs.insert(at + 1, moving)
    return "\n\n".join(paragraphs) + "\n"


@pytest.fixture(scope="module")
def moves():
    """Norway and Canada move 16.4 after 16.7 without changing a word; Chile moves 16.10
    after 16.3 and changes its first word (the truth is in the test below)."""
    base = (CASE / "goal16.txt").read_text(encoding="utf-8")
    chile = _moved_text(base, "16.10", "16.3").replace("16.10 Ensure", "16.10 Guarantee")
    texts = {
        "Norway": _moved_text(base, "16.4", "16.7"),
        "Canada": _moved_text(base, "16.4", "16.7"),
        "Chile": chile,
    }
    proposals = [
        Proposal(sponsor, read_bytes(text.encode(), f"{sponsor}.txt", "text"))
        for sponsor, text in texts.items()
    ]
    return compile_proposals(read_bytes(base.encode(), "goal16.txt", "text"), proposals)


def test_a_proposal_that_only_moves_a_paragraph_is_shown(moves):
    """A move used to be invisible in a compilation (a pair unchanged but moved)."""
    by_address = {p.address: p for p in moves.paragraphs}
    moved = by_address["Goal 16 / 16.4"]
    assert [(m.sponsors, by_address_of(moves, m.after)) for m in moved.moves] == [
        (("Norway", "Canada"), "Goal 16 / 16.7")
    ]
    assert moved.changed and not moved.versions and not moved.conflict
    chile = by_address["Goal 16 / 16.10"]
    assert [(m.sponsors, by_address_of(moves, m.after)) for m in chile.moves] == [
        (("Chile",), "Goal 16 / 16.3")
    ]
    assert [v.sponsors for v in chile.versions] == [("Chile",)]
    assert "Guarantee" in chile.versions[0].text
    others = [p.address for p in moves.paragraphs if p.changed]
    assert others == [
        "Goal 16 / 16.4",
        "Goal 16 / 16.10",
    ]  # 16.5 to 16.7 stay in place: no move of theirs
    sentences = [delegation_sentence(s) for s in moves.delegations]
    assert sentences[0] == "Norway moves Goal 16 / 16.4 after Goal 16 / 16.7."
    assert (
        sentences[2].startswith("Chile ")
        and "moves Goal 16 / 16.10 after Goal 16 / 16.3" in sentences[2]
    )
    assert "amends Goal 16 / 16.10" in sentences[2]


def by_address_of(compilation, index):
    return None if index is None else compilation.paragraphs[index].address


def test_moves_in_the_compilation_text_and_every_report(moves):
    lines = compilation_lines(moves)
    line = next(line for line in lines if line.startswith("16.4 "))
    assert line.endswith("[Norway, Canada: move after 16.7]")
    assert next(line for line in lines if line.startswith("16.10 ")).endswith(
        "[Chile: move after 16.3]"
    )
    data = json.loads(render_compilation(moves, "json"))
    jsonschema.validate(data, SCHEMA)
    shown = next(p for p in data["paragraphs"] if p["address"] == "Goal 16 / 16.4")
    assert shown["moves"] == [
        {
            "sponsors": ["Norway", "Canada"],
            "after": shown["index"] + 3,
            "after_address": "Goal 16 / 16.7",
        }
    ]
    moved = [{"text": "after Goal 16 / 16.7", "address": "Goal 16 / 16.4"}]
    assert data["delegations"][0]["moved"] == moved
    assert data["delegations"][0]["touched"] == ["Goal 16 / 16.4"]  # a move touches it
    text = render_compilation(moves, "text")
    assert "  Norway, Canada: move after Goal 16 / 16.7" in text
    page = render_compilation(moves, "html")
    assert "Norway, Canada: move after 16.7" in page.replace("</span>", "")


def _compiled_moves(texts: dict[str, str]):
    base = (CASE / "goal16.txt").read_text(encoding="utf-8")
    proposals = [
        Proposal(sponsor, read_bytes(text.encode(), f"{sponsor}.txt", "text"))
        for sponsor, text in texts.items()
    ]
    return compile_proposals(read_bytes(base.encode(), "goal16.txt", "text"), proposals)


def _places(compilation):
    return {
        p.address.split(" / ")[-1]: [
            (m.sponsors, by_address_of(compilation, m.after).split(" / ")[-1]) for m in p.moves
        ]
        for p in compilation.paragraphs
        if p.moves
    }


def test_paragraphs_moved_together_follow_the_paragraph_before_the_first():
    """16.4 and 16.5 moved together after 16.8 both follow 16.8 ("16.5 after 16.4"
    read as no move at all); in the other order, 16.4 follows 16.5."""
    base = (CASE / "goal16.txt").read_text(encoding="utf-8")
    together = _moved_text(_moved_text(base, "16.4", "16.8"), "16.5", "16.4")
    reversed_ = _moved_text(_moved_text(base, "16.5", "16.8"), "16.4", "16.5")
    found = _places(_compiled_moves({"Norway": together}))
    assert found == {"16.4": [(("Norway",), "16.8")], "16.5": [(("Norway",), "16.8")]}
    found = _places(_compiled_moves({"Norway": reversed_}))
    assert found["16.4"] == [(("Norway",), "16.5")]


def test_two_places_or_a_move_and_a_deletion_are_conflicts():
    base = (CASE / "goal16.txt").read_text(encoding="utf-8")
    without_16_2 = "\n\n".join(p for p in base.split("\n\n") if not p.startswith("16.2 "))
    compilation = _compiled_moves(
        {
            "Norway": _moved_text(base, "16.4", "16.7"),
            "Canada": _moved_text(base, "16.4", "16.8"),
            "Chile": without_16_2,
            "Peru": _moved_text(base, "16.2", "16.9"),
        }
    )
    conflicts = {p.address.split(" / ")[-1] for p in compilation.conflicts}
    assert conflicts == {"16.2", "16.4"}
    text = render_compilation(compilation, "text")
    section = text.split("== Conflicts")[1].split("==")[0]
    assert "Goal 16 / 16.4: Norway: move after Goal 16 / 16.7; Canada: move after" in section
    assert "Goal 16 / 16.2: deleted by Chile; Peru: move after Goal 16 / 16.9" in section


def test_a_move_cites_its_anchor_by_address_where_labels_repeat():
    """Articles number their paragraphs 1., 2. each: `move after 1` would not say
    which article's paragraph 1."""
    base = "Article 1\n\n1. Parties shall report.\n\n2. Parties should cooperate.\n\n"
    base += "Article 2\n\n1. Parties shall act.\n\n2. Parties may assist.\n\n"
    base += "3. Developed country Parties shall provide support.\n"
    paragraphs = base.strip().split("\n\n")
    moved = paragraphs[:2] + [paragraphs[-1]] + paragraphs[2:-1]
    proposal = Proposal("Norway", read_bytes("\n\n".join(moved).encode(), "n.txt", "text"))
    compilation = compile_proposals(read_bytes(base.encode(), "b.txt", "text"), [proposal])
    line = next(line for line in compilation_lines(compilation) if "Developed" in line)
    assert line.endswith("[Norway: move after Art. 1.1]")
