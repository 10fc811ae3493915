"""Hostile Word and PDF inputs for the fuzzing harness (`fuzz_hostile` picks them).

Word numbering with huge, negative or garbage `w:start`, `w:ilvl` and `w:numFmt`,
`w:sym` characters that are no characters, deep nesting of tables and tracked
changes, damaged zip files (truncated, bad CRC or offsets, corrupt deflate data,
a non-UTF-8 member name, no main part, a part that unpacks to hundreds of MB),
and PDF structures (page-tree loops, absurd counts, deep arrays, a deflate bomb,
a broken cross-reference table, many pages).
"""

from __future__ import annotations

import io
import random
import re
import zipfile
import zlib
from xml.sax.saxutils import escape

Paragraphs = list[tuple[str, str]]  # (label, text)
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
WORDS = (
    "States",
    "shall",
    "should",
    "ensure",
    "promote",
    "human",
    "rights",
    "gender",
    "equality",
    "climate",
    "finance",
    "by",
    "2030",
    "the",
    "and",
    "of",
    "[bracketed]",
    "Members",
    "encourages",
    "invites",
    "no",
    "not",
    "USD",
    "100",
    "billion",
)
HOSTILE_VALUES = (
    "0",
    "-1",
    "-2147483649",
    "99999999999",
    "999999999999999999999999",
    "1" + "0" * 5000,
    "abc",
    "",
    " ",
    "1.5",
    "1e9",
    "0x7fffffff",
    "\u0665",
    "NaN",
    "+3",
    "\x00",
    "&#x1;",
)
NUM_FORMATS = (
    "decimal",
    "lowerLetter",
    "upperLetter",
    "lowerRoman",
    "upperRoman",
    "bullet",
    "ordinal",
    "cardinalText",
    "chineseCounting",
    "arabicAbjad",
    "none",
    "zzz",
    "",
)


def words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def plain(rng: random.Random, count: int = 8) -> Paragraphs:
    return [(f"{n}.", words(rng, rng.randint(5, 40))) for n in range(1, count + 1)]


def word_attributes(xml: bytes, rng: random.Random) -> tuple[bytes, str]:
    """Word attributes (w:val, w:ilvl, w:start, w:char, w:numId) set to hostile values."""
    attr = rng.choice(("w:val", "w:ilvl", "w:numId", "w:char", "w:id", "w:author"))
    value = rng.choice(HOSTILE_VALUES + ("D800", "zz", "FFFF", "0000"))
    pattern = re.compile(rf'{attr}="[^"]*"'.encode())
    hits = list(pattern.finditer(xml))
    if not hits:
        return xml, f"no {attr}"
    hit = rng.choice(hits)
    new = f'{attr}="{escape(value, {chr(34): "&quot;"})}"'.encode()
    return xml[: hit.start()] + new + xml[hit.end() :], f"{attr}={value[:12]!r}"


def docx_numbering(rng: random.Random) -> tuple[bytes, bytes, str]:
    start, ilvl = rng.choice(HOSTILE_VALUES), rng.choice(HOSTILE_VALUES)
    fmt, text = (
        rng.choice(NUM_FORMATS),
        rng.choice(("%1.", "(%2)", "%9%9%9", "%1.%2.%3.%4", "%", "")),
    )
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{start if i == 0 else 1}"/><w:numFmt '
        f'w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i in range(3)
    )
    numbering = (
        f'<w:numbering {W_NS}><w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )
    paras = plain(rng, 6)
    body = "".join(_w_p(t, ilvl if i % 2 else "0") for i, (_, t) in enumerate(paras))
    clean = docx({"word/document.xml": _w_doc("".join(_w_p(t) for _, t in paras))})
    hostile = docx({"word/document.xml": _w_doc(body), "word/numbering.xml": numbering})
    return clean, hostile, f"w:start={start[:12]!r} w:ilvl={ilvl[:12]!r} {fmt} {text!r}"


def _w_p(text: str, ilvl: str | None = None) -> str:
    num = (
        f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        if ilvl
        else ""
    )
    return f'<w:p>{num}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _w_doc(body: str) -> str:
    head = '<?xml version="1.0" encoding="UTF-8"?>'
    return f"{head}<w:document {W_NS}><w:body>{body}</w:body></w:document>"


def docx_sym(rng: random.Random) -> tuple[bytes, bytes, str]:
    char = rng.choice(
        ("zz", "D800", "DFFF", "0000", "0001", "FFFF", "110000", "-1", "", "F0B7" * 50)
    )
    body = (
        _w_p("Text one.")
        + f'<w:p><w:r><w:sym w:font="Symbol" w:char="{char}"/><w:t>x</w:t></w:r></w:p>'
    )
    return (
        docx({"word/document.xml": _w_doc(_w_p("Text one."))}),
        docx({"word/document.xml": _w_doc(body)}),
        f"w:sym {char[:10]!r}",
    )


def docx_nesting(rng: random.Random) -> tuple[bytes, bytes, str]:
    depth = rng.choice((50, 500, 5000))
    tag = rng.choice(("table", "ins", "smartTag", "hyperlink"))
    if tag == "table":
        deep = "<w:tbl><w:tr><w:tc>" * depth + _w_p("deep") + "</w:tc></w:tr></w:tbl>" * depth
    else:
        opening = f'<w:{tag} w:id="1" w:author="A">'
        deep = f"<w:p>{opening * depth}<w:r><w:t>deep</w:t></w:r>{f'</w:{tag}>' * depth}</w:p>"
    clean = docx({"word/document.xml": _w_doc(_w_p("Text."))})
    return clean, docx({"word/document.xml": _w_doc(_w_p("Text.") + deep)}), f"w:{tag} x{depth}"


def docx(parts: dict[str, str]) -> bytes:
    """A minimal Word file from its parts (the package relations are added)."""
    rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{OFFICE}" Target="word/document.xml"/></Relationships>'
    )
    types = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/></Types>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in {"[Content_Types].xml": types, "_rels/.rels": rels, **parts}.items():
            archive.writestr(
                zipfile.ZipInfo(name, (2025, 1, 1, 0, 0, 0)), body, zipfile.ZIP_DEFLATED
            )
    return out.getvalue()


def zip_damage(rng: random.Random) -> tuple[bytes, bytes, str]:
    good = docx(
        {"word/document.xml": _w_doc("".join(_w_p(f"{lab} {t}") for lab, t in plain(rng, 12)))}
    )
    op = rng.choice(
        ("truncate", "crc", "offset", "name", "missing", "bomb", "deflate", "dupe", "stored")
    )
    if op == "truncate":
        return good, good[: rng.randrange(len(good))], op
    if op == "crc":
        at = good.find(b"PK\x03\x04") + 14
        return good, good[:at] + b"\xde\xad\xbe\xef" + good[at + 4 :], op
    if op == "offset":
        at = good.rfind(b"PK\x01\x02") + 42
        return (
            good,
            good[:at] + rng.choice((b"\xff\xff\xff\x7f", b"\x00\x00\x00\x80")) + good[at + 4 :],
            op,
        )
    if op == "deflate":
        at = good.find(b"word/document.xml") + 30
        return good, good[:at] + bytes(rng.randrange(256) for _ in range(40)) + good[at + 40 :], op
    return good, _zip_variant(op, rng), op


def _zip_variant(op: str, rng: random.Random) -> bytes:
    doc = _w_doc(_w_p("Text."))
    if op == "name":
        data = docx({"word/document.xml": doc, "word/zzzz.xml": "<x/>"})
        return data.replace(b"zzzz", b"\xff\xfe\x80\x81")
    if op == "missing":
        return docx({"word/other.xml": doc})
    if op == "bomb":
        return docx(
            {"word/document.xml": _w_doc(_w_p("x") + " " * rng.choice((50, 200)) * 1_000_000)}
        )
    if op == "dupe":
        return docx({"word/document.xml": doc}) + docx(
            {"word/document.xml": _w_doc(_w_p("Other."))}
        )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("word/document.xml", doc)
    return out.getvalue()


def pdf_hostile(rng: random.Random) -> tuple[bytes, bytes, str]:
    from fuzz_cases import pdf_document, pdf_file  # noqa: PLC0415 - fuzz_cases imports this module

    good = pdf_document("1. Text one.\n\n2. Text two.")
    op = rng.choice(("loop", "count", "arrays", "bomb", "xref", "strings", "pages"))
    font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    page = "<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> >>"
    content = "BT /F1 10 Tf 50 800 Td (Text) Tj ET"
    pages = "<< /Type /Pages /Kids [5 0 R] /Count 1 >>"
    if op == "loop":
        pages = "<< /Type /Pages /Kids [2 0 R 5 0 R] /Count 2 >>"
    elif op == "count":
        pages = "<< /Type /Pages /Kids [5 0 R] /Count 99999999999 >>"
    elif op == "arrays":
        content = "BT /F1 10 Tf " + "[" * 50000 + "(x)" + "]" * 50000 + " TJ ET"
    elif op == "strings":
        content = (
            "BT /F1 10 Tf 50 800 Td ("
            + "".join(chr(c) for c in range(32)).replace("\\", "")
            + "\\377\\000) Tj ET"
        )
    elif op == "pages":
        return good, pdf_document("\n".join(words(rng, 8) for _ in range(8000))), "8000 lines"
    stream = f"<< /Length {len(content)} >>\nstream\n{content}\nendstream"
    if op == "bomb":
        packed = zlib.compress(b"BT /F1 10 Tf (x) Tj ET\n" * 4_000_000, 9).decode("latin-1")
        stream = f"<< /Length {len(packed)} /Filter /FlateDecode >>\nstream\n{packed}\nendstream"
    data = pdf_file(["<< /Type /Catalog /Pages 2 0 R >>", pages, font, stream, page])
    if op == "xref":
        data = data.replace(b"0000000009", b"9999999999", 1)[: -rng.randrange(1, 40)]
    return good, data, f"pdf {op}"
