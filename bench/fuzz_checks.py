"""What a fuzzing run of `unwording compare` must satisfy, for `fuzz.py`.

Each check takes what one run left (exit code, stderr, time, peak memory, the
output folder) and returns the problems found as `(kind, detail)` pairs; no
problem means the run passed. Kinds: crash, hang, memory, stderr, stdout,
output-left, output-missing, json-invalid, json-rebuild, html-active.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

LIMIT_SECONDS = 20.0
LIMIT_BYTES = 2 * 1024**3
REPORT_SCRIPT = (Path(__file__).resolve().parent.parent / "unwording/data/report.js").read_text(
    "utf-8"
)
Problems = list[tuple[str, str]]


@dataclass(frozen=True)
class Run:
    """What one command-line run left behind."""

    code: int  # exit code; negative: killed by that signal
    stdout: str
    stderr: str
    seconds: float
    peak_bytes: int  # the child's maximum resident set size
    timed_out: bool
    output: Path  # the -o target
    report: str  # text, json or html


def check(run: Run) -> Problems:
    """Every problem of a run (an empty list: it passed)."""
    problems = check_limits(run) + check_exit(run) + check_streams(run)
    if run.code == 0 and not run.timed_out:
        problems += check_output(run)
    return problems


def check_limits(run: Run) -> Problems:
    if run.timed_out:
        return [("hang", f"killed after {LIMIT_SECONDS:.0f} s")]
    if run.peak_bytes >= LIMIT_BYTES or "MemoryError" in run.stderr:
        return [("memory", f"peak {run.peak_bytes / 2**20:.0f} MiB; {first_line(run.stderr)}")]
    if run.seconds > LIMIT_SECONDS:
        return [("hang", f"took {run.seconds:.1f} s")]
    return []


def check_exit(run: Run) -> Problems:
    if run.timed_out or "MemoryError" in run.stderr:
        return []
    if run.code not in (0, 1, 2) or "Traceback" in run.stderr or "internal error" in run.stderr:
        return [("crash", f"exit {run.code}: {first_line(run.stderr)}")]
    return []


def check_streams(run: Run) -> Problems:
    problems: Problems = []
    if run.stdout:
        problems.append(("stdout", f"stdout not empty with -o: {run.stdout[:80]!r}"))
    lines = run.stderr.splitlines()
    if run.code == 2 and (len(lines) != 1 or not lines[0].startswith("unwording: error:")):
        problems.append(
            ("stderr", f"error not one 'unwording: error:' line: {run.stderr[:200]!r}")
        )
    if run.code == 0 and any(not line.startswith("unwording: warning:") for line in lines):
        problems.append(("stderr", f"stray stderr lines: {run.stderr[:200]!r}"))
    if run.code == 2 and run.output.exists():
        problems.append(("output-left", f"{run.output.name} left after exit 2"))
    if run.code == 2 and any(run.output.parent.iterdir()):
        problems.append(("output-left", "temporary file left after exit 2"))
    return problems


def check_output(run: Run) -> Problems:
    if not run.output.exists():
        return [("output-missing", "exit 0 but no report written")]
    text = run.output.read_text("utf-8", "replace")
    if run.report == "json":
        return check_json(text)
    if run.report == "html":
        return check_html(text)
    return []


def check_json(text: str) -> Problems:
    """The JSON report parses and the edits of every pair rebuild both its texts."""
    try:
        report = json.loads(text)
        texts = {
            side: [p["text"] for p in report[side]["paragraphs"]] for side in ("base", "draft")
        }
        return [problem for pair in report["pairs"] for problem in _rebuild(pair, texts)][:3]
    except (ValueError, KeyError, TypeError, IndexError) as error:
        return [("json-invalid", f"{type(error).__name__}: {error}"[:200])]


def _rebuild(pair: dict, texts: dict[str, list[str]]) -> Problems:
    base = "\n".join(texts["base"][i] for i in pair["base"])
    draft = "\n".join(texts["draft"][i] for i in pair["draft"])
    edits = pair["edits"]
    if not edits:  # right for an unchanged pair, or one whose paragraphs are labels alone
        changed = pair["status"] != "unchanged" and bool(base or draft)
        return (
            [("json-rebuild", f"{pair['status']} pair {pair['base']} has no edits")]
            if changed
            else []
        )
    old = "".join(e["text"] for e in edits if e["op"] in ("equal", "delete"))
    new = "".join(e["text"] for e in edits if e["op"] in ("equal", "insert"))
    problems = []
    if old != base:
        problems.append(("json-rebuild", f"base {pair['base']}: {_where(old, base)}"))
    if new != draft:
        problems.append(("json-rebuild", f"draft {pair['draft']}: {_where(new, draft)}"))
    return problems


def _where(built: str, expected: str) -> str:
    at = next((i for i, (a, b) in enumerate(zip(built, expected, strict=False)) if a != b), None)
    at = min(len(built), len(expected)) if at is None else at
    return f"differs at {at}: {built[at : at + 30]!r} vs {expected[at : at + 30]!r}"


EXTERNAL_TAGS = {
    "iframe",
    "object",
    "embed",
    "base",
    "link",
    "img",
    "form",
    "frame",
    "audio",
    "video",
    "source",
    "meta",
}


def check_html(text: str) -> Problems:
    """Inert: the report's one inline script only, no on...= handlers, no outside URL."""
    if text.count("<script") != 1:
        return [("html-active", f"{text.count('<script')} '<script' in the report")]
    try:
        root = lxml_html.document_fromstring(text.encode("utf-8"))
    except (etree.ParserError, ValueError) as error:
        return [("html-active", f"unparsable report: {error}")]
    problems = _scripts(root) + [p for el in root.iter() for p in _element(el)]
    return problems[:3]


def _scripts(root) -> Problems:
    scripts = root.findall(".//script")
    if len(scripts) != 1 or scripts[0].get("src") or (scripts[0].text or "") != REPORT_SCRIPT:
        return [("html-active", "the report's script is not its own single inline script")]
    return []


def _element(element) -> Problems:
    if not isinstance(element.tag, str):
        return []
    problems = []
    if element.tag in EXTERNAL_TAGS and not _own_meta(element):
        problems.append(("html-active", f"<{element.tag}> element"))
    for name, value in element.attrib.items():
        if name.lower().startswith("on"):
            problems.append(("html-active", f"<{element.tag} {name}=...>"))
        link = name.lower() in ("src", "href", "action", "srcset", "xlink:href", "formaction")
        if link and not value.startswith("#"):
            problems.append(("html-active", f"<{element.tag} {name}={value[:60]!r}>"))
        if name.lower() == "style" and re.search(r"url\s*\(|expression\s*\(", value, re.I):
            problems.append(("html-active", f"<{element.tag} style={value[:60]!r}>"))
    return problems


def _own_meta(element) -> bool:
    """The report's own meta elements: charset, viewport, CSP, generator, robots."""
    if element.tag != "meta":
        return False
    return element.get("http-equiv", "").lower() in ("", "content-security-policy")


def first_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:240] if "Traceback" in text and lines else (lines[0][:240] if lines else "")
