"""Hostile lexicon files (issue 11): wrong types, deep nesting, huge numbers and
phrases, catastrophic patterns, YAML alias bombs. Each is a LexiconError naming the
file, and for a wrong key its line and the key (issue 10), never a crash, a hang or
a silently different lexicon.
"""

from __future__ import annotations

import pytest

from unwording import LexiconError
from unwording.lexicon import load_lexicon

ENTRY = '[[terms]]\ncategory = "oceans"\nterm = "blue economy"\n'


def refused(tmp_path, text: str, name: str = "mine.toml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        load_lexicon(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and "\n" not in message
    return message


@pytest.mark.parametrize(
    "text, line, key",
    [
        (ENTRY + f'\n[[terms]]\ncategory = "x"\nterm = {"7" * 5000}\n', 7, "invalid TOML"),
        ('categories = "abc"\n' + ENTRY, 1, "categories"),
        (ENTRY + '[[terms]]\ncategory = "x"\nterm = { word = "blue" }\n', 6, "terms[2]: term"),
        (ENTRY + "[[terms]]\ncategory = 'x'\nterm = 1\n", 6, "terms[2]: term"),
        ('replace_default = "false"\n' + ENTRY, 1, "replace_default"),
        (ENTRY + 'phrases = ["blue economy", ""]\n', 4, "terms[1]: phrases"),
        (ENTRY + "\n\n[[term]]\ncategory = 'x'\nterm = 'y'\n", 6, "term"),
        (ENTRY + "unles_followed_by = ['forum']\n", 4, "terms[1]: unles_followed_by"),
        (ENTRY + "patterns = ['(a+)+$']\n", 4, "terms[1]: patterns"),
        (ENTRY + f"phrases = ['{'word ' * 200_000}']\n", None, None),
    ],
    ids=[
        "5000-digit-integer",
        "categories-a-string",
        "table-for-a-string",
        "term-a-number",
        "replace_default-a-string",
        "empty-phrase",
        "[[term]]-for-[[terms]]",
        "misspelt-key",
        "catastrophic-pattern",
        "200k-word-phrase",
    ],
)
def test_wrong_toml_lexicons_name_file_line_and_key(tmp_path, text, line, key):
    message = refused(tmp_path, text)
    if line is not None:
        assert f"mine.toml:{line}: {key}" in message


def test_a_string_false_does_not_drop_the_defaults(tmp_path):
    """`replace_default = "false"` used to be true (a non-empty string)."""
    message = refused(tmp_path, 'replace_default = "false"\n' + ENTRY)
    assert "true or false" in message


def test_deep_toml_arrays_are_refused(tmp_path):
    message = refused(tmp_path, "x = " + "[" * 100_000 + "]" * 100_000 + "\n" + ENTRY)
    assert "invalid TOML" in message


YAML_ENTRY = "terms:\n  - category: oceans\n    term: blue economy\n"


@pytest.mark.parametrize(
    "text, line, key",
    [
        (YAML_ENTRY + "  - category: x\n    term: 1\n", 5, "terms[2]: term"),
        ("categories: abc\n" + YAML_ENTRY, 1, "categories"),
        (YAML_ENTRY + "    phrases: ['']\n", 4, "terms[1]: phrases"),
        ("replace_default: 'false'\n" + YAML_ENTRY, 1, "replace_default"),
        ("term:\n  - category: x\n    term: y\n", 1, "term"),
    ],
    ids=["term-a-number", "categories-a-string", "empty-phrase", "string-false", "term"],
)
def test_wrong_yaml_lexicons_name_file_line_and_key(tmp_path, text, line, key):
    pytest.importorskip("yaml")
    message = refused(tmp_path, text, "mine.yaml")
    assert f"mine.yaml:{line}: {key}" in message


def test_yaml_alias_bombs_and_deep_nesting_are_refused(tmp_path):
    pytest.importorskip("yaml")
    bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        previous = chr(ord("a") + level - 1)
        bomb.append(
            f"{chr(ord('a') + level)}: &{chr(ord('a') + level)} [{','.join(['*' + previous] * 9)}]"
        )
    message = refused(tmp_path, "\n".join(bomb) + "\n" + YAML_ENTRY, "bomb.yaml")
    assert "alias" in message
    refused(tmp_path, "x: " + "[" * 100_000 + "]" * 100_000 + "\n" + YAML_ENTRY, "deep.yaml")


def test_a_good_lexicon_still_loads(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(ENTRY + "patterns = ['blue\\s+growth']\nunless_followed_by = ['forum']\n")
    assert "oceans" in {term.category for term in load_lexicon(path).terms}
