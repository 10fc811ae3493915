"""The records' copies (`Paragraph.read`, `with_key`, `with_label`, `Pair.with_edits`)
name every field in order: they must give the records `dataclasses.replace` and the
constructor give, field for field, whatever fields the classes grow."""

from __future__ import annotations

import dataclasses

from unwording.model import Edit, Kind, Location, Op, Pair, Paragraph, Status, Tracked


def _same(made: object, built: object) -> None:
    assert made == built and repr(made) == repr(built) and hash(made) == hash(built)
    assert list(vars(made)) == [f.name for f in dataclasses.fields(built)]  # type: ignore[arg-type]


def test_a_paragraph_as_read_is_the_constructors():
    _same(Paragraph.read(4, "text", Location(2, 3)), Paragraph(4, "text", location=Location(2, 3)))
    heading = Paragraph.read(0, "Article 2", Location(1, 1), Kind.HEADING)
    _same(heading, Paragraph(0, "Article 2", kind=Kind.HEADING, location=Location(1, 1)))


def test_copies_with_a_key_a_label_or_edits_are_the_constructors():
    who = Tracked("EU", "2025-01-01")
    read = Paragraph(
        1, "1. Urges States", None, None, Location(5, 5), "", ((3, 8, who),), "", (7,)
    )
    keyed = read.with_key("1. urges states")
    _same(keyed, dataclasses.replace(read, key="1. urges states"))
    labelled = keyed.with_label("1.", "Urges States", "urges states", Kind.OPERATIVE, "OP1")
    shifted = ((0, 5, who),)  # the tracked span moved with the label split off
    expected = Paragraph(
        1,
        "Urges States",
        "1.",
        Kind.OPERATIVE,
        Location(5, 5),
        "urges states",
        shifted,
        "OP1",
        (7,),
    )
    _same(labelled, expected)
    pair = Pair(Status.MODIFIED, (1,), (1,), moved=True, similarity=0.9)
    edits = (Edit(Op.EQUAL, "Urges "), Edit(Op.INSERT, "all "))
    _same(pair.with_edits(edits), dataclasses.replace(pair, edits=edits))
