"""Language and direction in the HTML report: the page speaks English, the texts may not.

The paragraphs carry the comparison's language (`lang`) and, for Arabic, `dir="rtl"`.
English lines that quote right-to-left words (a flag: `Hedge added <title>: “<term>”
(0 → 1)`) put each right-to-left run in its own `<bdi>`, so the run is laid out on its
own and the neutral characters around it (quotes, brackets, arrows, the counts) keep
their English order: without it, "(0 → 1)" after an Arabic word shows as "(1 → 0)".
A run stops at Latin letters, quotes, brackets and colons, which belong to the English
sentence.
"""

from __future__ import annotations

import re

from lxml import etree

from .html_builder import append_text, element

RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur"})
_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
_RUN = re.compile(rf"[{_RTL}](?:[^A-Za-z“”\"«»‹›()\[\]:;\n{_RTL}]*[{_RTL}])*")


def text_attributes(lang: str | None) -> dict[str, str]:
    """`lang` (and `dir` for a right-to-left language) for an element of document text."""
    if not lang:
        return {}
    return {"lang": lang, "dir": "rtl"} if lang in RIGHT_TO_LEFT else {"lang": lang}


def write_isolated(parent: etree._Element, text: str, lang: str | None = None) -> None:
    """Append `text` to an English element, each right-to-left run in a `<bdi>`."""
    position = 0
    for run in _RUN.finditer(text):
        append_text(parent, text[position : run.start()])
        element(parent, "bdi", run.group(), **({"lang": lang} if lang else {}))
        position = run.end()
    append_text(parent, text[position:])
