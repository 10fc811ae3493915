"""The compilation as a Word document: the text a secretariat circulates.

A title and the proposals compiled, then the compilation text, one Word paragraph per
line of `proposals/bracketed.py`'s convention (the base with every proposal inline in
brackets with its sponsors), the sponsors' names in bold; then what each delegation
proposes, one line each. No tracked changes: several delegations' proposals to the same
words cannot all be Word revisions of one text, while the bracketed text holds them
all. The package is built by `docx_parts.py`, as the redline's is (same inputs, same
bytes).
"""

from __future__ import annotations

import re

from lxml import etree

from ..proposals.bracketed import compilation_lines
from ..proposals.records import Compilation
from ..proposals.summary import delegation_sentence
from . import docx_parts as parts
from .docx import word_time, write_run
from .html_builder import safe_text
from .settings import RenderSettings

_SPONSORS = re.compile(r"(\[)([^\[\]:]{1,300}?)(: )")  # `[Belarus, Norway: ` opens a proposal


def render_compile_docx(compilation: Compilation, settings: RenderSettings | None = None) -> bytes:
    """The compilation as the bytes of a .docx file."""
    settings = settings or RenderSettings()
    author = (settings.author or "").strip() or "unwording"
    when = word_time(settings.made_at)
    title = f"Compilation of proposals to {compilation.base.source}"
    settings_part = parts.settings()
    for tracking in settings_part.findall(f"{parts.W}trackRevisions"):
        settings_part.remove(tracking)  # a compilation is read, not revised
    return parts.package(
        {
            "[Content_Types].xml": parts.content_types(),
            "_rels/.rels": parts.package_relationships(),
            "docProps/core.xml": parts.core(title, author, when),
            "word/_rels/document.xml.rels": parts.document_relationships(),
            "word/document.xml": _document(compilation, title),
            "word/styles.xml": parts.styles(compilation.options.lang == "ar"),
            "word/settings.xml": settings_part,
            "word/comments.xml": parts.element(None, "comments"),
        }
    )


def _document(compilation: Compilation, title: str) -> etree._Element:
    root = parts.element(None, "document")
    body = parts.element(root, "body")
    _paragraph(body, title, "Title")
    _paragraph(body, "Proposals: " + ", ".join(compilation.sponsors))
    _paragraph(body, f"Conflicts: {len(compilation.conflicts)}")
    _paragraph(body, "Compilation text", "Heading1")
    for line in compilation_lines(compilation):
        _bracketed(parts.element(body, "p"), line)
    _paragraph(body, "Delegations", "Heading1")
    for summary in compilation.delegations:
        _paragraph(body, delegation_sentence(summary))
    return root


def _paragraph(body: etree._Element, text: str, style: str | None = None) -> None:
    paragraph = parts.element(body, "p")
    if style:
        parts.element(parts.element(paragraph, "pPr"), "pStyle", val=style)
    write_run(paragraph, text)


def _bracketed(paragraph: etree._Element, line: str) -> None:
    """The line as runs, each proposal's sponsors in bold (`[` and `: ` plain)."""
    position = 0
    for found in _SPONSORS.finditer(line):
        write_run(paragraph, line[position : found.end(1)])
        _bold(paragraph, found.group(2))
        position = found.start(3)
    write_run(paragraph, line[position:])


def _bold(paragraph: etree._Element, text: str) -> None:
    run = parts.element(paragraph, "r")
    parts.element(parts.element(run, "rPr"), "b")
    node = parts.element(run, "t")
    node.text = safe_text(text)
    node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
