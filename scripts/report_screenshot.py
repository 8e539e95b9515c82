"""Screenshots of ``cleaner report`` for docs/report.md: the page's top, and the side-by-side view of one document.

    python scripts/report_screenshot.py samples/ --out docs/ --view 3

writes ``docs/report.png`` and ``docs/report-view.png``.  It needs Chromium
(Debian: ``apt-get install chromium``) and the ``playwright`` package (in
``.[test]``); Playwright drives the system's Chromium and downloads nothing.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from cleaner.cli import main

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def shoot(report: Path, out: Path, width: int, height: int, view: int) -> None:
    """Open the report in headless Chromium and save the two screenshots."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("report_screenshot: no Chromium found (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=chromium, headless=True, args=FLAGS, viewport={"width": width, "height": height}
        )
        page = context.new_page()
        page.goto(report.resolve().as_uri())
        page.screenshot(path=str(out / "report.png"), full_page=False)
        page.locator(f'table.changed a[href="#doc-{view}"]').click()
        page.screenshot(path=str(out / "report-view.png"))
        context.close()


def run(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", help="what to report on (as for cleaner report)")
    parser.add_argument("--out", default="docs", help="folder of the screenshots (default: docs)")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1000)
    parser.add_argument(
        "--view", type=int, default=1, help="the side-by-side view to show: the Nth most changed document"
    )
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        report = Path(work) / "report.html"
        code = main(["report", *args.paths, "-o", str(report), "-q"])
        if code != 0:
            return code
        shoot(report, out, args.width, args.height, args.view)
    print(f"wrote {out / 'report.png'} and {out / 'report-view.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(run())
