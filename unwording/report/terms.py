"""The `unwording terms` listing: the profiles, and what a rulebook watches by category."""

from __future__ import annotations

from collections import defaultdict

from ..flags import Rulebook
from ..lexicon import SUBJECT_PARAGRAPHS, SUBJECT_SHARE, Lexicon, Term
from ..profiles import Profile


def render_terms(rulebook: Rulebook) -> str:
    """Profiles, terms, hedges and verb scales of `rulebook`, as plain text."""
    lines = [f"unwording lexicon, language: {rulebook.lang}"]
    lines += _profiles(rulebook.terms.profiles)
    lines += _lexicon("Watched terms", rulebook.terms)
    lines += _lexicon("Hedges (always watched)", rulebook.hedges)
    lines += _scales(rulebook)
    return "\n".join(lines) + "\n"


def _profiles(profiles: tuple[Profile, ...]) -> list[str]:
    lines = ["", "== Profiles (--profile NAME[,NAME...], 'default' or 'all'; [x] = watched)"]
    for profile in profiles:
        mark = "x" if profile.on else " "
        default = "on by default" if profile.default else "off by default"
        lines.append(f"[{mark}] {profile.name}: {profile.title} ({default})")
        lines.append(f"      categories: {', '.join(profile.categories) or '(none)'}")
    lines.append("Categories outside every profile (your own, the hedges) are always watched.")
    return lines


def _lexicon(title: str, lexicon: Lexicon) -> list[str]:
    lines = ["", f"== {title} ({len(lexicon.terms)})"]
    by_category: dict[str, list[Term]] = {category: [] for category in lexicon.categories}
    for term in lexicon.terms:
        by_category.setdefault(term.category, []).append(term)
    for category, terms in by_category.items():
        if not terms:
            continue
        profile = f", profile {terms[0].profile}" if terms[0].profile else ""
        lines.append(f"{lexicon.categories.get(category, category)} [{category}{profile}]")
        for term in terms:
            lines += _term(term)
    if not lexicon.terms:
        lines.append("  (none for this language and profile; add some with --lexicon FILE)")
    return lines


def _term(term: Term) -> list[str]:
    variants = [p for p in term.phrases if p != term.term]
    extra = f": {'; '.join(variants)}" if variants else ""
    subject = (
        f" (subject: not flagged when in at least {SUBJECT_PARAGRAPHS} paragraphs and "
        f"{SUBJECT_SHARE:.0%} of each text)"
        if term.subject
        else ""
    )
    lines = [f"  - {term.term}{subject}{extra}"]
    if term.spelling.preceded:
        lines.append(f"      not after: {'; '.join(term.spelling.preceded)}")
    if term.spelling.followed:
        lines.append(f"      not before: {'; '.join(term.spelling.followed)}")
    return lines


def _scales(rulebook: Rulebook) -> list[str]:
    scales = rulebook.scales
    lines = ["", "== Verb scales (strongest first)"]
    by_scale: defaultdict[str, dict[tuple[float, str], list[str]]] = defaultdict(dict)
    for form, verbs in scales.forms.items():
        for verb in verbs:
            by_scale[verb.scale].setdefault((verb.strength, verb.name), []).append(form)
    for scale, named in by_scale.items():
        lines.append(f"{scales.titles.get(scale, scale)} [{scale}]")
        for (strength, name), forms in sorted(named.items(), key=lambda item: -item[0][0]):
            lines.append(f"  {strength:>4g}  {name}: {', '.join(forms)}")
    if scales.modal_forms:
        ordered = sorted(scales.modal_forms.items(), key=lambda item: -item[1].strength)
        lines.append("Modal verbs [modal]: " + " > ".join(form for form, _ in ordered))
    return lines
