"""How long the readers take on 100-page documents of real UN text.

    python bench/readers.py [--pages 100] [--chromium /usr/bin/chromium]

Builds, from the resolutions in bench/corpus/, a Word file (written as
fixtures/make_docx.py writes them, with automatic numbering and one tracked
change per 20 paragraphs) and a PDF (the same text printed to PDF by headless
Chromium, if it is installed), then times `unwording compare FILE FILE` (two
reads and a comparison) as whole processes, against reading the plain text.
"""

from __future__ import annotations

import argparse
import html
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "fixtures"))
sys.path.insert(0, str(HERE))
import make_docx  # noqa: E402

import bench  # noqa: E402

WORDS_PER_PAGE = 500


def paragraphs(pages: int) -> list[str]:
    text, _ = bench.build(pages * WORDS_PER_PAGE)
    return text.strip().split("\n\n")


def write_docx(path: Path, items: list[str]) -> None:
    body = []
    for number, text in enumerate(items):
        label, _, rest = text.partition(". ")
        content = make_docx.run(rest if label.isdigit() else text)
        if number % 20 == 0:
            content += make_docx.ins(" as appropriate", "Delegation A", number)
        body.append(make_docx.paragraph(content, level=0 if label.isdigit() else None))
    make_docx.package(
        path,
        {"word/document.xml": make_docx.document(body), "word/numbering.xml": make_docx.NUMBERING},
    )


def write_pdf(path: Path, items: list[str], chromium: str) -> bool:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return False
    page_html = (
        "<html><body>" + "".join(f"<p>{html.escape(t)}</p>" for t in items) + "</body></html>"
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page()
        page.set_content(page_html)
        page.pdf(path=str(path), format="A4")
        browser.close()
    return True


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    items = paragraphs(args.pages)
    with tempfile.TemporaryDirectory() as folder:
        files = {"text": Path(folder, "doc.txt"), "docx": Path(folder, "doc.docx")}
        files["text"].write_text("\n\n".join(items), encoding="utf-8")
        write_docx(files["docx"], items)
        if write_pdf(Path(folder, "doc.pdf"), items, args.chromium):
            files["pdf"] = Path(folder, "doc.pdf")
        print(f"{len(items)} paragraphs, about {args.pages * WORDS_PER_PAGE:,} words\n")
        print("| input | file size | compare FILE FILE (2 reads, whole process) |\n|---|---|---|")
        for name, path in files.items():
            command = [sys.executable, "-m", "unwording", "compare", str(path), str(path)]
            seconds = min(timed(command) for _ in range(3))
            print(f"| {name} | {path.stat().st_size / 1e6:.1f} MB | {seconds:.2f} s |", flush=True)


if __name__ == "__main__":
    main()
