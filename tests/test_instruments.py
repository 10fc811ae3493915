"""Amendment instruments (issue 13): reading instructions and applying them to a base text."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st

from unwording import InputError, Status, compare_documents
from unwording.proposals import (
    ALREADY_DELETED,
    CANNOT_READ,
    NO_TEXT,
    PARAGRAPH_AMBIGUOUS,
    PARAGRAPH_NOT_FOUND,
    WORDS_AMBIGUOUS,
    WORDS_NOT_FOUND,
    Action,
    Position,
    apply_instrument,
    parse_instrument,
    read_instrument,
)
from unwording.proposals.model import NUMBERING_KEPT
from unwording.proposals.references import parse_reference
from unwording.readers import read_bytes, read_source

DEMO = FIXTURES / "demo" / "base.txt"
GOAL16 = FIXTURES / "proposals-goal16"

SUBS = """The General Assembly,

Recalling its resolution 70/1,

Noting the report of the Secretary-General,

1. Decides to promote peaceful societies;

2. Urges Member States:

(a) To ensure public access to information;

(b) To protect fundamental freedoms;

3. Requests a report on human rights and on human rights defenders.
"""


def one(text: str):
    instrument = parse_instrument(text, "t.txt")
    assert instrument.problems == ()
    assert len(instrument.instructions) == 1
    return instrument.instructions[0]


def applied(text: str, base_text: str | None = None):
    base = read_source(DEMO) if base_text is None else read_bytes(base_text.encode(), "base")
    document, problems = apply_instrument(base, parse_instrument(text, "t.txt"))
    return [p.text for p in document.paragraphs], problems


# -- references ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "part", "number", "sub", "article"),
    [
        ("operative paragraph 5", "operative", "5", "", ""),
        ("OP5", "operative", "5", "", ""),
        ("op 5 bis", "operative", "5 bis", "", ""),
        ("OP5(b)(ii)", "operative", "5", "(b)(ii)", ""),
        ("operative paragraph 5 (b)", "operative", "5", "(b)", ""),
        ("preambular paragraph 3", "preambular", "3", "", ""),
        ("PP3", "preambular", "3", "", ""),
        ("the third preambular paragraph", "preambular", "3", "", ""),
        ("the twenty-first preambular paragraph", "preambular", "21", "", ""),
        ("the 4th operative paragraph", "operative", "4", "", ""),
        ("the first paragraph of the Preamble", "preambular", "1", "", ""),
        ("the last preambular paragraph", "preambular", "last", "", ""),
        ("sub-paragraph (b) of operative paragraph 5", "operative", "5", "(b)", ""),
        ("subparagraph (a)", "", "", "(a)", ""),
        ("paragraph (a)", "", "", "(a)", ""),
        ("target 16.1", "target", "16.1", "", ""),
        ("Target 16.B", "target", "16.b", "", ""),
        ("Article 4, paragraph 4", "article", "4", "", "4"),
        ("Article 4, paragraph 4 (a)", "article", "4", "(a)", "4"),
        ("paragraph 2(c)", "", "2", "(c)", ""),
        ("paragraph 5", "", "5", "", ""),
    ],
)
def test_references_are_read(text, part, number, sub, article):
    reference = parse_reference(text)
    assert (reference.part, reference.number, reference.sub, reference.article) == (
        part,
        number,
        sub,
        article,
    )


# -- every form ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "action", "ref", "old", "new", "position"),
    [
        (
            "In operative paragraph 5, replace 'human rights' with 'the rule of law'",
            Action.REPLACE_WORDS,
            "operative paragraph 5",
            "human rights",
            "the rule of law",
            None,
        ),
        (
            "In OP5, replace “human rights” by “the rule of law”.",
            Action.REPLACE_WORDS,
            "OP5",
            "human rights",
            "the rule of law",
            None,
        ),
        (
            "In PP3, substitute ‘the rule of law’ for ‘human rights’",
            Action.REPLACE_WORDS,
            "PP3",
            "human rights",
            "the rule of law",
            None,
        ),
        (
            "IN OPERATIVE PARAGRAPH 5, REPLACE THE WORDS 'HUMAN RIGHTS' WITH 'RIGHTS'",
            Action.REPLACE_WORDS,
            "OPERATIVE PARAGRAPH 5",
            "HUMAN RIGHTS",
            "RIGHTS",
            None,
        ),
        (
            "In target 16.1, after the words 'at all levels', insert ', in accordance with national legislation'",
            Action.INSERT_WORDS,
            "target 16.1",
            "at all levels",
            ", in accordance with national legislation",
            Position.AFTER,
        ),
        (
            'In operative paragraph 2, before the word "States", add "Member"',
            Action.INSERT_WORDS,
            "operative paragraph 2",
            "States",
            "Member",
            Position.BEFORE,
        ),
        (
            "In the second line of paragraph 8, insert the words “and equipped” after the word “organized”",
            Action.INSERT_WORDS,
            "paragraph 8",
            "organized",
            "and equipped",
            Position.AFTER,
        ),
        (
            "In operative paragraph 3, at the end of the paragraph, add ', as appropriate'",
            Action.INSERT_WORDS,
            "operative paragraph 3",
            "",
            ", as appropriate",
            Position.END,
        ),
        (
            "At the end of operative paragraph 3, add ', as appropriate'",
            Action.INSERT_WORDS,
            "operative paragraph 3",
            "",
            ", as appropriate",
            Position.END,
        ),
        (
            "At the beginning of the second preambular paragraph, insert 'Also'",
            Action.INSERT_WORDS,
            "the second preambular paragraph",
            "",
            "Also",
            Position.START,
        ),
        (
            "In operative paragraph 3, delete the words 'and gender identity'",
            Action.DELETE_WORDS,
            "operative paragraph 3",
            "and gender identity",
            "",
            None,
        ),
        (
            "In sub-paragraph (b), delete the word “all”",
            Action.DELETE_WORDS,
            "sub-paragraph (b)",
            "all",
            "",
            None,
        ),
        (
            "Delete in paragraph 10 the following words: “in this connexion”",
            Action.DELETE_WORDS,
            "paragraph 10",
            "in this connexion",
            "",
            None,
        ),
        (
            "Substitute the word “with” for “through” in paragraph 5 so that the paragraph will read: “CALLS UPON ...”",
            Action.REPLACE_WORDS,
            "paragraph 5",
            "through",
            "with",
            None,
        ),
        (
            "Operative paragraph 2: replace human rights with the rule of law",
            Action.REPLACE_WORDS,
            "Operative paragraph 2",
            "human rights",
            "the rule of law",
            None,
        ),
        (
            "Delete preambular paragraph 3",
            Action.DELETE_PARAGRAPH,
            "preambular paragraph 3",
            "",
            "",
            None,
        ),
        (
            "Delete operative paragraph 7.",
            Action.DELETE_PARAGRAPH,
            "operative paragraph 7",
            "",
            "",
            None,
        ),
        (
            "Delete the third preambular paragraph",
            Action.DELETE_PARAGRAPH,
            "the third preambular paragraph",
            "",
            "",
            None,
        ),
        (
            "After operative paragraph 2, insert a new paragraph reading: 'Stresses the role of the family;'",
            Action.INSERT_PARAGRAPH,
            "operative paragraph 2",
            "",
            "Stresses the role of the family;",
            Position.AFTER,
        ),
        (
            "Insert a new preambular paragraph after preambular paragraph 4 reading “Recalling its resolution 69/313,”",
            Action.INSERT_PARAGRAPH,
            "preambular paragraph 4",
            "",
            "Recalling its resolution 69/313,",
            Position.AFTER,
        ),
        (
            "Insert a new operative paragraph before operative paragraph 3: Invites States to act;",
            Action.INSERT_PARAGRAPH,
            "operative paragraph 3",
            "",
            "Invites States to act;",
            Position.BEFORE,
        ),
        (
            "Add after the first paragraph of the Preamble a new paragraph: “To develop friendly relations,”",
            Action.INSERT_PARAGRAPH,
            "the first paragraph of the Preamble",
            "",
            "To develop friendly relations,",
            Position.AFTER,
        ),
        (
            "Replace operative paragraph 7 with the following: “Decides to remain seized of the matter.”",
            Action.REPLACE_PARAGRAPH,
            "operative paragraph 7",
            "",
            "Decides to remain seized of the matter.",
            None,
        ),
        (
            "Operative paragraph 7 should read: Decides to remain seized of the matter.",
            Action.REPLACE_PARAGRAPH,
            "Operative paragraph 7",
            "",
            "Decides to remain seized of the matter.",
            None,
        ),
        (
            "Amend Article 4, paragraph 4 to read: “Each Party shall report.”",
            Action.REPLACE_PARAGRAPH,
            "Article 4, paragraph 4",
            "",
            "Each Party shall report.",
            None,
        ),
    ],
)
def test_every_form_is_read(text, action, ref, old, new, position):
    instruction = one(text)
    assert instruction.action is action
    assert instruction.target is not None and instruction.target.text == ref
    assert (instruction.old, instruction.new, instruction.position) == (old, new, position)
    assert instruction.line == 1 and instruction.text == text


def test_each_occurrence_and_throughout():
    every = one("In operative paragraph 3, replace 'human rights' with 'rights' each occurrence")
    assert every.every and every.target is not None
    throughout = one("Replace “Member States” with “States” wherever it appears")
    assert throughout.every and throughout.target is None
    assert one("Delete 'fundamental' throughout the text").action is Action.DELETE_WORDS


def test_text_on_the_following_lines_quoted_or_not():
    text = (
        "1. After operative paragraph 2, insert a new paragraph reading:\n\n"
        "   “Stresses the role of the family;”\n\n"
        "2. Replace operative paragraph 3 with the following:\n"
        "Invites Member States\n"
        "to act;\n\n"
        "3. Delete in paragraph 4 the following words:\n\n"
        "“including on gender equality”.\n"
    )
    first, second, third = parse_instrument(text).instructions
    assert (first.line, first.new) == (1, "Stresses the role of the family;")
    assert (second.line, second.new) == (5, "Invites Member States to act;")
    assert (third.line, third.old) == (9, "including on gender equality")


def test_wrapped_instruction_and_bullets():
    text = (
        "(a) In operative paragraph 5, replace “human rights”\n"
        "    with “the rule of law”\n"
        "• Delete PP3\n"
        "- Delete OP4\n"
        "Amendment 4: Delete OP1\n"
    )
    instrument = parse_instrument(text)
    assert [(i.line, i.action) for i in instrument.instructions] == [
        (1, Action.REPLACE_WORDS),
        (3, Action.DELETE_PARAGRAPH),
        (4, Action.DELETE_PARAGRAPH),
        (5, Action.DELETE_PARAGRAPH),
    ]
    assert instrument.instructions[0].new == "the rule of law"


def test_sponsor_headings():
    text = (
        "Delete OP1\n\n"
        "Amendments proposed by Belarus\n\n1. Delete OP2\n\n"
        "Egypt:\n\nDelete OP3\n\n"
        "Amendment submitted by the delegation of Singapore:\nDelete OP4\n"
    )
    instrument = parse_instrument(text, sponsor="Core group")
    assert [i.sponsor for i in instrument.instructions] == [
        "Core group",
        "Belarus",
        "Egypt",
        "Singapore",
    ]
    assert instrument.sponsors == ("Core group", "Belarus", "Egypt", "Singapore")


def test_prose_and_headings_are_skipped():
    text = (
        "Draft resolution A/C.3/78/L.41\n\n"
        "Amendments to the draft resolution proposed by the First Committee (A/776)\n\n"
        "The sponsors hope the text can be adopted by consensus.\n\n"
        "1. Delete OP2\n"
    )
    instrument = parse_instrument(text)
    assert instrument.problems == ()
    assert [i.line for i in instrument.instructions] == [7]


def test_a_real_instrument_a789():
    instrument = read_instrument(FIXTURES / "proposals-a789" / "A-789.txt")
    assert instrument.sponsors == (
        "Australia, Brazil, Canada, China, Colombia, France and New Zealand",
    )
    found = [
        (i.line, i.action, i.target.text if i.target else "") for i in instrument.instructions
    ]
    assert found == [
        (10, Action.DELETE_PARAGRAPH, "paragraph 2(c)"),
        (12, Action.DELETE_PARAGRAPH, "paragraph 3"),
        (14, Action.REPLACE_WORDS, "paragraph 5"),
        (18, Action.DELETE_WORDS, "paragraph 10"),
        (21, Action.DELETE_WORDS, "paragraph 11"),
    ]
    assert instrument.instructions[2].old == "through" and instrument.instructions[2].new == "with"
    assert instrument.instructions[3].old.startswith("in this connexion, the conclusions")
    assert instrument.instructions[4].old.endswith("Mediator in Palestine;")
    assert [(p.line, p.reason) for p in instrument.problems] == [(5, CANNOT_READ)]


# -- reading problems --------------------------------------------------------------


def test_unreadable_instructions_are_problems_with_their_line():
    text = (
        "Belarus:\n\n"
        "1. Delete the thing\n"
        "2. Insert the family wherever appropriate\n"
        "3. After operative paragraph 2, insert a new paragraph reading:\n\n"
        "4. In operative paragraph 5, replace 'a' with 'b'\n"
    )
    instrument = parse_instrument(text, "belarus.txt")
    assert [(p.line, p.reason) for p in instrument.problems] == [
        (3, CANNOT_READ),
        (4, CANNOT_READ),
        (5, NO_TEXT),
    ]
    assert (
        str(instrument.problems[0]) == "belarus.txt:3: cannot read instruction: Delete the thing"
    )
    assert [i.line for i in instrument.instructions] == [7]


# -- applying ----------------------------------------------------------------------


def test_words_replaced_inserted_and_deleted():
    texts, problems = applied(
        "In PP2, replace “democracy and human rights” with “the rule of law”\n"
        "In operative paragraph 2, at the end of the paragraph, add ', in accordance with national legislation'\n"
        "In OP3, delete the words ', including through democratic institutions'\n"
        "In OP4, after the words 'Member States', insert ', as appropriate,'\n"
        "At the beginning of OP5, insert 'Also'\n"
    )
    assert problems == ()
    assert texts[3].startswith("Reaffirming that the rule of law are essential")
    assert texts[7].endswith("fundamental freedoms, in accordance with national legislation;")
    assert texts[8].endswith("decision-making at all levels;")
    assert texts[9].startswith("4. Encourages Member States, as appropriate, to promote")
    assert texts[10].startswith("5. Also Requests")


def test_matching_tolerates_quotes_spaces_and_case_but_inserts_exactly():
    base = "The General Assembly,\n\n1. Urges States to consider “the 2030 Agenda”  for\nall;\n"
    texts, problems = applied(
        "In OP1, replace '\"the 2030 Agenda\" for all' with 'the “Agenda”  FOR ALL'\n", base
    )
    assert problems == ()
    assert texts[1] == "1. Urges States to consider the “Agenda”  FOR ALL;"
    texts, problems = applied("In OP1, delete 'URGES STATES TO'\n", base)
    assert problems == () and texts[1].startswith("1. consider")


def test_case_decides_only_when_it_leaves_one_match():
    base = "The General Assembly,\n\n1. Notes the Report and the report of the Council;\n"
    texts, problems = applied("In OP1, replace 'Report' with 'study'\n", base)
    assert problems == () and texts[1] == "1. Notes the study and the report of the Council;"
    _, problems = applied("In OP1, replace 'REPORT' with 'study'\n", base)
    assert [p.reason for p in problems] == [WORDS_AMBIGUOUS]


def test_whole_words_only_and_each_occurrence():
    texts, problems = applied(
        "In OP3, replace 'human rights' with 'rights' each occurrence\nIn OP2(a), delete 'on'\n",
        SUBS,
    )
    assert texts[7] == "3. Requests a report on rights and on rights defenders."
    assert [(p.line, p.reason) for p in problems] == [(2, WORDS_NOT_FOUND)]  # not "information"
    _, problems = applied("In OP3, replace 'human rights' with 'rights'\n", SUBS)
    assert [(p.line, p.reason, p.detail) for p in problems] == [
        (1, WORDS_AMBIGUOUS, "human rights (2 times)")
    ]


def test_throughout_the_text():
    texts, problems = applied("Replace “Member States” with “States” wherever it appears\n")
    assert problems == ()
    assert sum("Member States" in text for text in texts) == 0
    assert sum("States" in text for text in texts) == 3
    _, problems = applied("Delete 'gender parity' throughout the text\n")
    assert [p.reason for p in problems] == [WORDS_NOT_FOUND]


def test_new_paragraphs_are_labelled_bis_ter_or_not_at_all():
    base = read_source(DEMO)
    instrument = parse_instrument(
        "After OP2, insert a new paragraph reading: 'Stresses A;'\n"
        "After OP2, insert a new paragraph reading: 'Stresses B;'\n"
        "Before OP4, insert a new paragraph reading: 'Stresses C;'\n"
        "Before OP1, insert a new paragraph reading: 'Stresses D;'\n"
        "After PP1, insert a new preambular paragraph reading: 'Recalling E,'\n"
        "After OP5, insert a new paragraph reading: '6. Decides F.'\n"
    )
    document, problems = apply_instrument(base, instrument)
    assert problems == ()
    rows = [(p.label, p.text) for p in document.paragraphs]
    assert rows[3] == (None, "Recalling E,")
    assert rows[7] == (None, "Stresses D;")
    assert rows[10:12] == [("2 bis.", "Stresses A;"), ("2 ter.", "Stresses B;")]
    assert rows[13] == ("3 bis.", "Stresses C;")
    assert rows[-1] == ("6.", "Decides F.")
    assert [p.index for p in document.paragraphs] == list(range(len(rows)))


def test_sub_paragraphs_go_with_their_paragraph():
    texts, problems = applied(
        "After operative paragraph 2, insert a new paragraph reading: 'Invites all;'\n"
        "In OP2(b), replace 'protect' with 'respect'\n"
        "In sub-paragraph (a) of operative paragraph 2, delete the word 'public'\n",
        SUBS,
    )
    assert problems == ()
    assert texts[4:8] == [
        "2. Urges Member States:",
        "(a) To ensure access to information;",
        "(b) To respect fundamental freedoms;",
        "Invites all;",
    ]
    texts, problems = applied("Delete operative paragraph 2\n", SUBS)
    assert problems == () and len(texts) == 5
    texts, _ = applied("Replace OP2 with the following: '2. Urges all States to act;'\n", SUBS)
    assert texts[4:6] == [
        "2. Urges all States to act;",
        "3. Requests a report on human rights and on human rights defenders.",
    ]


def test_references_resolve_against_the_base():
    texts, problems = applied(
        "After OP1, insert a new paragraph reading: 'Stresses X;'\n"
        "Delete PP1\n"
        "In operative paragraph 2, replace 'Urges' with 'Calls upon'\n"
        "In the second preambular paragraph, replace 'democracy' with 'peace'\n"
    )
    assert problems == ()
    assert texts[6] == "Stresses X;"
    assert texts[7].startswith("2. Calls upon Member States")
    assert texts[2].startswith("Reaffirming that peace and human rights")


def test_every_failure_reason_with_its_line_and_the_others_still_apply():
    document, problems = apply_instrument(
        read_bytes(SUBS.encode(), "base"),
        parse_instrument(
            "1. Delete OP9\n"  # line 1
            "2. In paragraph (a), replace 'information' with 'data'\n"
            "3. Delete OP1\n"
            "4. In OP1, delete 'peaceful'\n"  # deleted by line 3
            "5. In OP3, delete 'human rights'\n"  # twice
            "6. In OP2, delete 'gender'\n"  # not there
            "7. Delete the thing\n"
            "8. Delete paragraph 2(b)\n"
            "9. Replace OP3 with the following:\n",
            "t.txt",
        ),
    )
    assert [(p.line, p.reason) for p in problems] == [
        (1, PARAGRAPH_NOT_FOUND),
        (4, ALREADY_DELETED),
        (5, WORDS_AMBIGUOUS),
        (6, WORDS_NOT_FOUND),
        (7, CANNOT_READ),
        (9, NO_TEXT),
    ]
    assert problems[1].detail == "OP1, by line 3"
    texts = [p.text for p in document.paragraphs]
    assert "(a) To ensure public access to data;" in texts
    assert not any("peaceful" in text or "(b)" in text for text in texts)


def test_an_ambiguous_paragraph_reference():
    base = "The General Assembly,\n\n1. Decides A;\n\nAnnex\n\n1. The first item.\n"
    _, problems = applied("In paragraph 1, delete 'A'\n", base)
    assert problems == ()
    _, problems = applied("Delete target 1.1\n", base)
    assert [p.reason for p in problems] == [PARAGRAPH_NOT_FOUND]
    base = "Goal 1. X\n\n1.1 Reduce poverty\n\nGoal 2. Y\n\n1.1 Reduce hunger\n"
    _, problems = applied("Delete target 1.1\n", base)
    assert [p.reason for p in problems] == [PARAGRAPH_AMBIGUOUS]


# -- reading files -----------------------------------------------------------------


def test_read_instrument_from_files_and_text(tmp_path):
    path = tmp_path / "eu.txt"
    path.write_text("European Union:\n\n1. Delete OP2\n", encoding="utf-8")
    instrument = read_instrument(path)
    assert instrument.source == str(path) and instrument.sponsors == ("European Union",)
    assert read_instrument(str(path), source="eu").instructions[0].line == 3
    assert read_instrument("Delete OP2\nDelete OP3\n", "inline").source == "inline"
    html = tmp_path / "eu.html"
    html.write_text("<html><body><p>Egypt:</p><p>1. Delete OP2</p></body></html>", "utf-8")
    instrument = read_instrument(html)
    assert [i.action for i in instrument.instructions] == [Action.DELETE_PARAGRAPH]
    assert instrument.sponsors == ("Egypt",)


@pytest.mark.parametrize("content", [None, b"", b"  \n"])
def test_read_instrument_errors_name_the_file(tmp_path, content):
    path = tmp_path / "missing.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError) as error:
        read_instrument(path)
    message = str(error.value)
    assert message.startswith(str(path)) and "\n" not in message


# -- end to end --------------------------------------------------------------------


def test_goal16_instrument_applies_as_the_truth_says():
    truth = json.loads((GOAL16 / "truth-applied.json").read_text(encoding="utf-8"))
    base = read_source(GOAL16 / truth["base"])
    instrument = read_instrument(GOAL16 / truth["instrument"])
    assert instrument.sponsors == (truth["sponsor"],)
    assert [i.line for i in instrument.instructions] == truth["instructions_read_at_lines"]
    document, problems = apply_instrument(base, instrument)
    expected = [(p["line"], p["reason"]) for p in truth["problems"]]
    assert [(p.line, p.reason) for p in problems] == expected
    texts = [p.text for p in document.paragraphs]
    for label, text in truth["proposed"].items():
        assert f"{label} {text}" in texts
    for new in truth["inserted"]:
        after = next(i for i, t in enumerate(texts) if t.startswith(new["after"] + " "))
        assert texts[after + 1] == new["text"]
        assert document.paragraphs[after + 1].label == new["label"]

    comparison = compare_documents(base, document)
    wanted = truth["comparison"]
    summary = comparison.summary
    counts = (summary.inserted, summary.deleted, summary.moved, summary.renumbered)
    assert counts == (wanted["inserted"], wanted["deleted"], wanted["moved"], wanted["renumbered"])
    assert summary.unchanged == wanted["unchanged"]
    modified = [
        comparison.base.paragraphs[pair.base[0]].label
        for pair in comparison.pairs
        if pair.status is Status.MODIFIED
    ]
    assert modified == wanted["modified"]
    for must in wanted["flags_must_include"]:
        assert any(_flag_fits(flag, must, comparison) for flag in comparison.flags), must


def _flag_fits(flag, must, comparison):
    """A flag of the kind (`hedge`, `term`; added unless `direction` says removed)
    and term the truth names, on the labelled base paragraph or an inserted one."""
    direction = must.get("direction", "added")
    if not flag.kind.startswith(must.get("kind", "")) or not flag.kind.endswith(direction):
        return False
    if must["term"] not in flag.term.lower():
        return False
    if must.get("inserted"):
        return flag.base == () and len(flag.draft) == 1
    return [comparison.base.paragraphs[i].label for i in flag.base] == [must["label"]]


# -- properties --------------------------------------------------------------------

_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=8)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_reading_any_text_never_fails_and_keeps_lines(text):
    instrument = parse_instrument(text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    for item in (*instrument.instructions, *instrument.problems):
        assert 1 <= item.line <= lines


@settings(max_examples=40, deadline=None)
@given(st.lists(_WORD, min_size=3, max_size=8, unique=True), st.data())
def test_a_unique_word_replaced_is_gone_and_its_replacement_is_there(words, data):
    old = data.draw(st.sampled_from(words))
    new = "zz" + data.draw(_WORD)
    base = f"The General Assembly,\n\n1. Decides {' '.join(words)};\n"
    texts, problems = applied(f"In OP1, replace '{old}' with '{new}'\n", base)
    assert problems == ()
    assert texts[1].split(" ")[2:] == [new if w == old else w for w in words[:-1]] + [
        (new if words[-1] == old else words[-1]) + ";"
    ]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Delete OP{n}",
                "Delete PP{n}",
                "In OP{n}, delete 'Member States'",
                "In PP{n}, replace 'sustainable' with 'durable'",
                "After OP{n}, insert a new paragraph reading: 'Notes X;'",
                "Before PP{n}, insert a new paragraph reading: 'Noting Y,'",
                "Replace OP{n} with the following: 'Decides Z;'",
                "At the end of OP{n}, add ', as appropriate'",
            ]
        ),
        max_size=8,
    ),
    st.lists(st.integers(min_value=1, max_value=7), min_size=8, max_size=8),
)
def test_any_sequence_of_instructions_applies_or_reports(forms, numbers):
    lines = [form.format(n=n) for form, n in zip(forms, numbers, strict=False)]
    texts, problems = applied("\n".join(lines) + "\n")
    assert len(problems) <= len(lines)
    assert all(text for text in texts)


# -- the reviewer's instruments (findings of the secretariat trial) ----------------

EGYPT = """Amendments proposed by Egypt to draft resolution A/C.1/80/L.27

1. In operative paragraph 1, replace “Decides” with “Resolves”

2. After preambular paragraph 1, insert a new preambular paragraph reading:

   8. Recalling the African Union Silencing the Guns initiative,

3. Make the text more balanced throughout

4. In the title, replace "curbing" with "combating"

(c) Consider the matter again

- Ask the Chair

Amendment 7: Redraft the text

8. In operative paragraph 99999999999999999999, delete "the"

9. Renumber subsequent paragraphs accordingly.
"""


def test_every_numbered_item_is_an_instruction_or_a_problem():
    instrument = parse_instrument(EGYPT, "egypt.txt")
    assert instrument.sponsors == ("Egypt",)
    read = [(i.line, i.action) for i in instrument.instructions]
    assert read == [
        (3, Action.REPLACE_WORDS),
        (5, Action.INSERT_PARAGRAPH),
        (19, Action.DELETE_WORDS),
        (21, Action.KEEP_NUMBERING),
    ]
    assert (
        instrument.instructions[1].new
        == "8. Recalling the African Union Silencing the Guns initiative,"
    )
    assert [(p.line, p.reason) for p in instrument.problems] == [
        (9, CANNOT_READ),
        (11, CANNOT_READ),
        (13, CANNOT_READ),
        (15, CANNOT_READ),
        (17, CANNOT_READ),
    ]
    assert [(n.source, n.message) for n in instrument.warnings] == [
        ("egypt.txt:21", NUMBERING_KEPT)
    ]


def test_a_huge_paragraph_number_is_not_found_and_renumbering_applies_as_a_no_op():
    document, problems = apply_instrument(read_source(DEMO), parse_instrument(EGYPT, "e.txt"))
    assert [(p.line, p.reason) for p in problems if p.reason != CANNOT_READ] == [
        (19, PARAGRAPH_NOT_FOUND)
    ]
    assert problems[-1].detail == "operative paragraph 99999999999999999999"
    assert document.paragraphs[-1].text == read_source(DEMO).paragraphs[-1].text


def test_a_numbered_full_text_with_a_stray_instruction_line_is_not_a_list_of_problems():
    text = (
        "1. Decides to act;\n\n2. Delete OP3\n\n3. Urges States;\n\n4. Notes X;\n\n5. Invites Y;\n"
    )
    instrument = parse_instrument(text)
    assert instrument.problems == ()
    assert [i.line for i in instrument.instructions] == [3]


def test_renumbering_notice_is_kept_when_read_from_a_file(tmp_path):
    path = tmp_path / "kenya.txt"
    path.write_bytes(
        "Kenya:\n\n1. Delete OP2\n2. Renumber subsequent paragraphs accordingly.\n".encode(
            "cp1252"
        )
    )
    instrument = read_instrument(path)
    assert [n.message for n in instrument.warnings][-1] == NUMBERING_KEPT
    one_line = one("Delete OP2 and renumber the subsequent paragraphs accordingly")
    assert one_line.action is Action.DELETE_PARAGRAPH


@pytest.mark.parametrize(
    ("heading", "sponsor"),
    [
        ("Amendments proposed by Egypt to draft resolution A/C.1/80/L.27", "Egypt"),
        (
            "Amendments proposed by Cuba, Nicaragua and X to draft resolution A/C.3/80/L.12",
            "Cuba, Nicaragua and X",
        ),
        ("Amendments proposed by the Russian Federation", "Russian Federation"),
        (
            "Amendments proposed by the Sudan and the Philippines to the draft text",
            "Sudan and Philippines",
        ),
        ("Amendment proposed by Chile to document A/HRC/59/L.4", "Chile"),
        ("Amendments proposed by Peru (A/C.2/80/L.9)", "Peru"),
        ("Belarus: amendments to draft resolution A/C.1/80/L.27", "Belarus"),
        ("Draft amendment submitted by the Netherlands", "Netherlands"),
        ("Proposal by the delegation of Saudi Arabia", "Saudi Arabia"),
        ("Proposal by Mexico", "Mexico"),
        ("Ghana: proposed amendments", "Ghana"),
        ("Amendments to draft resolution A/C.1/80/L.27 proposed by Kenya", "Kenya"),
        ("**Egypt:**", "Egypt"),
    ],
)
def test_sponsor_named_in_a_heading(heading, sponsor):
    instrument = parse_instrument(f"{heading}\n\n1. Delete OP2\n")
    assert instrument.sponsors == (sponsor,)
    assert instrument.instructions[0].sponsor == sponsor


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        (
            "Delete operative paragraphs 8 and 9",
            ["operative paragraph 8", "operative paragraph 9"],
        ),
        (
            "Delete operative paragraphs 2 to 4.",
            ["operative paragraph 2", "operative paragraph 3", "operative paragraph 4"],
        ),
        (
            "Delete operative paragraphs 2-4",
            ["operative paragraph 2", "operative paragraph 3", "operative paragraph 4"],
        ),
        ("Delete paragraphs 2 through 3", ["paragraph 2", "paragraph 3"]),
        (
            "Delete preambular paragraphs 3, 5 and 7",
            ["preambular paragraph 3", "preambular paragraph 5", "preambular paragraph 7"],
        ),
        (
            "Delete operative paragraphs 5 bis and 6",
            ["operative paragraph 5 bis", "operative paragraph 6"],
        ),
    ],
)
def test_several_paragraphs_deleted_by_one_line(text, refs):
    instrument = parse_instrument(f"Norway:\n\n1. {text}\n")
    assert instrument.problems == ()
    assert [
        (i.line, i.action, i.target.text if i.target else "") for i in instrument.instructions
    ] == [(3, Action.DELETE_PARAGRAPH, ref) for ref in refs]


def test_a_backward_range_cannot_be_read_and_a_plural_deletion_applies():
    instrument = parse_instrument("1. Delete operative paragraphs 4 to 2\n")
    assert [p.reason for p in instrument.problems] == [CANNOT_READ]
    texts, problems = applied("Delete operative paragraphs 1 and 3\n", SUBS)
    assert problems == ()
    assert [t[:3] for t in texts[3:]] == ["2. ", "(a)", "(b)"]


ARTICLES = "Article 1\n\n1. Each Party shall act.\n\n2. Parties shall report.\n\n(a) Annually;\n\nArticle 2\n\nThis Agreement enters into force.\n\nArticle 21\n\n1. It is open.\n"


def test_a_whole_article_is_deleted_with_its_heading():
    texts, problems = applied("Delete Article 1\n", ARTICLES)
    assert problems == ()
    assert texts == [
        "Article 2",
        "This Agreement enters into force.",
        "Article 21",
        "1. It is open.",
    ]
    texts, problems = applied("Delete Article 2\nDelete Article 2\n", ARTICLES)
    assert [(p.line, p.reason, p.detail) for p in problems] == [
        (2, ALREADY_DELETED, "Article 2, by line 1")
    ]
    assert "Article 2" not in texts and "Article 21" in texts


def test_a_change_of_words_in_a_whole_article_of_several_paragraphs_is_ambiguous():
    _, problems = applied("In Article 1, replace 'shall' with 'should'\n", ARTICLES)
    assert [(p.reason, p.detail) for p in problems] == [
        (PARAGRAPH_AMBIGUOUS, "Article 1 (Art. 1.1, Art. 1.2, Art. 1.2(a))")
    ]
    texts, problems = applied("In Article 2, replace 'enters' with 'shall enter'\n", ARTICLES)
    assert problems == () and "This Agreement shall enter into force." in texts


def test_the_chapeau_of_a_paragraph():
    texts, problems = applied(
        "In the chapeau of operative paragraph 2, replace 'Urges' with 'Calls upon'\n", SUBS
    )
    assert problems == () and texts[4] == "2. Calls upon Member States:"


@pytest.mark.parametrize(
    ("given", "label", "text"),
    [
        ("6 bis. Requests a report;", "6 bis.", "Requests a report;"),
        ("16.9 bis Support the family", "16.9 bis", "Support the family"),
        ("3 ter Notes X;", "3 ter", "Notes X;"),
        ("(c) bis To act;", "(c) bis", "To act;"),
        (
            "11. Decides to remain seized of the matter.",
            "11.",
            "Decides to remain seized of the matter.",
        ),
        ("Bis repetita placent", "2 bis.", "Bis repetita placent"),
    ],
)
def test_a_new_paragraph_keeps_its_own_label_apart_from_its_text(given, label, text):
    base = read_bytes(SUBS.encode(), "base")
    instruction = f"After OP2, insert a new paragraph reading: “{given}”\n"
    document, problems = apply_instrument(base, parse_instrument(instruction))
    assert problems == ()
    new = next(p for p in document.paragraphs if p.text == text)
    assert new.label == label


def test_new_paragraphs_after_one_paragraph_go_past_decies():
    lines = "".join(
        f"After OP1, insert a new paragraph reading: 'Notes {n};'\n" for n in range(22)
    )
    document, problems = apply_instrument(
        read_bytes(SUBS.encode(), "base"), parse_instrument(lines)
    )
    assert problems == ()
    labels = [p.label for p in document.paragraphs if p.text.startswith("Notes")]
    assert labels[:2] == ["1 bis.", "1 ter."]
    assert labels[9:12] == ["1 undecies.", "1 duodecies.", "1 terdecies."]
    assert labels[18:] == ["1 vicies.", "1 bis 21.", "1 bis 22.", "1 bis 23."]
