"""The `unwording terms` listing: what a rulebook watches, by category."""

from __future__ import annotations

from collections import defaultdict

from ..flags import Rulebook
from ..lexicon import Lexicon


def render_terms(rulebook: Rulebook) -> str:
    """Terms, hedges and verb scales of `rulebook`, as plain text."""
    lines = [f"unwording lexicon, language: {rulebook.lang}"]
    lines += _lexicon("Watched terms", rulebook.terms)
    lines += _lexicon("Hedges", rulebook.hedges)
    lines += _scales(rulebook)
    return "\n".join(lines) + "\n"


def _lexicon(title: str, lexicon: Lexicon) -> list[str]:
    lines = ["", f"== {title} ({len(lexicon.terms)})"]
    by_category = defaultdict(list)
    for term in lexicon.terms:
        by_category[term.category].append(term)
    for category, terms in by_category.items():
        lines.append(f"{lexicon.categories.get(category, category)} [{category}]")
        for term in terms:
            variants = [p for p in term.phrases if p != term.term]
            extra = f": {'; '.join(variants)}" if variants else ""
            lines.append(f"  - {term.term}{extra}")
    if not lexicon.terms:
        lines.append("  (none for this language; add some with --lexicon FILE)")
    return lines


def _scales(rulebook: Rulebook) -> list[str]:
    scales = rulebook.scales
    lines = ["", "== Verb scales (strongest first)"]
    by_scale = defaultdict(dict)
    for form, verbs in scales.forms.items():
        for verb in verbs:
            by_scale[verb.scale].setdefault((verb.strength, verb.name), []).append(form)
    for scale, verbs in by_scale.items():
        lines.append(f"{scales.titles.get(scale, scale)} [{scale}]")
        for (strength, name), forms in sorted(verbs.items(), key=lambda item: -item[0][0]):
            lines.append(f"  {strength:>4g}  {name}: {', '.join(forms)}")
    if scales.modal_forms:
        ordered = sorted(scales.modal_forms.items(), key=lambda item: -item[1].strength)
        lines.append("Modal verbs [modal]: " + " > ".join(form for form, _ in ordered))
    return lines
