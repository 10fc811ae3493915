"""The pipeline: the only place that knows the order of the stages.

read -> normalize -> segment -> align -> diff -> flag, giving a `Comparison`
that every renderer in `report/` turns into text, JSON or HTML.
"""

from __future__ import annotations

import os

from .align import align_documents
from .diff import diff_pairs
from .flags import flag_pairs
from .lexicon import Lexicon, load_lexicon
from .model import Comparison, Document, Options
from .normalize import normalize_document
from .readers import read_bytes, read_source
from .segment import segment_document


def compare_files(
    base: str | os.PathLike[str], draft: str | os.PathLike[str], options: Options | None = None
) -> Comparison:
    """Read two files (`-` is stdin) and compare them. Raises `UnwordingError`."""
    options = options or Options()
    lexicon = load_lexicon(options.lexicon_path)
    return compare_documents(read_source(base), read_source(draft), options, lexicon)


def compare(
    base: str,
    draft: str,
    options: Options | None = None,
    base_name: str = "base",
    draft_name: str = "draft",
) -> Comparison:
    """Compare two texts given as strings (read as plain text)."""
    options = options or Options()
    base_document = read_bytes(base.encode("utf-8"), base_name, "text")
    draft_document = read_bytes(draft.encode("utf-8"), draft_name, "text")
    return compare_documents(base_document, draft_document, options)


def compare_documents(
    base: Document, draft: Document, options: Options | None = None, lexicon: Lexicon | None = None
) -> Comparison:
    """Run the stages after reading on two documents."""
    options = options or Options()
    lexicon = lexicon or load_lexicon(options.lexicon_path)
    base = prepare_document(base, options)
    draft = prepare_document(draft, options)
    pairs = align_documents(base, draft)
    pairs = diff_pairs(pairs, _texts(base), _texts(draft), options.strict)
    flags = flag_pairs(pairs, _keys(base), _keys(draft), lexicon)
    warnings = base.warnings + draft.warnings
    return Comparison(base, draft, pairs, flags, options, warnings, dict(lexicon.categories))


def prepare_document(document: Document, options: Options) -> Document:
    """Normalize then segment a read document."""
    return segment_document(normalize_document(document, options.strict))


def _texts(document: Document) -> list[str]:
    return [paragraph.text for paragraph in document.paragraphs]


def _keys(document: Document) -> list[str]:
    return [paragraph.key for paragraph in document.paragraphs]
