"""Fuzzing inputs: seed files of every format and the mutations applied to them.

`load_seeds()` gathers a few small fixtures per input format (plain text,
Markdown, Word, PDF, HTML, Akoma Ntoso XML); HTML and a small PDF are built here
from the demo text, as the fixtures hold none small enough. `make_case()` turns a
case number and a master seed into one `Case`: two input files (a seed and its
mutant, two mutants, or a pair from a hostile generator in `fuzz_hostile`) and
the report format to ask for. Everything is drawn from `random.Random` seeded by
the case number, so a case is the same on every run and with any number of jobs.
"""

from __future__ import annotations

import io
import random
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import fuzz_binary
import fuzz_hostile

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
FORMATS = ("txt", "md", "docx", "pdf", "html", "xml")
SUFFIX = {"txt": ".txt", "md": ".md", "docx": ".docx", "pdf": ".pdf", "html": ".html"}
OUTPUTS = ("text", "json", "html")
MAX_BYTES = 1_500_000  # mutants stay near the "inputs under 1 MB" of issue 11
SEED_FILES = {
    "txt": (
        "demo/base.txt",
        "demo/draft.txt",
        "sdg-goal5-ar/base.txt",
        "sdg-goal5-zh/base.txt",
        "ares-80-10-traps/base.txt",
        "injection/draft.txt",
    ),
    "md": ("paris-finance-v3-v4/base.md", "paris-finance-v3-v4/draft.md"),
    "docx": (
        "docx-numbered/draft.docx",
        "docx-two-authors/amended.docx",
        "python-redlines/base.docx",
    ),
    "pdf": ("ares-73-8-pdf-vs-80-4/base.pdf",),
    "xml": ("akn-cnd-draft/en.xml", "akn-cnd-draft/es.xml"),
}
TOKENS = (
    "[",
    "]",
    "[[[[",
    "]]]]",
    "[shall][should]",
    "[extreme - US; G77 delete]",
    "\x00",
    "\x01",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "\x9f",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u202e",
    "\u200f",
    "\u2066",
    "\ufffe",
    "\uffff",
    "\U0001f600",
    "\U000e0001",
    "&#0;",
    "&#x1;",
    "&#xD800;",
    "&#99999999;",
    "&bogus;",
    "&amp;",
    "&nbsp;",
    "]]>",
    "<!--",
    "<![CDATA[",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src=//evil.example>",
    "%PDF-1.4",
    "PK\x03\x04",
    "1.",
    "(a)",
    "99999999999999999999.",
    "-1.",
    "0.",
    "(mmmmmmmmmmmmmmm)",
    "Article 99999999999",
    "shall",
    "should not",
    "no",
    '"',
    "\u201c",
    "\u00ab",
    "\t",
    "\r",
    "\r\n",
    "\n\n",
    "\n\n\n\n\n\n",
    "* ",
    "# ",
    "> ",
    "| a | b |\n|---|---|\n",
    "---",
    "```",
    "[^1]",
    "[link](http://evil.example/x.png)",
    "![img](http://evil.example/i.png)",
    '<ol start="99999999999"><li value="-5">x</li></ol>',
    "\u0627\u0644\u0623\u0645\u0645",
    "\u8054\u5408\u56fd",
    "\u0301\u0301\u0301",
    "\ud800",
    "USD 100 billion",
    "By 2030",
)


@dataclass(frozen=True)
class Case:
    """One run of the command line: two inputs and the report format."""

    number: int
    fmt: str  # the input format family (one of FORMATS)
    kind: str  # "mutate" or the name of a hostile generator
    pairing: str  # seed-vs-mutant, mutant-vs-mutant or hostile
    note: str  # what was done, for the reproducer's README
    suffix: str
    base: bytes
    draft: bytes
    output: str  # text, json or html


def load_seeds() -> dict[str, list[tuple[str, bytes]]]:
    """The seed files by format: name and bytes."""
    seeds = {
        fmt: [(name, (FIXTURES / name).read_bytes()) for name in names]
        for fmt, names in SEED_FILES.items()
    }
    demo = [(FIXTURES / "demo" / f"{n}.txt").read_text("utf-8") for n in ("base", "draft")]
    seeds["html"] = [(f"built:{i}.html", html_document(t).encode()) for i, t in enumerate(demo)]
    seeds["pdf"].append(("built:demo.pdf", pdf_document(demo[0])))
    return seeds


def html_document(text: str) -> str:
    """A plain text as an HTML page: headings, numbered list items, paragraphs."""
    parts = ["<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"]
    parts.append("<title>Draft</title></head><body>\n<ol>\n")
    for block in (b.strip() for b in text.split("\n\n") if b.strip()):
        label, _, rest = block.partition(" ")
        if label.rstrip(".").isdigit():
            parts.append(f"<li value='{label.rstrip('.')}'>{escape(rest)}</li>\n")
        else:
            parts.append(f"<p>{escape(block)}</p>\n")
    return "".join(parts) + "</ol></body></html>\n"


def pdf_document(text: str) -> bytes:
    """A one-font PDF of the text, 60 lines a page, uncompressed (small and mutable)."""
    lines = [ln[:90] for ln in text.encode("latin-1", "replace").decode("latin-1").splitlines()]
    pages = [lines[i : i + 60] for i in range(0, len(lines), 60)] or [[""]]
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    kids = []
    for page in pages:
        body = "BT /F1 10 Tf 12 TL 50 800 Td " + " ".join(f"({_pdf_str(ln)}) '" for ln in page)
        stream = f"{body} ET".encode("latin-1")
        objects.append(
            f"<< /Length {len(stream)} >>\nstream\n{stream.decode('latin-1')}\nendstream"
        )
        kids.append(len(objects) + 1)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents "
            f"{len(objects)} 0 R /Resources << /Font << /F1 3 0 R >> >> >>"
        )
    refs = " ".join(f"{k} 0 R" for k in kids)
    objects[1] = f"<< /Type /Pages /Kids [{refs}] /Count {len(kids)} >>"
    return pdf_file(objects)


def _pdf_str(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_file(objects: list[str]) -> bytes:
    """Objects numbered from 1 in a PDF with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def make_case(number: int, master: int, seeds: dict[str, list[tuple[str, bytes]]]) -> Case:
    """Case `number` of the run seeded `master`: about 3 in 10 from a hostile generator."""
    rng = random.Random(f"{master}:{number}")
    fmt = FORMATS[number % len(FORMATS)]
    output = OUTPUTS[(number // len(FORMATS)) % len(OUTPUTS)]
    if rng.random() < 0.3:
        kind, base, draft, note = fuzz_hostile.generate(fmt, rng, seeds)
        return Case(number, fmt, kind, "hostile", note, _suffix(fmt), base, draft, output)
    name, data = rng.choice(seeds[fmt])
    first, note = mutate(fmt, data, rng, seeds)
    if rng.random() < 0.5:
        return Case(
            number,
            fmt,
            "mutate",
            "seed-vs-mutant",
            f"{name}: {note}",
            _suffix(fmt),
            data,
            first,
            output,
        )
    second, other = mutate(fmt, data, rng, seeds)
    note = f"{name}: base {note}; draft {other}"
    return Case(
        number, fmt, "mutate", "mutant-vs-mutant", note, _suffix(fmt), first, second, output
    )


def _suffix(fmt: str) -> str:
    return SUFFIX.get(fmt, ".xml")


def mutate(fmt: str, data: bytes, rng: random.Random, seeds: dict) -> tuple[bytes, str]:
    """One to four mutations of a seed's bytes, and what they were."""
    notes = []
    for _ in range(rng.choice((1, 1, 2, 3, 4))):
        if fmt == "docx" and rng.random() < 0.7:
            data, note = mutate_member(data, rng)
        elif fmt in ("txt", "md", "html", "xml") and rng.random() < 0.6:
            data, note = mutate_text(data, rng)
        else:
            data, note = mutate_bytes(data, rng, seeds[fmt])
        notes.append(note)
    return data[:MAX_BYTES], ", ".join(notes)


def mutate_bytes(data: bytes, rng: random.Random, pool: list) -> tuple[bytes, str]:
    """A byte-level mutation: flips, insertions, deletions, copies, splices, cuts."""
    op = rng.choice(("flip", "insert", "delete", "copy", "splice", "truncate", "zero"))
    at = rng.randrange(len(data) + 1)
    size = rng.choice((1, 2, 8, 64, 512, 4096))
    if op == "flip":
        return _flip(data, rng), op
    if op == "insert":
        chunk = bytes(rng.randrange(256) for _ in range(size))
        return data[:at] + chunk + data[at:], f"insert {size} random bytes at {at}"
    if op == "delete":
        return data[:at] + data[at + size :], f"delete {size} bytes at {at}"
    if op == "copy":
        chunk = data[at : at + size] * rng.choice((1, 2, 50, 1000))
        where = rng.randrange(len(data) + 1)
        return data[:where] + chunk + data[where:], f"copy {len(chunk)} bytes to {where}"
    if op == "splice":
        other = rng.choice(pool)[1]
        cut = rng.randrange(len(other) + 1)
        return data[:at] + other[cut : cut + size * 8], f"splice at {at} from another seed"
    if op == "zero":
        return data[:at] + bytes(size) + data[at + size :], f"zero {size} bytes at {at}"
    return data[:at], f"truncate at {at}"


def _flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        if out:
            out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def mutate_text(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """A text-level mutation (tokens, paragraphs, numbers), re-encoded as UTF-8."""
    text = data.decode("utf-8", "surrogateescape")
    op = rng.choice(("token", "token", "paragraphs", "number", "repeat", "case"))
    if op == "token":
        token = rng.choice(TOKENS) * rng.choice((1, 1, 3, 100, 2000))
        at = rng.randrange(len(text) + 1)
        text, note = text[:at] + token + text[at:], f"insert {token[:12]!r}... at {at}"
    elif op == "paragraphs":
        text, note = _shuffle_blocks(text, rng)
    elif op == "number":
        text, note = _replace_numbers(text, rng)
    elif op == "repeat":
        at = rng.randrange(len(text) + 1)
        chunk = text[at : at + rng.choice((10, 200, 2000))]
        text, note = text[:at] + chunk * rng.choice((2, 50, 400)) + text[at:], "repeat a chunk"
    else:
        text, note = text.swapcase(), "swap case"
    return text.encode("utf-8", "surrogatepass")[:MAX_BYTES], note


def _shuffle_blocks(text: str, rng: random.Random) -> tuple[str, str]:
    blocks = text.split("\n")
    op = rng.choice(("drop", "duplicate", "swap", "reverse"))
    i, j = rng.randrange(len(blocks)), rng.randrange(len(blocks))
    if op == "drop":
        del blocks[i]
    elif op == "duplicate":
        blocks.insert(j, blocks[i])
    elif op == "swap":
        blocks[i], blocks[j] = blocks[j], blocks[i]
    else:
        blocks.reverse()
    return "\n".join(blocks), f"{op} lines"


HOSTILE_NUMBERS = (
    "0",
    "-1",
    "-999999",
    "99999999999",
    "1" + "0" * 400,
    "1e9",
    "x",
    "",
    "1.5",
    "0x10",
    "\u0665",
    "\u00b2",
    " 7 ",
    "nan",
    "-0",
)


def _replace_numbers(text: str, rng: random.Random) -> tuple[str, str]:
    value = rng.choice(HOSTILE_NUMBERS)
    out, count = [], 0
    for piece in text.split(" "):
        if piece[:1].isdigit() and rng.random() < 0.5:
            piece, count = value + piece.lstrip("0123456789"), count + 1
        out.append(piece)
    return " ".join(out), f"{count} numbers -> {value[:12]!r}"


def mutate_member(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """A Word file with one part mutated as text (most often word/document.xml)."""
    try:
        parts = read_zip(data)
    except Exception:  # noqa: BLE001 - an earlier mutation broke the zip: damage it more
        return mutate_bytes(data, rng, [("self", data)])
    names = sorted(parts)
    main = "word/document.xml"
    name = main if main in parts and rng.random() < 0.6 else rng.choice(names)
    if rng.random() < 0.5 and b"w:" in parts[name]:
        parts[name], note = fuzz_binary.word_attributes(parts[name], rng)
    else:
        parts[name], note = mutate_text(parts[name], rng)
    return write_zip(parts), f"{name}: {note}"


def read_zip(data: bytes) -> dict[str, bytes]:
    """The members of a zip file (small files only: the seeds)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()[:50]}


def write_zip(parts: dict[str, bytes]) -> bytes:
    """A zip (deflated) of the parts, in the given order, with fixed dates."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in parts.items():
            archive.writestr(
                zipfile.ZipInfo(name, (2025, 1, 1, 0, 0, 0)), body, zipfile.ZIP_DEFLATED
            )
    return out.getvalue()
