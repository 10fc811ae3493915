"""The HTML report in a real browser (headless Chromium driven by Playwright).

Needs Debian's chromium (/usr/bin/chromium, or UNWORDING_CHROMIUM) and the
playwright package; skipped when either is missing, except under CI, where a
missing browser is a failure. Screenshots of the main views are written to
test-artifacts/screenshots/ (not committed).
"""

from __future__ import annotations

import json
import os
import shutil

import pytest
from conftest import FIXTURES, ROOT, case_files

from unwording import Options, compare_files, render

CHROMIUM = os.environ.get("UNWORDING_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = ROOT / "test-artifacts" / "screenshots"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI"):
            raise
        pytest.skip("playwright is not installed")
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"no Chromium at {CHROMIUM}")
        pytest.skip("chromium is not installed")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    made = {}
    for name in ("demo", "ares-80-6-edited", "injection", "sdg-goal5-ar", "paris-v3-v4"):
        comparison = compare_files(*case_files(FIXTURES / name))
        path = folder / f"{name}.html"
        path.write_text(render(comparison, "html"), encoding="utf-8")
        made[name] = (path, json.loads(render(comparison, "json")))
    return made


def open_page(browser, path, width=1280, **context):
    page = browser.new_context(viewport={"width": width, "height": 900}, **context).new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on(
        "console", lambda message: message.type == "error" and page.errors.append(message.text)
    )
    page.goto(path.as_uri())
    return page


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def visible_count(page, selector):
    return page.eval_on_selector_all(
        selector, "els => els.filter(e => e.offsetParent !== null).length"
    )


def test_summary_counts_match_the_json(browser, reports):
    path, report = reports["ares-80-6-edited"]
    page = open_page(browser, path)
    shown = page.eval_on_selector_all(
        ".counts li",
        "items => items.map(i => [i.childNodes[1].textContent, +i.firstChild.textContent])",
    )
    names = {"substantive": "substantive changes", "editorial": "editorial changes"}
    expected = {names.get(key, key): value for key, value in report["summary"].items()}
    assert dict(shown) == expected
    assert page.errors == []
    shoot(page, "inline-view")


def test_flagged_terms_are_highlighted(browser, reports):
    page = open_page(browser, reports["demo"][0])
    marks = page.eval_on_selector_all(
        "mark.term", "ms => ms.map(m => [m.textContent, getComputedStyle(m).backgroundColor])"
    )
    assert tuple(t for t, _ in marks if t == "democracy") == ("democracy",)
    assert all(colour not in ("rgba(0, 0, 0, 0)", "transparent") for _, colour in marks)


def test_filter_hides_unchanged_paragraphs(browser, reports):
    page = open_page(browser, reports["ares-80-6-edited"][0])
    assert visible_count(page, ".pair.unchanged") > 0
    page.select_option("#show", "changed")
    assert visible_count(page, ".pair.unchanged:not(.changed)") == 0
    assert visible_count(page, ".pair.changed") == page.locator(".pair.changed").count()
    page.select_option("#show", "flagged")
    assert visible_count(page, ".pair") == page.locator(".pair.flagged").count()
    page.select_option("#show", "cat-family")
    assert visible_count(page, ".pair") == page.locator(".pair.cat-family").count() == 1
    shoot(page, "filtered-family")


def test_view_switch_shows_two_columns(browser, reports):
    page = open_page(browser, reports["demo"][0])
    page.click("button[data-view=side]")
    columns = page.eval_on_selector(
        ".pair.modified .side", "s => getComputedStyle(s).gridTemplateColumns.split(' ').length"
    )
    assert columns == 2
    assert visible_count(page, ".text.inline") == 0
    draft_side = page.inner_text(".pair.modified .column-draft")
    assert "democracy" not in draft_side and "rule of law" in draft_side
    shoot(page, "side-by-side")


def test_keyboard_moves_between_changes_and_flags(browser, reports):
    page = open_page(browser, reports["ares-80-6-edited"][0])
    ids = page.eval_on_selector_all(".pair.changed", "els => els.map(e => e.id)")
    page.keyboard.press("n")
    first = page.eval_on_selector(".pair.current", "e => e.id")
    page.keyboard.press("n")
    second = page.eval_on_selector(".pair.current", "e => e.id")
    assert ids.index(second) == ids.index(first) + 1
    page.keyboard.press("p")
    assert page.eval_on_selector(".pair.current", "e => e.id") == first
    page.keyboard.press("f")
    assert "flagged" in page.eval_on_selector(".pair.current", "e => e.className")


def test_injection_runs_no_script(browser, reports):
    page = open_page(browser, reports["injection"][0])
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.hover("text=onmouseover")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert "<script>window.__pwned" in page.inner_text("main")


def test_without_javascript_everything_is_readable(browser, reports):
    path, report = reports["demo"]
    page = open_page(browser, path, java_script_enabled=False)
    assert not page.is_visible("#controls")
    assert visible_count(page, ".pair") == len(report["pairs"])
    assert "rule of law" in page.inner_text("main")


def test_print_gives_a_clean_redline(browser, reports):
    page = open_page(browser, reports["demo"][0])
    page.emulate_media(media="print")
    assert not page.is_visible("#controls")
    style = page.eval_on_selector("del", "d => getComputedStyle(d).textDecorationLine")
    assert "line-through" in style
    assert (
        page.eval_on_selector("ins", "i => getComputedStyle(i).textDecorationLine") == "underline"
    )
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(SHOTS / "print.pdf"))
    assert (SHOTS / "print.pdf").stat().st_size > 1000


def test_print_keeps_labels_and_move_targets(browser, reports):
    page = open_page(browser, reports["demo"][0])
    page.emulate_media(media="print")
    labels = page.eval_on_selector_all(
        ".pair-head .label", "ls => ls.filter(l => l.offsetParent !== null).map(l => l.innerText)"
    )
    assert len(labels) == len(reports["demo"][1]["pairs"]) and all(labels)
    assert page.inner_text(".ghost") == "PP4 stood here; it moved to PP3."
    assert page.is_visible(".badge.moved a")


def test_printing_opens_the_folded_summary(browser, reports):
    page = open_page(browser, reports["paris-v3-v4"][0])
    assert page.eval_on_selector("details.more", "d => d.open") is False
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.eval_on_selector("details.more", "d => d.open") is True
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.eval_on_selector("details.more", "d => d.open") is False


# For each "(a -> b)" in the flag lines and key changes: is a shown left of b?
COUNTS_IN_ORDER = """sel => {
  const found = [];
  for (const line of document.querySelectorAll(sel)) {
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const m = node.data.match(/\\((\\d+) (?:→|->) (\\d+)\\)/);
      if (!m) continue;
      const at = node.data.indexOf(m[0]);
      const left = offset => {
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        return range.getBoundingClientRect().left;
      };
      found.push(left(at + 1) < left(at + m[0].length - 2));
    }
  }
  return found;
}"""


def test_an_arabic_report_reads_right_to_left_with_counts_in_order(browser, reports):
    page = open_page(browser, reports["sdg-goal5-ar"][0])
    directions = page.eval_on_selector_all(
        ".pair .text", "ts => ts.map(t => [t.lang, getComputedStyle(t).direction])"
    )
    assert directions and set(map(tuple, directions)) == {("ar", "rtl")}
    assert page.evaluate("document.documentElement.lang") == "en"
    in_order = page.evaluate(COUNTS_IN_ORDER, ".pair-flags li, .brief li")
    assert len(in_order) >= 5 and all(in_order)
    assert page.locator(".pair-flags bdi[lang=ar]").count() >= 6
    page.click("button[data-view=side]")
    side = page.eval_on_selector(
        ".pair.modified .column-draft", "c => getComputedStyle(c).direction"
    )
    assert side == "rtl"
    assert page.errors == []
    shoot(page, "arabic-side-by-side")


@pytest.mark.parametrize("name", ["demo", "ares-80-6-edited", "sdg-goal5-ar", "paris-v3-v4"])
def test_no_horizontal_overflow_on_a_375px_screen(browser, reports, name):
    page = open_page(browser, reports[name][0], width=375)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.click("button[data-view=side]")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    if name == "sdg-goal5-ar":
        shoot(page, "arabic-375px")


def hue(rgb: str) -> tuple[float, float]:
    """Hue (degrees) and saturation of a CSS rgb() colour."""
    import colorsys

    red, green, blue = (int(v) / 255 for v in rgb[rgb.index("(") + 1 : -1].split(",")[:3])
    h, _, s = colorsys.rgb_to_hls(red, green, blue)
    return h * 360, s


def test_category_colours_are_not_the_insert_and_delete_colours(browser, reports):
    page = open_page(browser, reports["paris-v3-v4"][0])
    background = "e => getComputedStyle(e).backgroundColor"
    changes = [hue(page.eval_on_selector(tag, background)) for tag in ("ins", "del")]
    marks = {
        hue(c) for c in page.eval_on_selector_all(".legend mark", f"ms => ms.map({background})")
    }
    assert len(marks) >= 8
    for mark_hue, saturation in marks:
        for change_hue, _ in changes:
            distance = abs(mark_hue - change_hue) % 360
            assert saturation < 0.2 or min(distance, 360 - distance) >= 40, (mark_hue, change_hue)
    demo = open_page(browser, reports["demo"][0])
    removed = demo.eval_on_selector("del mark.term", background)
    assert not 90 <= hue(removed)[0] <= 160  # a removed "democracy" is not green


def test_a_long_text_has_contents_and_the_document_near_the_top(browser, reports):
    page = open_page(browser, reports["paris-v3-v4"][0])
    entries = page.eval_on_selector_all(".toc li a", "as => as.map(a => a.textContent)")
    assert entries[:4] == ["Opening", "Preamble", "Article 1", "Article 2"]
    assert len(entries) == 31 and entries[-1] == "Article 29"
    assert page.eval_on_selector("details.more", "d => d.open") is False
    top = page.evaluate("document.getElementById('document').getBoundingClientRect().top")
    assert top < 2.5 * 900  # was about 11,000 px down
    page.click(".toc a >> text=Article 4")
    target = page.evaluate("location.hash")
    assert page.eval_on_selector(f"{target} .label", "e => e.innerText").endswith("Art. 4")
    assert page.eval_on_selector(f"{target} .text", "t => t.getAttribute('role')") == "heading"
    shoot(page, "paris-contents")


@pytest.fixture(scope="module")
def compilation_page(tmp_path_factory):
    from unwording.proposals.compile import compile_proposals
    from unwording.proposals.reading import read_proposals
    from unwording.readers import read_source
    from unwording.report.compile_formats import render_compilation

    case = FIXTURES / "compile-goal16"
    base = read_source(case / "goal16.txt")
    proposals = [
        found
        for path in sorted((case / "amendments").glob("*.txt"))
        for found in read_proposals(path, None, Options(), base)[0]
    ]
    compilation = compile_proposals(base, proposals)
    path = tmp_path_factory.mktemp("compile") / "compilation.html"
    path.write_text(render_compilation(compilation, "html"), encoding="utf-8")
    return path, compilation


def test_the_compilation_filters_by_delegation_and_conflict(browser, compilation_page):
    path, compilation = compilation_page
    page = open_page(browser, path)
    everything = visible_count(page, ".pair")
    page.select_option("#show", "conflict")
    assert visible_count(page, ".pair") == page.locator(".pair.conflict").count() >= 1
    page.select_option("#show", "sp-norway")
    shown = page.eval_on_selector_all(
        ".pair", "els => els.filter(e => e.offsetParent !== null).map(e => e.textContent)"
    )
    assert 0 < len(shown) < everything and all("Norway" in text for text in shown)
    page.keyboard.press("n")
    assert page.locator(".pair.current").count() == 1
    assert page.errors == []
    shoot(page, "compilation-norway")
