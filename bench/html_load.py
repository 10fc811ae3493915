"""How a large HTML report behaves in headless Chromium: load time and interactions.

    python bench/html_load.py [--words 1000000] [--chromium /usr/bin/chromium]

Builds the benchmark documents (bench.py), writes the HTML report, opens it in
Chromium with Playwright and times: loading (to the load event), scrolling to the
middle, the next-change key, the "changed only" filter and the side-by-side view.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
FRAME = "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def timed(label: str, action) -> None:
    start = time.perf_counter()
    action()
    print(f"| {label} | {time.perf_counter() - start:.2f} s |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        base, draft, report = (Path(folder, name) for name in ("b.txt", "d.txt", "r.html"))
        base_text, draft_text = bench.build(args.words)
        base.write_text(base_text, encoding="utf-8")
        draft.write_text(draft_text, encoding="utf-8")
        command = bench.unwording_command(base, draft, report, "-f", "html")
        print("| step | time |\n|---|---|")
        timed("write the HTML report (whole process)", lambda: subprocess.run(command, check=True))
        print(f"| report size | {report.stat().st_size / 1e6:.1f} MB |")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=args.chromium, args=FLAGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            timed(
                "load (to the load event)",
                lambda: page.goto(report.as_uri(), wait_until="load", timeout=300_000),
            )
            timed(
                "scroll to the middle",
                lambda: (
                    page.evaluate("scrollTo(0, document.body.scrollHeight / 2)"),
                    page.evaluate(FRAME),
                ),
            )
            timed("next change (n)", lambda: (page.keyboard.press("n"), page.evaluate(FRAME)))
            timed(
                "filter: changed only",
                lambda: (page.select_option("#show", "changed"), page.evaluate(FRAME)),
            )
            timed(
                "switch to side by side",
                lambda: (page.click("button[data-view=side]"), page.evaluate(FRAME)),
            )
            browser.close()


if __name__ == "__main__":
    main()
