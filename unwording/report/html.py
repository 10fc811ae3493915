"""HTML renderer: one self-contained review page built with lxml (so every piece of
document text is escaped by construction).

The page has a header (documents, symbols, dates, when made), a summary with the
counts, key changes and (folded away for a long text) an index of changes and a table
of flagged terms linking to their paragraphs, a table of contents by heading for a
text with headings, then the document in draft order as an inline redline: `<del>` and
`<ins>` with screen-reader text, flagged terms marked in their category's colour (never
green or red, the colours of insertions and deletions), moved paragraphs linked to a
marker where they stood. Document text carries its language and direction. A small
script (controls hidden without it) adds the side-by-side view, filters and keyboard
navigation (n / p changes, f / F flags), and opens folded parts for printing.
The Content-Security-Policy allows only the page's own style and script (by hash).
"""

from __future__ import annotations

import base64
import hashlib
from importlib import resources

from lxml import etree
from lxml import html as lxml_html

from .. import __version__
from ..model import Comparison, Document
from .html_builder import css_id, element, link
from .html_document import render_document
from .html_summary import render_summary
from .html_toc import render_toc
from .names import document_symbol
from .settings import RenderSettings

# Flag category colours: blues, violets, yellows and greys only, so that a flagged term
# is never taken for an insertion (green) or a deletion (red and pink).
PALETTE = (
    "#a5d8ff",
    "#ffec99",
    "#d0bfff",
    "#99e9f2",
    "#bac8ff",
    "#ffd43b",
    "#e5dbff",
    "#dee2e6",
    "#74c0fc",
    "#fff3bf",
    "#b197fc",
    "#c5f6fa",
)


LARGE = 1_500  # pairs; above this, off-screen paragraphs are laid out only when scrolled to


def render_html(comparison: Comparison, settings: RenderSettings | None = None) -> str:
    """The comparison as one HTML page (a str, ending with a newline)."""
    settings = settings or RenderSettings()
    colours = _colours(comparison)
    style = asset("report.css") + _category_css(colours) + _precedents_css(settings)
    script = asset("report.js")
    root = etree.Element("html", lang="en")
    _head(root, comparison, style, script)
    large = len(comparison.pairs) > LARGE
    body = etree.SubElement(root, "body", **({"class": "large"} if large else {}))
    link(body, "Skip to the document", href="#document", **{"class": "skip"})
    _page_head(body, comparison, settings)
    _controls(body, comparison, colours)
    main = etree.SubElement(body, "main", id="main")
    render_summary(main, comparison, colours)
    render_toc(main, comparison)
    render_document(main, comparison, settings.precedents)
    footer = etree.SubElement(body, "footer")
    footer.text = (
        f"Made by unwording {__version__}. "
        "Deleted text is struck through, inserted text underlined."
    )
    etree.SubElement(body, "script").text = script
    page: str = lxml_html.tostring(
        root, doctype="<!DOCTYPE html>", encoding="unicode", method="html"
    )
    return page + "\n"


def asset(name: str) -> str:
    return resources.files("unwording").joinpath("data", name).read_text(encoding="utf-8")


def digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def _colours(comparison: Comparison) -> dict[str, str]:
    used = sorted({flag.category for flag in comparison.flags})
    return {category: PALETTE[n % len(PALETTE)] for n, category in enumerate(used)}


def _category_css(colours: dict[str, str]) -> str:
    rules = []
    for category, colour in colours.items():
        name = css_id(category)
        rules.append(f".{name}-mark, .swatch.{name} {{ background: {colour}; }}")
        rules.append(
            f'body[data-show="{name}"] .pair:not(.{name}), body[data-show="{name}"] .ghost '
            "{ display: none; }"
        )
    return "\n" + "\n".join(rules) + "\n"


def _precedents_css(settings: RenderSettings) -> str:
    """The style of the agreed-language lines, only when there are some to show."""
    if settings.precedents is None:
        return ""
    from .html_precedents import STYLE

    return STYLE


def _head(root: etree._Element, comparison: Comparison, style: str, script: str) -> None:
    title = f"{_name(comparison.base)} → {_name(comparison.draft)}: unwording report"
    page_head(root, title, style, script)


def page_head(root: etree._Element, title: str, style: str, script: str) -> None:
    """The `<head>`: charset, a Content-Security-Policy allowing only `style` and `script`
    (by hash), viewport, generator, `title` and the style."""
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "meta", charset="utf-8")
    policy = (
        f"default-src 'none'; style-src '{digest(style)}'; script-src '{digest(script)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    etree.SubElement(head, "meta", **{"http-equiv": "Content-Security-Policy", "content": policy})
    etree.SubElement(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    etree.SubElement(head, "meta", name="generator", content=f"unwording {__version__}")
    element(head, "title", title)
    element(head, "style", style)


def _name(document: Document) -> str:
    return document.source.replace("\\", "/").rsplit("/", 1)[-1]


def _page_head(body: etree._Element, comparison: Comparison, settings: RenderSettings) -> None:
    header = etree.SubElement(body, "header", **{"class": "page-head"})
    h1 = element(header, "h1", "Changes from ")
    element(h1, "cite", _name(comparison.base))
    element(h1, "span", "→", **{"class": "arrow", "aria-label": "to"})
    element(h1, "cite", _name(comparison.draft))
    meta = etree.SubElement(header, "dl", **{"class": "meta"})
    for role, document in (("Base", comparison.base), ("Draft", comparison.draft)):
        element(meta, "dt", role)
        element(meta, "dd", _describe(document))
    if settings.made_at:
        element(meta, "dt", "Report made")
        element(meta, "dd", settings.made_at)
    element(meta, "dt", "Made with")
    element(
        meta,
        "dd",
        f"unwording {__version__}" + (", strict typography" if comparison.options.strict else ""),
    )


def _describe(document: Document) -> str:
    parts = [document.source]
    symbol = document_symbol(document)
    if symbol:
        parts.append(symbol)
    if document.modified:
        parts.append(f"file dated {document.modified}")
    parts.append(f"{len(document.paragraphs)} paragraphs")
    return " · ".join(parts)


_VIEWS = (("inline", "Inline redline", "true"), ("side", "Side by side", "false"))
_SHOWN = (
    ("all", "All paragraphs"),
    ("changed", "Changed only"),
    ("substantive", "Substantive changes only"),
    ("flagged", "Flagged only"),
)
_STEPS = (
    ("Previous change", "p", ".pair.changed -1"),
    ("Next change", "n", ".pair.changed 1"),
    ("Next flag", "f", ".pair.flagged 1"),
)


def _controls(body: etree._Element, comparison: Comparison, colours: dict[str, str]) -> None:
    """The controls bar (hidden until the script shows it): view, filter, steps."""
    attributes = {"class": "controls", "aria-label": "Report controls"}
    nav = etree.SubElement(body, "nav", id="controls", hidden="hidden", **attributes)
    views = element(nav, "div", None, **{"class": "group", "role": "group", "aria-label": "View"})
    element(views, "span", "View:")
    for view, text, pressed in _VIEWS:
        element(
            views, "button", text, type="button", **{"data-view": view, "aria-pressed": pressed}
        )
    show = element(nav, "div", None, **{"class": "group"})
    element(show, "label", "Show:", **{"for": "show"})
    select = etree.SubElement(show, "select", id="show")
    options = [*_SHOWN, *((css_id(c), f"Flag: {comparison.category_title(c)}") for c in colours)]
    for value, text in options:
        element(select, "option", text, value=value)
    steps = element(nav, "div", None, **{"class": "group"})
    for text, key, action in _STEPS:
        button = element(steps, "button", text + " ", type="button", **{"data-step": action})
        element(button, "kbd", key)
