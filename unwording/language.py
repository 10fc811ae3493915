"""Which official UN language a text is in, from its most common short words.

Used when `--lang` is not given, to pick the lexicons. Detects English, French,
Spanish, Russian, Arabic and Chinese; anything unclear is English.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh")
_MARKERS = {
    "en": {"the", "and", "of", "to", "in", "its", "that", "for", "with", "all"},
    "fr": {"le", "la", "les", "des", "et", "du", "à", "pour", "dans", "sur", "une", "aux"},
    "es": {"el", "los", "las", "del", "y", "para", "con", "por", "una", "sus", "que"},
    "ru": {"и", "в", "на", "по", "с", "для", "о", "что", "к", "их", "всех"},
}
_WORD = re.compile(r"\w+")
_SAMPLE = 20_000


def detect_language(texts: Iterable[str]) -> str:
    """The language of `texts` (a sample of their first characters is enough)."""
    sample = _sample(texts)
    if _share(sample, "\u0600", "\u06ff") > 0.3:
        return "ar"
    if _share(sample, "\u4e00", "\u9fff") > 0.3:
        return "zh"
    words = Counter(word.lower() for word in _WORD.findall(sample))
    scores = {lang: sum(words[w] for w in markers) for lang, markers in _MARKERS.items()}
    best = max(scores, key=lambda lang: (scores[lang], lang == "en"))
    return best if scores[best] else "en"


def _sample(texts: Iterable[str]) -> str:
    parts, size = [], 0
    for text in texts:
        parts.append(text)
        size += len(text)
        if size >= _SAMPLE:
            break
    return " ".join(parts)[:_SAMPLE]


def _share(text: str, low: str, high: str) -> float:
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return 0.0
    return sum(low <= char <= high for char in letters) / len(letters)
