"""HTML and Akoma Ntoso readers, and agreement between all formats."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from unwording import InputError, Kind, compare_files
from unwording.compare import prepare_document
from unwording.model import Options
from unwording.readers import read_bytes, read_source

TEXT = """Promoting international cooperation

The General Assembly,

Recalling its resolution 70/1,

Deeply concerned about new psychoactive substances,

1. Encourages Member States to monitor emerging trends;

2. Requests the Secretary-General:

(a) To report annually;

(b) To consult Member States;
"""

HTML = """<!DOCTYPE html><html><head><title>t</title><script>document.title='x'</script></head><body>
<h2>Promoting international cooperation</h2><p>The General Assembly,</p>
<p><em>Recalling</em> its resolution 70/1,</p>
<p><em>Deeply concerned</em> about new psychoactive substances,</p><p hidden>draft note</p>
<ol><li><em>Encourages</em> Member States to monitor emerging trends;</li>
<li><em>Requests</em> the Secretary-General:<ol type="a"><li>To report annually;</li>
<li>To consult Member States;</li></ol></li></ol></body></html>"""

AKN = """<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><bill>
<preface><p><docTitle>Promoting international cooperation</docTitle></p></preface>
<preamble><formula name="x"><p>The General Assembly,</p></formula>
<recitals><recital><p><i>Recalling</i> its resolution 70/1,</p></recital>
<recital><p><i>Deeply concerned</i> about new psychoactive substances,</p></recital></recitals></preamble>
<body><paragraph><num>1.</num><content><p><i>Encourages</i> Member States to monitor emerging trends;</p></content></paragraph>
<paragraph><num>2.</num><intro><p><i>Requests</i> the Secretary-General:</p></intro>
<point><num>(a)</num><content><p>To report annually;</p></content></point>
<point><num>(b)</num><content><p>To consult Member States;</p></content></point></paragraph></body>
</bill></akomaNtoso>"""


def shape(data: bytes, name: str):
    document = prepare_document(read_bytes(data, name), Options())
    return [(p.text, p.label, p.kind) for p in document.paragraphs]


def test_the_same_text_reads_the_same_from_every_format():
    expected = shape(TEXT.encode(), "r.txt")
    assert shape(HTML.encode(), "r.html") == expected
    akn = shape(AKN.encode(), "r.akn")
    assert [(t, label) for t, label, _ in akn] == [(t, label) for t, label, _ in expected]
    assert [kind for _, _, kind in akn][2:] == [kind for _, _, kind in expected][2:]
    assert expected[3][2] is Kind.PREAMBULAR and expected[6][2] is Kind.OPERATIVE


def test_html_drops_scripts_and_hidden_text_and_reads_ins_del():
    page = b"<html><body><p>Urges<del> strongly</del> States<ins> firmly</ins>;</p><style>p{}</style></body></html>"
    assert shape(page, "p.html") == [("Urges States firmly;", None, Kind.OPERATIVE)]
    rejected = read_bytes(page, "p.html", changes="reject")
    assert rejected.paragraphs[0].text == "Urges strongly States;"


def test_akn_cnd_draft_in_english_and_spanish():
    english = read_source(FIXTURES / "akn-cnd-draft" / "en.xml")
    spanish = read_source(FIXTURES / "akn-cnd-draft" / "es.xml")
    labels = [p.label for p in english.paragraphs if p.label and p.kind is not Kind.FOOTNOTE]
    assert labels == ["1.", "2.", "3.", "8."]
    assert [
        p.label for p in spanish.paragraphs if p.label and p.kind is not Kind.FOOTNOTE
    ] == labels
    assert any(p.kind is Kind.FOOTNOTE for p in english.paragraphs)
    comparison = compare_files(
        FIXTURES / "akn-cnd-draft" / "en.xml", FIXTURES / "akn-cnd-draft" / "en.xml"
    )
    assert not comparison.has_changes


@pytest.mark.parametrize(
    "data, message",
    [
        (b'<?xml version="1.0"?><root/>', "not Akoma Ntoso"),
        (b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "c">]><akomaNtoso/>', "DTD"),
        (
            b'<?xml version="1.0"?><akomaNtoso xmlns="http://www.akomantoso.org/2.0"><bill>',
            "well-formed",
        ),
    ],
)
def test_bad_xml_is_a_clear_error(data, message):
    with pytest.raises(InputError, match=message):
        read_bytes(data, "bad.xml")
