"""The HTML report without a browser: escaping, self-containment, determinism."""

from __future__ import annotations

from conftest import FIXTURES, case_files
from lxml import html as lxml_html

from unwording import compare_files, render
from unwording.report import RenderSettings, report_time

INJECTION = FIXTURES / "injection"


def page(case=INJECTION, **settings):
    return render(compare_files(*case_files(case)), "html", RenderSettings(**settings))


def test_hostile_text_is_shown_literally():
    source = page()
    tree = lxml_html.fromstring(source)
    assert len(tree.xpath("//script")) == 1
    assert not tree.xpath("//img | //iframe | //b | //*[@onmouseover] | //*[@onerror]")
    assert len(tree.xpath("//style")) == 1
    text = tree.text_content()
    assert "<script>window.__pwned = true;" in text
    assert '" onmouseover="window.__pwned=true" x="' in text
    inserted = " ".join(element.text_content() for element in tree.xpath("//ins"))
    assert "img src=x onerror=window.__pwned=true" in inserted
    assert "</style><style>body{display:none}</style>" in inserted


def test_page_is_self_contained_with_a_strict_policy():
    tree = lxml_html.fromstring(page(FIXTURES / "demo"))
    policy = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy
    assert not tree.xpath("//link | //script[@src] | //img[@src] | //iframe")
    assert "@import" not in tree.xpath("//style")[0].text


def test_same_inputs_same_bytes_and_timestamp_control(monkeypatch):
    assert page(made_at=None) == page(made_at=None)
    assert "Report made" not in page(made_at=None)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert report_time() == "2023-11-14 22:13 UTC"
    assert report_time(timestamp=False) is None


def test_report_shows_every_pair_and_flag():
    comparison = compare_files(*case_files(FIXTURES / "ares-80-6-edited"))
    tree = lxml_html.fromstring(render(comparison, "html"))
    assert len(tree.xpath("//article[contains(@class, 'pair')]")) == len(comparison.pairs)
    assert len(tree.xpath("//ul[@class='pair-flags']/li")) == len(comparison.flags)
    moved = tree.xpath("//span[contains(@class, 'moved')]/a/@href")
    assert moved and all(tree.xpath(f"//*[@id='{href[1:]}']") for href in moved)


def test_changes_are_distinct_without_colour():
    tree = lxml_html.fromstring(page(FIXTURES / "demo"))
    deleted = tree.xpath("//article//del")[0]
    assert deleted.xpath("./span[@class='sr']")[0].text == "[deleted: "
    assert tree.xpath("//article//ins/span[@class='sr']")[0].text == "[inserted: "
