"""Follow a text through a whole negotiation: `follow_versions` and `follow_files`.

Successive versions are compared with `compare_documents` (v1 -> v2, v2 -> v3, ...),
the rulebook loaded once for all; then the steps are joined into lineages (`lineage`),
terms and wordings are counted per version (`timeline`) and brackets followed from
their first version to the one they were lifted in (`bracket_lives`). Warnings are
returned in the `History`, never printed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from ..compare import compare_documents
from ..errors import InputError
from ..flags import Rulebook, load_rulebook
from ..language import detect_language
from ..model import Document, Notice, Options
from ..readers import read_source
from .bracket_lives import BracketFinder, bracket_lives
from .lineage import build_lineages
from .records import History, Step, Version
from .timeline import TermCounter, term_timelines, wordings
from .versions import describe_versions, version_paths

Progress = Callable[[int, int, str, str], None]  # (step, steps, from label, to label)


def follow_files(
    arguments: Sequence[str],
    labels: Sequence[str] = (),
    options: Options | None = None,
    progress: Progress | None = None,
) -> History:
    """Read the versions (files, or folders of files in name order) and follow them."""
    options = options or Options()
    paths = version_paths(arguments)
    documents = [read_source(path, options.input_format, options.changes) for path in paths]
    return follow_versions(documents, labels, options, progress)


def follow_versions(
    documents: Sequence[Document],
    labels: Sequence[str] = (),
    options: Options | None = None,
    progress: Progress | None = None,
) -> History:
    """Compare each version with the next and follow every provision through them all."""
    if len(documents) < 2:
        raise InputError(f"a history needs at least two versions, not {len(documents)}")
    options = options or Options()
    versions = describe_versions(documents, labels)
    rulebook = _rulebook(documents, options)
    steps = []
    for number in range(len(documents) - 1):
        if progress:
            progress(
                number + 1, len(documents) - 1, versions[number].label, versions[number + 1].label
            )
        comparison = compare_documents(documents[number], documents[number + 1], options, rulebook)
        steps.append(Step(number, number + 1, comparison))
    return _history(versions, tuple(steps), replace(options, lang=rulebook.lang), rulebook)


def _rulebook(documents: Sequence[Document], options: Options) -> Rulebook:
    lang = options.lang or detect_language([p.text for p in documents[-1].paragraphs])
    return load_rulebook(lang, options.lexicon_path, options.profile)


def _history(
    versions: tuple[Version, ...], steps: tuple[Step, ...], options: Options, rulebook: Rulebook
) -> History:
    prepared = [steps[0].comparison.base, *(step.comparison.draft for step in steps)]
    versions = tuple(
        replace(v, paragraphs=len(d.paragraphs)) for v, d in zip(versions, prepared, strict=True)
    )
    lineages, notices = build_lineages(steps, prepared)
    finder = BracketFinder(prepared)
    lives, lineages = bracket_lives(lineages, steps, finder)
    counter = TermCounter(rulebook.about(prepared[0], prepared[-1]))
    return History(
        versions=versions,
        steps=steps,
        lineages=lineages,
        terms=term_timelines(lineages, prepared, counter, finder),
        wordings=wordings(lineages, prepared, rulebook),
        brackets=lives,
        options=options,
        warnings=_warnings(steps) + notices,
        categories=rulebook.categories,
    )


def _warnings(steps: Sequence[Step]) -> tuple[Notice, ...]:
    """Each distinct warning of the steps once, in order (a subject term muted in every
    step is named once, with the counts of the first)."""
    seen: dict[str, Notice] = {}
    for step in steps:
        for notice in step.comparison.warnings:
            seen.setdefault(notice.source + notice.message.split(":")[0], notice)
    return tuple(seen.values())


__all__ = ["follow_files", "follow_versions"]
