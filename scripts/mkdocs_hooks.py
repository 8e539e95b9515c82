"""MkDocs hooks (``hooks:`` in mkdocs.yml): the docstrings' doctests shown as Python sessions.

The docstrings hold doctests (``>>> clean(text).text`` and what it prints) in running text, as
pytest's ``--doctest-modules`` reads them, and Sphinx's roles (``:func:`clean```). Markdown would read
``>>>`` as nested quotes, ``[…][0]`` as a link and a role as text; this fences each run of doctest lines
as a ``pycon`` block and turns roles into code first, for every Markdown text MkDocs renders, the
docstrings mkdocstrings renders included.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from mkdocs.plugins import event_priority

PROMPT = re.compile(r"^(\s*)>>> ")
ROLE = re.compile(r":(?:func|class|mod|data|meth|attr|exc|obj):`~?([^`]+)`")


def drop_roles(line: str) -> str:
    """Sphinx's cross-reference roles, which Markdown would print as they are, as code.

    >>> drop_roles("a :class:`Config` or :func:`~cleaner.clean`")
    'a `Config` or `cleaner.clean`'
    """
    return ROLE.sub(r"`\1`", line)


def fence_doctests(lines: list[str]) -> list[str]:
    """Each run of doctest lines (a ``>>>`` line, its ``...`` lines and its output, to a blank line) fenced.

    >>> fence_doctests(["Text.", ">>> 1 + 1", "2", "", "More."])
    ['Text.', '', '```pycon', '>>> 1 + 1', '2', '```', '', 'More.']
    >>> fence_doctests(["```", ">>> inside a fence already", "```"])
    ['```', '>>> inside a fence already', '```']
    """
    out: list[str] = []
    fenced = False
    at = 0
    while at < len(lines):
        line = lines[at]
        if line.lstrip().startswith("```"):
            fenced = not fenced
        match = None if fenced else PROMPT.match(line)
        if match is None:
            out.append(line if fenced else drop_roles(line))
            at += 1
            continue
        indent = match.group(1)
        run = []
        while at < len(lines) and lines[at].strip():
            run.append(lines[at].removeprefix(indent))
            at += 1
        out.extend(["", indent + "```pycon", *(indent + r for r in run), indent + "```"])
    return out


class _Doctests(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return fence_doctests(lines)


class DoctestExtension(Extension):
    """Fence doctests before any other Markdown reads them."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_Doctests(md), "doctests", 40)


@event_priority(100)  # before mkdocstrings reads the list of extensions
def on_config(config: Any) -> Any:
    config.markdown_extensions.append(DoctestExtension())
    return config
