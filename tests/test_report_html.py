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


def test_category_colours_are_neither_green_nor_red():
    import colorsys

    from unwording.report.html import PALETTE

    for colour in PALETTE:
        rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        hue, _, saturation = colorsys.rgb_to_hls(*rgb)
        degrees = hue * 360
        assert saturation < 0.2 or 40 <= degrees <= 75 or 170 <= degrees <= 300, colour


def test_right_to_left_runs_in_english_lines_are_isolated():
    from lxml import etree

    from unwording.report.html_bidi import write_isolated

    line = etree.Element("li")
    write_isolated(line, "Removed الحقوق الأساسية: “حقوق الإنسان” (1 -> 0)", "ar")
    assert [b.text for b in line.iter("bdi")] == ["الحقوق الأساسية", "حقوق الإنسان"]
    assert {b.get("lang") for b in line.iter("bdi")} == {"ar"}
    assert line.xpath("string()") == "Removed الحقوق الأساسية: “حقوق الإنسان” (1 -> 0)"
    english = etree.Element("li")
    write_isolated(english, "Removed Human rights: “human rights” (1 -> 0)", "en")
    assert not len(english)


def test_document_text_carries_its_language_and_direction():
    arabic = lxml_html.fromstring(page(FIXTURES / "sdg-goal5-ar"))
    assert arabic.get("lang") == "en"
    texts = arabic.xpath("//article//div[contains(@class, 'text')]")
    assert texts and all((t.get("lang"), t.get("dir")) == ("ar", "rtl") for t in texts)
    assert arabic.xpath("//ul[@class='pair-flags']//bdi[@lang='ar']")
    french = lxml_html.fromstring(page(FIXTURES / "sdg-goal5-fr"))
    texts = french.xpath("//article//div[contains(@class, 'text')]")
    assert all((t.get("lang"), t.get("dir")) == ("fr", None) for t in texts)


def test_a_long_text_gets_contents_by_heading_and_a_folded_index():
    tree = lxml_html.fromstring(page(FIXTURES / "paris-v3-v4"))
    entries = tree.xpath("//nav[@class='toc']//li/a")
    assert [a.text_content() for a in entries[:3]] == ["Opening", "Preamble", "Article 1"]
    assert all(tree.xpath(f"//*[@id='{a.get('href')[1:]}']") for a in entries)
    headings = tree.xpath("//article[contains(@class, 'kind-heading')]/div[@role='heading']")
    assert len(headings) >= 29 and {h.get("aria-level") for h in headings} == {"3"}
    assert tree.xpath("//details[@class='more']") and not tree.xpath("//details[@open]")
    counts = tree.xpath("//nav[@class='toc']//li[a='Article 4']/span")[0].text
    assert counts.endswith("flags") and "changed" in counts


def test_a_short_text_has_its_index_open_and_no_contents():
    tree = lxml_html.fromstring(page(FIXTURES / "demo"))
    assert tree.xpath("//details[@class='more'][@open]")
    assert not tree.xpath("//nav[@class='toc']")
    assert tree.xpath("//details[@open]//table[@class='flags']")
