"""The docs build: ``mkdocs build --strict`` (mkdocs.yml), so that a broken page, link, anchor or API reference
fails the tests, and with them CI."""

from __future__ import annotations

import dataclasses
import doctest
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli_support import ROOT

from cleaner.config import Config
from cleaner.document import Block, Document, Fix, Removal, Result

pytest.importorskip("mkdocs")
pytest.importorskip("mkdocstrings_handlers.python")

#: The records of the public API: every field of each is documented (an attribute docstring) in docs/api.md.
PUBLIC_RECORDS = (Config, Result, Removal, Fix, Block, Document)


def hooks() -> object:
    """scripts/mkdocs_hooks.py, the hooks mkdocs.yml names, as a module."""
    spec = importlib.util.spec_from_file_location("mkdocs_hooks", ROOT / "scripts" / "mkdocs_hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_hooks_doctests_pass() -> None:
    failed, tried = doctest.testmod(hooks())  # type: ignore[arg-type]
    assert tried >= 3 and failed == 0


def test_the_nav_lists_every_page() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in sorted((ROOT / "docs").glob("*.md")):
        assert f": {page.name}\n" in nav, page.name


@pytest.mark.parametrize(
    ("markdown", "needle"),
    [
        ("Text.\n\n>>> 1 + 1\n2\n", 'class="language-pycon'),
        ("See :class:`Config`.\n", "<code>Config</code>"),
    ],
)
def test_the_hooks_render_docstrings(markdown: str, needle: str) -> None:
    import markdown as md

    html = md.markdown(markdown, extensions=[hooks().DoctestExtension(), "fenced_code"])  # type: ignore[attr-defined]
    assert needle in html


def test_the_docs_build_in_strict_mode(tmp_path: Path) -> None:
    site = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "WARNING" not in done.stderr, done.stderr[-3000:]
    pages = {path.parent.name for path in site.glob("*/index.html")}
    assert {"api", "library", "command", "how-it-works", "measured"} <= pages
    api = (site / "api" / "index.html").read_text(encoding="utf-8")
    for name in (
        "cleaner.clean",
        "cleaner.clean_html",
        "cleaner.config.Config",
        "cleaner.document.Result",
        "cleaner.document.Document",
        "cleaner.pipeline.Pipeline",
        "cleaner.pipeline.default_pipeline",
        "cleaner.corpus.find_templates",
        "cleaner.corpus.clean_corpus",
        "cleaner.adapters.datatrove.CleanerStep",
        "cleaner.adapters.datatrove.CleanerHtmlStep",
        "cleaner.adapters.datatrove.CollectTemplateLines",
    ):
        assert f'id="{name}"' in api, name
    for cls in PUBLIC_RECORDS:
        for spec in dataclasses.fields(cls):
            anchor = f"{cls.__module__}.{cls.__name__}.{spec.name}"
            assert f'id="{anchor}"' in api, f"{anchor} has no docstring in the API reference"


def test_a_broken_link_fails_the_build(tmp_path: Path) -> None:
    """strict mode, as configured, does fail: the same docs with one link to a missing anchor."""
    import shutil

    copy = tmp_path / "repo"
    shutil.copytree(ROOT / "docs", copy / "docs")
    shutil.copytree(ROOT / "scripts", copy / "scripts")
    shutil.copy(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
    (copy / "cleaner").symlink_to(ROOT / "cleaner", target_is_directory=True)
    page = copy / "docs" / "kinds.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[gone](typos.md#no-such-section)\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=copy,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode != 0
    assert "no-such-section" in done.stderr
