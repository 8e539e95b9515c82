"""The report in a real headless browser (Debian's Chromium, driven by Playwright): it loads with no error,
its charts render, a side-by-side view opens, and a screenshot shows them.

Skipped where no Chromium is installed, except in CI (``CI`` set), where it must run: ``.ci/run``
installs Chromium with apt-get.  Playwright never downloads a browser here: it drives the system's.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from png import colours, near
from report_support import build_corpus
from test_cli_support import NAMES, run

from cleaner.report.svg import KIND_COLOURS

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must run the browser test: .ci/run installs Chromium)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A Chromium context with a fresh profile; any request that is not for a local file is refused and recorded."""
    if CHROMIUM is None:
        unavailable("no Chromium installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("playwright is not installed")
    profile = tmp_path_factory.mktemp("profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            headless=True,
            args=FLAGS,
            viewport={"width": 1280, "height": 900},
        )
        context.outside = []  # type: ignore[attr-defined]

        def guard(route: Any) -> None:
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                context.outside.append(route.request.url)  # type: ignore[attr-defined]
                route.abort()

        context.route("**/*", guard)
        yield context
        context.close()


@pytest.fixture(scope="module")
def opened(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, list[str], Path]:
    folder = build_corpus(tmp_path_factory.mktemp("corpus"))
    out = tmp_path_factory.mktemp("out")
    assert run("report", folder, "-o", out / "report.html", "-q").code == 123  # one bad JSONL line
    page = browser.new_page()
    problems: list[str] = []
    page.on(
        "console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.goto((out / "report.html").as_uri())
    page.wait_for_load_state("load")
    return page, problems, out


def test_the_page_loads_with_no_error_and_asks_for_nothing(opened: tuple[Any, list[str], Path], browser: Any) -> None:
    page, problems, _ = opened
    assert page.title() == "cleaner report"
    assert problems == []
    assert browser.outside == []


def test_the_charts_render(opened: tuple[Any, list[str], Path]) -> None:
    page, _, out = opened
    for chart in ("kind-tokens", "kind-blocks", "site-tokens", "site-blocks", "kept", "languages", "fix-kinds"):
        bars = page.locator(f"#chart-{chart} rect.bar")
        assert bars.count() > 0, chart
        widths = [bars.nth(i).bounding_box()["width"] for i in range(bars.count())]
        assert max(widths) > 20, (chart, widths)
    tokens = page.locator("#chart-kind-tokens rect.bar")
    first, last = tokens.first.bounding_box(), tokens.last.bounding_box()
    assert first["width"] > 10 * last["width"]  # scaled to the values: 143 tokens against 1
    shot = page.locator("#kinds").screenshot(path=str(out / "kinds.png"))
    seen = colours(shot)
    assert near(seen, KIND_COLOURS["related-links"]) > 2000  # the longest bars, drawn in their kind's colour
    assert near(seen, KIND_COLOURS["title"]) > 300


def test_a_side_by_side_view_opens(opened: tuple[Any, list[str], Path]) -> None:
    page, problems, out = opened
    view_id = page.locator(f"table.changed a:has-text('{NAMES[3]}')").get_attribute("href")
    assert not page.locator(view_id).is_visible()
    page.locator(f"table.changed a:has-text('{NAMES[3]}')").click()
    view = page.locator(view_id)
    assert view.is_visible()
    assert page.locator("section.view:visible").count() == 1
    byline = view.locator('tr.block[data-kind="byline"]')
    assert byline.is_visible() and "byline · byline" in byline.inner_text()
    shot = page.screenshot(path=str(out / "view.png"))
    seen = colours(shot)
    assert near(seen, KIND_COLOURS["byline"]) > 100  # its tag, in the removed column
    assert near(seen, KIND_COLOURS["body"]) > 500  # the kept column's edge
    kept = view.locator("tr.block.kept")
    assert kept.first.is_visible()
    view.locator('.legend button[data-kind="body"]').click()  # hide the kept blocks
    assert not kept.first.is_visible() and byline.is_visible()
    page.keyboard.press("Escape")
    page.wait_for_function("location.hash === '#changed'")
    assert not view.is_visible()
    assert problems == []
