"""The flag rules' shortcuts (a rule skips a pair its findings cannot differ in) give
the same flags as the rules run in full: on real paragraphs of six languages, changed
where the rules look (a watched term's words and its context words replaced, inserted
or deleted, hyphens, negations, numbers, brackets) as well as anywhere."""

from __future__ import annotations

import random

import pytest
from conftest import FIXTURES

from unwording.flags import load_rulebook
from unwording.lexicon import _SEPARATOR
from unwording.model import Kind, Pair, Status
from unwording.rules import PairText
from unwording.rules import terms as terms_module

CASES = {
    "en": ["ares-80-6-edited", "ares-80-10-traps", "sdg-goal5-en", "agenda2030-weak"],
    "fr": ["sdg-goal5-fr"],
    "es": ["sdg-goal5-es"],
    "ru": ["sdg-goal5-ru"],
    "ar": ["sdg-goal5-ar"],
    "zh": ["sdg-goal5-zh"],
}
EXTRA = ["not", "only", "political", "-", "and", "the", "of", "[", "]", "2030", "5", "per cent"]
PAIRS_PER_LANGUAGE = 1500


def paragraphs(cases: list[str]) -> list[str]:
    found = []
    for case in cases:
        for name in ("base.txt", "draft.txt"):
            text = (FIXTURES / case / name).read_text(encoding="utf-8")
            found += [p.strip() for p in text.split("\n\n") if len(p.split()) >= 3]
    return found


def vocabulary(lexicons) -> list[str]:
    words = []
    for lexicon in lexicons:
        for term in lexicon.terms:
            spelling = term.spelling
            for phrase in (*spelling.phrases, *spelling.preceded, *spelling.followed):
                words.append(phrase)
                words += [w for w in _SEPARATOR.split(phrase) if w]
    return sorted(set(words))


def mutated(text: str, rng: random.Random, pool: list[str]) -> str:
    words = text.split(" ")
    at = rng.randrange(len(words))
    kind = rng.random()
    if kind < 0.4:
        words[at] = rng.choice(pool)
    elif kind < 0.7:
        words.insert(at, rng.choice(pool))
    elif kind < 0.9:
        del words[at : at + rng.randint(1, 3)]
    else:
        words[at] = words[at] + rng.choice(["-", "s", ",", "’s"])
    return " ".join(words)


def pair_text(base: str, draft: str) -> PairText:
    pair = Pair(Status.MODIFIED, (0,), (0,), similarity=0.9)
    return PairText(0, pair, base, draft, Kind.OPERATIVE, Kind.OPERATIVE)


def in_full(text: PairText, lexicon, kind):
    original = terms_module.may_differ
    terms_module.may_differ = lambda *_: True
    try:
        return list(terms_module.count_flags(text, lexicon, kind))
    finally:
        terms_module.may_differ = original


@pytest.mark.parametrize("lang", sorted(CASES))
def test_term_and_hedge_counts_skip_only_pairs_they_cannot_flag(lang):
    rulebook = load_rulebook(lang, None, None)
    lexicons = ((rulebook.terms, "term"), (rulebook.hedges, "hedge"))
    texts = paragraphs(CASES[lang])
    rng = random.Random(lang)
    pool = vocabulary(lexicon for lexicon, _ in lexicons) + EXTRA
    skipped = flagged = 0
    for _ in range(PAIRS_PER_LANGUAGE):
        base = rng.choice(texts)
        draft = mutated(base, rng, pool if rng.random() < 0.8 else base.split(" "))
        if rng.random() < 0.3:
            draft = mutated(draft, rng, pool)
        text = pair_text(base, draft)
        for lexicon, kind in lexicons:
            expected = in_full(text, lexicon, kind)
            assert list(terms_module.count_flags(text, lexicon, kind)) == expected, (base, draft)
            skipped += not terms_module.may_differ(text, lexicon.terms)
            flagged += bool(expected)
    assert flagged > PAIRS_PER_LANGUAGE / 20  # the changes do reach the terms
    if lang != "zh":  # Chinese has no spaces: the stretch around a change is the text
        assert skipped > PAIRS_PER_LANGUAGE / 10  # and the shortcut is taken
