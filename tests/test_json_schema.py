"""The JSON report validates against the shipped schema and holds the contract."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from conftest import case_dirs, case_files

from unwording import compare_files, render

SCHEMA = json.loads(
    resources.files("unwording").joinpath("data", "comparison.schema.json").read_text("utf-8")
)


@pytest.mark.parametrize("case", case_dirs(), ids=lambda c: c.name)
def test_reports_validate(case):
    report = json.loads(render(compare_files(*case_files(case)), "json"))
    jsonschema.validate(report, SCHEMA)


def test_indices_refer_to_paragraphs():
    case = next(c for c in case_dirs() if c.name == "ares-80-6-edited")
    report = json.loads(render(compare_files(*case_files(case)), "json"))
    counts = {side: len(report[side]["paragraphs"]) for side in ("base", "draft")}
    for pair in report["pairs"]:
        for side in ("base", "draft"):
            assert all(0 <= i < counts[side] for i in pair[side])
    for flag in report["flags"]:
        assert report["pairs"][flag["pair"]]["base"] == flag["base"]


def test_schema_rejects_a_broken_report():
    case = case_dirs()[0]
    report = json.loads(render(compare_files(*case_files(case)), "json"))
    report["pairs"].append({"status": "rewritten"})
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(report, SCHEMA)
