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

from unwording import compare_files, render

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
    for name in ("demo", "ares-80-6-edited", "injection"):
        comparison = compare_files(*case_files(FIXTURES / name))
        path = folder / f"{name}.html"
        path.write_text(render(comparison, "html"), encoding="utf-8")
        made[name] = (path, json.loads(render(comparison, "json")))
    return made


def open_page(browser, path, **context):
    page = browser.new_context(viewport={"width": 1280, "height": 900}, **context).new_page()
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
