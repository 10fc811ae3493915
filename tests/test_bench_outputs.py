"""Speed work must not change what the tool says: the reports of two bench inputs
(paragraph-dense, 40,000 words with every kind of edit; and 760 paragraphs each
changed by one word and shuffled) are pinned by their SHA-256 in
`fixtures/bench-outputs/sha256.json`.

The digests were first written by the code before the speed work of issue 12 (commit
fae742d) and are unchanged since. After a deliberate change of output, run
`pytest --regen-golden` and say why in the commit.
"""

from __future__ import annotations

import hashlib
import json
import sys

import pytest
from conftest import FIXTURES, ROOT

from unwording import compare, render
from unwording.report import RenderSettings

sys.path.insert(0, str(ROOT / "bench"))
from bench import build  # noqa: E402

DIGESTS = FIXTURES / "bench-outputs" / "sha256.json"
INPUTS = {"dense-40k": (40_000, "dense"), "shuffled-760": (21_000, "shuffled")}
FORMATS = ("json", "text", "html")


def digests() -> dict[str, str]:
    """SHA-256 of every report of every bench input."""
    found = {}
    for name, (words, shape) in INPUTS.items():
        base, draft = build(words, shape=shape)
        comparison = compare(base, draft)
        for fmt in FORMATS:
            report = render(comparison, fmt, RenderSettings(False, None))
            found[f"{name}.{fmt}"] = hashlib.sha256(report.encode("utf-8")).hexdigest()
    return found


@pytest.fixture(scope="module")
def made() -> dict[str, str]:
    return digests()


@pytest.mark.parametrize("report", [f"{n}.{f}" for n in INPUTS for f in FORMATS])
def test_the_bench_reports_are_unchanged(made, report, regen):
    if regen:
        DIGESTS.write_text(json.dumps(made, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    assert made[report] == json.loads(DIGESTS.read_text(encoding="utf-8"))[report]


if __name__ == "__main__":  # print the digests of the code on sys.path (for a before/after check)
    print(json.dumps(digests(), indent=1, sort_keys=True))
