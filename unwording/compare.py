"""The pipeline: the only place that knows the order of the stages.

read -> normalize -> segment -> align -> diff -> flag, giving a `Comparison`
that every renderer in `report/` turns into text, JSON or HTML.
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .flags import Rulebook
    from .model import Comparison, Document, Options

Known = tuple[dict[Any, Any], dict[Any, Any]]

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
    pairs, whole = diff_pairs(pairs, base.paragraphs, draft.paragraphs, options.strict)
    pairs, flags = flag_pairs(pairs, base, draft, rulebook)
    weak = weakness(pairs, base, draft)
    notices = rulebook.notices + whole + ((weak,) if weak else ())
    warnings = base.warnings + draft.warnings + notices
    options = replace(options, lang=rulebook.lang)
    return Comparison(base, draft, pairs, flags, options, warnings, rulebook.categories)


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
