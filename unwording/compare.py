"""The pipeline: the only place that knows the order of the stages.

read -> normalize -> segment -> align -> diff -> flag, giving a `Comparison`
that every renderer in `report/` turns into text, JSON or HTML.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .flags import Rulebook
    from .model import Comparison, Document, Flag, Notice, Options, Pair

Known = tuple[dict[Any, Any], dict[Any, Any]]
Part = tuple[list[Any], list["Flag"], tuple["Notice", ...], "int | None"]  # of a run of pairs

# The stages (and the records and readers) are imported where they run, not here:
# `import unwording` (and with it `unwording --version` or a usage error) stays fast,
# and a comparison pays for them once.


def compare_files(
    base: str | os.PathLike[str],
    draft: str | os.PathLike[str] | None = None,
    options: Options | None = None,
    names: tuple[str, str] | None = None,
) -> Comparison:
    """Read two files (`-` is stdin) and compare them. Raises `UnwordingError`.

    With no `draft`, `base` must be a Word file with tracked changes: its rejected
    state is compared with its accepted state, so a redline needs no second file.
    `names` are shown in the reports instead of the file names (git's temporary files
    stand for `a/PATH` and `b/PATH`).
    """
    from dataclasses import replace

    from .model import Options
    from .readers import read_both_views, read_source

    options = options or Options()
    fmt = options.input_format
    if draft is None:
        return compare_documents(*read_both_views(base, fmt), options)
    base_document = read_source(base, fmt, options.changes)
    draft_document = read_source(draft, fmt, options.changes)
    if names:
        base_document = replace(base_document, source=names[0])
        draft_document = replace(draft_document, source=names[1])
    return compare_documents(base_document, draft_document, options)


def compare(
    base: str,
    draft: str,
    options: Options | None = None,
    base_name: str = "base",
    draft_name: str = "draft",
) -> Comparison:
    """Compare two texts given as strings (read as plain text)."""
    from .model import Options
    from .readers import read_bytes

    options = options or Options()
    base_document = read_bytes(base.encode("utf-8"), base_name, "text")
    draft_document = read_bytes(draft.encode("utf-8"), draft_name, "text")
    return compare_documents(base_document, draft_document, options)


def compare_documents(
    base: Document,
    draft: Document,
    options: Options | None = None,
    rulebook: Rulebook | None = None,
) -> Comparison:
    """Run the stages after reading on two documents."""
    from dataclasses import replace

    from .align import align_documents, weakness
    from .diff import diff_pairs
    from .flags import flag_pairs, load_rulebook
    from .language import detect_language
    from .model import Comparison, Options

    options = options or Options()
    base, draft = prepare_documents(base, draft, options)
    if rulebook is None:
        lang = options.lang or detect_language(_keys(base) + _keys(draft))
        rulebook = load_rulebook(lang, options.lexicon_path, options.profile)
    rulebook = rulebook.about(base, draft)
    pairs = align_documents(base, draft)
    found = _pair_stages(pairs, base, draft, options.strict, rulebook)
    if found is None:  # in one process
        pairs, whole = diff_pairs(pairs, base.paragraphs, draft.paragraphs, options.strict)
        pairs, flags = flag_pairs(pairs, base, draft, rulebook)
    else:
        pairs, flags, whole = found
    weak = weakness(pairs, base, draft)
    notices = rulebook.notices + whole + ((weak,) if weak else ())
    warnings = base.warnings + draft.warnings + notices
    options = replace(options, lang=rulebook.lang)
    return Comparison(base, draft, pairs, flags, options, warnings, rulebook.categories)


def _pair_stages(
    pairs: tuple[Pair, ...], base: Document, draft: Document, strict: bool, rulebook: Rulebook
) -> tuple[tuple[Pair, ...], tuple[Flag, ...], tuple[Notice, ...]] | None:
    """The word diff then the flags of every pair, in runs of pairs shared among worker
    processes (workers.py) when the changed pairs are many; None when one process is
    to do them, or when the runs' word diffs spent more than a comparison's budget
    between them (so that the result is always the one of a single process)."""
    from .diff import DMP_BUDGET, diff_run
    from .flags import flag_each, fold_each
    from .model import Status
    from .workers import processes, run_parts

    work = [n for n, pair in enumerate(pairs) if pair.status is not Status.UNCHANGED or pair.moved]
    count = processes(len(work))
    if count < 2:
        return None

    def job(start: int, end: int) -> Part:
        run = pairs[start:end]
        done, notices, spent = diff_run(run, base.paragraphs, draft.paragraphs, strict)
        classified, flags = flag_each(done, base, draft, rulebook, first=start)
        packed = start > 0  # a worker's: sent back as plain tuples (quick to pickle)
        return _packed(classified) if packed else classified, flags, notices, spent

    cuts = [0, *(work[len(work) * k // count] for k in range(1, count)), len(pairs)]
    try:
        parts = run_parts(job, cuts)
    except Exception:  # noqa: BLE001 - a worker that failed: the work is done here instead
        return None
    spent = [part[3] for part in parts]
    if None in spent or sum(s or 0 for s in spent) > DMP_BUDGET:
        return None
    classified = list(parts[0][0])
    for (start, end), part in zip(zip(cuts[1:], cuts[2:], strict=False), parts[1:], strict=True):
        classified += _unpacked(pairs[start:end], part[0])
    flags = [flag for part in parts for flag in part[1]]
    folded_pairs, folded = fold_each(classified, flags, base, draft, rulebook)
    return folded_pairs, folded, tuple(n for part in parts for n in part[2])


Packed = tuple["str | None", tuple[tuple[str, str, bool, "str | None", "str | None"], ...]]


def _packed(pairs: list[Pair]) -> list[Packed]:
    """What the per-pair stages added to each pair (its nature and edits), as tuples."""
    return [
        (p.nature, tuple((e.op.value, e.text, e.typographic, e.author, e.date) for e in p.edits))
        for p in pairs
    ]


def _unpacked(pairs: Sequence[Pair], packed: Sequence[Packed]) -> list[Pair]:
    """The pairs with what `_packed` holds for them."""
    from dataclasses import replace

    from .model import Edit, Op

    return [
        replace(pair, nature=nature, edits=tuple(Edit(Op(e[0]), *e[1:]) for e in edits))
        for pair, (nature, edits) in zip(pairs, packed, strict=True)
    ]


def prepare_document(document: Document, options: Options, known: Known | None = None) -> Document:
    """Normalize then segment a read document (`known`: what each stage found for
    texts already seen, shared by the two versions)."""
    from .normalize import normalize_document
    from .segment import segment_document

    keys, segments = known or ({}, {})
    return segment_document(normalize_document(document, options.strict, keys), segments)


def prepare_documents(base: Document, draft: Document, options: Options) -> tuple[Document, ...]:
    """Normalize and segment both documents; where an extraction glued paragraphs
    that the other version has apart, split them and prepare that side again."""
    from .segment import split_glued

    known: Known = ({}, {})
    prepared = prepare_document(base, options, known), prepare_document(draft, options, known)
    split = (
        split_glued(base, prepared[0], prepared[1]),
        split_glued(draft, prepared[1], prepared[0]),
    )
    return tuple(
        prepare_document(cut, options, known) if cut is not read else done
        for read, cut, done in zip((base, draft), split, prepared, strict=True)
    )


def _keys(document: Document) -> list[str]:
    return [paragraph.key for paragraph in document.paragraphs]


def index_map(found: Document, prepared: Document) -> dict[int, int]:
    """Each paragraph of `found` (the base as one comparison prepared it) to its index
    in `prepared`: by position when both hold the same texts, else by text in order."""
    texts = [p.text for p in prepared.paragraphs]
    if [p.text for p in found.paragraphs] == texts:
        return {i: i for i in range(len(texts))}
    places: dict[str, list[int]] = {}
    for index, text in enumerate(texts):
        places.setdefault(text, []).append(index)
    mapped = {}
    for paragraph in found.paragraphs:
        free = places.get(paragraph.text)
        if free:
            mapped[paragraph.index] = free.pop(0)
    return mapped
